// tco explain as JSON (schema "tco.explain/1").
#include "common/json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"

namespace tco {
namespace {

using nlohmann::ordered_json;

ordered_json factors_json(const std::vector<ExplainedFactor>& factors) {
  ordered_json out = ordered_json::array();
  for (const auto& f : factors) {
    out.push_back({{"name", f.name},
                   {"value", f.value},
                   {"sheet", f.sheet},
                   {"source", f.source},
                   {"url", f.url},
                   {"retrieved", f.retrieved},
                   {"confidence", f.confidence},
                   {"location", f.location},
                   {"adjusted", f.adjusted}});
  }
  return out;
}

ordered_json term_json(const ExplainedTerm& term) {
  ordered_json parts = ordered_json::array();
  for (const auto& part : term.parts) parts.push_back(term_json(part));
  return {{"label", term.label},
          {"formula", term.formula},
          {"amount", term.amount},
          {"factors", factors_json(term.factors)},
          {"parts", parts}};
}

}  // namespace

std::string render_explain_json(const ExplainReport& report) {
  ordered_json doc;
  doc["schema"] = "tco.explain/1";
  doc["scenario"] = {{"name", report.scenario_name}, {"file", report.scenario_file}};
  doc["strategy"] = report.strategy;
  doc["component"] = report.component ? ordered_json(to_string(*report.component)) : ordered_json(nullptr);
  doc["month"] = text_or_null(report.month);
  doc["basis"] = report.basis;
  doc["currency"] = report.currency;
  doc["total"] = report.total;
  doc["causes"] = ordered_json::array();
  for (const auto& cause : report.causes) {
    ordered_json months = ordered_json::array();
    for (const auto& run : cause.months) {
      months.push_back({{"from", run.from}, {"to", run.to}, {"months", run.months}, {"each", run.each}});
    }
    ordered_json terms = ordered_json::array();
    for (const auto& term : cause.terms) terms.push_back(term_json(term));
    doc["causes"].push_back({{"component", to_string(cause.component)},
                             {"cause", cause.cause},
                             {"site", cause.site},
                             {"total", cause.total},
                             {"formulas", cause.formulas},
                             {"inputs", factors_json(cause.prices)},
                             {"months", months},
                             {"terms", terms}});
  }
  // Present only when the strategy has events: explanations without any are unchanged.
  if (!report.events.empty()) {
    doc["per_event"] = ordered_json::array();
    for (const auto& event : report.events) {
      doc["per_event"].push_back({{"kind", event.kind},
                                  {"name", event.name},
                                  {"cause", event.cause},
                                  {"sites", event.sites},
                                  {"month", event.month},
                                  {"events", event.events},
                                  {"bytes_per_event", event.bytes_per_event},
                                  {"amount", event.amount},
                                  {"per_event", event.per_event}});
    }
  }
  return doc.dump(2) + "\n";
}

}  // namespace tco
