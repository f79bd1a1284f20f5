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

void StrategyContext::cite(const PriceSheet* sheet, const Sourced& value) {
  if (sheet == nullptr || value.source.empty()) return;
  const PriceSource* source = sheet->find_source(value.source);
  if (source == nullptr) return;
  auto& entry = cited[{timeline.base(sheet)->label(), source->id}];
  entry.source = *source;
  entry.values.insert({value.where.file, value.where.line, value.where.column});
}

void StrategyContext::finish_citations() {
  for (const auto& [key, entry] : cited)
    result.citations.push_back({key.first, entry.source, static_cast<int>(entry.values.size())});
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

namespace {

std::vector<SheetUse> sheet_uses(const engine::PricingTimeline& timeline, int months) {
  std::vector<SheetUse> uses;
  for (int month = 0; month < months; ++month) {
    for (const PriceSheet* sheet : timeline.at(month).sheets) {
      const PriceSheet* base = timeline.base(sheet);
      const bool projected = base != sheet;
      auto it = std::find_if(uses.begin(), uses.end(),
                             [&](const SheetUse& use) { return use.sheet == base && use.last_month >= month - 1; });
      if (it == uses.end()) {
        uses.push_back({base, month, month, projected});
      } else {
        it->last_month = month;
        it->projected = it->projected || projected;
      }
    }
  }
  std::stable_sort(uses.begin(), uses.end(), [](const SheetUse& a, const SheetUse& b) {
    return a.sheet->provider != b.sheet->provider ? a.sheet->provider < b.sheet->provider
                                                  : a.first_month < b.first_month;
  });
  return uses;
}

}  // namespace

Result<ModelResult> run_model(const Scenario& scenario, const PriceCatalog& catalog, const ModelOptions& options) {
  const int months = options.horizon_months.value_or(scenario.horizon_months);
  const std::optional<Date> pinned = options.as_of ? options.as_of : scenario.as_of;
  auto timeline = engine::resolve_timeline(scenario, catalog, pinned, months);
  if (!timeline) return timeline.diagnostics();

  ModelResult model;
  model.scenario = &scenario;
  model.months = months;
  model.baseline = scenario.baseline;
  model.pinned = pinned;
  model.projected_months = timeline->projected;
  model.sheet_uses = sheet_uses(timeline.value(), months);
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
    engine::StrategyContext context{scenario, strategy, timeline.value(), model.months, result, d, {}, {}, {}};
    engine::add_cloud_compute(context);
    engine::add_onprem_costs(context);
    engine::add_data_costs(context);
    engine::price_transfers(context);
    engine::add_interconnect_ports(context);
    context.finish_citations();
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
