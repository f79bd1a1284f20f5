// tco exit as JSON (schema "tco.exit/1", tco(1)).
#include <nlohmann/json.hpp>

#include "exit/rows.hpp"

namespace tco {

std::string render_exit_json(const ExitReport& report) {
  using nlohmann::ordered_json;
  const ComparisonReport& c = report.comparison;
  const ExitOptions& options = report.result.options;
  ordered_json doc;
  doc["schema"] = "tco.exit/1";
  doc["scenario"] = {{"name", c.scenario_name}, {"file", c.scenario_file}};
  doc["currency"] = c.currency;
  doc["strategy"] = report.strategy;
  doc["clouds"] = report.result.clouds;
  doc["to"] = options.to_site.empty() ? ordered_json("internet") : ordered_json(options.to_site);
  doc["exit_programs"] = options.exit_programs;
  doc["retraining_share"] = options.retraining ? ordered_json(*options.retraining) : ordered_json(nullptr);
  doc["months"] = ordered_json::array();
  for (const auto& point : report.result.points) {
    ordered_json month;
    month["month"] = exit_month_label(report, point.month);
    month["bytes"] = point.bytes;
    month["egress"] = point.egress;
    month["waived"] = point.waived;
    month["commitments"] = point.commitments;
    month["retraining"] = point.retraining;
    month["total"] = point.total();
    month["total_without_exit_programs"] = point.total_without_programs();
    month["items"] = ordered_json::array();
    for (const auto& item : point.items) {
      month["items"].push_back({{"site", item.site},
                                {"provider", item.provider},
                                {"region", item.region},
                                {"data", item.what},
                                {"bytes", item.bytes},
                                {"egress", item.egress}});
    }
    month["waivers"] = ordered_json::array();
    for (const auto& waiver : point.waivers) {
      month["waivers"].push_back({{"provider", waiver.provider},
                                  {"program", waiver.program->id},
                                  {"sheet", waiver.sheet},
                                  {"refund", waiver.program->refund.value},
                                  {"egress", waiver.egress},
                                  {"amount", waiver.amount},
                                  {"conditions", waiver.program->conditions}});
    }
    month["owed"] = ordered_json::array();
    for (const auto& owed : point.owed) {
      month["owed"].push_back({{"site", owed.site},
                               {"for", owed.what},
                               {"offer", owed.offer},
                               {"months_left", owed.months_left},
                               {"monthly", owed.monthly},
                               {"amount", owed.amount}});
    }
    doc["months"].push_back(std::move(month));
  }
  return doc.dump(2) + "\n";
}

}  // namespace tco
