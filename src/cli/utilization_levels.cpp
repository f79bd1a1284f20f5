#include "utilization_levels.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tco/analysis/breakeven.hpp"
#include "tco/analysis/exit.hpp"
#include "tco/core/range.hpp"

namespace tco::cli {

std::optional<std::vector<double>> parse_utilization_levels(const std::string& text) {
  std::string problem;
  const auto range = parse_range(text, Dimension::fraction, problem);
  if (!range || range->from <= 0 || range->to > 1 || range->count() > kMaxUtilizationLevels) return std::nullopt;
  return range->values();
}

std::string utilization_levels_error(const std::string& text) {
  std::string problem;
  if (const auto range = parse_range(text, Dimension::fraction, problem);
      range && range->count() > kMaxUtilizationLevels)
    return fmt::format("--utilization: {} is {} levels; at most {} are computed: widen the STEP", text, range->count(),
                       kMaxUtilizationLevels);
  return fmt::format(
      "--utilization: expected FROM:TO:STEP with 0 % < FROM <= TO <= 100 % and STEP > 0, such as 30%:100%:10%, "
      "found '{}'",
      text);
}

std::optional<BreakevenReport> breakeven_report(const ScenarioRun& run, const std::vector<double>& levels,
                                                DiagnosticSink& sink, bool page) {
  auto analysis = analyse_breakeven(*run.prepared, levels);
  sink.report(analysis.diagnostics());
  if (!analysis) return std::nullopt;
  auto report = make_breakeven_report(analysis.value());
  if (!page) return report;
  ExitOptions options;
  for (int month = 0; month < run.model.months; ++month) options.months.push_back(month);
  std::vector<std::string> strategies;
  for (const auto& strategy : run.model.strategies) strategies.push_back(strategy.name);
  auto exits = analyse_exits(*run.prepared, run.model, options, strategies);
  sink.report(exits.diagnostics());
  if (!exits) return std::nullopt;
  for (auto& exit : exits.value()) {
    const bool stores =
        std::any_of(exit.points.begin(), exit.points.end(), [](const ExitAtMonth& point) { return point.bytes > 0; });
    if (stores) report.exits.push_back(std::move(exit));
  }
  return report;
}

}  // namespace tco::cli
