// `tco simulate` as JSON (schema "tco.simulation/1", documented in tco(1)).
#include "common/json.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/simulation_report.hpp"

namespace tco {
namespace {

using Json = nlohmann::ordered_json;

Json figure_json(const FigureSummary& f) {
  return {{"as_written", f.as_written},
          {"mean", f.mean},
          {"standard_error", f.standard_error},
          {"stddev", f.stddev},
          {"p10", f.p10},
          {"p50", f.p50},
          {"p90", f.p90}};
}

}  // namespace

std::string render_simulation_json(const SimulationReport& report) {
  const auto& c = report.comparison;
  Json doc;
  doc["schema"] = "tco.simulation/1";
  doc["scenario"] = {{"name", c.scenario_name}, {"file", c.scenario_file}};
  doc["start"] = c.start;
  doc["end"] = c.end;
  doc["months"] = c.months;
  doc["currency"] = c.currency;
  doc["discount_rate"] = c.discount_rate;
  doc["baseline"] = c.baseline;
  doc["samples"] = report.samples;
  doc["seed"] = report.seed;
  doc["percentile_relative_accuracy"] = report.quantile_accuracy;
  doc["engine_samples"] = report.engine_samples;
  Json inputs = Json::array();
  for (const auto& input : report.inputs) {
    inputs.push_back({{"path", input.path},
                      {"file", input.where.file},
                      {"line", input.where.line},
                      {"distribution", input.uncertainty->text},
                      {"driver", text_or_null(input.uncertainty->driver)},
                      {"used", input.used}});
  }
  doc["inputs"] = inputs;
  Json strategies = Json::array();
  for (const auto& s : report.strategies) {
    Json entry{{"name", s.name},
               {"total", figure_json(s.total)},
               {"npv", figure_json(s.npv)},
               {"probability_cheapest", s.probability_cheapest},
               {"probability_cheapest_standard_error", s.cheapest_standard_error},
               {"probability_tied", s.probability_tied}};
    if (s.is_baseline) {
      entry["breakeven"] = nullptr;
    } else {
      entry["breakeven"] = {{"as_written", value_or_null(s.breakeven_as_written)},
                            {"probability_within_horizon", s.probability_breaks_even},
                            {"probability_standard_error", s.breaks_even_standard_error},
                            {"p10", value_or_null(s.breakeven_p10)},
                            {"p50", value_or_null(s.breakeven_p50)},
                            {"p90", value_or_null(s.breakeven_p90)}};
    }
    strategies.push_back(entry);
  }
  doc["strategies"] = strategies;
  return doc.dump(2) + "\n";
}

}  // namespace tco
