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
  Val price;  // the hourly price, as an input
};

std::string offer_path(const CloudPricing& cloud, const GpuOffer& offer, PricingModel model) {
  return fmt::format("prices.{}.{}.{}.{}", cloud.sheet->provider, cloud.region->id, offer.instance, to_string(model));
}

Val hourly_price(const StrategyContext& context, const CloudPricing& cloud, const GpuOffer& offer, PricingModel model,
                 const Sourced& hourly) {
  return context.in(hourly, [&] { return offer_path(cloud, offer, model); },
                    {Dimension::money_per_hour, 0, kNoLimit, PriceService::compute});
}

// The cheapest offer stays the cheapest only while the prices compare as they did: the
// plan keeps each comparison, so an evaluation that would choose another offer is redone.
void keep_choice(const StrategyContext& context, const std::string& gpu, const CloudPricing& cloud, PricingModel model,
                 ChosenOffer& best) {
  if (!context.inputs.active()) return;
  best.price = hourly_price(context, cloud, *best.offer, model, *best.hourly);
  const Val per_gpu = best.price / static_cast<double>(best.offer->gpus);
  bool before = true;
  for (const auto& offer : cloud.region->gpu_offers) {
    if (&offer == best.offer) {
      before = false;
      continue;
    }
    const auto it = offer.hourly.find(model);
    if (offer.gpu != gpu || it == offer.hourly.end()) continue;
    const Val other = hourly_price(context, cloud, offer, model, it->second) / static_cast<double>(offer.gpus);
    before ? is_lt(per_gpu, other) : is_le(per_gpu, other);
  }
}

// The cheapest offer per GPU-hour for the portion's GPU model under the pricing model.
std::optional<ChosenOffer> choose_offer(StrategyContext& context, const PlacedPortion& placed,
                                        const CloudPricing& cloud, PricingModel model) {
  ChosenOffer best;
  std::vector<std::string> available;
  for (const auto& offer : cloud.region->gpu_offers) {
    std::vector<std::string> models;
    for (const auto& [priced, value] : offer.hourly) models.push_back(to_string(priced));
    available.push_back(fmt::format("{} ({} x {}: {})", offer.instance, offer.gpus, offer.gpu, join(models, ", ")));
    if (offer.gpu != placed.gpu || (!placed.instance.empty() && offer.instance != placed.instance)) continue;
    const auto it = offer.hourly.find(model);
    if (it == offer.hourly.end()) continue;
    if (best.offer == nullptr || it->second.value / offer.gpus < best.hourly->value / best.offer->gpus)
      best = {&offer, &it->second, Val(it->second.value)};
  }
  if (best.offer != nullptr) {
    if (placed.instance.empty()) {
      keep_choice(context, placed.gpu, cloud, model, best);
    } else if (context.inputs.active()) {
      best.price = hourly_price(context, cloud, *best.offer, model, *best.hourly);  // chosen by name, not price
    }
    return best;
  }
  context.error(
      cloud.site->where, "sites." + cloud.site->name,
      fmt::format("no {} offer{} priced '{}' in region {} of the {} price sheet ({}) for workload '{}'; offers there: {}",
                  placed.gpu, placed.instance.empty() ? "" : " " + placed.instance, to_string(model), cloud.region->id, cloud.sheet->id(), cloud.sheet->file,
                  placed.workload->name, available.empty() ? "none" : join(available, "; ")));
  return std::nullopt;
}

// Expected extra hours from spot interruptions: each one costs the restart time plus, for
// training, the work since the last checkpoint (half an interval on average); a
// synchronous job stops whenever any of its instances is interrupted.
// The mean time between interruptions is the site's when it states one, else the sheet's for
// the offer chosen (AWS's Spot Advisor bucket, tco-prices(5)).
struct SpotRework {
  Val inflation;
  const Sourced* between_interruptions = nullptr;  // the site's, or the sheet's for the offer
  const PriceSheet* sheet = nullptr;               // when the sheet's
};

std::optional<SpotRework> spot_inflation(StrategyContext& context, const Workload& workload,
                                         const CloudPricing& cloud, const GpuOffer& offer, double instances) {
  const auto& spot = cloud.site->cloud.spot;
  if (!spot) {
    context.error(cloud.site->where, "sites." + cloud.site->name + ".spot",
                  "pricing 'spot' needs 'spot: {interruption_every: DURATION, restart: DURATION}' on the site");
    return std::nullopt;
  }
  const std::string spot_path = "sites." + cloud.site->name + ".spot.";
  Val between_interruptions;
  SpotRework out;
  if (spot->mean_hours_between_interruptions) {
    out.between_interruptions = &*spot->mean_hours_between_interruptions;
    between_interruptions = context.in(*spot->mean_hours_between_interruptions,
                                       [&] { return spot_path + "interruption_every"; }, {Dimension::hours});
  } else if (offer.interruption_every) {
    context.cite(cloud.sheet, *offer.interruption_every);
    out.between_interruptions = &*offer.interruption_every;
    out.sheet = cloud.sheet;
    between_interruptions = Val(offer.interruption_every->value);
  } else {
    context.error(cloud.site->where, spot_path + "interruption_every",
                  fmt::format("expected the mean time between interruptions of one instance, such as '40 h': the "
                              "{} price sheet ({}) gives none for {} in region {}",
                              cloud.sheet->id(), cloud.sheet->file, offer.instance, cloud.region->id));
    return std::nullopt;
  }
  Val lost_per_interruption =
      context.in(spot->restart_hours, [&] { return spot_path + "restart"; }, {Dimension::hours});
  double exposed = 1.0;
  if (workload.kind == WorkloadKind::training) {
    if (!workload.checkpoints) {
      context.error(workload.where, "workloads." + workload.name + ".checkpoints",
                    "training on spot needs checkpoints: without them every interruption restarts from the beginning");
      return std::nullopt;
    }
    lost_per_interruption +=
        context.in(workload.checkpoints->interval_hours,
                   [&] { return "workloads." + workload.name + ".checkpoints.every"; }, {Dimension::hours}) /
        2.0;
    exposed = instances;
  }
  const Val lost_fraction = exposed * lost_per_interruption / between_interruptions;
  if (!is_lt(lost_fraction, 0.9)) {
    context.error(
        cloud.site->where, "sites." + cloud.site->name + ".spot",
        fmt::format("workload '{}' would lose {:.0f} % of its time to spot interruptions; it cannot finish on spot",
                    workload.name, lost_fraction.v * 100));
    return std::nullopt;
  }
  out.inflation = 1.0 / (1.0 - lost_fraction);
  return out;
}

struct PricedInstances {
  const CloudPricing* cloud = nullptr;
  ChosenOffer chosen;
  double instances = 0;  // to hold the peak GPUs
};

// The month's cheapest offer and how many instances hold the workload's peak.
std::optional<PricedInstances> price_month(StrategyContext& context, const PlacedPortion& placed, PricingModel model,
                                           int month, int peak) {
  const CloudPricing& cloud = context.pricing(month).cloud.at(placed.site());
  const auto chosen = choose_offer(context, placed, cloud, model);
  if (!chosen) return std::nullopt;
  context.cite(cloud.sheet, *chosen->hourly);
  return PricedInstances{&cloud, *chosen, std::ceil(peak / static_cast<double>(chosen->offer->gpus) - 1e-9)};
}

// How the portion's instances are paid: as the strategy states, else as the site pays for the workload.
PricingModel pricing_of(const StrategyContext& context, const PlacedPortion& placed) {
  if (placed.portion->pricing) return *placed.portion->pricing;
  return context.scenario.find_site(placed.site())->cloud.pricing_for(placed.workload->name);
}

std::string cause_of(const PlacedPortion& placed) {
  const std::string cause = "workload " + placed.workload->name;
  switch (placed.portion->role) {
    case Portion::Role::base:
      return cause + " (base)";
    case Portion::Role::burst:
      return cause + " (burst)";
    case Portion::Role::whole:
      break;
  }
  return cause;
}

// Existing commitments of the site hold the first GPU-hours of its work (tco-model(7),
// EXISTING COMMITMENTS): the instance-hours left to pay for.
Val uncommitted(StrategyContext& context, const PlacedPortion& placed, int month, Val instance_hours,
                double gpus_per_instance, Val& covered) {
  covered = 0.0;
  if (context.committed_gpu_hours.empty()) return instance_hours;
  covered = context.draw_committed(placed.site(), placed.gpu, month, instance_hours * gpus_per_instance);
  return instance_hours - covered / gpus_per_instance;
}

// What a site a move leaves holds beyond the work it runs, until the failback window ends
// (tco-model(7), MOVES): paid as the site pays for the workload, a line of the migration.
void add_held_compute(StrategyContext& context, const PlacedPortion& placed, PricingModel model) {
  for (int month = 0; month < context.months; ++month) {
    const Val held = placed.held_in(month);
    if (!is_lt(0.0, held)) continue;
    const auto priced = price_month(context, placed, model, month, placed.provisioned);
    if (!priced) return;
    const double gpus_per_instance = priced->chosen.offer->gpus;
    Val covered;
    const Val instance_hours =
        uncommitted(context, placed, month, held / gpus_per_instance, gpus_per_instance, covered);
    if (!is_lt(1e-6, instance_hours)) continue;  // all of it held by commitments
    const Val amount = instance_hours * priced->chosen.price;
    context.add(
        {month, Component::compute, "migration: workload " + placed.workload->name + " (old site held)", placed.site(),
         placed.workload->name, amount, amount, "", priced->chosen.offer->instance,
         Usage{instance_hours.v, UsageUnit::instance_hours},
         context.rate(priced->cloud->sheet, *priced->chosen.hourly, Dimension::money_per_hour, priced->chosen.price),
         Measures{instance_hours.v * gpus_per_instance, std::nullopt}},
        context.derive([&] {
          return Derivation{
              "GPU-hours held beyond the work ÷ GPUs per instance × price per instance-hour (the site "
              "stays provisioned until the move's failback window ends)",
              {Factor{"GPU-hours held beyond the work", held.v - covered.v, Dimension::count},
               Factor{"GPUs per " + priced->chosen.offer->instance, gpus_per_instance, Dimension::count},
               Factor::line_rate("price per instance-hour (" + to_string(model) + ")")},
              {},
              "",
              amount.v};
        }));
  }
}

// Committed capacity is paid every hour of every month of each term, used or not, at the
// price in effect when the term was bought; terms are bought from the first active month.
void add_committed_terms(StrategyContext& context, const PlacedPortion& placed, PricingModel model, int first,
                         int last) {
  const std::string cause = cause_of(placed);
  const std::string& site_name = placed.site();
  const Workload& workload = *placed.workload;
  if (placed.provisioned == 0) return;  // a base of none: every GPU-hour bursts
  const int peak = placed.provisioned;
  const int term = model == PricingModel::commit_1y ? 12 : 36;
  for (int bought = first; bought <= last; bought += term) {
    const auto priced = price_month(context, placed, model, bought, peak);
    if (!priced) return;
    for (int month = bought; month < std::min(context.months, bought + term); ++month) {
      const double hours = context.scenario.hours_in_month(month);
      const Val amount = priced->instances * hours * priced->chosen.price;
      const double instance_hours = priced->instances * hours;
      // A term a move left before its end is owed all the same: its own line.
      const bool owed = placed.moved_away_after >= 0 && month > placed.moved_away_after;
      context.add(
          {month, Component::compute, owed ? cause + " (owed after moving)" : cause, site_name, workload.name, amount,
           amount, "", priced->chosen.offer->instance, Usage{instance_hours, UsageUnit::instance_hours},
           context.rate(priced->cloud->sheet, *priced->chosen.hourly, Dimension::money_per_hour, priced->chosen.price),
           Measures{instance_hours * priced->chosen.offer->gpus, std::nullopt}, "", bought + term},
          context.derive([&] {
            return Derivation{
                fmt::format("instances × hours in the month × {} price per instance-hour "
                            "(a {} term bought in {}, paid used or not)",
                            to_string(model), to_string(model),
                            format_year_month(add_months(context.scenario.start, bought))),
                {Factor{"instances of " + priced->chosen.offer->instance, priced->instances, Dimension::count},
                 Factor{"hours in the month", hours, Dimension::hours}, Factor::line_rate("price per instance-hour")},
                {},
                "",
                amount.v};
          }));
    }
  }
}

void add_workload_compute(StrategyContext& context, const PlacedPortion& placed) {
  const Workload& workload = *placed.workload;
  const std::string& site_name = placed.site();
  const PricingModel model = pricing_of(context, placed);
  const std::string cause = cause_of(placed);
  const auto demand_in = [&](int month) -> const Demand& { return placed.demand[static_cast<std::size_t>(month)]; };

  int first = -1;
  int last = -1;
  int peak = 0;
  for (int month = 0; month < context.months; ++month) {
    const Demand& demand = demand_in(month);
    if (!demand.active) continue;
    if (first < 0) first = month;
    last = month;
    peak = std::max(peak, demand.peak_gpus);
    context.result.used_gpu_hours += demand.used_gpu_hours.v;
  }
  if (!is_commitment(model)) add_held_compute(context, placed, model);
  if (first < 0) return;
  if (is_commitment(model)) {
    add_committed_terms(context, placed, model, first, last);
    return;
  }
  for (int month = first; month <= last; ++month) {
    const Demand& demand = demand_in(month);
    if (!demand.active || (placed.split() && demand.peak_gpus == 0)) continue;
    const auto priced = price_month(context, placed, model, month, peak);
    if (!priced) return;
    Val inflation = 1.0;
    std::optional<SpotRework> rework;
    if (model == PricingModel::spot) {
      rework = spot_inflation(context, workload, *priced->cloud, *priced->chosen.offer, priced->instances);
      if (!rework) return;
      inflation = rework->inflation;
    }
    // Whole instances for a fixed GPU count; packed instance-hours for elastic demand.
    const double gpus_per_instance = priced->chosen.offer->gpus;
    const bool fixed =
        workload.schedule.kind == ScheduleKind::continuous || workload.schedule.kind == ScheduleKind::runs;
    const double instances = std::ceil(demand.peak_gpus / gpus_per_instance - 1e-9);
    Val covered;
    const Val instance_hours = uncommitted(
        context, placed, month, fixed ? instances * demand.wall_hours : demand.allocated_gpu_hours / gpus_per_instance,
        gpus_per_instance, covered);
    if (!is_lt(1e-6, instance_hours)) continue;  // all of it held by commitments
    const Val amount = instance_hours * inflation * priced->chosen.price;
    const double billed_hours = instance_hours.v * inflation.v;  // instance-hours, rework included
    context.add(
        {month, Component::compute, cause, site_name, workload.name, amount, amount, "", priced->chosen.offer->instance,
         Usage{billed_hours, UsageUnit::instance_hours},
         context.rate(priced->cloud->sheet, *priced->chosen.hourly, Dimension::money_per_hour, priced->chosen.price),
         Measures{billed_hours * gpus_per_instance, std::nullopt}},
        context.derive([&] {
          Derivation derivation;
          const std::string instance = priced->chosen.offer->instance;
          if (fixed) {
            derivation.formula = "instances × hours the GPUs run";
            derivation.factors = {Factor{"instances of " + instance, instances, Dimension::count},
                                  Factor{"hours the GPUs run", demand.wall_hours.v, Dimension::hours}};
          } else {
            derivation.formula = "GPU-hours ÷ GPUs per instance";
            derivation.factors = {Factor{"GPU-hours allocated", demand.allocated_gpu_hours.v, Dimension::count},
                                  Factor{"GPUs per " + instance, gpus_per_instance, Dimension::count}};
          }
          if (is_lt(0.0, covered)) {
            derivation.formula += " − GPU-hours existing commitments hold ÷ GPUs per instance";
            derivation.factors.push_back(
                Factor{"GPU-hours existing commitments hold", std::round(covered.v * 100) / 100, Dimension::count});
          }
          if (model == PricingModel::spot) {
            derivation.formula += " × spot rework factor";
            // Its origin is the interruption rate's: the site's, or the sheet's for the offer.
            derivation.factors.push_back(
                Factor{fmt::format("spot rework factor 1 ÷ (1 − share lost to interruptions, one every {} h per "
                                   "instance)",
                                   rework->between_interruptions->value),
                       inflation.v, Dimension::count, ByteBase::none,
                       context.origin(rework->sheet, *rework->between_interruptions)});
          }
          derivation.formula += " × price per instance-hour";
          derivation.factors.push_back(Factor::line_rate("price per instance-hour (" + to_string(model) + ")"));
          derivation.amount = amount.v;
          return derivation;
        }));
  }
}

}  // namespace

void add_cloud_compute(StrategyContext& context) {
  for (const auto& placed : context.portions) {
    if (context.pricing(0).cloud.count(placed.site()) > 0) add_workload_compute(context, placed);
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
      const PriceSheet* sheet = context.pricing(month).cloud.at(name).sheet;
      context.cite(sheet, price->second);
      const double hours = context.scenario.hours_in_month(month);
      const Val price_then = context.in(
          price->second,
          [&] { return fmt::format("prices.{}.{}.ports.{}", sheet->provider, cloud.region->id, link->port); },
          {Dimension::money_per_hour, 0, kNoLimit, PriceService::interconnect});
      const Val amount = link->count * price_then * hours;
      context.add(
          {month, Component::interconnect, "site " + name, name, "", amount, amount, "", "port " + link->port,
           Usage{link->count * hours, UsageUnit::port_hours},
           context.rate(sheet, price->second, Dimension::money_per_hour, price_then)},
          context.derive([&] {
            return Derivation{
                "ports × price per port-hour × hours in the month",
                {Factor{"ports of " + link->port, static_cast<double>(link->count), Dimension::count, ByteBase::none,
                        Origin{"", std::nullopt, link->where, std::nullopt, {}}},
                 Factor::line_rate("price per port-hour"), Factor{"hours in the month", hours, Dimension::hours}},
                {},
                "",
                amount.v};
          }));
    }
  }
}

}  // namespace tco::engine
