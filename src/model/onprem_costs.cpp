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
  std::vector<Val> used_hours;  // per month
  int first = -1;
  int last = -1;
  int peak = 0;
};

// GPUs held at the site each month: a stated size (a base) while the workload runs, else its
// peak that month; the fleet is sized for the most held at once.
SiteDemand site_demand(StrategyContext& context, const std::vector<const PlacedPortion*>& placed) {
  SiteDemand demand;
  demand.used_hours.assign(static_cast<std::size_t>(context.months), Val(0.0));
  for (int month = 0; month < context.months; ++month) {
    int concurrent = 0;
    for (const PlacedPortion* portion : placed) {
      const Demand& needs = portion->demand[static_cast<std::size_t>(month)];
      if (!needs.active) continue;
      concurrent += portion->size.value_or(needs.peak_gpus);
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

// The workloads placed on the site; none when one needs other GPUs than the site's hardware
// has, which is reported.
std::vector<const PlacedPortion*> workloads_on(StrategyContext& context, const std::string& name,
                                               const HardwareSku& hardware) {
  std::vector<const PlacedPortion*> placed;
  for (const auto& portion : context.portions) {
    if (portion.site() != name) continue;
    const Workload& workload = *portion.workload;
    if (portion.gpu != hardware.gpu) {
      context.error(workload.where, "workloads." + workload.name + ".gpu",
                    fmt::format("workload '{}' needs {} GPUs but site '{}' has {} ({})", workload.name, portion.gpu,
                                name, hardware.gpu, hardware.name));
      return {};
    }
    placed.push_back(&portion);
  }
  return placed;
}

// The site's fleet: enough servers for the peak GPUs placed on it, and their power draw.
struct Fleet {
  std::string name;             // the site's
  const HardwareSku* hardware;  // as the first month's catalog describes it
  SiteDemand demand;            // with some month of demand
  double servers = 0;
  double gpu_capacity = 0;  // servers × GPUs per server
  std::string cause;        // of every cost line: "site NAME"
  Val idle_kw, max_kw;      // per server
  Factor servers_factor;    // the first factor of most derivations
};

Fleet size_fleet(StrategyContext& context, const std::string& name, const HardwareSku& hardware, SiteDemand demand) {
  const double servers = std::ceil(static_cast<double>(demand.peak) / hardware.gpus - 1e-9);
  const double gpu_capacity = servers * hardware.gpus;
  // The fleet's power draw, from the hardware as the first month's catalog describes it.
  const auto power_path = [&](const char* key) { return "sites." + name + ".hardware." + key; };
  const Val idle_kw = context.in(hardware.idle_kw, [&] { return power_path("idle_power"); }, {Dimension::kilowatts});
  const Val max_kw = context.in(hardware.max_kw, [&] { return power_path("max_power"); }, {Dimension::kilowatts});
  Factor servers_factor{"servers of " + hardware.name + " (" + std::to_string(demand.peak) + " GPUs at peak)", servers,
                        Dimension::count};
  return Fleet{name,    &hardware, std::move(demand),        servers, gpu_capacity, "site " + name,
               idle_kw, max_kw,    std::move(servers_factor)};
}

// One purchase of the fleet, at the prices of the month it is bought, and the months it serves.
struct Purchase {
  int month = 0;
  SitePrices prices;
  const PriceSheet* catalog = nullptr;  // the month's on-prem catalog
  Val capex, salvage;
  int life_months = 0;
  int life_end = 0;  // the month after the last it serves, within the horizon
  Factor capex_factor;
};

// Buys the fleet in month `bought`, at that month's price: a cash line only, since the
// amortized view spreads it as the monthly depreciation. None when a price is missing (reported).
std::optional<Purchase> buy_fleet(StrategyContext& context, const Fleet& fleet, int bought) {
  const auto at_purchase = prices_in(context, fleet.name, bought);
  if (!at_purchase) return std::nullopt;
  const HardwareSku& hardware = *fleet.hardware;
  const Val capex = fleet.servers * at_purchase->in.price;
  const Val salvage = capex * at_purchase->in.residual;
  // The life decides when hardware is replaced: the plan keeps it to the month.
  const int life_months = std::max(1, static_cast<int>(rounded(at_purchase->in.life / kHoursPerMonth)));
  const int life_end = std::min(bought + life_months, context.months);
  const PriceSheet* purchase_catalog = context.pricing(bought).onprem.at(fleet.name).catalog;
  Factor capex_factor{"purchase price of the fleet (servers × price per server)", capex.v, Dimension::money,
                      ByteBase::none, context.origin(purchase_catalog, at_purchase->hardware->price)};
  context.add({bought, Component::hardware, fleet.cause, fleet.name, "", capex, 0.0, "", hardware.name,
               Usage{fleet.servers, UsageUnit::servers},
               context.rate(purchase_catalog, at_purchase->hardware->price, Dimension::money, at_purchase->in.price)},
              context.derive([&] {
                return Derivation{"servers × price per server (paid when bought)",
                                  {fleet.servers_factor, Factor::line_rate("price per server")},
                                  {},
                                  "",
                                  capex.v};
              }));
  return Purchase{bought,  *at_purchase, purchase_catalog, capex,
                  salvage, life_months,  life_end,         std::move(capex_factor)};
}

// One month of a purchase's life: the site's prices in it, as the month's catalog gives them.
struct SiteMonth {
  int month = 0;
  const SitePrices& prices;
  const PriceSheet* catalog = nullptr;
  double hours = 0;  // in the month
};

// The purchase price less the residual value, spread evenly over the months of its life:
// the amortized view only, the cash was paid when bought.
void add_depreciation(StrategyContext& context, const Fleet& fleet, const Purchase& purchase, int month) {
  const Val depreciation = (purchase.capex - purchase.salvage) / static_cast<double>(purchase.life_months);
  const Rate per_server_month{depreciation.v / fleet.servers, Dimension::money_per_month, ByteBase::none, std::nullopt,
                              "price per server × (1 − residual value) ÷ depreciation life in months"};
  context.add({month, Component::hardware, fleet.cause, fleet.name, "", 0.0, depreciation, "", fleet.hardware->name,
               Usage{fleet.servers, UsageUnit::server_months}, per_server_month},
              context.derive([&] {
                return Derivation{
                    "purchase price × (1 − residual value) ÷ depreciation life in months",
                    {purchase.capex_factor,
                     context.factor("residual value", purchase.catalog, *purchase.prices.residual, Dimension::fraction),
                     Factor{"depreciation life in months", static_cast<double>(purchase.life_months), Dimension::count,
                            ByteBase::none, context.origin(purchase.catalog, *purchase.prices.life)}},
                    {},
                    "",
                    depreciation.v};
              }));
}

// The electricity the fleet draws at the month's load, the facility's overhead (PUE) included.
void add_power(StrategyContext& context, const Fleet& fleet, const SiteMonth& m, Val load, Val kw) {
  const SitePrices& p = m.prices;
  const Val power = kw * p.in.pue * m.hours * p.in.electricity;
  const double kwh = kw.v * p.in.pue.v * m.hours;  // drawn from the grid, the facility's overhead included
  context.add({m.month, Component::power, fleet.cause, fleet.name, "", power, power, "", "electricity",
               Usage{kwh, UsageUnit::kilowatt_hours},
               context.rate(m.catalog, *p.electricity, Dimension::money_per_kwh, p.in.electricity),
               Measures{std::nullopt, kwh}},
              context.derive([&] {
                return Derivation{
                    "servers × (idle kW + (max kW − idle kW) × load) × PUE × hours × electricity price",
                    {fleet.servers_factor,
                     context.factor("idle power per server", m.catalog, fleet.hardware->idle_kw, Dimension::kilowatts),
                     context.factor("max power per server", m.catalog, fleet.hardware->max_kw, Dimension::kilowatts),
                     Factor{"load (used GPU-hours ÷ capacity)", load.v, Dimension::fraction},
                     context.factor("PUE", m.catalog, *p.pue, Dimension::count),
                     Factor{"hours in the month", m.hours, Dimension::hours}, Factor::line_rate("electricity price")},
                    {},
                    "",
                    power.v};
              }));
}

// Colocation space, priced by the fleet's maximum power.
void add_space(StrategyContext& context, const Fleet& fleet, const SiteMonth& m) {
  const Val space = fleet.servers * fleet.max_kw * m.prices.in.colocation;
  context.add({m.month, Component::space, fleet.cause, fleet.name, "", space, space, "", "colocation",
               Usage{fleet.servers * fleet.max_kw.v, UsageUnit::kilowatt_months},
               context.rate(m.catalog, *m.prices.colocation, Dimension::money_per_kw_month, m.prices.in.colocation)},
              context.derive([&] {
                return Derivation{
                    "servers × max kW per server × colocation price per kW-month",
                    {fleet.servers_factor,
                     context.factor("max power per server", m.catalog, fleet.hardware->max_kw, Dimension::kilowatts),
                     Factor::line_rate("colocation price")},
                    {},
                    "",
                    space.v};
              }));
}

// Maintenance: a share of the purchase price per year, at the month's rate.
void add_maintenance(StrategyContext& context, const Fleet& fleet, const Purchase& purchase, const SiteMonth& m) {
  const Val maintenance = purchase.capex * m.prices.in.maintenance / 12.0;
  const Rate maintenance_rate{maintenance.v / fleet.servers, Dimension::money_per_month, ByteBase::none, std::nullopt,
                              "price per server × maintenance per year ÷ 12"};
  context.add({m.month, Component::maintenance, fleet.cause, fleet.name, "", maintenance, maintenance, "",
               fleet.hardware->name, Usage{fleet.servers, UsageUnit::server_months}, maintenance_rate},
              context.derive([&] {
                return Derivation{"purchase price × maintenance per year ÷ 12",
                                  {purchase.capex_factor, context.factor("maintenance per year", m.catalog,
                                                                         *m.prices.maintenance, Dimension::fraction)},
                                  {},
                                  "",
                                  maintenance.v};
              }));
}

// The site's staff (a staffed site only): FTEs at their yearly cost.
void add_staff(StrategyContext& context, const Fleet& fleet, const SiteMonth& m) {
  const SitePrices& p = m.prices;
  const Val staff = p.in.fte * p.in.staff_cost / 12.0;
  const Rate per_fte_month{p.in.staff_cost.v / 12.0, Dimension::money_per_month, ByteBase::none,
                           context.origin(m.catalog, *p.staff_cost), "cost per FTE-year ÷ 12"};
  context.add({m.month, Component::staff, fleet.cause, fleet.name, "", staff, staff, "", "staff",
               Usage{p.in.fte.v, UsageUnit::full_time_months}, per_fte_month},
              context.derive([&] {
                return Derivation{
                    "FTEs × cost per FTE-year ÷ 12",
                    {context.factor("FTEs", m.catalog, *p.fte, Dimension::count),
                     context.factor("cost per FTE-year", m.catalog, *p.staff_cost, Dimension::money_per_year)},
                    {},
                    "",
                    staff.v};
              }));
}

// The fleet's costs in `month` of a purchase's life, at that month's prices; false when a
// price is missing (reported).
bool add_month_costs(StrategyContext& context, const Fleet& fleet, const Purchase& purchase, int month) {
  const auto p = prices_in(context, fleet.name, month);
  if (!p) return false;
  const SiteMonth m{month, *p, context.pricing(month).onprem.at(fleet.name).catalog,
                    context.scenario.hours_in_month(month)};
  // The share of the fleet doing useful work: what draws power above idle (not the
  // utilization, which counts every occupied hour).
  const Val load = vmin(1.0, fleet.demand.used_hours[static_cast<std::size_t>(month)] / (fleet.gpu_capacity * m.hours));
  const Val kw = fleet.servers * (fleet.idle_kw + (fleet.max_kw - fleet.idle_kw) * load);
  add_depreciation(context, fleet, purchase, month);
  add_power(context, fleet, m, load, kw);
  add_space(context, fleet, m);
  add_maintenance(context, fleet, purchase, m);
  if (p->staff_cost != nullptr) add_staff(context, fleet, m);
  return true;
}

void add_site(StrategyContext& context, const std::string& name) {
  const HardwareSku& hardware = context.pricing(0).onprem.at(name).hardware;
  const std::vector<const PlacedPortion*> placed = workloads_on(context, name, hardware);
  if (placed.empty()) return;
  SiteDemand demand = site_demand(context, placed);
  if (demand.first < 0) return;
  const Fleet fleet = size_fleet(context, name, hardware, std::move(demand));

  // Buy when first needed, at that month's price; replace at end of life while workloads
  // continue. The residual value lowers the amortized cost only: the cash view assumes no
  // sale, so cumulative cash never falls.
  for (int bought = fleet.demand.first; bought <= fleet.demand.last;) {
    const auto purchase = buy_fleet(context, fleet, bought);
    if (!purchase) return;
    for (int month = bought; month < purchase->life_end; ++month) {
      if (!add_month_costs(context, fleet, *purchase, month)) return;
    }
    bought += purchase->life_months;
  }
}

}  // namespace

void add_onprem_costs(StrategyContext& context) {
  for (const auto& [name, site] : context.pricing(0).onprem) add_site(context, name);
}

}  // namespace tco::engine
