#pragma once
// Probability distributions of an uncertain input (issue 7: Monte Carlo and sensitivity).
// A distribution is described by its inverse CDF, so that a sampler draws a value from one
// uniform number, and inputs that share that number move together.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tco {

enum class DistributionKind { range, triangular, normal, lognormal, choice };

std::string to_string(DistributionKind kind);  // "range", "triangular", ...
// Every kind's name, in declaration order: for "did you mean" and allowed-value lists.
std::vector<std::string> distribution_kind_names();
std::optional<DistributionKind> parse_distribution_kind(std::string_view name);

// A distribution over a value in the base unit of its dimension (quantity.hpp). The members
// below are assumed valid, as the scenario loader checks them: min < max (min <= mode <= max),
// sd > 0, a lognormal's mean > 0 and upper > 0, lower < upper, at least one choice value and
// one positive weight per value.
struct Distribution {
  DistributionKind kind = DistributionKind::range;
  double min = 0, mode = 0, max = 0;  // range: min, max; triangular: min, mode, max
  // normal, lognormal: mean and standard deviation OF THE VALUE (a lognormal's mu and sigma
  // are derived from them, so that a user states what they know: the value's spread).
  double mean = 0, sd = 0;
  std::optional<double> lower, upper;   // normal, lognormal: optional truncation bounds
  std::vector<double> values, weights;  // choice: the values and their (positive, unnormalized) weights;
                                        // no weights: equally likely

  // The inverse CDF: the value at cumulative probability u in (0, 1); non-decreasing in u, so
  // inputs that share a random quantile move together (comonotonic). Truncation is exact: u
  // is mapped into [F(lower), F(upper)].
  [[nodiscard]] double quantile(double u) const;
  // The value `tco compare` uses for it: range midpoint, triangular mode, normal mean,
  // lognormal median (each clamped into the truncation bounds), choice the value with the
  // largest weight (the first on ties).
  [[nodiscard]] double central() const;
  // The mean, of the truncated distribution when truncated (computed numerically then).
  [[nodiscard]] double expected() const;
  [[nodiscard]] double variance() const;
  [[nodiscard]] double lowest() const;   // smallest value it can take (-inf for an untruncated normal)
  [[nodiscard]] double highest() const;  // largest (+inf for an untruncated normal or lognormal)
  // The share of the untruncated normal (of ln x for a lognormal) that the truncation bounds
  // keep; 1 for the other kinds. Loaders reject a sliver, whose moments would be noise.
  [[nodiscard]] double kept_mass() const;
  // Whether truncation bounds cut a normal or lognormal (a lognormal's min of 0 or less does not).
  [[nodiscard]] bool truncated() const;
};

// The standard normal CDF and its inverse (Wichura's AS 241), shared by the kinds above and
// their tests.
double normal_cdf(double z);
double normal_quantile(double p);

}  // namespace tco
