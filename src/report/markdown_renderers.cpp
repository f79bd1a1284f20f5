#include <fmt/format.h>

#include "compare_rows.hpp"
#include "markdown_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/formats.hpp"

namespace tco {
namespace {

// A table cell: pipes escaped, line breaks flattened.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

}  // namespace

std::string markdown_table(const Row& header, const std::vector<Row>& rows, const std::string& alignment) {
  std::string out = "|";
  for (const auto& text : header) out += " " + cell(text) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < header.size(); ++i) {
    const bool left = i < alignment.size() ? alignment[i] == 'l' : false;
    out += left ? " :--- |" : " ---: |";
  }
  out += "\n";
  for (const auto& row : rows) {
    out += "|";
    for (const auto& text : row) out += " " + cell(text) + " |";
    out += "\n";
  }
  return out;
}

namespace {

std::string assumptions(const ComparisonReport& report) {
  return fmt::format(
      "{} to {} ({} months), {} h/month, {}, discount rate {}/year, {}.", report.start, report.end, report.months,
      report.hours_per_month, report.currency, format_percent(report.discount_rate),
      report.prices_as_of.empty() ? "prices in effect each month" : "prices as of " + report.prices_as_of);
}

std::string sheet_list(const ComparisonReport& report) {
  std::string out;
  for (const auto& sheet : report.sheets) {
    out += fmt::format("- `{}` {} ({}..{}), sha256 `{}`{}\n", sheet.file, sheet.effective_date, sheet.from_month,
                       sheet.to_month, sheet.sha256.substr(0, 12), sheet.projected ? ", projected" : "");
    for (const auto& overlay : sheet.overlays)
      out += fmt::format("  - overlay `{}` ({}), `{}`\n", overlay.name, format_date(overlay.effective), overlay.file);
  }
  return out;
}

}  // namespace

std::string render_compare_markdown(const ComparisonReport& report) {
  std::string out = fmt::format("## {}{}\n\n{}\n\n", report.scenario_name,
                                report.description.empty() ? "" : ": " + report.description, assumptions(report));
  std::vector<Row> rows = component_rows(report);
  for (auto& row : total_rows(report)) rows.push_back(std::move(row));
  for (auto& row : unit_rows(report)) rows.push_back(std::move(row));
  out += markdown_table(header_row(report, "Component"), rows);
  out += "\nCash totals count hardware when bought; amortized totals spread it over its depreciation life.\n";
  if (!report.projected_months.empty())
    out +=
        fmt::format("Months {} are projected by the scenario's price_trends.\n", month_span(report.projected_months));
  const auto secondhand = strategies_on_secondhand_prices(report);
  if (!secondhand.empty())
    out += fmt::format("Figures of {} rest partly on secondhand prices.\n", join(secondhand, ", "));
  out += "\nPrice sheets used:\n\n" + sheet_list(report);
  return out;
}

std::string render_breakeven_markdown(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  std::string out = fmt::format("## Break-even: {}\n\n{} Baseline: {}.\n\n", comparison.scenario_name,
                                assumptions(comparison), comparison.baseline);
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

std::string render_explain_markdown(const ExplainReport& report) {
  const std::string what = report.component ? to_string(*report.component) : std::string("every component");
  std::string out =
      fmt::format("## {}: {}, {} ({}), {}\n\nTotal **{}**, the sum of the terms below.\n", report.scenario_name,
                  report.strategy, what, report.basis, report.span, format_money(report.total, report.currency, 2));
  for (const auto& cause : report.causes) {
    out += fmt::format("\n### {} {} at {}: {}\n\n", to_string(cause.component), cause.cause, cause.site,
                       format_money(cause.total, report.currency, 2));
    for (const auto& formula : cause.formulas) out += "- = " + formula + "\n";
    std::vector<Row> inputs;
    for (const auto& price : cause.prices) {
      inputs.push_back({price.name, price.value, price.sheet.empty() ? "scenario" : price.sheet + " " + price.source,
                        price.location});
    }
    if (!inputs.empty()) out += "\n" + markdown_table({"Input", "Value", "Source", "Where"}, inputs);
    std::vector<Row> months;
    for (const auto& run : cause.months) {
      months.push_back({run.months == 1 ? run.from : run.from + ".." + run.to, std::to_string(run.months),
                        format_money(run.each, report.currency, 2),
                        format_money(run.each * run.months, report.currency, 2)});
    }
    if (!months.empty()) out += "\n" + markdown_table({"Months", "Count", "Each", "Amount"}, months);
  }
  return out;
}

}  // namespace tco
