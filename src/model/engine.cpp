// Runs every strategy of a scenario: resolve prices once, then add each cost component.
#include "tco/model/engine.hpp"

#include <algorithm>

#include "engine_internal.hpp"
#include "tco/model/finance.hpp"

namespace tco {
namespace engine {

void StrategyContext::add(int month, Component component, const std::string& cause, const std::string& site,
                          double cash, double amortized) {
  if (month < 0 || month >= months) return;
  result.lines.push_back({month, component, cause, site, cash, amortized});
  const auto index = static_cast<std::size_t>(component);
  result.monthly_cash[static_cast<std::size_t>(month)][index] += cash;
  result.monthly_amortized[static_cast<std::size_t>(month)][index] += amortized;
}

void StrategyContext::error(const SourceLocation& where, const std::string& path, const std::string& message) {
  if (reported.insert(path + message).second) diagnostics.error(where, path, message);
}

std::string StrategyContext::workload_site(const std::string& workload) const {
  return strategy.workload_site.at(workload);
}

std::string StrategyContext::dataset_home(const Dataset& dataset) const {
  const auto it = strategy.dataset_site.find(dataset.name);
  return it == strategy.dataset_site.end() ? dataset.origin : it->second.site;
}

double StrategyContext::changed_per_refresh(const Dataset& dataset) const {
  const auto it = strategy.dataset_site.find(dataset.name);
  if (it != strategy.dataset_site.end() && it->second.changed_per_refresh) return it->second.changed_per_refresh->value;
  return dataset.changed_per_refresh.value;
}

std::set<std::string> StrategyContext::used_sites() const {
  std::set<std::string> used;
  for (const auto& [workload, site] : strategy.workload_site) used.insert(site);
  for (const auto& dataset : scenario.datasets) used.insert(dataset_home(dataset));
  for (const auto& transfer : transfers) {
    used.insert(transfer.from_site);
    if (!transfer.to_site.empty()) used.insert(transfer.to_site);
  }
  return used;
}

}  // namespace engine

Result<ModelResult> run_model(const Scenario& scenario, const PriceCatalog& catalog, const ModelOptions& options) {
  const Date day = options.as_of.value_or(scenario.pricing_date());
  auto pricing = engine::resolve_sites(scenario, catalog, day);
  if (!pricing) return pricing.diagnostics();

  ModelResult model;
  model.scenario = &scenario;
  model.months = options.horizon_months.value_or(scenario.horizon_months);
  model.baseline = scenario.baseline;
  model.sheets = pricing->sheets;
  Diagnostics d;
  for (const auto& strategy : scenario.strategies) {
    const auto& only = options.strategies;
    if (!only.empty() && strategy.name != scenario.baseline &&
        std::find(only.begin(), only.end(), strategy.name) == only.end()) {
      continue;
    }
    StrategyResult result;
    result.name = strategy.name;
    result.description = strategy.description;
    result.monthly_cash.assign(static_cast<std::size_t>(model.months), ComponentAmounts{});
    result.monthly_amortized.assign(static_cast<std::size_t>(model.months), ComponentAmounts{});
    engine::StrategyContext context{scenario, strategy, pricing.value(), model.months, result, d, {}, {}};
    engine::add_cloud_compute(context);
    engine::add_onprem_costs(context);
    engine::add_data_costs(context);
    engine::price_transfers(context);
    engine::add_interconnect_ports(context);
    model.strategies.push_back(std::move(result));
  }
  if (d.has_errors()) return d;

  const auto baseline = std::find_if(model.strategies.begin(), model.strategies.end(),
                                     [&](const StrategyResult& s) { return s.name == model.baseline; });
  const auto baseline_monthly = baseline->monthly_cash_totals();
  const double rate = scenario.discount_rate.value;
  for (auto& strategy : model.strategies) {
    if (strategy.name == model.baseline) continue;
    const auto monthly = strategy.monthly_cash_totals();
    strategy.breakeven = Breakeven{breakeven_month(monthly, baseline_monthly),
                                   breakeven_month(discounted(monthly, rate), discounted(baseline_monthly, rate))};
  }
  return {std::move(model), std::move(d)};
}

}  // namespace tco
