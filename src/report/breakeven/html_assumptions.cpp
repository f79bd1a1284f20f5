// The HTML report's last section: what the figures assume and which price sheets (with
// overlays and hashes) priced them, and which prices are secondhand, so a reader can check
// every number against its source.
#include <map>

#include "breakeven/sections.hpp"
#include "tco/core/text.hpp"

namespace tco::html {
namespace {

void assumption(std::string& out, const std::string& term, const std::string& definition) {
  emit(out, "<dt>{}</dt><dd>{}</dd>\n", esc(term), esc(definition));
}

void price_sheet_table(std::string& out, const ComparisonReport& comparison) {
  std::vector<Row> rows;
  for (const auto& sheet : comparison.sheets) {
    std::vector<std::string> notes;
    if (sheet.origin != "bundled") notes.push_back("your sheet, from " + sheet.origin);
    if (sheet.projected) notes.push_back("projected by price trends");
    for (const auto& overlay : sheet.overlays) {
      notes.push_back(fmt::format("overlay '{}' from {}, sha256:{}, {}", overlay.name, format_date(overlay.effective),
                                  overlay.content_hash.substr(0, 12), overlay.file));
    }
    const std::string months =
        sheet.from_month == sheet.to_month ? sheet.from_month : sheet.from_month + ".." + sheet.to_month;
    rows.push_back({sheet.provider, sheet.effective_date, months, sheet.file, sheet.sha256.substr(0, 12),
                    notes.empty() ? "-" : join(notes, "; ")});
  }
  Table table{"price-sheets",
              "Price sheets used",
              "sheets",
              {"Provider", "Effective", "Months priced", "File", "SHA-256", "Notes"},
              {rows}};
  table.text_columns = 5;  // every column holds words or codes
  out += render_table(table);
}

// Which strategies rest on secondhand prices, and what those sources are.
void secondhand_note(std::string& out, const ComparisonReport& comparison) {
  if (strategies_on_secondhand_prices(comparison).empty()) return;
  out += "<h3>Secondhand prices</h3>\n";
  out +=
      "<p class=\"note\">Some prices behind these figures were not read from the provider but quoted by "
      "someone else; they deserve a second look before a decision rests on them.</p>\n<ul class=\"sources\">\n";
  std::map<std::string, std::string> titles;  // "sheet:source" -> title, sorted and once each
  for (const auto& column : comparison.strategies) {
    if (column.secondhand_prices == 0) continue;
    std::vector<std::string> sources;
    for (const auto& citation : column.citations) {
      if (citation.source.confidence != Confidence::secondhand) continue;
      const std::string id = citation.sheet.substr(0, citation.sheet.find('@')) + ":" + citation.source.id;
      sources.push_back(id);
      titles[id] = citation.source.title;
    }
    emit(out, "<li><strong>{}</strong> ({} price{}): {}</li>\n", esc(column.name), column.secondhand_prices,
         column.secondhand_prices == 1 ? "" : "s", esc(join(sources, ", ")));
  }
  out += "</ul>\n<p class=\"note\">The secondhand sources, as their price sheets describe them:</p>\n";
  out += "<ul class=\"sources\">\n";
  for (const auto& [id, title] : titles) emit(out, "<li><code>{}</code>: {}</li>\n", esc(id), esc(title));
  out += "</ul>\n";
}

}  // namespace

void assumptions_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  open_section(out, "assumptions", "Assumptions and price sheets");
  out += "<dl class=\"assumptions\">\n";
  assumption(out, "Scenario file", comparison.scenario_file);
  assumption(out, "Horizon", fmt::format("{} to {} ({} months)", comparison.start, comparison.end, comparison.months));
  assumption(out, "Hours per month",
             comparison.hours_per_month == "calendar"
                 ? "calendar: each month counts its own hours"
                 : comparison.hours_per_month + ": every month counts the same hours (8,760 a year over 12)");
  assumption(out, "Prices",
             comparison.prices_as_of.empty()
                 ? "in effect each month: each month is priced by the sheets in effect then"
                 : "as of " + comparison.prices_as_of + ": every month is priced by the sheets in effect on that day");
  if (!comparison.projected_months.empty()) {
    assumption(out, "Projected months",
               month_span(comparison.projected_months) +
                   ": beyond the newest price sheet, prices follow the scenario's price_trends");
  }
  assumption(out, "Discount rate",
             format_percent(comparison.discount_rate) + " a year, for NPV and discounted break-even");
  assumption(
      out, "Utilization as written",
      format_percent(report.declared_utilization) + " of the hours of the workloads' active months, their GPUs held");
  out += "</dl>\n";
  price_sheet_table(out, comparison);
  secondhand_note(out, comparison);
  out += "</section>\n";
}

}  // namespace tco::html
