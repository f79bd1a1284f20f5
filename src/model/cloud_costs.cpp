// Cloud GPU compute under each pricing model, and interconnect ports.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

namespace tco::engine {
namespace {

struct ChosenOffer {
  const GpuOffer* offer = nullptr;
  const Sourced* hourly = nullptr;
};

// The cheapest offer per GPU-hour for the GPU model under the pricing model.
std::optional<ChosenOffer> choose_offer(StrategyContext& context, const Workload& workload, const CloudPricing& cloud,
                                        PricingModel model) {
  ChosenOffer best;
  std::vector<std::string> available;
  for (const auto& offer : cloud.region->gpu_offers) {
    std::vector<std::string> models;
    for (const auto& [priced, value] : offer.hourly) models.push_back(to_string(priced));
    available.push_back(fmt::format("{} ({} x {}: {})", offer.instance, offer.gpus, offer.gpu, join(models, ", ")));
    if (offer.gpu != workload.gpu) continue;
    const auto it = offer.hourly.find(model);
    if (it == offer.hourly.end()) continue;
    if (best.offer == nullptr || it->second.value / offer.gpus < best.hourly->value / best.offer->gpus)
      best = {&offer, &it->second};
  }
  if (best.offer != nullptr) return best;
  context.error(
      cloud.site->where, "sites." + cloud.site->name,
      fmt::format("no {} offer priced '{}' in region {} of the {} price sheet ({}) for workload '{}'; offers there: {}",
                  workload.gpu, to_string(model), cloud.region->id, cloud.sheet->id(), cloud.sheet->file, workload.name,
                  available.empty() ? "none" : join(available, "; ")));
  return std::nullopt;
}

// Expected extra hours from spot interruptions: each one costs the restart time plus, for
// training, the work since the last checkpoint (half an interval on average); a
// synchronous job stops whenever any of its instances is interrupted.
std::optional<double> spot_inflation(StrategyContext& context, const Workload& workload, const CloudPricing& cloud,
                                     double instances) {
  const auto& spot = cloud.site->cloud.spot;
  if (!spot) {
    context.error(cloud.site->where, "sites." + cloud.site->name + ".spot",
                  "pricing 'spot' needs 'spot: {interruption_every: DURATION, restart: DURATION}' on the site");
    return std::nullopt;
  }
  double lost_per_interruption = spot->restart_hours.value;
  double exposed = 1.0;
  if (workload.kind == WorkloadKind::training) {
    if (!workload.checkpoints) {
      context.error(workload.where, "workloads." + workload.name + ".checkpoints",
                    "training on spot needs checkpoints: without them every interruption restarts from the beginning");
      return std::nullopt;
    }
    lost_per_interruption += workload.checkpoints->interval_hours.value / 2.0;
    exposed = instances;
  }
  const double lost_fraction = exposed * lost_per_interruption / spot->mean_hours_between_interruptions.value;
  if (lost_fraction >= 0.9) {
    context.error(
        cloud.site->where, "sites." + cloud.site->name + ".spot",
        fmt::format("workload '{}' would lose {:.0f} % of its time to spot interruptions; it cannot finish on spot",
                    workload.name, lost_fraction * 100));
    return std::nullopt;
  }
  return 1.0 / (1.0 - lost_fraction);
}

struct PricedInstances {
  const CloudPricing* cloud = nullptr;
  ChosenOffer chosen;
  double instances = 0;  // to hold the peak GPUs
};

// The month's cheapest offer and how many instances hold the workload's peak.
std::optional<PricedInstances> price_month(StrategyContext& context, const Workload& workload,
                                           const std::string& site_name, PricingModel model, int month, int peak) {
  const CloudPricing& cloud = context.pricing(month).cloud.at(site_name);
  const auto chosen = choose_offer(context, workload, cloud, model);
  if (!chosen) return std::nullopt;
  context.cite(cloud.sheet, *chosen->hourly);
  return PricedInstances{&cloud, *chosen, std::ceil(peak / static_cast<double>(chosen->offer->gpus) - 1e-9)};
}

void add_workload_compute(StrategyContext& context, const Workload& workload, const std::string& site_name) {
  const CloudSite& site = context.scenario.find_site(site_name)->cloud;
  const auto by_workload = site.pricing_by_workload.find(workload.name);
  const PricingModel model = by_workload != site.pricing_by_workload.end() ? by_workload->second : site.default_pricing;
  const std::string cause = "workload " + workload.name;

  std::vector<Demand> demands;
  int first = -1;
  int last = -1;
  int peak = 0;
  for (int month = 0; month < context.months; ++month) {
    demands.push_back(workload_demand(context.scenario, workload, month));
    if (!demands.back().active) continue;
    if (first < 0) first = month;
    last = month;
    peak = std::max(peak, demands.back().peak_gpus);
    context.result.used_gpu_hours += demands.back().used_gpu_hours;
  }
  if (first < 0) return;
  if (model == PricingModel::commit_1y || model == PricingModel::commit_3y) {
    // Committed capacity is paid every hour of every month of each term, used or not, at
    // the price in effect when the term was bought.
    const int term = model == PricingModel::commit_1y ? 12 : 36;
    for (int bought = first; bought <= last; bought += term) {
      const auto priced = price_month(context, workload, site_name, model, bought, peak);
      if (!priced) return;
      for (int month = bought; month < std::min(context.months, bought + term); ++month) {
        context.add(month, Component::compute, cause, site_name,
                    priced->instances * context.scenario.hours_in_month(month) * priced->chosen.hourly->value);
      }
    }
    return;
  }
  for (int month = first; month <= last; ++month) {
    const Demand& demand = demands[static_cast<std::size_t>(month)];
    if (!demand.active) continue;
    const auto priced = price_month(context, workload, site_name, model, month, peak);
    if (!priced) return;
    double inflation = 1.0;
    if (model == PricingModel::spot) {
      const auto factor = spot_inflation(context, workload, *priced->cloud, priced->instances);
      if (!factor) return;
      inflation = *factor;
    }
    // Whole instances for a fixed GPU count; packed instance-hours for elastic demand.
    const double gpus_per_instance = priced->chosen.offer->gpus;
    const bool fixed =
        workload.schedule.kind == ScheduleKind::continuous || workload.schedule.kind == ScheduleKind::runs;
    const double instance_hours = fixed ? std::ceil(workload.gpus / gpus_per_instance - 1e-9) * demand.wall_hours
                                        : demand.allocated_gpu_hours / gpus_per_instance;
    context.add(month, Component::compute, cause, site_name, instance_hours * inflation * priced->chosen.hourly->value);
  }
}

}  // namespace

void add_cloud_compute(StrategyContext& context) {
  for (const auto& workload : context.scenario.workloads) {
    const std::string site = context.workload_site(workload.name);
    if (context.pricing(0).cloud.count(site) > 0) add_workload_compute(context, workload, site);
  }
}

void add_interconnect_ports(StrategyContext& context) {
  const auto used = context.used_sites();
  for (const auto& [name, first_month] : context.pricing(0).cloud) {
    const CloudPricing& cloud = first_month;
    const auto& link = cloud.site->cloud.interconnect;
    if (!link || !used.count(name)) continue;
    if (std::none_of(link->to.begin(), link->to.end(), [&](const std::string& to) { return used.count(to) > 0; }))
      continue;
    const auto& ports = cloud.region->network.interconnect_ports;
    const auto port = ports.find(link->port);
    if (port == ports.end()) {
      const auto names = keys_of(ports);
      context.error(link->where, "sites." + name + ".interconnect.port",
                    fmt::format("unknown port '{}' in region {} of the {} price sheet{}; ports there: {}", link->port,
                                cloud.region->id, cloud.sheet->id(), did_you_mean(link->port, names),
                                names.empty() ? "none" : quoted_list(names)));
      continue;
    }
    for (int month = 0; month < context.months; ++month) {
      const auto& ports_then = context.pricing(month).cloud.at(name).region->network.interconnect_ports;
      const auto price = ports_then.find(link->port);
      if (price == ports_then.end()) {
        context.error(link->where, "sites." + name + ".interconnect.port",
                      fmt::format("port '{}' is not priced in region {} of the {} price sheet in {}", link->port,
                                  cloud.region->id, context.pricing(month).cloud.at(name).sheet->id(),
                                  format_year_month(add_months(context.scenario.start, month))));
        return;
      }
      context.cite(context.pricing(month).cloud.at(name).sheet, price->second);
      context.add(month, Component::interconnect, "site " + name, name,
                  link->count * price->second.value * context.scenario.hours_in_month(month));
    }
  }
}

}  // namespace tco::engine
