// `tco sensitivity` as JSON (schema "tco.sensitivity/1", documented in tco(1)).
#include "common/json.hpp"

#include "tco/core/text.hpp"
#include "tco/report/sensitivity_report.hpp"

namespace tco {
namespace {

const char* kind_name(Measure::Kind kind) {
  switch (kind) {
    case Measure::Kind::total:
      return "total";
    case Measure::Kind::difference:
      return "difference";
    case Measure::Kind::breakeven:
      return "breakeven";
  }
  return "";
}

}  // namespace

std::string render_sensitivity_json(const SensitivityReport& report) {
  using Json = nlohmann::ordered_json;
  const auto& c = report.comparison;
  Json doc;
  doc["schema"] = "tco.sensitivity/1";
  doc["scenario"] = {{"name", c.scenario_name}, {"file", c.scenario_file}};
  doc["months"] = c.months;
  doc["currency"] = c.currency;
  doc["baseline"] = c.baseline;
  doc["measure"] = {{"kind", kind_name(report.measure.kind)},
                    {"strategy", report.measure.strategy},
                    {"against", text_or_null(report.measure.against)},
                    {"unit", report.measure_is_month ? "months" : c.currency},
                    {"as_written", value_or_null(report.as_written)}};
  doc["swing"] = report.swing;
  doc["engine_evaluations"] = report.engine_evaluations;
  Json inputs = Json::array();
  for (const auto& row : report.rows) {
    inputs.push_back(
        {{"input", row.input},
         {"path", row.path},
         {"values", {{"as_written", row.as_written_number}, {"low", row.low_number}, {"high", row.high_number}}},
         {"location", text_or_null(row.location)},
         {"basis", row.basis},
         {"as_written", row.as_written_value},
         {"low", row.low_value},
         {"high", row.high_value},
         {"figure_at_low", value_or_null(row.low)},
         {"figure_at_high", value_or_null(row.high)},
         {"effect", row.effect}});
  }
  doc["inputs"] = inputs;
  return doc.dump(2) + "\n";
}

}  // namespace tco
