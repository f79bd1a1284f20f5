// tco check as JSON (schema "tco.check/1").
#include <nlohmann/json.hpp>

#include "gates/gate_text.hpp"
#include "tco/report/gates.hpp"

namespace tco {

std::string render_check_json(const CheckReport& report) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["schema"] = "tco.check/1";
  doc["scenario"] = {{"name", report.scenario_name}, {"file", report.scenario_file}};
  doc["currency"] = report.currency;
  doc["passed"] = report.passed();
  doc["checks"] = ordered_json::array();
  for (const auto& check : report.checks) {
    doc["checks"].push_back(gate_json(check));
  }
  return doc.dump(2) + "\n";
}

}  // namespace tco
