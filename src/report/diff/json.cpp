// `tco diff --format json`: the stable, documented document (schema "tco.diff/1", described
// in tco(1)). Every strategy and component is listed, changed or not; numbers are not rounded.
#include "common/json.hpp"

#include "gates/gate_text.hpp"
#include "tco/report/diff_report.hpp"

namespace tco {
namespace {

using nlohmann::ordered_json;

ordered_json side_json(const DiffSide& side) {
  return {{"file", side.file},
          {"saved_result", side.saved},
          {"scenario", side.scenario_name},
          {"start", side.start},
          {"end", side.end},
          {"months", side.months},
          {"baseline", side.baseline},
          {"prices_as_of", text_or_null(side.prices_as_of)}};
}

ordered_json change_json(const Change& change, bool in_base, bool in_head) {
  return {{"base", in_base ? ordered_json(change.base) : nullptr},
          {"head", in_head ? ordered_json(change.head) : nullptr},
          {"change", change.delta()},
          {"fraction", in_base && in_head ? value_or_null(change.fraction()) : nullptr},
          {"from_scenario", value_or_null(change.from_scenario())},
          {"from_prices", value_or_null(change.from_prices())}};
}

ordered_json month_json(const std::optional<int>& month, const std::string& date) {
  if (!month) return nullptr;
  return {{"month", *month}, {"date", date}};
}

const char* status(const StrategyChange& strategy) {
  if (!strategy.in_base) return "new";
  if (!strategy.in_head) return "removed";
  return strategy.changed() ? "changed" : "unchanged";
}

ordered_json strategy_json(const StrategyChange& strategy) {
  const bool b = strategy.in_base;
  const bool h = strategy.in_head;
  ordered_json out{{"name", strategy.name},
                   {"status", status(strategy)},
                   {"total", change_json(strategy.total, b, h)},
                   {"per_month", change_json(strategy.per_month, b, h)},
                   {"amortized", change_json(strategy.amortized, b, h)},
                   {"npv", change_json(strategy.npv, b, h)}};
  ordered_json components = ordered_json::object();
  for (const auto& line : strategy.components) {
    components[to_string(line.component)] = {{"total", change_json(line.total, b, h)},
                                             {"per_month", change_json(line.per_month, b, h)}};
  }
  out["components"] = components;
  ordered_json causes = ordered_json::array();
  for (const auto& line : strategy.causes) {
    causes.push_back({{"cause", line.cause},
                      {"total", change_json(line.total, b, h)},
                      {"per_month", change_json(line.per_month, b, h)}});
  }
  out["causes"] = causes;
  if (strategy.breakeven) {
    const auto& be = *strategy.breakeven;
    ordered_json shift = nullptr;
    if (be.base_month && be.head_month) shift = *be.head_month - *be.base_month;
    out["breakeven"] = {{"base", month_json(be.base_month, be.base_date)},
                        {"head", month_json(be.head_month, be.head_date)},
                        {"change_months", shift}};
  } else {
    out["breakeven"] = nullptr;
  }
  if (strategy.migration) {
    // Only for a strategy that moves on either side: documents without moves keep their shape.
    const auto& m = *strategy.migration;
    const auto side = [&](const std::optional<double>& cost, const std::optional<int>& month,
                          const std::string& date) -> ordered_json {
      if (!cost) return nullptr;
      return {{"cost", *cost}, {"paid_back", month_json(month, date)}};
    };
    out["migration"] = {{"base", side(m.base_cost, m.base_month, m.base_date)},
                        {"head", side(m.head_cost, m.head_month, m.head_date)}};
  }
  return out;
}

const char* split_name(PriceSplit split) {
  switch (split) {
    case PriceSplit::split:
      return "split";
    case PriceSplit::unavailable:
      return "unavailable";
    case PriceSplit::none:
      break;
  }
  return "none";
}

}  // namespace

std::string render_diff_json(const DiffReport& report) {
  ordered_json doc;
  doc["schema"] = "tco.diff/1";
  doc["base"] = side_json(report.base);
  doc["head"] = side_json(report.head);
  doc["currency"] = report.currency;
  doc["strategies"] = ordered_json::array();
  for (const auto& strategy : report.strategies) doc["strategies"].push_back(strategy_json(strategy));
  ordered_json sheets = ordered_json::array();
  for (const auto& change : report.sheet_changes) {
    sheets.push_back(
        {{"provider", change.provider}, {"base", text_or_null(change.base)}, {"head", text_or_null(change.head)}});
  }
  doc["prices"] = {{"same_sheets", report.sheet_changes.empty()},
                   {"split", split_name(report.split)},
                   {"note", text_or_null(report.split_note)},
                   {"sheets", sheets}};
  ordered_json checks = ordered_json::array();
  for (const auto& gate : report.gates) checks.push_back(gate_json(gate));
  doc["gates"] = {{"passed", report.passed()},
                  {"ran", report.gates.size()},
                  {"failed", failed_checks(report.gates)},
                  {"checks", checks}};
  return doc.dump(2) + "\n";
}

}  // namespace tco
