// Commitments a cloud site already holds when the horizon starts (tco-model(7), EXISTING
// COMMITMENTS): paid every hour until they end, used or not; renewed at a stated price change
// for as long as the strategy still runs work on the site when a term ends; their GPU-hours
// go to the site's work of their GPU model before anything is bought. A strategy's
// reservations (tco-model(7), RESERVATIONS) hold GPU-hours the same way, at the on-demand
// price, and are owed nothing after an exit.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::engine {
namespace {

struct Term {
  int first = 0;     // month index
  int end = 0;       // one past the last month paid
  Val price;         // per GPU-hour
  int renewals = 0;  // 0: the term bought before the horizon
};

// The GPU-hours each workload of `gpu` occupies on the site in the month: what it runs and,
// with `holding`, what a move holds there.
std::map<std::string, double> users_of(const StrategyContext& context, const std::string& site, const std::string& gpu,
                                       int month, bool holding) {
  std::map<std::string, double> users;
  for (const auto& placed : context.portions) {
    if (placed.site() != site || placed.gpu != gpu) continue;
    double occupied = placed.runs_in(month) ? placed.demand[static_cast<std::size_t>(month)].allocated_gpu_hours.v : 0;
    if (holding) occupied += placed.held_in(month).v;
    if (occupied > 0) users[placed.workload->name] += occupied;
  }
  return users;
}

// Who carries a month of capacity held on the site for `gpu`: each workload of that model,
// in proportion to the GPU-hours it occupies there, or nobody ("" with all of it), the month
// being owed all the same on its own line.
std::vector<std::pair<std::string, double>> carriers(const StrategyContext& context, const std::string& site,
                                                     const std::string& gpu, int month) {
  const auto users = users_of(context, site, gpu, month, true);
  double all = 0;
  for (const auto& user : users) all += user.second;
  std::vector<std::pair<std::string, double>> out;
  for (const auto& user : users) out.emplace_back(user.first, user.second / all);
  if (out.empty()) out.emplace_back("", 1.0);
  return out;
}

// A derivation of a month carried by one of several workloads says so.
void add_share(Derivation& derivation, double share) {
  if (share >= 1.0) return;
  derivation.formula += " × the workload's share of the GPU-hours occupied on the site";
  derivation.factors.push_back(Factor{"share of the GPU-hours", share, Dimension::fraction});
}

// The terms paid within the horizon: the one bought before it, then each renewal the strategy
// needs because work of its GPU model still runs on the site in the month after a term ends
// (a failback window alone is bridged as the site pays, not renewed for).
std::vector<Term> terms_of(const StrategyContext& context, const std::string& site, const ExistingCommitment& held,
                           Val price) {
  std::vector<Term> terms;
  const int ends = months_between(context.scenario.start, held.ends) + 1;
  if (ends <= 0) return terms;
  terms.push_back({0, ends, price, 0});
  if (!held.renewal) return terms;
  const Val change =
      context.in(*held.renewal, [&] { return "sites." + site + ".commitments." + held.name + ".renewal"; },
                 {Dimension::fraction, -1, kNoLimit});
  while (terms.back().end < context.months && !users_of(context, site, held.gpu, terms.back().end, false).empty()) {
    const Term& last = terms.back();
    terms.push_back({last.end, last.end + held.term_months, price * (1.0 + change), last.renewals + 1});
  }
  return terms;
}

// One month of a term, for one workload's share of it (none: the month nobody used it).
void add_month(StrategyContext& context, const Site& site, const ExistingCommitment& held, const Term& term, int month,
               const std::string& workload, double share) {
  const double hours = context.scenario.hours_in_month(month);
  const double gpu_hours = held.gpus * hours * share;
  const Val amount = gpu_hours * term.price;
  context.add(
      {month, Component::compute, "commitment " + held.name + (workload.empty() ? " (unused)" : ""), site.name,
       workload, amount, amount, "", fmt::format("{} x {} committed", held.gpus, held.gpu),
       Usage{gpu_hours, UsageUnit::gpu_hours}, context.rate(nullptr, held.price, Dimension::money_per_hour, term.price),
       Measures{gpu_hours, std::nullopt}, "", term.end},
      context.derive([&] {
        Derivation derivation{
            "GPUs × hours in the month × price per GPU-hour (held before the horizon, paid used "
            "or not)",
            {Factor{"GPUs committed", static_cast<double>(held.gpus), Dimension::count, ByteBase::none,
                    Origin{"", std::nullopt, held.where, std::nullopt, {}}},
             Factor{"hours in the month", hours, Dimension::hours}},
            {},
            "",
            amount.v};
        add_share(derivation, share);
        if (term.renewals > 0) {
          derivation.formula +=
              fmt::format("; renewal {}: the price × (1 {} {})", term.renewals, held.renewal->value < 0 ? "−" : "+",
                          format_percent(std::abs(held.renewal->value)));
        }
        derivation.factors.push_back(Factor::line_rate("price per GPU-hour"));
        return derivation;
      }));
}

void add_commitment(StrategyContext& context, const Site& site, const ExistingCommitment& held) {
  const Val price =
      context.in(held.price, [&] { return "sites." + site.name + ".commitments." + held.name + ".price"; },
                 {Dimension::money_per_hour, 0, kNoLimit, PriceService::compute});
  auto& pool = context.committed_gpu_hours[{site.name, held.gpu}];
  pool.resize(static_cast<std::size_t>(context.months), Val(0.0));
  for (const Term& term : terms_of(context, site.name, held, price)) {
    for (int month = term.first; month < std::min(term.end, context.months); ++month) {
      pool[static_cast<std::size_t>(month)] += held.gpus * context.scenario.hours_in_month(month);
      for (const auto& [workload, share] : carriers(context, site.name, held.gpu, month))
        add_month(context, site, held, term, month, workload, share);
    }
  }
}

// The on-demand offer a reservation holds in the month, from the site's sheet.
struct ReservedOffer {
  const CloudPricing* cloud = nullptr;
  const GpuOffer* offer = nullptr;
  const Sourced* hourly = nullptr;
};

std::optional<ReservedOffer> reserved_offer(StrategyContext& context, const Reservation& held, const std::string& path,
                                            int month) {
  const CloudPricing& cloud = context.pricing(month).cloud.at(held.site);
  std::vector<std::string> available;
  for (const auto& offer : cloud.region->gpu_offers) {
    const auto it = offer.hourly.find(PricingModel::on_demand);
    if (it == offer.hourly.end()) continue;
    if (offer.instance == held.instance) return ReservedOffer{&cloud, &offer, &it->second};
    available.push_back(offer.instance);
  }
  context.error(held.where, path + ".instance",
                fmt::format("no GPU instance '{}' priced on-demand in region {} of the {} price sheet ({}); there: {}",
                            held.instance, cloud.region->id, cloud.sheet->id(), cloud.sheet->file,
                            available.empty() ? "none" : join(available, ", ")));
  return std::nullopt;
}

void add_reservation(StrategyContext& context, const Reservation& held, const std::string& path) {
  const int end = held.ends ? months_between(context.scenario.start, *held.ends) + 1 : context.months;
  for (int month = 0; month < std::min(end, context.months); ++month) {
    const auto reserved = reserved_offer(context, held, path, month);
    if (!reserved) return;
    const GpuOffer& offer = *reserved->offer;
    const Val price = context.in(*reserved->hourly,
                                 [&] {
                                   return fmt::format("prices.{}.{}.{}.on-demand", reserved->cloud->sheet->provider,
                                                      reserved->cloud->region->id, offer.instance);
                                 },
                                 {Dimension::money_per_hour, 0, kNoLimit, PriceService::compute});
    context.cite(reserved->cloud->sheet, *reserved->hourly);
    const double hours = context.scenario.hours_in_month(month);
    auto& pool = context.committed_gpu_hours[{held.site, offer.gpu}];
    pool.resize(static_cast<std::size_t>(context.months), Val(0.0));
    pool[static_cast<std::size_t>(month)] += held.count * offer.gpus * hours;
    // Carried by the strategy's work of its GPU model on the site, as a commitment is.
    for (const auto& user : carriers(context, held.site, offer.gpu, month)) {
      // Named, not bound: clang 14 (the fuzz build) cannot capture structured bindings.
      const std::string& workload = user.first;
      const double share = user.second;
      const double instance_hours = held.count * hours * share;
      const Val amount = instance_hours * price;
      context.add(
          {month, Component::compute, "reservation " + held.name + (workload.empty() ? " (unused)" : ""), held.site,
           workload, amount, amount, "", offer.instance, Usage{instance_hours, UsageUnit::instance_hours},
           context.rate(reserved->cloud->sheet, *reserved->hourly, Dimension::money_per_hour, price),
           Measures{instance_hours * offer.gpus, std::nullopt}},
          context.derive([&] {
            Derivation derivation{
                "instances reserved × hours in the month × on-demand price per instance-hour (held by the "
                "strategy, paid used or not)",
                {Factor{"instances of " + offer.instance + " reserved", static_cast<double>(held.count),
                        Dimension::count, ByteBase::none, Origin{"", std::nullopt, held.where, std::nullopt, {}}},
                 Factor{"hours in the month", hours, Dimension::hours}},
                {},
                "",
                amount.v};
            add_share(derivation, share);
            derivation.factors.push_back(Factor::line_rate("on-demand price per instance-hour"));
            return derivation;
          }));
    }
  }
}

}  // namespace

void add_reservations(StrategyContext& context) {
  for (std::size_t i = 0; i < context.strategy.reservations.size(); ++i) {
    add_reservation(context, context.strategy.reservations[i],
                    fmt::format("strategies.{}.reservations[{}]", context.strategy.name, i));
  }
}

Val StrategyContext::draw_committed(const std::string& site, const std::string& gpu, int month, Val gpu_hours) {
  const auto it = committed_gpu_hours.find({site, gpu});
  if (it == committed_gpu_hours.end()) return 0.0;
  Val& left = it->second[static_cast<std::size_t>(month)];
  const Val covered = vmin(left, gpu_hours);
  left = left - covered;
  return covered;
}

void add_existing_commitments(StrategyContext& context) {
  for (const auto& site : context.scenario.sites) {
    if (site.kind != SiteKind::cloud) continue;
    for (const auto& held : site.cloud.commitments) add_commitment(context, site, held);
  }
}

}  // namespace tco::engine
