// The break-even analysis in Markdown.
#include "common/markdown.hpp"

#include <fmt/format.h>

#include "compare/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/breakeven_report.hpp"

namespace tco {

std::string render_breakeven_markdown(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  std::string out = fmt::format("## Break-even: {}\n\n{} Baseline: {}.\n\n", comparison.scenario_name,
                                markdown_assumptions(comparison), comparison.baseline);
  Row header{"Against " + comparison.baseline};
  std::vector<Row> rows{
      {"Break-even"}, {"Difference at the end"}, {"Discounted break-even"}, {"Break-even utilization"}};
  for (const auto& entry : report.entries) {
    header.push_back(entry.strategy);
    rows[0].push_back(describe_crossing(entry.cash));
    rows[1].push_back(format_money(entry.cash.crossing.gap_at_end, comparison.currency, 0));
    rows[2].push_back(describe_crossing(entry.discounted));
    rows[3].push_back(describe_utilization(entry));
  }
  out += markdown_table(header, rows);
  out += fmt::format(
      "\nUtilization is the share of every hour the workloads hold their GPUs; as written, the "
      "scenario holds them {} of the hours of their active months.\n",
      format_percent(report.declared_utilization));
  if (!report.levels.empty()) {
    Row level_header{"Utilization"};
    for (const auto& entry : report.entries) level_header.push_back(entry.strategy);
    std::vector<Row> level_rows;
    for (const auto& level : report.levels) {
      Row row{format_percent(level.utilization, 0)};
      for (const auto& crossing : level.crossings) row.push_back(describe_breakeven_month(comparison, crossing.month));
      level_rows.push_back(std::move(row));
    }
    out += "\n### Break-even month by utilization\n\n" + markdown_table(level_header, level_rows);
  }
  out += "\n### Unit economics\n\n" + markdown_table(header_row(comparison, ""), unit_rows(comparison));
  return out;
}

}  // namespace tco
