// Commitments a cloud site already holds when the horizon starts (tco-model(7), EXISTING
// COMMITMENTS): paid every hour until they end, used or not; renewed at a stated price change
// for as long as the strategy still runs work on the site when a term ends; their GPU-hours
// go to the site's work of their GPU model before anything is bought.
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
        if (share < 1.0) {
          derivation.formula += " × the workload's share of the GPU-hours occupied on the site";
          derivation.factors.push_back(Factor{"share of the GPU-hours", share, Dimension::fraction});
        }
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
      // Carried by the workloads of its GPU model on the site, in proportion to the GPU-hours
      // each occupies there; a month nobody uses it is owed all the same, on its own line.
      const auto users = users_of(context, site.name, held.gpu, month, true);
      double all = 0;
      for (const auto& [workload, occupied] : users) all += occupied;
      if (users.empty()) add_month(context, site, held, term, month, "", 1.0);
      for (const auto& [workload, occupied] : users)
        add_month(context, site, held, term, month, workload, occupied / all);
    }
  }
}

}  // namespace

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
