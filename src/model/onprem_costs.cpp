// Owned hardware: a fleet sized to the peak GPUs placed on the site, bought in the first
// month it is needed and replaced at the end of its depreciation life while still needed.
#include <algorithm>
#include <cmath>
#include <limits>

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
  std::vector<Val> used_hours;  // per month
  int first = -1;
  int last = -1;
  int peak = 0;
};

SiteDemand site_demand(StrategyContext& context, const std::vector<const Workload*>& placed) {
  SiteDemand demand;
  demand.used_hours.assign(static_cast<std::size_t>(context.months), Val(0.0));
  for (int month = 0; month < context.months; ++month) {
    int concurrent = 0;
    for (const Workload* workload : placed) {
      const Demand& needs = context.demand(*workload, month);
      if (!needs.active) continue;
      concurrent += needs.peak_gpus;
      demand.used_hours[static_cast<std::size_t>(month)] += needs.used_gpu_hours;
      context.result.used_gpu_hours += needs.used_gpu_hours.v;
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
  // Their values in this run, as inputs.
  struct Values {
    Val price, electricity, pue, colocation, maintenance, life, residual, fte, staff_cost;
  } in;
};

void read_values(const StrategyContext& context, const std::string& name, SitePrices& p) {
  constexpr double kNoLimit = std::numeric_limits<double>::infinity();
  auto in = [&](const Sourced* value, const char* key, InputSpec spec) {
    if (value == nullptr) return Val(0.0);
    return context.in(
        *value, [&] { return "sites." + name + "." + key; }, spec);
  };
  const HardwareSku& hardware = *p.hardware;
  p.in = {in(&hardware.price, "hardware.price", {Dimension::money, 0, kNoLimit, PriceService::hardware}),
          in(p.electricity, "electricity", {Dimension::money_per_kwh, 0, kNoLimit, PriceService::electricity}),
          in(p.pue, "pue", {Dimension::count, 1, kNoLimit, std::nullopt}),
          in(p.colocation, "colocation", {Dimension::money_per_kw_month, 0, kNoLimit, PriceService::colocation}),
          in(p.maintenance, "maintenance", {Dimension::fraction, 0, 1, std::nullopt}),
          in(p.life, "depreciation", {Dimension::hours, kHoursPerMonth, kNoLimit, std::nullopt}),
          in(p.residual, "residual_value", {Dimension::fraction, 0, 1, std::nullopt}),
          in(p.fte, "staff", {Dimension::count}),
          in(p.staff_cost, "staff_cost", {Dimension::money_per_year})};
}

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
               nullptr,
               {}};
  // Staff (and a staff cost) only when there are staff: a decision the plan keeps.
  const bool staffed = p.fte && !is_le(context.in(*p.fte, [&] { return "sites." + name + ".staff"; }), 0.0);
  if (staffed) p.staff_cost = need(context, site, site.staff_cost, "staff_cost");
  if (!p.electricity || !p.pue || !p.colocation || !p.maintenance || !p.life || !p.residual || !p.fte ||
      (staffed && !p.staff_cost))
    return std::nullopt;
  for (const Sourced* value : {&site.hardware.price, &site.hardware.max_kw, &site.hardware.idle_kw, p.electricity,
                               p.pue, p.colocation, p.maintenance, p.life, p.residual, p.staff_cost}) {
    if (value != nullptr) context.cite(site.catalog, *value);
  }
  read_values(context, name, p);
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
  // The fleet's power draw, from the hardware as the first month's catalog describes it.
  const auto power_path = [&](const char* key) { return "sites." + name + ".hardware." + key; };
  const Val idle_kw = context.in(hardware.idle_kw, [&] { return power_path("idle_power"); }, {Dimension::kilowatts});
  const Val max_kw = context.in(hardware.max_kw, [&] { return power_path("max_power"); }, {Dimension::kilowatts});

  // Buy when first needed, at that month's price; replace at end of life while workloads
  // continue. The residual value lowers the amortized cost only: the cash view assumes no
  // sale, so cumulative cash never falls.
  for (int bought = demand.first; bought <= demand.last;) {
    const auto at_purchase = prices_in(context, name, bought);
    if (!at_purchase) return;
    const Val capex = servers * at_purchase->in.price;
    const Val salvage = capex * at_purchase->in.residual;
    // The life decides when hardware is replaced: the plan keeps it to the month.
    const int life_months = std::max(1, static_cast<int>(rounded(at_purchase->in.life / kHoursPerMonth)));
    const int life_end = std::min(bought + life_months, context.months);
    const PriceSheet* purchase_catalog = context.pricing(bought).onprem.at(name).catalog;
    const Factor servers_factor{"servers of " + hardware.name + " (" + std::to_string(demand.peak) + " GPUs at peak)",
                                servers, Dimension::count};
    const Factor capex_factor{"purchase price of the fleet (servers × price per server)", capex.v, Dimension::money,
                              ByteBase::none, context.origin(purchase_catalog, at_purchase->hardware->price)};
    // Cash only: the amortized view spreads it as the monthly depreciation below.
    context.add({bought, Component::hardware, cause, name, "", capex, 0.0, "", hardware.name,
                 Usage{servers, UsageUnit::servers},
                 context.rate(purchase_catalog, at_purchase->hardware->price, Dimension::money, at_purchase->in.price)},
                context.derive([&] {
                  return Derivation{"servers × price per server (paid when bought)",
                                    {servers_factor, Factor::line_rate("price per server")},
                                    {},
                                    "",
                                    capex.v};
                }));
    for (int month = bought; month < life_end; ++month) {
      const auto p = prices_in(context, name, month);
      if (!p) return;
      const PriceSheet* catalog = context.pricing(month).onprem.at(name).catalog;
      const double hours = context.scenario.hours_in_month(month);
      const Val utilization = vmin(1.0, demand.used_hours[static_cast<std::size_t>(month)] / (gpu_capacity * hours));
      const Val kw = servers * (idle_kw + (max_kw - idle_kw) * utilization);
      const Val depreciation = (capex - salvage) / static_cast<double>(life_months);
      const Rate per_server_month{depreciation.v / servers, Dimension::money_per_month, ByteBase::none, std::nullopt,
                                  "price per server × (1 − residual value) ÷ depreciation life in months"};
      context.add(
          {month, Component::hardware, cause, name, "", 0.0, depreciation, "", hardware.name,
           Usage{servers, UsageUnit::server_months}, per_server_month},
          context.derive([&] {
            return Derivation{
                "purchase price × (1 − residual value) ÷ depreciation life in months",
                {capex_factor,
                 context.factor("residual value", purchase_catalog, *at_purchase->residual, Dimension::fraction),
                 Factor{"depreciation life in months", static_cast<double>(life_months), Dimension::count,
                        ByteBase::none, context.origin(purchase_catalog, *at_purchase->life)}},
                {},
                "",
                depreciation.v};
          }));
      const Val power = kw * p->in.pue * hours * p->in.electricity;
      const double kwh = kw.v * p->in.pue.v * hours;  // drawn from the grid, the facility's overhead included
      context.add({month, Component::power, cause, name, "", power, power, "", "electricity",
                   Usage{kwh, UsageUnit::kilowatt_hours},
                   context.rate(catalog, *p->electricity, Dimension::money_per_kwh, p->in.electricity),
                   Measures{std::nullopt, kwh}},
                  context.derive([&] {
                    return Derivation{
                        "servers × (idle kW + (max kW − idle kW) × GPU utilization) × PUE × hours × electricity price",
                        {servers_factor,
                         context.factor("idle power per server", catalog, hardware.idle_kw, Dimension::kilowatts),
                         context.factor("max power per server", catalog, hardware.max_kw, Dimension::kilowatts),
                         Factor{"GPU utilization (used GPU-hours ÷ capacity)", utilization.v, Dimension::fraction},
                         context.factor("PUE", catalog, *p->pue, Dimension::count),
                         Factor{"hours in the month", hours, Dimension::hours}, Factor::line_rate("electricity price")},
                        {},
                        "",
                        power.v};
                  }));
      const Val space = servers * max_kw * p->in.colocation;
      context.add(
          {month, Component::space, cause, name, "", space, space, "", "colocation",
           Usage{servers * max_kw.v, UsageUnit::kilowatt_months},
           context.rate(catalog, *p->colocation, Dimension::money_per_kw_month, p->in.colocation)},
          context.derive([&] {
            return Derivation{
                "servers × max kW per server × colocation price per kW-month",
                {servers_factor, context.factor("max power per server", catalog, hardware.max_kw, Dimension::kilowatts),
                 Factor::line_rate("colocation price")},
                {},
                "",
                space.v};
          }));
      const Val maintenance = capex * p->in.maintenance / 12.0;
      const Rate maintenance_rate{maintenance.v / servers, Dimension::money_per_month, ByteBase::none, std::nullopt,
                                  "price per server × maintenance per year ÷ 12"};
      context.add({month, Component::maintenance, cause, name, "", maintenance, maintenance, "", hardware.name,
                   Usage{servers, UsageUnit::server_months}, maintenance_rate},
                  context.derive([&] {
                    return Derivation{"purchase price × maintenance per year ÷ 12",
                                      {capex_factor, context.factor("maintenance per year", catalog, *p->maintenance,
                                                                    Dimension::fraction)},
                                      {},
                                      "",
                                      maintenance.v};
                  }));
      if (p->staff_cost != nullptr) {
        const Val staff = p->in.fte * p->in.staff_cost / 12.0;
        const Rate per_fte_month{p->in.staff_cost.v / 12.0, Dimension::money_per_month, ByteBase::none,
                                 context.origin(catalog, *p->staff_cost), "cost per FTE-year ÷ 12"};
        context.add({month, Component::staff, cause, name, "", staff, staff, "", "staff",
                     Usage{p->in.fte.v, UsageUnit::full_time_months}, per_fte_month},
                    context.derive([&] {
                      return Derivation{
                          "FTEs × cost per FTE-year ÷ 12",
                          {context.factor("FTEs", catalog, *p->fte, Dimension::count),
                           context.factor("cost per FTE-year", catalog, *p->staff_cost, Dimension::money_per_year)},
                          {},
                          "",
                          staff.v};
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
