// tco breakeven as a terminal report: the summary, the levels, unit costs and the cumulative chart.
#include <fmt/format.h>

#include "compare/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/breakeven_report.hpp"
#include "tco/report/terminal_chart.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

// The cumulative curves, with each break-even point where its curve meets the baseline's.
TerminalChart cumulative_chart(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  TerminalChart chart;
  chart.x_labels = comparison.month_labels;
  chart.currency = comparison.currency;
  chart.marker_legend = "break-even";
  for (std::size_t s = 0; s < comparison.strategies.size(); ++s)
    chart.series.push_back({comparison.strategies[s].name, report.cumulative[s]});
  for (const auto& point : breakeven_points(report)) chart.markers.push_back({point.x, point.y});
  return chart;
}

}  // namespace

std::string render_breakeven_table(const BreakevenReport& report, const TerminalStyle& style) {
  const ComparisonReport& comparison = report.comparison;
  const std::string& currency = comparison.currency;
  std::string out = fmt::format("{}{}\n", comparison.scenario_name,
                                comparison.description.empty() ? "" : ": " + comparison.description);
  out += fmt::format("{} to {} ({} months), baseline {}, discount rate {}/year\n\n", comparison.start, comparison.end,
                     comparison.months, comparison.baseline, format_percent(comparison.discount_rate));

  TextTable summary;
  Row header{"Against " + comparison.baseline};
  for (const auto& entry : report.entries) header.push_back(entry.strategy);
  summary.add_row(header);
  summary.add_rule();
  const auto add = [&](const std::string& label, auto cell) {
    Row row{label};
    for (const auto& entry : report.entries) row.push_back(cell(entry));
    summary.add_row(row);
  };
  const auto money = [&](double amount) { return format_money(amount, currency, 0); };
  add("Break-even", [](const BreakevenEntry& e) { return describe_crossing(e.cash); });
  add("Difference at the end", [&](const BreakevenEntry& e) { return money(e.cash.crossing.gap_at_end); });
  add("Discounted break-even", [](const BreakevenEntry& e) { return describe_crossing(e.discounted); });
  add("Discounted difference", [&](const BreakevenEntry& e) { return money(e.discounted.crossing.gap_at_end); });
  add("Break-even utilization", [](const BreakevenEntry& e) { return describe_utilization(e); });
  out += summary.render();
  out += fmt::format(
      "\nDifferences are each strategy's cumulative cost minus {}'s at the end of the horizon.\n"
      "Break-even dates assume each month's costs accrue evenly through it. Utilization is the share\n"
      "of every hour the workloads hold their GPUs: as written, the scenario holds them {} of the\n"
      "hours of their active months.\n",
      comparison.baseline, format_percent(report.declared_utilization));

  if (!report.levels.empty()) {
    out += "\nBreak-even month by utilization\n\n";
    TextTable levels;
    Row columns{"Utilization"};
    for (const auto& entry : report.entries) columns.push_back(entry.strategy);
    levels.add_row(columns);
    levels.add_rule();
    for (const auto& level : report.levels) {
      Row row{format_percent(level.utilization, 0)};
      for (const auto& crossing : level.crossings) row.push_back(describe_breakeven_month(comparison, crossing.month));
      levels.add_row(row);
    }
    out += levels.render();
  }

  out += "\nUnit economics\n\n";
  TextTable units;
  units.add_row(header_row(comparison, ""));
  units.add_rule();
  for (auto& row : total_rows(comparison)) {
    if (row.front().rfind("Total (cash)", 0) == 0) units.add_row(std::move(row));
  }
  for (auto& row : unit_rows(comparison)) units.add_row(std::move(row));
  out += units.render();

  out += "\nCumulative cost (cash)\n\n" + render_terminal_chart(cumulative_chart(report), style.width, style.color);
  return out;
}

}  // namespace tco
