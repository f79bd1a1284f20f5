#pragma once
// `tco simulate` as a terminal table, JSON (schema "tco.simulation/1"), CSV and Markdown.
#include <optional>
#include <string>
#include <vector>

#include "tco/analysis/simulation.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/format.hpp"

namespace tco {

// A figure's summary over the samples, in the order the reports show them.
struct FigureSummary {
  double as_written = 0;
  double mean = 0;
  double standard_error = 0;  // of the mean
  double stddev = 0;
  double p10 = 0;
  double p50 = 0;
  double p90 = 0;
};

struct SimulatedStrategy {
  std::string name;
  FigureSummary total;
  FigureSummary npv;
  double probability_cheapest = 0;
  double cheapest_standard_error = 0;  // binomial: sqrt(p (1 - p) / n)
  double probability_tied = 0;         // of sharing the lowest total with another strategy
  bool is_baseline = false;
  // Against the baseline (empty for the baseline itself):
  std::optional<int> breakeven_as_written;
  double probability_breaks_even = 0;  // within the horizon
  double breaks_even_standard_error = 0;
  std::optional<int> breakeven_p10, breakeven_p50, breakeven_p90;  // none: beyond the horizon
};

struct SimulationReport {
  ComparisonReport comparison;  // the scenario as written: names, horizon, currency
  std::vector<SimulatedInput> inputs;
  std::vector<SimulatedStrategy> strategies;
  std::uint64_t samples = 0;
  std::uint64_t seed = 0;
  std::uint64_t engine_samples = 0;
  double quantile_accuracy = 0;  // relative accuracy of the percentiles
};

SimulationReport make_simulation_report(const ModelResult& as_written, const SimulationResult& simulation);

// One renderer per format (src/report/simulation/).
std::string render_simulation_table(const SimulationReport& report);
std::string render_simulation_json(const SimulationReport& report);
std::string render_simulation_csv(const SimulationReport& report);
std::string render_simulation_markdown(const SimulationReport& report);

const Renderers<SimulationReport>& simulation_renderers();

}  // namespace tco
