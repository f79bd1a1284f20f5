#include "measure_options.hpp"

#include <fmt/format.h>

namespace tco::cli {

void MeasureOptions::add_to(CLI::App& app, const char* default_kind) {
  app.add_option("--measure", kind,
                 fmt::format("The figure to measure: a strategy's total, the difference between two, or a "
                             "strategy's break-even month (default {})",
                             default_kind))
      ->check(CLI::IsMember({"total", "difference", "breakeven"}));
  app.add_option("--strategy", strategy,
                 "The strategy measured (default: the cheapest as written other than the baseline)")
      ->type_name("STRATEGY");
  app.add_option("--against", against, "For --measure difference: the strategy subtracted (default: the baseline)")
      ->type_name("STRATEGY");
}

Measure MeasureOptions::measure(Measure::Kind fallback) const {
  Measure out;
  out.kind = kind == "total"        ? Measure::Kind::total
             : kind == "difference" ? Measure::Kind::difference
             : kind == "breakeven"  ? Measure::Kind::breakeven
                                    : fallback;
  out.strategy = strategy;
  out.against = against;
  return out;
}

}  // namespace tco::cli
