// The sweep's grid and the text around it, shared by the terminal, Markdown and HTML layouts.
#include "sweep/rows.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {
namespace {

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

std::string sweep_introduction(const SweepReport& report) {
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

std::string sweep_footer(const SweepReport& report) {
  std::string out = "Every other input as written. Break-even: when the cumulative cash comes down to " +
                    report.baseline + "'s and stays there.\n";
  if (report.engine_evaluations > 0)
    out += fmt::format(
        "{} points changed a decision the evaluation plan was recorded with and were priced by the "
        "full model.\n",
        report.engine_evaluations);
  return out;
}

// The value of every axis at point `index` (first axis slowest).
std::vector<double> sweep_point_values(const SweepReport& report, std::size_t index) {
  if (report.axes.size() == 1) return {report.axes[0].values[index]};
  const std::size_t columns = report.axes[1].values.size();
  return {report.axes[0].values[index / columns], report.axes[1].values[index % columns]};
}

}  // namespace tco
