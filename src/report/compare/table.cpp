// `tco compare` as a terminal table.
#include <fmt/format.h>

#include "compare/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

// Words joined by ", " and wrapped to lines of about `width` columns after `indent`.
std::string wrap(const std::vector<std::string>& words, std::size_t indent, std::size_t width) {
  std::string out;
  std::size_t column = indent;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string word = words[i] + (i + 1 < words.size() ? "," : "");
    if (column > indent && column + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (column > indent) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
  }
  return out;
}

std::string render_secondhand_note(const ComparisonReport& report) {
  if (strategies_on_secondhand_prices(report).empty()) return "";
  std::string out = "\nSecondhand prices (not read from the provider) behind these figures:\n";
  for (const auto& column : report.strategies) {
    if (column.secondhand_prices == 0) continue;
    std::vector<std::string> sources;
    for (const auto& citation : column.citations) {
      if (citation.source.confidence == Confidence::secondhand)
        sources.push_back(citation.sheet.substr(0, citation.sheet.find('@')) + ":" + citation.source.id);
    }
    const std::string head = fmt::format("  {} ({} price{}): ", column.name, column.secondhand_prices,
                                         column.secondhand_prices == 1 ? "" : "s");
    out += head + wrap(sources, head.size(), 100) + "\n";
  }
  return out;
}

// The "Price sheets used" lines: each sheet, the months it priced, its overlays.
std::string render_sheet_list(const ComparisonReport& report) {
  std::string out;
  for (const auto& sheet : report.sheets) {
    const std::string months =
        sheet.from_month == sheet.to_month ? sheet.from_month : sheet.from_month + ".." + sheet.to_month;
    out += fmt::format("  {:<10} {}  {:<16} sha256:{}  {}{}{}\n", sheet.provider, sheet.effective_date, months,
                       sheet.sha256.substr(0, 12), sheet.file, sheet.origin == "bundled" ? "" : " (your sheet)",
                       sheet.projected ? " (projected)" : "");
    for (const auto& overlay : sheet.overlays) {
      out += fmt::format("  {:<10} + overlay '{}' from {}  sha256:{}  {}\n", "", overlay.name,
                         format_date(overlay.effective), overlay.content_hash.substr(0, 12), overlay.file);
    }
  }
  return out;
}

}  // namespace

std::string render_compare_table(const ComparisonReport& report) {
  std::string out =
      fmt::format("{}{}\n", report.scenario_name, report.description.empty() ? "" : ": " + report.description);
  out +=
      fmt::format("{} to {} ({} months), {} h/month, {}, discount rate {}/year, {}\n\n", report.start, report.end,
                  report.months, report.hours_per_month, report.currency, format_percent(report.discount_rate),
                  report.prices_as_of.empty() ? "prices in effect each month" : "prices as of " + report.prices_as_of);
  TextTable table;
  table.add_row(header_row(report, "Component"));
  table.add_rule();
  for (auto& row : component_rows(report)) table.add_row(std::move(row));
  table.add_rule();
  for (auto& row : total_rows(report)) table.add_row(std::move(row));
  for (auto& row : unit_rows(report)) table.add_row(std::move(row));
  out += table.render();
  out += "\nCash totals count hardware when bought; amortized totals spread it over its depreciation life.\n";

  if (!report.projected_months.empty()) {
    out += fmt::format(
        "Months {} are projected: beyond the newest price sheet, prices follow the scenario's "
        "price_trends.\n",
        month_span(report.projected_months));
  }
  out += render_secondhand_note(report);
  out += "\nPrice sheets used:\n";
  out += render_sheet_list(report);
  return out;
}

}  // namespace tco
