#pragma once
// Values a scenario gives as probability distributions instead of numbers (tco-scenario(5),
// UNCERTAINTY), for Monte Carlo and sensitivity analysis. `tco compare` and the other
// commands that price one scenario use each distribution's central value.
#include <memory>
#include <string>

#include "tco/core/diagnostic.hpp"
#include "tco/core/distribution.hpp"
#include "tco/core/quantity.hpp"
#include "tco/inputs/sourced.hpp"

namespace tco {

struct Uncertainty {
  Distribution distribution;    // in the base unit of the value's dimension
  std::string driver;           // a name declared in the scenario's `drivers:`, or "" for an independent draw
  SourceLocation driver_where;  // where `driver:` was written, when it was
  // As written, in the file's units: "triangular(60 %, 85 %, 95 %)",
  // "normal(mean 0.10 USD/kWh, sd 0.02 USD/kWh, min 0.05 USD/kWh)".
  std::string text;
  // The unit the first parameter was written in ("%", "USD/kWh"; "" for a plain number) and
  // its size in base units, to show a value in the file's units.
  std::string unit;
  double per_unit = 1;
  // The value is a rate (per month) written as an interval (`every: 1 week`): a drawn
  // interval x stands for kHoursPerMonth ÷ x of it.
  bool interval_as_rate = false;

  // The input's value at cumulative probability u: the distribution's quantile, or for an
  // interval written for a rate, the rate that interval stands for.
  [[nodiscard]] double value_at(double u) const {
    const double x = distribution.quantile(u);
    return interval_as_rate ? kHoursPerMonth / x : x;
  }
  // A base-unit value in the file's unit: show(1.2) is "120 %" when the file wrote percent.
  [[nodiscard]] std::string show(double base_value) const;
};

// One value the scenario states as a distribution, in file order. Values the scenario gives
// as intervals (`every: 1 week`) are held as rates (refreshes or transfers per month) in the
// Scenario; their distribution stays one of the interval, as written, in hours.
struct UncertainInput {
  std::string path;  // key path, "workloads.serve.utilization"
  SourceLocation where;
  Dimension dimension = Dimension::count;  // of the value as written
  std::shared_ptr<const Uncertainty> uncertainty;
};

// A named shared random draw: every distribution naming it is sampled at the same quantile.
struct Driver {
  std::string name;
  std::string description;
  SourceLocation where;
};

// The smallest and the largest value a stated value can take: the value itself, or the
// bounds of its distribution (infinite for an unbounded tail).
double lowest(const Sourced& value);
double highest(const Sourced& value);

}  // namespace tco
