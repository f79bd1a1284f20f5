// The HTML report's tables: the writer they share, and the sections that are tables alone
// (comparison, unit economics, break-even, largest causes). Figures come from compare_rows
// and the break-even report's describe_* helpers, so they read exactly as in the terminal.
#include <algorithm>

#include "html_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/svg_chart.hpp"

namespace tco::html {

std::string esc(std::string_view text) { return svg::escape_xml(text); }

int baseline_column(const ComparisonReport& comparison) {
  for (std::size_t i = 0; i < comparison.strategies.size(); ++i)
    if (comparison.strategies[i].baseline) return static_cast<int>(i);
  return -1;
}

std::string render_table(const Table& table) {
  std::string out = "<table";
  if (!table.id.empty()) emit(out, " id=\"{}\"", esc(table.id));
  if (!table.css_class.empty()) emit(out, " class=\"{}\"", esc(table.css_class));
  emit(out, ">\n<caption>{}</caption>\n<thead><tr>", esc(table.caption));
  // Figure columns are right-aligned, except the text columns right after the label.
  const auto cell_class = [&](std::size_t column) {
    std::string classes = column > table.text_columns ? "num" : "";
    if (column >= 1 && static_cast<int>(column) - 1 == table.marked_column) classes += " baseline";
    return classes.empty() ? std::string() : " class=\"" + classes.substr(classes[0] == ' ' ? 1 : 0) + "\"";
  };
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const bool marked = c >= 1 && static_cast<int>(c) - 1 == table.marked_column;
    emit(out, "<th scope=\"col\"{}>{}{}</th>", cell_class(c), esc(table.header[c]),
         marked ? "<span class=\"tag\">baseline</span>" : "");
  }
  out += "</tr></thead>\n";
  for (const auto& group : table.groups) {
    if (group.empty()) continue;
    out += "<tbody>\n";
    for (const auto& row : group) {
      out += "<tr>";
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c == 0) {
          emit(out, "<th scope=\"row\">{}</th>", esc(row[c]));
        } else {
          emit(out, "<td{}>{}</td>", cell_class(c), esc(row[c]));
        }
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n";
  }
  out += "</table>\n";
  return out;
}

std::string figure(const std::string& svg, const std::string& caption, const std::string& data_table) {
  std::string out = "<figure>\n" + svg + "<figcaption>" + esc(caption);
  // Inside the caption: a <figure> takes its caption only as first or last child.
  if (!data_table.empty()) out += "\n<details><summary>Data</summary>\n" + data_table + "</details>\n";
  out += "</figcaption>\n</figure>\n";
  return out;
}

void open_section(std::string& out, const char* id, const std::string& heading) {
  emit(out, "<section aria-labelledby=\"{0}-heading\">\n<h2 id=\"{0}-heading\">{1}</h2>\n", id, esc(heading));
}

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
