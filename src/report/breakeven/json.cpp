// tco breakeven as JSON (schema "tco.breakeven/1").
#include "common/json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tco/core/text.hpp"
#include "tco/report/breakeven_report.hpp"

namespace tco {
namespace {

using nlohmann::ordered_json;

ordered_json crossing_json(const CrossingPoint& point) {
  ordered_json out;
  out["month"] = value_or_null(point.crossing.month);
  out["year_month"] = text_or_null(point.month);
  out["date"] = text_or_null(point.date);
  out["fraction_of_month"] = point.crossing.fraction;
  out["gap_at_end"] = point.crossing.gap_at_end;
  return out;
}

ordered_json utilization_json(const UtilizationBreakeven& solved) {
  ordered_json out;
  switch (solved.kind) {
    case UtilizationBreakeven::Kind::crossing:
      out["kind"] = "crossing";
      out["utilization"] = solved.utilization;
      out["cheaper"] = solved.cheaper_above ? "above" : "below";
      break;
    case UtilizationBreakeven::Kind::cheaper_throughout:
      out["kind"] = "cheaper_throughout";
      break;
    case UtilizationBreakeven::Kind::dearer_throughout:
      out["kind"] = "dearer_throughout";
      break;
  }
  out["gap_at_lowest"] = solved.gap_at_lowest;
  out["gap_at_full"] = solved.gap_at_full;
  return out;
}

}  // namespace

std::string render_breakeven_json(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  ordered_json doc;
  doc["schema"] = "tco.breakeven/1";
  doc["scenario"] = {{"name", comparison.scenario_name},
                     {"file", comparison.scenario_file},
                     {"start", comparison.start},
                     {"end", comparison.end},
                     {"months", comparison.months},
                     {"currency", comparison.currency},
                     {"discount_rate", comparison.discount_rate},
                     {"baseline", comparison.baseline},
                     {"declared_utilization", report.declared_utilization}};
  doc["strategies"] = ordered_json::array();
  for (const auto& entry : report.entries) {
    doc["strategies"].push_back({{"name", entry.strategy},
                                 {"breakeven", crossing_json(entry.cash)},
                                 {"discounted_breakeven", crossing_json(entry.discounted)},
                                 {"breakeven_utilization", utilization_json(entry.by_utilization)}});
  }
  doc["by_utilization"] = ordered_json::array();
  for (const auto& level : report.levels) {
    ordered_json strategies = ordered_json::array();
    for (std::size_t i = 0; i < report.entries.size(); ++i) {
      const auto& crossing = level.crossings[i];
      strategies.push_back({{"name", report.entries[i].strategy},
                            {"breakeven_month", value_or_null(crossing.month)},
                            {"total_cash", level.totals[i]}});
    }
    doc["by_utilization"].push_back({{"utilization", level.utilization}, {"strategies", strategies}});
  }
  ordered_json curves = ordered_json::array();
  for (std::size_t s = 0; s < comparison.strategies.size(); ++s) {
    curves.push_back({{"name", comparison.strategies[s].name},
                      {"cumulative_cash", report.cumulative[s]},
                      {"cumulative_discounted", report.cumulative_discounted[s]}});
  }
  doc["months"] = comparison.month_labels;
  doc["cumulative"] = curves;
  return doc.dump(2) + "\n";
}

}  // namespace tco
