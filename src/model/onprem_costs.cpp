// Owned hardware: a fleet sized to the peak GPUs placed on the site, bought in the first
// month it is needed and replaced at the end of its depreciation life while still needed.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine_internal.hpp"

namespace tco::engine {
namespace {

// A parameter the site needs; when neither the scenario nor the catalog gives it, that is
// an error naming both places — never a silent zero.
const Sourced* need(StrategyContext& context, const OnPremPricing& site, const std::optional<Sourced>& value,
                    const char* key) {
  if (value) return &*value;
  context.error(site.site->where, "sites." + site.site->name,
                fmt::format("missing '{}': the scenario does not state it and the on-prem catalog{} has no default",
                            key, site.catalog ? " " + site.catalog->id() : ""));
  return nullptr;
}

struct SiteDemand {
  std::vector<double> used_hours;  // per month
  int first = -1;
  int last = -1;
  int peak = 0;
};

SiteDemand site_demand(StrategyContext& context, const std::vector<const Workload*>& placed) {
  SiteDemand demand;
  demand.used_hours.assign(static_cast<std::size_t>(context.months), 0.0);
  for (int month = 0; month < context.months; ++month) {
    int concurrent = 0;
    for (const Workload* workload : placed) {
      const Demand needs = context.demand(*workload, month);
      if (!needs.active) continue;
      concurrent += needs.peak_gpus;
      demand.used_hours[static_cast<std::size_t>(month)] += needs.used_gpu_hours;
      context.result.used_gpu_hours += needs.used_gpu_hours;
    }
    if (concurrent > 0) {
      if (demand.first < 0) demand.first = month;
      demand.last = month;
    }
    demand.peak = std::max(demand.peak, concurrent);
  }
  return demand;
}

// A site's parameters in one month, each checked present and cited.
struct SitePrices {
  const HardwareSku* hardware = nullptr;
  const Sourced *electricity, *pue, *colocation, *maintenance, *life, *residual, *fte, *staff_cost;
};

std::optional<SitePrices> prices_in(StrategyContext& context, const std::string& name, int month) {
  const OnPremPricing& site = context.pricing(month).onprem.at(name);
  SitePrices p{&site.hardware,
               need(context, site, site.electricity, "electricity"),
               need(context, site, site.pue, "pue"),
               need(context, site, site.colocation, "colocation"),
               need(context, site, site.maintenance, "maintenance"),
               need(context, site, site.depreciation_life, "depreciation"),
               need(context, site, site.residual_value, "residual_value"),
               need(context, site, site.staff_fte, "staff"),
               nullptr};
  if (p.fte && p.fte->value > 0) p.staff_cost = need(context, site, site.staff_cost, "staff_cost");
  if (!p.electricity || !p.pue || !p.colocation || !p.maintenance || !p.life || !p.residual || !p.fte ||
      (p.fte->value > 0 && !p.staff_cost))
    return std::nullopt;
  for (const Sourced* value : {&site.hardware.price, &site.hardware.max_kw, &site.hardware.idle_kw, p.electricity,
                               p.pue, p.colocation, p.maintenance, p.life, p.residual, p.staff_cost}) {
    if (value != nullptr) context.cite(site.catalog, *value);
  }
  return p;
}

void add_site(StrategyContext& context, const std::string& name) {
  const HardwareSku& hardware = context.pricing(0).onprem.at(name).hardware;
  std::vector<const Workload*> placed;
  for (const auto& workload : context.scenario.workloads) {
    if (context.workload_site(workload.name) != name) continue;
    if (workload.gpu != hardware.gpu) {
      context.error(workload.where, "workloads." + workload.name + ".gpu",
                    fmt::format("workload '{}' needs {} GPUs but site '{}' has {} ({})", workload.name, workload.gpu,
                                name, hardware.gpu, hardware.name));
      return;
    }
    placed.push_back(&workload);
  }
  if (placed.empty()) return;
  const SiteDemand demand = site_demand(context, placed);
  if (demand.first < 0) return;
  const double servers = std::ceil(static_cast<double>(demand.peak) / hardware.gpus - 1e-9);
  const double gpu_capacity = servers * hardware.gpus;
  const std::string cause = "site " + name;

  // Buy when first needed, at that month's price; replace at end of life while workloads
  // continue. The residual value lowers the amortized cost only: the cash view assumes no
  // sale, so cumulative cash never falls.
  for (int bought = demand.first; bought <= demand.last;) {
    const auto at_purchase = prices_in(context, name, bought);
    if (!at_purchase) return;
    const double capex = servers * at_purchase->hardware->price.value;
    const double salvage = capex * at_purchase->residual->value;
    const int life_months = std::max(1, static_cast<int>(std::lround(at_purchase->life->value / kHoursPerMonth)));
    const int life_end = std::min(bought + life_months, context.months);
    const PriceSheet* purchase_catalog = context.pricing(bought).onprem.at(name).catalog;
    const Factor servers_factor{"servers of " + hardware.name + " (" + std::to_string(demand.peak) + " GPUs at peak)",
                                servers, Dimension::count};
    const Factor capex_factor{"purchase price of the fleet (servers × price per server)", capex, Dimension::money,
                              ByteBase::none, context.origin(purchase_catalog, at_purchase->hardware->price)};
    // Cash only: the amortized view spreads it as the monthly depreciation below.
    context.add({bought, Component::hardware, cause, name, "", capex, 0.0, ""}, context.derive([&] {
      return Derivation{"servers × price per server (paid when bought)",
                        {servers_factor, context.factor("price per server", purchase_catalog,
                                                        at_purchase->hardware->price, Dimension::money)},
                        {},
                        "",
                        capex};
    }));
    for (int month = bought; month < life_end; ++month) {
      const auto p = prices_in(context, name, month);
      if (!p) return;
      const PriceSheet* catalog = context.pricing(month).onprem.at(name).catalog;
      const double hours = context.scenario.hours_in_month(month);
      const double utilization =
          std::min(1.0, demand.used_hours[static_cast<std::size_t>(month)] / (gpu_capacity * hours));
      const double kw =
          servers * (hardware.idle_kw.value + (hardware.max_kw.value - hardware.idle_kw.value) * utilization);
      const double depreciation = (capex - salvage) / life_months;
      context.add({month, Component::hardware, cause, name, "", 0.0, depreciation, ""}, context.derive([&] {
        return Derivation{
            "purchase price × (1 − residual value) ÷ depreciation life in months",
            {capex_factor,
             context.factor("residual value", purchase_catalog, *at_purchase->residual, Dimension::fraction),
             Factor{"depreciation life in months", static_cast<double>(life_months), Dimension::count, ByteBase::none,
                    context.origin(purchase_catalog, *at_purchase->life)}},
            {},
            "",
            depreciation};
      }));
      const double power = kw * p->pue->value * hours * p->electricity->value;
      context.add(month, Component::power, cause, name, power, context.derive([&] {
        return Derivation{
            "servers × (idle kW + (max kW − idle kW) × GPU utilization) × PUE × hours × electricity price",
            {servers_factor, context.factor("idle power per server", catalog, hardware.idle_kw, Dimension::kilowatts),
             context.factor("max power per server", catalog, hardware.max_kw, Dimension::kilowatts),
             Factor{"GPU utilization (used GPU-hours ÷ capacity)", utilization, Dimension::fraction},
             context.factor("PUE", catalog, *p->pue, Dimension::count),
             Factor{"hours in the month", hours, Dimension::hours},
             context.factor("electricity price", catalog, *p->electricity, Dimension::money_per_kwh)},
            {},
            "",
            power};
      }));
      const double space = servers * hardware.max_kw.value * p->colocation->value;
      context.add(month, Component::space, cause, name, space, context.derive([&] {
        return Derivation{
            "servers × max kW per server × colocation price per kW-month",
            {servers_factor, context.factor("max power per server", catalog, hardware.max_kw, Dimension::kilowatts),
             context.factor("colocation price", catalog, *p->colocation, Dimension::money_per_kw_month)},
            {},
            "",
            space};
      }));
      const double maintenance = capex * p->maintenance->value / 12.0;
      context.add(month, Component::maintenance, cause, name, maintenance, context.derive([&] {
        return Derivation{
            "purchase price × maintenance per year ÷ 12",
            {capex_factor, context.factor("maintenance per year", catalog, *p->maintenance, Dimension::fraction)},
            {},
            "",
            maintenance};
      }));
      if (p->fte->value > 0) {
        const double staff = p->fte->value * p->staff_cost->value / 12.0;
        context.add(month, Component::staff, cause, name, staff, context.derive([&] {
          return Derivation{"FTEs × cost per FTE-year ÷ 12",
                            {context.factor("FTEs", catalog, *p->fte, Dimension::count),
                             context.factor("cost per FTE-year", catalog, *p->staff_cost, Dimension::money_per_year)},
                            {},
                            "",
                            staff};
        }));
      }
    }
    bought += life_months;
  }
}

}  // namespace

void add_onprem_costs(StrategyContext& context) {
  for (const auto& [name, site] : context.pricing(0).onprem) add_site(context, name);
}

}  // namespace tco::engine
