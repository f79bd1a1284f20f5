// `tco sweep` as JSON (schema "tco.sweep/1", documented in tco(1)).
#include "common/json.hpp"

#include "sweep/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco {
std::string render_sweep_json(const SweepReport& report) {
  using Json = nlohmann::ordered_json;
  const auto& c = report.comparison;
  Json doc;
  doc["schema"] = "tco.sweep/1";
  doc["scenario"] = {{"name", c.scenario_name}, {"file", c.scenario_file}};
  doc["months"] = c.months;
  doc["currency"] = c.currency;
  doc["baseline"] = report.baseline;
  Json axes = Json::array();
  for (const auto& axis : report.axes)
    axes.push_back(
        {{"input", axis.path}, {"values", axis.values}, {"labels", axis.labels}, {"as_written", axis.as_written}});
  doc["axes"] = axes;
  Json points = Json::array();
  for (std::size_t i = 0; i < report.points.size(); ++i) {
    Json strategies = Json::array();
    for (std::size_t s = 0; s < report.strategies.size(); ++s) {
      const auto& f = report.points[i][s];
      strategies.push_back({{"name", report.strategies[s]},
                            {"total", f.total},
                            {"npv", f.npv},
                            {"breakeven_months", value_or_null(f.breakeven)}});
    }
    points.push_back({{"at", sweep_point_values(report, i)}, {"strategies", strategies}});
  }
  doc["points"] = points;
  doc["engine_evaluations"] = report.engine_evaluations;
  return doc.dump(2) + "\n";
}

}  // namespace tco
