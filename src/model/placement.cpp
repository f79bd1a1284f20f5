// Resolving sites against the price catalog, and what workloads demand month by month.
#include <cmath>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/suggest.hpp"

namespace tco::engine {
namespace {

void note_sheet(SitePricing& pricing, const PriceSheet* sheet) {
  for (const auto* known : pricing.sheets) {
    if (known == sheet) return;
  }
  pricing.sheets.push_back(sheet);
}

}  // namespace

Result<SitePricing> resolve_sites(const Scenario& scenario, const SheetSelector& select) {
  SitePricing pricing;
  Diagnostics d;
  for (const auto& site : scenario.sites) {
    const std::string path = "sites." + site.name;
    if (site.kind == SiteKind::cloud) {
      auto sheet = select(site.cloud.provider);
      if (!sheet) {
        for (auto diagnostic : sheet.diagnostics().items()) {
          diagnostic.where = site.at("provider");
          diagnostic.key_path = path + ".provider";
          d.add(diagnostic);
        }
        continue;
      }
      const PriceSheet* s = sheet.value();
      const Region* region = s->find_region(site.cloud.region);
      if (region == nullptr) {
        d.error(site.at("region"), path + ".region",
                fmt::format("region '{}' is not in the {} price sheet ({}){}; its regions are {}", site.cloud.region,
                            s->id(), s->file, did_you_mean(site.cloud.region, keys_of(s->regions)),
                            quoted_list(keys_of(s->regions))));
        continue;
      }
      pricing.cloud[site.name] = CloudPricing{&site, s, region};
      note_sheet(pricing, s);
      continue;
    }
    const OnPremSite& onprem = site.onprem;
    OnPremPricing resolved;
    resolved.site = &site;
    auto catalog_sheet = select("onprem");
    if (catalog_sheet) resolved.catalog = catalog_sheet.value();
    if (onprem.inline_hardware) {
      resolved.hardware = *onprem.inline_hardware;
    } else if (resolved.catalog == nullptr) {
      d.error(site.where, path + ".hardware",
              "hardware '" + onprem.hardware_sku + "' needs the on-prem catalog, and none is in effect");
      continue;
    } else if (auto it = resolved.catalog->hardware.find(onprem.hardware_sku); it != resolved.catalog->hardware.end()) {
      resolved.hardware = it->second;
    } else {
      const auto skus = keys_of(resolved.catalog->hardware);
      d.error(site.at("hardware"), path + ".hardware",
              fmt::format("unknown hardware '{}'{}; the catalog {} has {}", onprem.hardware_sku,
                          did_you_mean(onprem.hardware_sku, skus), resolved.catalog->id(), quoted_list(skus)));
      continue;
    }
    const SiteDefaults* defaults = resolved.catalog ? &resolved.catalog->site_defaults : nullptr;
    auto pick = [&](const std::optional<Sourced>& own, const std::optional<Sourced> SiteDefaults::*fallback) {
      if (own) return own;
      return defaults ? defaults->*fallback : std::optional<Sourced>{};
    };
    resolved.electricity = pick(onprem.electricity, &SiteDefaults::electricity);
    resolved.pue = pick(onprem.pue, &SiteDefaults::pue);
    resolved.colocation = pick(onprem.colocation, &SiteDefaults::colocation);
    resolved.maintenance = pick(onprem.maintenance, &SiteDefaults::maintenance);
    resolved.depreciation_life = pick(onprem.depreciation_life, &SiteDefaults::depreciation_life);
    resolved.residual_value = pick(onprem.residual_value, &SiteDefaults::residual_value);
    resolved.staff_cost = pick(onprem.staff_cost, &SiteDefaults::staff_cost);
    resolved.staff_fte = onprem.staff_fte;
    const bool uses_catalog = !onprem.inline_hardware || !onprem.electricity || !onprem.pue || !onprem.colocation ||
                              !onprem.maintenance || !onprem.depreciation_life || !onprem.residual_value ||
                              (!onprem.staff_cost && onprem.staff_fte && onprem.staff_fte->value > 0);
    if (resolved.catalog && uses_catalog) {
      note_sheet(pricing, resolved.catalog);
    }
    pricing.onprem[site.name] = resolved;
  }
  if (d.has_errors()) return d;
  return pricing;
}

namespace {

std::string workload_path(const Workload& workload, const char* key) {
  return "workloads." + workload.name + "." + key;
}

Demand demand_in(const Scenario& scenario, const Workload& workload, int month, const RunInputs& inputs,
                 std::optional<Val> utilization) {
  Demand demand;
  const YearMonth current = add_months(scenario.start, month);
  if (current < workload.start) return demand;
  if (workload.months && current >= add_months(workload.start, *workload.months)) return demand;
  demand.active = true;
  const double hours = scenario.hours_in_month(month);
  const auto& schedule = workload.schedule;
  auto in = [&](const Sourced& value, const char* key, InputSpec spec = {}) {
    if (!inputs.active()) return Val(value.value);
    return inputs.read(value, workload_path(workload, key), spec);
  };
  const double gpus = workload.gpus;
  const Val busy = in(workload.utilization, "utilization", {Dimension::fraction, 0, 1, std::nullopt});
  Val runs = 0;
  switch (schedule.kind) {
    case ScheduleKind::continuous:
      demand.wall_hours = hours;
      demand.allocated_gpu_hours = gpus * hours;
      demand.peak_gpus = workload.gpus;
      break;
    case ScheduleKind::runs: {
      const Val run_hours = in(schedule.run_hours, "runs.duration", {Dimension::hours});
      runs = schedule.runs_per_month ? in(*schedule.runs_per_month, "runs.per_month")
                                     : hours / in(*schedule.run_interval_hours, "runs.every", {Dimension::hours});
      demand.runs = runs;
      demand.wall_hours = runs * run_hours;
      demand.allocated_gpu_hours = gpus * demand.wall_hours;
      demand.peak_gpus = workload.gpus;
      break;
    }
    case ScheduleKind::gpu_hours:
      demand.allocated_gpu_hours = in(schedule.gpu_hours_per_month, "gpu_hours_per_month");
      break;
    case ScheduleKind::tokens:
      demand.allocated_gpu_hours =
          in(schedule.tokens_per_month, "tokens_per_month") /
          (in(schedule.tokens_per_second_per_gpu, "tokens_per_second_per_gpu") * 3600.0 * busy);
      break;
  }
  if (schedule.kind == ScheduleKind::gpu_hours || schedule.kind == ScheduleKind::tokens) {
    // Spread evenly over the month on as few GPUs as can hold it. The GPU count shapes the
    // plan (instances, servers), so it is a guarded decision, not arithmetic.
    const Val needed = demand.allocated_gpu_hours / hours - 1e-9;
    demand.peak_gpus = static_cast<int>(std::ceil(needed.v));
    is_le(needed, static_cast<double>(demand.peak_gpus));
    is_lt(static_cast<double>(demand.peak_gpus - 1), needed);
    demand.wall_hours = demand.peak_gpus > 0 ? demand.allocated_gpu_hours / static_cast<double>(demand.peak_gpus) : 0;
  }
  if (utilization) {
    // The same GPUs held for that share of every hour: the schedule's shape is replaced.
    demand.wall_hours = hours * *utilization;
    demand.allocated_gpu_hours = static_cast<double>(demand.peak_gpus) * demand.wall_hours;
    if (schedule.kind == ScheduleKind::runs) {
      runs = demand.wall_hours / in(schedule.run_hours, "runs.duration", {Dimension::hours});
      demand.runs = runs;
    }
  }
  demand.used_gpu_hours = demand.allocated_gpu_hours * busy;
  if (workload.checkpoints) {
    const Val interval = inputs.active() ? inputs.read(workload.checkpoints->interval_hours,
                                                       workload_path(workload, "checkpoints.every"), {Dimension::hours})
                                         : Val(workload.checkpoints->interval_hours.value);
    // A run writes one checkpoint per interval begun, the last at its end.
    demand.checkpoints_written =
        schedule.kind == ScheduleKind::runs
            ? runs * vceil(in(schedule.run_hours, "runs.duration", {Dimension::hours}) / interval - 1e-9)
            : demand.wall_hours / interval;
  }
  return demand;
}

}  // namespace

std::vector<Demand> workload_demands(const Scenario& scenario, int months, const RunInputs& inputs,
                                     std::optional<Val> utilization) {
  std::vector<Demand> demands;
  demands.reserve(scenario.workloads.size() * static_cast<std::size_t>(months));
  for (const auto& workload : scenario.workloads) {
    for (int month = 0; month < months; ++month)
      demands.push_back(demand_in(scenario, workload, month, inputs, utilization));
  }
  return demands;
}

}  // namespace tco::engine
