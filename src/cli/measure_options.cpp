#include "measure_options.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"

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

Measure MeasureOptions::requested(Measure::Kind fallback) const {
  Measure out;
  out.kind = kind == "total"        ? Measure::Kind::total
             : kind == "difference" ? Measure::Kind::difference
             : kind == "breakeven"  ? Measure::Kind::breakeven
                                    : fallback;
  out.strategy = strategy;
  out.against = against;
  return out;
}

Result<Measure> MeasureOptions::resolve(const ModelResult& as_written, Measure::Kind fallback) const {
  Measure measure = requested(fallback);
  Diagnostics d;
  std::vector<std::string> names;
  for (const auto& s : as_written.strategies) names.push_back(s.name);
  const auto check = [&](const std::string& name, const char* option) {
    if (std::find(names.begin(), names.end(), name) != names.end()) return;
    d.error({}, "",
            fmt::format("{}: unknown strategy '{}'{}; strategies are {}", option, name, did_you_mean(name, names),
                        quoted_list(names)));
  };
  if (measure.strategy.empty()) {
    // The strategy cheapest as written, other than the baseline; the baseline when alone.
    const StrategyResult* cheapest = nullptr;
    for (const auto& s : as_written.strategies) {
      if (s.name != as_written.baseline && (!cheapest || s.total_cash() < cheapest->total_cash())) cheapest = &s;
    }
    if (cheapest == nullptr) {
      measure.kind = Measure::Kind::total;
      measure.strategy = as_written.baseline;
    } else {
      measure.strategy = cheapest->name;
    }
  }
  check(measure.strategy, "--strategy");
  if (measure.kind != Measure::Kind::difference && !measure.against.empty())
    d.error({}, "", "--against: only --measure difference subtracts another strategy");
  if (measure.kind == Measure::Kind::difference) {
    if (measure.against.empty()) measure.against = as_written.baseline;
    check(measure.against, "--against");
    if (!d.has_errors() && measure.against == measure.strategy)
      d.error({}, "", fmt::format("--against: the difference of {} with itself is always zero", measure.strategy));
  }
  if (measure.kind == Measure::Kind::breakeven && measure.strategy == as_written.baseline && !d.has_errors()) {
    d.error(
        {}, "",
        fmt::format("--strategy: {} is the baseline; its break-even against itself is not defined", measure.strategy));
  }
  if (d.has_errors()) return d;
  return measure;
}

}  // namespace tco::cli
