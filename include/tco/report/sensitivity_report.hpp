#pragma once
// `tco sensitivity` as a tornado: a terminal table with bars, JSON ("tco.sensitivity/1"),
// CSV, Markdown; the HTML page draws the tornado chart (html_report.hpp).
#include <optional>
#include <string>
#include <vector>

#include "tco/analysis/sensitivity.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/format.hpp"

namespace tco {

struct SensitivityRow {
  std::string path;      // as --vary takes it: "sites.dc.electricity", "prices.compute", "utilization"
  std::string input;     // the key path, or a description for the sustained utilization
  std::string location;  // "scenarios/llm-70b.yaml:60", or "" for a price multiplier
  std::string basis;     // "±20 %", "P10..P90 of triangular(40 %, 60 %, 80 %)"
  std::string as_written_value, low_value, high_value;  // with units
  // The same in base units (a multiplier's as changes: -0.2 for 20 % lower prices).
  double as_written_number = 0, low_number = 0, high_number = 0;
  std::optional<double> low, high;  // the figure at each end
  double effect = 0;
};

struct SensitivityReport {
  ComparisonReport comparison;
  Measure measure;
  std::string measure_label;  // "on-prem minus cloud-only, total cash over 60 months"
  bool measure_is_month = false;
  std::optional<double> as_written;
  double swing = 0;
  std::vector<SensitivityRow> rows;  // largest effect first, every input
  std::uint64_t engine_evaluations = 0;
};

SensitivityReport make_sensitivity_report(const ModelResult& as_written, const SensitivityResult& result);
// An input's value with its unit, to four significant digits: "12.24 kW", "5 years",
// "$0.0806/kWh" ("0.0806 USD/kWh"), "64.1 %".
std::string format_input_value(double value, Dimension dimension, const std::string& currency);
// A measure in words, as sensitivity and sweep reports name it: "on-prem minus cloud-only,
// total cash over 60 months", "on-prem's break-even month".
std::string describe_measure(const Measure& measure, int months);
// A measured amount of money, with its sign shown for a difference: "+$3,734,220".
std::string format_measured_money(const Measure& measure, double value, const std::string& currency);
// The measure's value as the reports print it: money, or a break-even month.
std::string format_measure(const SensitivityReport& report, const std::optional<double>& value);

// `limit`: rows shown in the table (0: all); the rest are summarised in one line.
// One renderer per format (src/report/sensitivity/); `limit` rows of the ranking (0: all).
std::string render_sensitivity_table(const SensitivityReport& report, std::size_t limit);
std::string render_sensitivity_json(const SensitivityReport& report);
std::string render_sensitivity_csv(const SensitivityReport& report);
std::string render_sensitivity_markdown(const SensitivityReport& report, std::size_t limit);
// `tco sensitivity --format html`: the tornado chart (svg.chart data-chart="tornado") and the
// ranked inputs (table id="sensitivity").
std::string render_sensitivity_html(const SensitivityReport& report);

// Its formats; the table and Markdown show RenderOptions' rows of the ranking.
const Renderers<SensitivityReport>& sensitivity_renderers();

}  // namespace tco
