// tco egress as a table: each band of the quote, with its price and source.
#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/egress_quote.hpp"
#include "tco/report/text_table.hpp"

namespace tco {

std::string render_egress_table(const EgressReport& report) {
  std::string out = fmt::format("Moving {} ({} {}) from {} to {}\n", report.volume,
                                group_thousands(report.bytes / (report.billing_unit == "GiB" ? 1073741824.0 : 1e9), 2),
                                report.billing_unit, report.from, report.to);
  out += fmt::format("Prices: {} ({}), billed per {}\n\n", report.sheet_id, report.sheet_file, report.billing_unit);
  TextTable table;
  table.add_row({"Band", "Billed " + report.billing_unit, "Price/" + report.billing_unit, "Cost"});
  table.add_rule();
  for (const auto& band : report.bands) {
    table.add_row({band.label, group_thousands(band.billed_units, 2),
                   format_money(band.price_per_unit, report.currency, 4), format_money(band.cost, report.currency)});
  }
  table.add_rule();
  table.add_row({"Total", "", "", format_money(report.total, report.currency)});
  out += table.render();
  if (!report.note.empty()) out += "\nNote: " + report.note + "\n";
  out += "\nSources:\n";
  std::vector<std::string> seen;
  for (const auto& band : report.bands) {
    if (band.source == nullptr || std::find(seen.begin(), seen.end(), band.source_id) != seen.end()) continue;
    seen.push_back(band.source_id);
    out +=
        fmt::format("  {}: {} (retrieved {})\n", band.source_id, band.source->url, format_date(band.source->retrieved));
  }
  return out;
}

}  // namespace tco
