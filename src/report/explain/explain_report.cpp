#include "tco/report/explain_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/model/figures.hpp"
#include "tco/report/price_rows.hpp"

namespace tco {
namespace {

double per_gb(double per_byte, ByteBase base) { return per_byte * bytes_per_gb(base); }

ExplainedFactor explain_factor(const Factor& factor, const std::string& currency) {
  ExplainedFactor out;
  out.name = factor.name;
  out.value = format_factor_value(factor, currency);
  if (!factor.origin) return out;
  const Origin& origin = *factor.origin;
  out.sheet = origin.sheet;
  if (origin.source) {
    out.source = origin.source->id;
    out.url = origin.source->url;
    out.retrieved = format_date(origin.source->retrieved);
    out.confidence = to_string(origin.source->confidence);
  }
  if (!origin.where.file.empty()) out.location = fmt::format("{}:{}", origin.where.file, origin.where.line);
  if (origin.list_value) {
    Factor list = factor;
    list.value = *origin.list_value;
    out.adjusted = "list " + format_factor_value(list, currency) + "; " + join(origin.adjustments, "; ");
  }
  return out;
}

// A factor as the line used it: one that stands for the line's rate is read from the ledger.
Factor as_used(const Factor& factor, const CostLine& line) {
  if (!factor.is_line_rate) return factor;
  return Factor{factor.name, line.rate.value, line.rate.dimension, line.rate.byte_base, line.rate.origin};
}

ExplainedTerm explain_term(const Derivation& derivation, const CostLine& line, const std::string& currency) {
  ExplainedTerm term{derivation.label, derivation.formula, {}, derivation.amount, {}};
  for (const auto& factor : derivation.factors) term.factors.push_back(explain_factor(as_used(factor, line), currency));
  for (const auto& part : derivation.parts) term.parts.push_back(explain_term(*part, line, currency));
  return term;
}

// The inputs with an origin (prices and stated values), once each, from a derivation tree.
void collect_prices(const Derivation& derivation, const CostLine& line, const std::string& currency,
                    std::vector<ExplainedFactor>& out) {
  for (const auto& listed : derivation.factors) {
    const Factor factor = as_used(listed, line);
    if (!factor.origin) continue;
    auto explained = explain_factor(factor, currency);
    // A price is listed once per value; a volume the scenario states is listed once per
    // scenario line, since it grows or varies from month to month.
    const bool stated = explained.sheet.empty();
    const auto known = std::find_if(out.begin(), out.end(), [&](const ExplainedFactor& f) {
      return f.location == explained.location &&
             (stated ? f.sheet.empty() : f.name == explained.name && f.value == explained.value);
    });
    if (known == out.end()) {
      out.push_back(std::move(explained));
    } else if (stated && known->value != explained.value) {
      known->value = "varies by month";
    }
  }
  for (const auto& part : derivation.parts) collect_prices(*part, line, currency, out);
}

// "checkpoint save of pretrain": what one event is, in words.
std::string event_words(const EventCost& event) {
  switch (event.kind) {
    case EventKind::dataset_migration:
      return "migration of dataset " + event.name;
    case EventKind::checkpoint_save:
      return "checkpoint save of " + event.name;
    case EventKind::flow_transfer:
      return "transfer of flow " + event.name;
  }
  return event.name;
}

// The strategy's events, priced by event_costs() (model/figures.cpp): only when the figure
// explained includes egress, the one component events cost.
std::vector<ExplainedEvent> explain_events(const StrategyResult& strategy, const Scenario& scenario,
                                           const ExplainRequest& request) {
  std::vector<ExplainedEvent> out;
  if (request.component && *request.component != Component::egress) return out;
  for (const auto& event : event_costs(strategy, scenario, request.month)) {
    out.push_back({to_string(event.kind), event.name, event_words(event), event.cause, event.sites,
                   format_year_month(add_months(scenario.start, event.month)), event.events, event.bytes_per_event(),
                   event.cash, event.per_event()});
  }
  return out;
}

}  // namespace

std::string format_factor_value(const Factor& factor, const std::string& currency) {
  const double v = factor.value;
  switch (factor.dimension) {
    case Dimension::count:
      return v == std::floor(v) && std::fabs(v) < 1e15 ? group_thousands(v, 0) : format_number(v);
    case Dimension::fraction:
      return format_percent(v, 2);
    case Dimension::bytes:
      return format_bytes(v, factor.byte_base == ByteBase::binary);
    case Dimension::hours:
      // Ten significant digits, like prices: 730 × 70 % shows as 511 h, not 510.99999999999994 h.
      return format_price(v) + " h";
    case Dimension::money:
      return format_money(v, currency, 2);
    case Dimension::money_per_hour:
      return format_price(v) + " " + currency + "/h";
    case Dimension::money_per_byte:
      return format_price(per_gb(v, factor.byte_base)) + " " + currency + "/" + gb_name(factor.byte_base);
    case Dimension::money_per_byte_month:
      return format_price(per_gb(v, factor.byte_base)) + " " + currency + "/" + gb_name(factor.byte_base) + "-month";
    case Dimension::money_per_kwh:
      return format_price(v) + " " + currency + "/kWh";
    case Dimension::money_per_kw_month:
      return format_price(v) + " " + currency + "/kW-month";
    case Dimension::money_per_year:
      return format_money(v, currency, 0) + "/year";
    case Dimension::money_per_month:
      return format_money(v, currency, 0) + "/month";
    case Dimension::kilowatts:
      return format_number(v) + " kW";
    case Dimension::grams_co2_per_kwh:
      return format_number(v) + " gCO2e/kWh";
  }
  return format_number(v);
}

std::string format_event_count(double events) { return fmt::format("{:.4g}", events); }

std::string per_event_basis(const ExplainReport& report) {
  return fmt::format("each event's egress lines in {}: their cost that month ÷ the events in it",
                     report.month.empty() ? std::string("the first month it happens") : report.month);
}

ExplainReport make_explain_report(const ModelResult& model, const ExplainRequest& request) {
  const Scenario& scenario = *model.scenario;
  ExplainReport report;
  report.scenario_name = scenario.name;
  report.scenario_file = scenario.file;
  report.strategy = request.strategy;
  report.currency = scenario.currency;
  report.basis = request.amortized ? "amortized" : "cash";
  report.component = request.component;
  const auto label = [&](int month) { return format_year_month(add_months(scenario.start, month)); };
  if (request.month) report.month = label(*request.month);
  report.span = request.month ? report.month : label(0) + ".." + label(model.months - 1);

  const auto strategy = std::find_if(model.strategies.begin(), model.strategies.end(),
                                     [&](const StrategyResult& s) { return s.name == request.strategy; });
  if (strategy == model.strategies.end()) return report;
  std::map<std::tuple<Component, std::string, std::string>, std::size_t> index;
  std::map<std::size_t, std::vector<double>> monthly;  // cause -> amount per month
  for (const auto& line : strategy->lines) {
    if (request.component && line.component != *request.component) continue;
    if (request.month && line.month != *request.month) continue;
    const double amount = request.amortized ? line.amortized : line.cash;
    // A purchase explains the cash basis only, a depreciation the amortized one; a term
    // that really costs nothing (a free transfer) is still listed.
    if (amount == 0 && (line.derivation == nullptr || line.derivation->amount != 0)) continue;
    const auto key = std::make_tuple(line.component, line.cause, line.site);
    auto [it, added] = index.emplace(key, report.causes.size());
    if (added) report.causes.push_back({line.component, line.cause, line.site, 0, {}, {}, {}, {}});
    ExplainedCause& cause = report.causes[it->second];
    cause.total += amount;
    auto& months = monthly[it->second];
    months.resize(static_cast<std::size_t>(model.months), 0.0);
    months[static_cast<std::size_t>(line.month)] += amount;
    if (line.derivation == nullptr) continue;
    const auto& formula = line.derivation->formula;
    if (std::find(cause.formulas.begin(), cause.formulas.end(), formula) == cause.formulas.end())
      cause.formulas.push_back(formula);
    collect_prices(*line.derivation, line, report.currency, cause.prices);
    if (request.month) cause.terms.push_back(explain_term(*line.derivation, line, report.currency));
  }
  for (auto& [position, amounts] : monthly) {
    auto& runs = report.causes[position].months;
    for (int month = 0; month < model.months; ++month) {
      const double each = amounts[static_cast<std::size_t>(month)];
      if (each == 0) continue;
      if (!runs.empty() && runs.back().to == label(month - 1) && std::fabs(runs.back().each - each) < 0.005) {
        runs.back().to = label(month);
        ++runs.back().months;
      } else {
        runs.push_back({label(month), label(month), 1, each});
      }
    }
  }
  std::stable_sort(report.causes.begin(), report.causes.end(),
                   [](const ExplainedCause& a, const ExplainedCause& b) { return a.total > b.total; });
  for (const auto& cause : report.causes) report.total += cause.total;
  report.events = explain_events(*strategy, scenario, request);
  return report;
}

}  // namespace tco
