// Distributions are checked against their definitions: quantiles against the CDF, moments
// of a fine, evenly spaced set of quantiles against expected() and variance().
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include <catch2/catch.hpp>

#include "tco/core/distribution.hpp"
#include "tco/core/random.hpp"

using namespace tco;

namespace {

Distribution range(double lo, double hi) {
  Distribution d;
  d.kind = DistributionKind::range;
  d.min = lo;
  d.max = hi;
  return d;
}

Distribution triangular(double lo, double mode, double hi) {
  Distribution d = range(lo, hi);
  d.kind = DistributionKind::triangular;
  d.mode = mode;
  return d;
}

Distribution normal(double mean, double sd, std::optional<double> lower = {}, std::optional<double> upper = {}) {
  Distribution d;
  d.kind = DistributionKind::normal;
  d.mean = mean;
  d.sd = sd;
  d.lower = lower;
  d.upper = upper;
  return d;
}

Distribution lognormal(double mean, double sd, std::optional<double> lower = {}, std::optional<double> upper = {}) {
  Distribution d = normal(mean, sd, lower, upper);
  d.kind = DistributionKind::lognormal;
  return d;
}

Distribution choice(std::vector<double> values, std::vector<double> weights = {}) {
  Distribution d;
  d.kind = DistributionKind::choice;
  d.values = std::move(values);
  d.weights = std::move(weights);
  return d;
}

// The mean and variance of the quantiles at u = (i + 0.5) / n: the midpoint rule for
// E[X] = integral of quantile(u) over (0, 1), and likewise for the variance.
std::pair<double, double> quantile_moments(const Distribution& d, int n = 240000) {
  double sum = 0;
  std::vector<double> xs(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    xs[static_cast<std::size_t>(i)] = d.quantile((i + 0.5) / n);
    sum += xs[static_cast<std::size_t>(i)];
  }
  const double mean = sum / n;
  double squares = 0;
  for (double x : xs) squares += (x - mean) * (x - mean);
  return {mean, squares / n};
}

const std::vector<Distribution>& every_kind() {
  static const std::vector<Distribution> all{
      range(0.6, 0.95),
      triangular(0.6, 0.85, 0.95),
      triangular(1, 1, 4),
      triangular(1, 4, 4),
      normal(0.10, 0.02),
      normal(0.10, 0.02, 0.05),
      normal(0.10, 0.02, 0.05, 0.11),
      normal(0, 1, 2.5),
      normal(0, 1, -1, 1),
      lognormal(100e12, 30e12),
      lognormal(100e12, 30e12, 50e12, 200e12),
      lognormal(1, 0.5, 0.5),
      choice({0.01, 0.03, 0.05}, {5, 3, 2}),
      choice({5, 1, 3}),
  };
  return all;
}

}  // namespace

TEST_CASE("the inverse normal CDF (AS 241) inverts the CDF to about 1e-15") {
  CHECK(normal_quantile(0.5) == 0.0);
  CHECK(normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-15));
  CHECK(normal_quantile(0.025) == Approx(-1.959963984540054).epsilon(1e-15));
  CHECK(normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-14));
  for (double p : {1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.02, 0.0751, 0.3, 0.49, 0.5001, 0.7, 0.9, 0.999}) {
    INFO("p = " << p);
    // A relative error e in z is one of about z^2 e in p.
    const double z = normal_quantile(p);
    CHECK(normal_cdf(z) == Approx(p).epsilon(1e-14 * (1 + z * z)));
    if (p > 1e-9) CHECK(normal_quantile(1 - p) == Approx(-z).epsilon(1e-7));
  }
  CHECK(std::isinf(normal_quantile(0)));
  CHECK(std::isinf(normal_quantile(1)));
}

TEST_CASE("every kind's quantile is non-decreasing and stays within lowest()..highest()") {
  for (const auto& d : every_kind()) {
    INFO(to_string(d.kind) << " central " << d.central());
    double previous = -std::numeric_limits<double>::infinity();
    bool monotone = true;
    bool inside = true;
    for (int i = 1; i < 100000; ++i) {
      const double x = d.quantile(i / 100000.0);
      monotone = monotone && x >= previous;
      inside = inside && x >= d.lowest() && x <= d.highest();
      previous = x;
    }
    for (double u : {0x1p-53, 1 - 0x1p-53}) {
      const double x = d.quantile(u);
      inside = inside && x >= d.lowest() && x <= d.highest();
    }
    CHECK(monotone);
    CHECK(inside);
  }
}

TEST_CASE("expected() and variance() are the moments of the quantile function") {
  for (const auto& d : every_kind()) {
    INFO(to_string(d.kind) << " central " << d.central());
    const auto [mean, variance] = quantile_moments(d);
    const double sd = std::sqrt(d.variance());
    // The midpoint rule misses the outermost 1/480000 of an unbounded tail: a little of the
    // variance, nothing of a bounded distribution's.
    const bool unbounded = std::isinf(d.lowest()) || std::isinf(d.highest());
    CHECK(mean == Approx(d.expected()).margin(1e-5 * sd));
    CHECK(variance == Approx(d.variance()).epsilon(unbounded ? 2e-3 : 1e-6));
  }
}

TEST_CASE("a truncated normal's mean matches the closed form") {
  auto density = [](double z) { return std::exp(-z * z / 2) / std::sqrt(2 * 3.14159265358979323846); };
  for (auto [lo, hi] : std::vector<std::pair<double, double>>{{-1, 1}, {0.5, 3}, {-4, -2}, {2.5, 40}, {0, 1e-3}}) {
    const auto d = normal(10, 2, 10 + 2 * lo, 10 + 2 * hi);
    const double kept = normal_cdf(hi) - normal_cdf(lo);
    INFO(lo << ".." << hi);
    CHECK(d.expected() == Approx(10 + 2 * (density(lo) - density(hi)) / kept).epsilon(1e-9));
    const double ratio = (lo * density(lo) - hi * density(hi)) / kept;
    const double shift = (density(lo) - density(hi)) / kept;
    if (hi - lo > 0.1) CHECK(d.variance() == Approx(4 * (1 + ratio - shift * shift)).epsilon(1e-9));
    CHECK(d.kept_mass() == Approx(kept).epsilon(1e-12));
  }
  // A lognormal cut below: E[X | X > L] = e^(mu + sigma^2 / 2) P(Z > a - sigma) / P(Z > a).
  const double sigma = std::sqrt(std::log(10.0));
  const double mu = -sigma * sigma / 2;
  const double a = (std::log(0.5) - mu) / sigma;
  CHECK(lognormal(1, 3, 0.5).expected() == Approx(normal_cdf(sigma - a) / normal_cdf(-a)).epsilon(1e-12));
  // Width 0.002 sd: nearly uniform, variance width^2 / 12, where the closed form cancels.
  CHECK(normal(0, 1, 0, 0.002).variance() == Approx(0.002 * 0.002 / 12).epsilon(1e-5));
}

TEST_CASE("truncation bounds are exact: the quantiles span exactly lower..upper") {
  const auto d = normal(0.10, 0.02, 0.05, 0.11);
  CHECK(d.quantile(1e-12) == Approx(0.05).margin(1e-12));
  CHECK(d.quantile(1 - 1e-12) == Approx(0.11).margin(1e-12));
  CHECK(d.lowest() == 0.05);
  CHECK(d.highest() == 0.11);
  // Half of what is kept lies on each side of the median.
  const double median = d.quantile(0.5);
  CHECK(normal_cdf((median - 0.10) / 0.02) - normal_cdf(-2.5) ==
        Approx((normal_cdf(0.5) - normal_cdf(-2.5)) / 2).epsilon(1e-12));
  // Far in the upper tail, quantiles keep their digits (counted from that tail).
  const auto tail = normal(0, 1, 5);
  CHECK(tail.quantile(0.5) > 5);
  CHECK(tail.quantile(0.5) == Approx(-normal_quantile(normal_cdf(-5) / 2)).epsilon(1e-12));
  const auto sizes = lognormal(100, 30, 80, 150);
  CHECK(sizes.quantile(1e-12) == Approx(80).epsilon(1e-9));
  CHECK(sizes.quantile(1 - 1e-12) == Approx(150).epsilon(1e-9));
  CHECK(sizes.lowest() == 80);
  CHECK(lognormal(100, 30).lowest() == 0);
  CHECK(std::isinf(lognormal(100, 30).highest()));
  CHECK(std::isinf(normal(0, 1).lowest()));
}

TEST_CASE("a lognormal is given by the mean and sd of the value itself") {
  const auto d = lognormal(100, 30);
  CHECK(d.expected() == 100);
  CHECK(d.variance() == 900);
  // sigma^2 = ln(1 + 0.09), mu = ln 100 - sigma^2 / 2: the median is 100 / sqrt(1.09).
  CHECK(d.central() == Approx(100 / std::sqrt(1.09)).epsilon(1e-14));
  CHECK(d.quantile(0.5) == Approx(d.central()).epsilon(1e-14));
}

TEST_CASE("a choice takes each value with its weight's share, whatever the order written") {
  for (const auto& d : {choice({0.01, 0.03, 0.05}, {5, 3, 2}), choice({0.05, 0.01, 0.03}, {2, 5, 3})}) {
    std::map<double, int> counts;
    for (int i = 0; i < 10000; ++i) ++counts[d.quantile((i + 0.5) / 10000)];
    CHECK(counts == std::map<double, int>{{0.01, 5000}, {0.03, 3000}, {0.05, 2000}});
  }
  std::map<double, int> equal;
  for (int i = 0; i < 9000; ++i) ++equal[choice({5, 1, 3}).quantile((i + 0.5) / 9000)];
  CHECK(equal == std::map<double, int>{{1, 3000}, {3, 3000}, {5, 3000}});
}

TEST_CASE("central() is the value compare uses, per kind") {
  CHECK(range(0.6, 0.95).central() == Approx(0.775));
  CHECK(triangular(0.6, 0.85, 0.95).central() == 0.85);
  CHECK(normal(0.10, 0.02).central() == 0.10);
  CHECK(normal(0.10, 0.02, 0.12).central() == 0.12);  // clamped into the bounds
  CHECK(normal(0.10, 0.02, {}, 0.08).central() == 0.08);
  CHECK(lognormal(100, 30, 99).central() == 99);
  CHECK(choice({0.01, 0.03, 0.05}, {5, 3, 2}).central() == 0.01);
  CHECK(choice({0.01, 0.03, 0.05}, {2, 5, 5}).central() == 0.03);  // the first on ties
  CHECK(choice({5, 1, 3}).central() == 5);                         // equal weights: the first
}

TEST_CASE("kinds have names for the scenario syntax") {
  CHECK(distribution_kind_names() == std::vector<std::string>{"range", "triangular", "normal", "lognormal", "choice"});
  CHECK(parse_distribution_kind("lognormal") == DistributionKind::lognormal);
  CHECK_FALSE(parse_distribution_kind("triangle"));
}

TEST_CASE("uniform01 depends only on seed, sample and stream, and stays inside (0, 1)") {
  CHECK(uniform01(1, 2, 3) == uniform01(1, 2, 3));
  CHECK(uniform01(1, 2, 3) != uniform01(2, 2, 3));
  CHECK(uniform01(1, 2, 3) != uniform01(1, 3, 3));
  CHECK(uniform01(1, 2, 3) != uniform01(1, 2, 4));
  CHECK(uniform01(0, 0, 0) != uniform01(0, 1, 0));
  const int n = 1000000;
  const int bins = 100;
  std::vector<int> counts(bins);
  double sum = 0, squares = 0, lag = 0, other = 0, previous = 0.5;
  bool inside = true;
  const std::uint64_t stream = stream_id("workloads.serve.utilization");
  for (int i = 0; i < n; ++i) {
    const double u = uniform01(42, static_cast<std::uint64_t>(i), stream);
    inside = inside && u > 0 && u < 1;
    sum += u;
    squares += (u - 0.5) * (u - 0.5);
    lag += (u - 0.5) * (previous - 0.5);
    other += (u - 0.5) * (uniform01(42, static_cast<std::uint64_t>(i), stream + 1) - 0.5);
    previous = u;
    ++counts[static_cast<std::size_t>(u * bins)];
  }
  CHECK(inside);
  CHECK(sum / n == Approx(0.5).margin(0.002));
  CHECK(squares / n == Approx(1.0 / 12).margin(0.001));
  // Neither consecutive samples nor two streams of the same sample are correlated.
  CHECK(std::abs(lag / n * 12) < 0.005);
  CHECK(std::abs(other / n * 12) < 0.005);
  // Chi-square with 99 degrees of freedom: above 150 once in 500 runs of a true uniform.
  double chi2 = 0;
  for (int c : counts) chi2 += (c - n / bins) * (c - n / bins) / (n / static_cast<double>(bins));
  CHECK(chi2 < 150);
  // The extremes are (2k + 1) / 2^53: never 0 or 1.
  CHECK(0x1p-53 > 0);
  CHECK(1 - 0x1p-53 < 1);
}

TEST_CASE("stream_id is FNV-1a 64, the same in every run") {
  CHECK(stream_id("") == 0xCBF29CE484222325);
  CHECK(stream_id("a") == 0xAF63DC4C8601EC8C);
  CHECK(stream_id("gpu-market") != stream_id("gpu-markets"));
}
