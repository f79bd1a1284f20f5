// The comparison in Markdown, for pull-request comments and documents.
#include "common/markdown.hpp"

#include <fmt/format.h>

#include "compare/rows.hpp"
#include "tco/core/text.hpp"

namespace tco {

std::string markdown_assumptions(const ComparisonReport& report) {
  return fmt::format(
      "{} to {} ({} months), {} h/month, {}, discount rate {}/year, {}.", report.start, report.end, report.months,
      report.hours_per_month, report.currency, format_percent(report.discount_rate),
      report.prices_as_of.empty() ? "prices in effect each month" : "prices as of " + report.prices_as_of);
}

std::string markdown_sheet_list(const ComparisonReport& report) {
  std::string out;
  for (const auto& sheet : report.sheets) {
    out += fmt::format("- `{}` {} ({}..{}), sha256 `{}`{}\n", sheet.file, sheet.effective_date, sheet.from_month,
                       sheet.to_month, sheet.sha256.substr(0, 12), sheet.projected ? ", projected" : "");
    for (const auto& overlay : sheet.overlays)
      out += fmt::format("  - overlay `{}` ({}), `{}`\n", overlay.name, format_date(overlay.effective), overlay.file);
  }
  return out;
}

std::string render_compare_markdown(const ComparisonReport& report) {
  std::string out =
      fmt::format("## {}{}\n\n{}\n\n", report.scenario_name,
                  report.description.empty() ? "" : ": " + report.description, markdown_assumptions(report));
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
  out += "\nPrice sheets used:\n\n" + markdown_sheet_list(report);
  return out;
}

}  // namespace tco
