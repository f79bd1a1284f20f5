// `tco sweep` as a terminal table and as Markdown: a grid for two inputs, a column per
// strategy for one.
#include "tco/report/sweep_report.hpp"

#include <fmt/format.h>

#include "compare_rows.hpp"
#include "markdown_common.hpp"
#include "sweep_rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/sensitivity_report.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

std::string axis_label(const std::string& path) {
  return path == "utilization" ? "utilization (every workload's, sustained)" : path;
}

// What a grid cell shows: a break-even is counted in months, and may not happen.
std::string measure_label(const Measure& m, int months) {
  if (m.kind != Measure::Kind::breakeven) return describe_measure(m, months);
  return fmt::format("months until {} breaks even with its baseline (- : not within {} months)", m.strategy, months);
}

std::string money(const SweepReport& report, double value) {
  return format_money(value, report.comparison.currency, 0);
}

}  // namespace

SweepGrid sweep_grid(const SweepReport& report) {
  SweepGrid grid;
  const auto& first = report.axes[0];
  if (report.axes.size() == 2) {
    const auto& second = report.axes[1];
    grid.header.push_back(first.path + " \\ " + second.path);
    for (const auto& label : second.labels) grid.header.push_back(label);
    for (std::size_t i = 0; i < first.values.size(); ++i) {
      Row row{first.labels[i]};
      for (std::size_t j = 0; j < second.values.size(); ++j)
        row.push_back(format_sweep_cell(report, report.measured[i * second.values.size() + j]));
      grid.rows.push_back(row);
    }
    return grid;
  }
  grid.header.push_back(first.path);
  for (const auto& name : report.strategies) grid.header.push_back(name + " total");
  std::vector<std::size_t> others;
  for (std::size_t s = 0; s < report.strategies.size(); ++s) {
    if (report.strategies[s] != report.baseline) {
      others.push_back(s);
      grid.header.push_back(report.strategies[s] + " break-even");
    }
  }
  for (std::size_t i = 0; i < first.values.size(); ++i) {
    Row row{first.labels[i]};
    const auto& figures = report.points[i];
    for (const auto& f : figures) row.push_back(money(report, f.total));
    for (std::size_t s : others)
      row.push_back(figures[s].breakeven ? fmt::format("{:.1f} months", *figures[s].breakeven) : "-");
    grid.rows.push_back(row);
  }
  return grid;
}

namespace {

std::string introduction(const SweepReport& report) {
  const auto& c = report.comparison;
  std::string out =
      fmt::format("{}{}\n{} to {} ({} months), baseline {}\n\n", c.scenario_name,
                  c.description.empty() ? "" : ": " + c.description, c.start, c.end, c.months, c.baseline);
  for (const auto& axis : report.axes)
    out += fmt::format("{}: {} .. {} (as written {})\n", axis.label, axis.labels.front(), axis.labels.back(),
                       axis.as_written);
  if (report.axes.size() == 2) out += "Each cell: " + report.measure_label + ".\n";
  return out;
}

std::string footer(const SweepReport& report) {
  std::string out = "Every other input as written. Break-even: when the cumulative cash comes down to " +
                    report.baseline + "'s and stays there.\n";
  if (report.engine_evaluations > 0)
    out += fmt::format(
        "{} points changed a decision the evaluation plan was recorded with and were priced by the "
        "full model.\n",
        report.engine_evaluations);
  return out;
}

}  // namespace

std::string format_sweep_cell(const SweepReport& report, const std::optional<double>& value) {
  if (report.measure_is_month) return value ? fmt::format("{:.1f}", *value) : "-";
  if (!value) return "";
  return format_measured_money(report.measure, *value, report.comparison.currency);
}

SweepReport make_sweep_report(const ModelResult& as_written, const SweepResult& sweep, const Measure& measure) {
  SweepReport report;
  report.comparison = make_comparison_report(as_written);
  const std::string& currency = report.comparison.currency;
  for (const auto& axis : sweep.axes) {
    SweepAxisReport out{axis.path, axis_label(axis.path), axis.values, {}, "", axis.as_written};
    const auto show = [&](double value) { return format_input_value(value, axis.dimension, currency); };
    for (const double value : axis.values) out.labels.push_back(show(value));
    out.as_written = show(axis.as_written);
    report.axes.push_back(std::move(out));
  }
  report.strategies = sweep.strategies;
  report.baseline = sweep.baseline;
  report.measure = measure;
  report.measure_label = measure_label(measure, sweep.months);
  report.measure_is_month = measure.kind == Measure::Kind::breakeven;
  report.points = sweep.points;
  report.engine_evaluations = sweep.engine_evaluations;
  for (const auto& point : sweep.points) report.measured.push_back(measured(measure, sweep.strategies, point));
  return report;
}

std::string render_sweep_table(const SweepReport& report) {
  const SweepGrid grid = sweep_grid(report);
  TextTable table;
  table.add_row(grid.header);
  table.add_rule();
  for (const auto& row : grid.rows) table.add_row(row);
  return introduction(report) + "\n" + table.render() + "\n" + footer(report);
}

std::string render_sweep_markdown(const SweepReport& report) {
  const SweepGrid grid = sweep_grid(report);
  return "### " + introduction(report) + "\n" + markdown_table(grid.header, grid.rows) + "\n" + footer(report);
}

}  // namespace tco
