#include "utilization_levels.hpp"

#include <fmt/format.h>

#include "tco/analysis/breakeven.hpp"
#include "tco/core/quantity.hpp"

namespace tco::cli {

std::optional<std::vector<double>> parse_utilization_levels(const std::string& text) {
  std::vector<double> parts;
  std::size_t from = 0;
  while (true) {
    const auto colon = text.find(':', from);
    const auto part = parse_quantity(text.substr(from, colon - from), Dimension::fraction);
    if (!part) return std::nullopt;
    parts.push_back(part->value);
    if (colon == std::string::npos) break;
    from = colon + 1;
  }
  if (parts.size() != 3 || parts[0] <= 0 || parts[1] > 1 || parts[0] > parts[1] || parts[2] <= 0) return std::nullopt;
  std::vector<double> levels;
  for (int i = 0;; ++i) {
    const double level = parts[0] + i * parts[2];
    if (level > parts[1] + 1e-9 || levels.size() >= 100) break;
    levels.push_back(level);
  }
  return levels;
}

std::string utilization_levels_error(const std::string& text) {
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
