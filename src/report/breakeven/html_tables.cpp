// The HTML report's sections that are tables alone (comparison, unit economics, break-even,
// largest causes). Figures come from compare/rows and the break-even report's describe_*
// helpers, so they read exactly as in the terminal.
#include <algorithm>

#include "breakeven/sections.hpp"
#include "tco/core/text.hpp"
#include "tco/report/svg_chart.hpp"

namespace tco::html {

void comparison_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  open_section(out, "comparison", "Comparison");
  Table table{"comparison",
              fmt::format("Cost over the {} months by component, with totals and break-even against {}",
                          comparison.months, comparison.baseline),
              "",
              header_row(comparison, "Component (cash)"),
              {component_rows(comparison), total_rows(comparison)},
              baseline_column(comparison)};
  out += render_table(table);
  out +=
      "<p class=\"note\">Cash totals count hardware when it is bought; amortized totals spread it over its "
      "depreciation life. NPV discounts each month's cash at the scenario's rate.</p>\n</section>\n";
}

void unit_economics_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  open_section(out, "unit-economics", "Unit economics");
  Table table{"unit-economics",
              "What each unit of work costs under each strategy (amortized)",
              "",
              header_row(comparison, "Measure"),
              {unit_rows(comparison)},
              baseline_column(comparison)};
  out += render_table(table);
  out +=
      "<p class=\"note\">A workload carries its own costs and a share of the fleet and data it uses, in "
      "proportion to its GPU-hours.</p>\n</section>\n";
}

void breakeven_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  if (report.entries.empty()) return;
  open_section(out, "breakeven", "Break-even");
  Row header{"Against " + comparison.baseline};
  for (const auto& entry : report.entries) header.push_back(entry.strategy);
  std::vector<Row> rows;
  const auto add = [&](const std::string& label, auto cell) {
    Row row{label};
    for (const auto& entry : report.entries) row.push_back(cell(entry));
    rows.push_back(std::move(row));
  };
  const auto money = [&](double amount) { return format_money(amount, comparison.currency, 0); };
  add("Break-even", [](const BreakevenEntry& e) { return describe_crossing(e.cash); });
  add("Difference at the end", [&](const BreakevenEntry& e) { return money(e.cash.crossing.gap_at_end); });
  add("Discounted break-even", [](const BreakevenEntry& e) { return describe_crossing(e.discounted); });
  add("Discounted difference", [&](const BreakevenEntry& e) { return money(e.discounted.crossing.gap_at_end); });
  add("Break-even utilization", [](const BreakevenEntry& e) { return describe_utilization(e); });
  out += render_table({"breakeven",
                       "When each strategy's cumulative cost comes down to " + comparison.baseline + "'s",
                       "",
                       header,
                       {rows}});
  emit(out,
       "<p class=\"note\">Differences are each strategy's cumulative cost minus {0}'s at the end of the horizon; "
       "a negative difference is a saving. Break-even dates assume each month's costs accrue evenly through it. "
       "Utilization is the share of every hour the workloads hold their GPUs: as written, the scenario holds "
       "them {1} of the hours of their active months. The break-even utilization is where a strategy's total "
       "over the horizon equals {0}'s.</p>\n</section>\n",
       esc(comparison.baseline), esc(format_percent(report.declared_utilization)));
}

void causes_section(std::string& out, const BreakevenReport& report) {
  constexpr std::size_t kTop = 8;
  const ComparisonReport& comparison = report.comparison;
  open_section(out, "causes", "Largest cost causes");
  out += "<p class=\"note\">What each strategy's cost is for, largest first by amortized amount.</p>\n";
  for (const auto& column : comparison.strategies) {
    std::vector<Row> rows;
    for (const auto& cause : column.by_cause) {
      if (rows.size() == kTop) break;
      if (cause.cash == 0 && cause.amortized == 0) continue;
      const double share = column.total_amortized != 0 ? cause.amortized / column.total_amortized : 0;
      rows.push_back({cause.cause, component_label(cause.component), cause.site.empty() ? "-" : cause.site,
                      format_money(cause.cash, comparison.currency, 0),
                      format_money(cause.amortized, comparison.currency, 0), format_percent(share)});
    }
    if (rows.empty()) continue;
    Table table{
        "causes-" + column.name,
        fmt::format("{}{}: {}, with {} share of the amortized total", column.name, column.baseline ? " (baseline)" : "",
                    rows.size() == 1 ? "the largest cause" : fmt::format("the {} largest causes", rows.size()),
                    rows.size() == 1 ? "its" : "their"),
        "causes",
        {"Cause", "Component", "Site", "Cash", "Amortized", "Share"},
        {rows}};
    table.text_columns = 2;
    out += render_table(table);
  }
  out += "</section>\n";
}

}  // namespace tco::html
