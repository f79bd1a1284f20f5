#pragma once
// The neutral report behind `tco explain`: every term that makes up a strategy's figure,
// with its formula, the numbers plugged in and where each came from (price sheet source
// or scenario line). The terms add up to the figure `tco compare` reports.
#include <optional>
#include <string>
#include <vector>

#include "tco/model/results.hpp"
#include "tco/report/format.hpp"

namespace tco {

// A number in a formula, ready to print.
struct ExplainedFactor {
  std::string name;
  std::string value;   // with its unit, "0.09 USD/GiB", "730 h"
  std::string sheet;   // empty when the scenario stated it or the engine derived it
  std::string source;  // source id
  std::string url;
  std::string retrieved;   // YYYY-MM-DD
  std::string confidence;  // primary, secondhand
  std::string location;    // FILE:LINE of the value, empty when derived
  std::string adjusted;    // "list 0.1125 USD/GiB; -20 % acme-discount", empty when not adjusted
};

// One derivation: formula, factors, amount; `parts` break it down (egress tiers).
struct ExplainedTerm {
  std::string label;
  std::string formula;
  std::vector<ExplainedFactor> factors;
  double amount = 0;
  std::vector<ExplainedTerm> parts;
};

// A run of months in which a cause cost the same each month.
struct MonthRun {
  std::string from;  // YYYY-MM
  std::string to;
  int months = 0;
  double each = 0;
};

// Everything one cause contributed to the figure.
struct ExplainedCause {
  Component component = Component::compute;
  std::string cause;
  std::string site;
  double total = 0;
  std::vector<std::string> formulas;    // distinct, in order of appearance
  std::vector<ExplainedFactor> prices;  // distinct priced or stated inputs, across all its months
  std::vector<MonthRun> months;         // its monthly amounts, equal months merged
  std::vector<ExplainedTerm> terms;     // --month: each line of that month in full
};

// What one event cost (tco-model(7), UNIT ECONOMICS, "Per event"): a dataset's migration, a
// checkpoint save sent to its replicas, a transfer of a flow; in the month explained, or else
// in the first month it happens.
struct ExplainedEvent {
  std::string kind;                // "dataset_migration", "checkpoint_save", "flow_transfer"
  std::string name;                // the dataset, workload or flow
  std::string event;               // "migration of dataset corpus", "checkpoint save of pretrain", "transfer of flow x"
  std::string cause;               // the cause of its egress lines, as listed above it
  std::vector<std::string> sites;  // where its bytes leave: one site, or a base's and a burst's
  std::string month;               // YYYY-MM
  double events = 0;               // in that month
  double bytes_per_event = 0;
  double amount = 0;     // its lines' cost in that month
  double per_event = 0;  // amount ÷ events
};

struct ExplainReport {
  std::string scenario_name;
  std::string scenario_file;
  std::string strategy;
  std::string currency;
  std::string basis;                   // "cash" or "amortized"
  std::optional<Component> component;  // none: every component
  std::string month;                   // YYYY-MM, empty: the whole horizon
  std::string span;                    // "2027-01..2031-12" or the month
  double total = 0;                    // the sum of the causes
  std::vector<ExplainedCause> causes;  // largest first
  // Per event, when the figure includes egress and the strategy has events (in the first
  // month each happens, or in `month`); empty otherwise, and no format shows the section.
  std::vector<ExplainedEvent> events;
};

struct ExplainRequest {
  std::string strategy;
  std::optional<Component> component;
  std::optional<int> month;  // 0-based
  bool amortized = false;
};

// `model` must have been run with explanations recorded (ModelOptions::explain).
ExplainReport make_explain_report(const ModelResult& model, const ExplainRequest& request);

// "55.04 USD/h", "10 TiB", "12.50 %": a factor's value with its unit.
std::string format_factor_value(const Factor& factor, const std::string& currency);

// A count of events as reports print it: four significant digits ("182.5", "4.345", "1").
std::string format_event_count(double events);
// What the per-event figures are, in words, for the month or months they are priced in.
std::string per_event_basis(const ExplainReport& report);

// One renderer per format (src/report/explain/).
std::string render_explain_table(const ExplainReport& report);
std::string render_explain_json(const ExplainReport& report);
// scenario,strategy,component,cause,site,month,basis,currency,amount — each cause per month.
std::string render_explain_csv(const ExplainReport& report);
std::string render_explain_markdown(const ExplainReport& report);
// `tco explain --format html`: the causes, their formulas and inputs with linked sources, in
// the full report's style (table id="causes", one section per cause).
std::string render_explain_html(const ExplainReport& report);

const Renderers<ExplainReport>& explain_renderers();

}  // namespace tco
