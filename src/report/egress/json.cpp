// tco egress as JSON (schema "tco.egress/1").
#include <nlohmann/json.hpp>

#include "tco/core/text.hpp"
#include "tco/report/egress_quote.hpp"

namespace tco {

std::string render_egress_json(const EgressReport& report) {
  nlohmann::ordered_json doc;
  doc["schema"] = "tco.egress/1";
  doc["volume"] = report.volume;
  doc["bytes"] = report.bytes;
  doc["from"] = report.from;
  doc["to"] = report.to;
  doc["price_sheet"] = {{"id", report.sheet_id}, {"file", report.sheet_file}, {"sha256", report.sheet_sha256}};
  doc["billing_unit"] = report.billing_unit;
  doc["currency"] = report.currency;
  doc["bands"] = nlohmann::ordered_json::array();
  for (const auto& band : report.bands) {
    nlohmann::ordered_json source = nullptr;
    if (band.source != nullptr) {
      source = {{"id", band.source->id}, {"url", band.source->url}, {"retrieved", format_date(band.source->retrieved)}};
    }
    doc["bands"].push_back({{"band", band.label},
                            {"billed_units", band.billed_units},
                            {"price_per_unit", band.price_per_unit},
                            {"cost", band.cost},
                            {"source", source}});
  }
  doc["total"] = report.total;
  if (!report.note.empty()) doc["note"] = report.note;
  return doc.dump(2) + "\n";
}

}  // namespace tco
