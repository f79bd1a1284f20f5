#pragma once
// `tco sweep` as a table (a grid for two inputs), CSV (one row per point and strategy), JSON
// ("tco.sweep/1") and Markdown; the HTML page draws the grid as a heat map (html_report.hpp).
#include <optional>
#include <string>
#include <vector>

#include "tco/analysis/sensitivity.hpp"
#include "tco/analysis/sweep.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/format.hpp"

namespace tco {

struct SweepAxisReport {
  std::string path;
  std::string label;                // "utilization (every workload's, sustained)", or the path
  std::vector<double> values;       // in base units
  std::vector<std::string> labels;  // with units: "30 %", "$0.050/kWh"
  std::string as_written;           // the scenario's value, with units
  double as_written_value = 0;      // the same in base units: where the HTML page marks it
};

struct SweepReport {
  ComparisonReport comparison;
  std::vector<SweepAxisReport> axes;  // one or two
  std::vector<std::string> strategies;
  std::string baseline;
  Measure measure;  // what a grid cell shows
  std::string measure_label;
  bool measure_is_month = false;
  // Per point (first axis slowest), per strategy in `strategies` order.
  std::vector<std::vector<StrategyFigures>> points;
  std::vector<std::optional<double>> measured;  // per point: the measure
  std::uint64_t engine_evaluations = 0;
};

SweepReport make_sweep_report(const ModelResult& as_written, const SweepResult& sweep, const Measure& measure);
// A cell as the table and the heat map print it: money, or "month 23", or "never".
std::string format_sweep_cell(const SweepReport& report, const std::optional<double>& value);

// One renderer per format (src/report/sweep/).
std::string render_sweep_table(const SweepReport& report);
std::string render_sweep_csv(const SweepReport& report);
std::string render_sweep_json(const SweepReport& report);
std::string render_sweep_markdown(const SweepReport& report);
// `tco sweep --format html`: the grid as a heat map (svg.chart data-chart="heatmap") and as a
// table (id="sweep"); one input: a line chart per strategy (data-chart="sweep").
std::string render_sweep_html(const SweepReport& report);

const Renderers<SweepReport>& sweep_renderers();

}  // namespace tco
