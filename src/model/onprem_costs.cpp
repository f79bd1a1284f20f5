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
      const Demand needs = workload_demand(context.scenario, *workload, month);
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

void add_site(StrategyContext& context, const OnPremPricing& site) {
  const std::string& name = site.site->name;
  std::vector<const Workload*> placed;
  for (const auto& workload : context.scenario.workloads) {
    if (context.workload_site(workload.name) != name) continue;
    if (workload.gpu != site.hardware.gpu) {
      context.error(workload.where, "workloads." + workload.name + ".gpu",
                    fmt::format("workload '{}' needs {} GPUs but site '{}' has {} ({})", workload.name, workload.gpu,
                                name, site.hardware.gpu, site.hardware.name));
      return;
    }
    placed.push_back(&workload);
  }
  if (placed.empty()) return;
  const SiteDemand demand = site_demand(context, placed);
  if (demand.first < 0) return;

  const Sourced* electricity = need(context, site, site.electricity, "electricity");
  const Sourced* pue = need(context, site, site.pue, "pue");
  const Sourced* colocation = need(context, site, site.colocation, "colocation");
  const Sourced* maintenance = need(context, site, site.maintenance, "maintenance");
  const Sourced* life = need(context, site, site.depreciation_life, "depreciation");
  const Sourced* residual = need(context, site, site.residual_value, "residual_value");
  const Sourced* fte = need(context, site, site.staff_fte, "staff");
  const Sourced* staff_cost = fte && fte->value > 0 ? need(context, site, site.staff_cost, "staff_cost") : nullptr;
  if (!electricity || !pue || !colocation || !maintenance || !life || !residual || !fte ||
      (fte->value > 0 && !staff_cost))
    return;

  const auto& hardware = site.hardware;
  const double servers = std::ceil(static_cast<double>(demand.peak) / hardware.gpus - 1e-9);
  const double capex = servers * hardware.price.value;
  const double salvage = capex * residual->value;
  const int life_months = std::max(1, static_cast<int>(std::lround(life->value / kHoursPerMonth)));
  const std::string cause = "site " + name;

  // Buy when first needed; replace at end of life while workloads continue. The residual
  // value lowers the amortized cost only: the cash view assumes no sale, so cumulative
  // cash never falls.
  int owned_until = demand.first;
  for (int bought = demand.first; bought <= demand.last; bought += life_months) {
    const int life_end = bought + life_months;
    context.add(bought, Component::hardware, cause, name, capex, 0.0);
    for (int month = bought; month < std::min(life_end, context.months); ++month) {
      context.add(month, Component::hardware, cause, name, 0.0, (capex - salvage) / life_months);
    }
    owned_until = std::min(life_end, context.months);
  }

  const double gpu_capacity = servers * hardware.gpus;
  for (int month = demand.first; month < owned_until; ++month) {
    const double hours = context.scenario.hours_in_month(month);
    const double utilization =
        std::min(1.0, demand.used_hours[static_cast<std::size_t>(month)] / (gpu_capacity * hours));
    const double kw =
        servers * (hardware.idle_kw.value + (hardware.max_kw.value - hardware.idle_kw.value) * utilization);
    context.add(month, Component::power, cause, name, kw * pue->value * hours * electricity->value);
    context.add(month, Component::space, cause, name, servers * hardware.max_kw.value * colocation->value);
    context.add(month, Component::maintenance, cause, name, capex * maintenance->value / 12.0);
    if (fte->value > 0) context.add(month, Component::staff, cause, name, fte->value * staff_cost->value / 12.0);
  }
}

}  // namespace

void add_onprem_costs(StrategyContext& context) {
  for (const auto& [name, site] : context.pricing.onprem) add_site(context, site);
}

}  // namespace tco::engine
