// `tco sweep` as JSON (schema "tco.sweep/1", documented in tco(1)) and as CSV.
#include "csv_common.hpp"
#include "json_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco {
namespace {

// The value of every axis at point `index` (first axis slowest).
std::vector<double> point_values(const SweepReport& report, std::size_t index) {
  if (report.axes.size() == 1) return {report.axes[0].values[index]};
  const std::size_t columns = report.axes[1].values.size();
  return {report.axes[0].values[index / columns], report.axes[1].values[index % columns]};
}

}  // namespace

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
    points.push_back({{"at", point_values(report, i)}, {"strategies", strategies}});
  }
  doc["points"] = points;
  doc["engine_evaluations"] = report.engine_evaluations;
  return doc.dump(2) + "\n";
}

std::string render_sweep_csv(const SweepReport& report) {
  std::string out;
  if (report.axes.size() == 1) {
    out = csv_row({report.axes[0].path, "strategy", "total", "npv", "breakeven_months"});
  } else {
    out = csv_row({report.axes[0].path, report.axes[1].path, "strategy", "total", "npv", "breakeven_months"});
  }
  for (std::size_t i = 0; i < report.points.size(); ++i) {
    const auto at = point_values(report, i);
    for (std::size_t s = 0; s < report.strategies.size(); ++s) {
      const auto& f = report.points[i][s];
      if (at.size() == 1) {
        out += csv_row({format_number(at[0]), report.strategies[s], format_number(f.total), format_number(f.npv),
                        csv_optional(f.breakeven)});
      } else {
        out += csv_row({format_number(at[0]), format_number(at[1]), report.strategies[s], format_number(f.total),
                        format_number(f.npv), csv_optional(f.breakeven)});
      }
    }
  }
  return out;
}

}  // namespace tco
