#include "utilization_levels.hpp"

#include <fmt/format.h>

#include "tco/analysis/breakeven.hpp"
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
                                                DiagnosticSink& sink) {
  auto analysis = analyse_breakeven(*run.prepared, levels);
  sink.report(analysis.diagnostics());
  if (!analysis) return std::nullopt;
  return make_breakeven_report(analysis.value());
}

}  // namespace tco::cli
