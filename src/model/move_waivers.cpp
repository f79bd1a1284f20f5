// Exit programs applied to moves (tco-model(7), MOVES, "Exit programs"): a move after which the
// strategy has nothing left at a provider is an exit from it; the program of the provider's
// sheet that applies to the region on the day the move starts refunds its share of the
// migration's egress from there, as a line of its own. A strategy may turn them off.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::engine {
namespace {

// Lines that stay after an exit: commitments owed whether or not anything runs there.
bool owed_regardless(const CostLine& line) {
  return line.cause.starts_with("commitment ") || line.cause.ends_with("(owed after moving)");
}

// Whether the strategy uses the provider's sites before `at` and has nothing left there after `last`.
bool leaves(const StrategyContext& context, const std::set<std::string>& sites, int at, int last) {
  bool before = false;
  for (const auto& line : context.result.lines) {
    if (!sites.count(line.site) || owed_regardless(line)) continue;
    if (line.month > last) return false;
    before = before || line.month < at;
  }
  return before;
}

void waive(StrategyContext& context, const std::string& site, const CloudPricing& cloud, const Move& move, int at,
           int last) {
  const Date day = context.scenario.pricing_date(at);
  const ExitProgram* program = cloud.sheet->exit_program_for(cloud.region->id, day);
  if (program == nullptr) return;
  double charged = 0;
  double bytes = 0;
  for (const auto& line : context.result.lines) {
    if (line.site != site || line.component != Component::egress || line.month < at || line.month > last ||
        !line.cause.starts_with(kMigrationCause))
      continue;
    charged += line.cash;
    bytes += line.usage.quantity;
  }
  if (charged <= 0) return;
  // A program's window: the move must be done within it, failback included.
  if (program->window && move_hours(move) > program->window->value) return;
  context.cite(cloud.sheet, program->refund);
  const Val amount = -(program->refund.value * charged);
  context.add({at, Component::egress, std::string(kMigrationCause) + "waived by exit program " + program->id, site, "",
               amount, amount, "", "exit program " + program->id, Usage{bytes, UsageUnit::bytes},
               Rate{amount.v / bytes, Dimension::money_per_byte, ByteBase::decimal, std::nullopt,
                    "− refund × the migration's egress charge ÷ its bytes"}},
              context.derive([&] {
                return Derivation{
                    fmt::format("− refund × the migration's egress from {} (the strategy leaves {} with this move; "
                                "conditions: {})",
                                site, cloud.sheet->provider, join(program->conditions, "; ")),
                    {context.factor("refund", cloud.sheet, program->refund, Dimension::fraction),
                     Factor{"the migration's egress charge", charged, Dimension::money}},
                    {},
                    "",
                    amount.v};
              }));
}

}  // namespace

void add_move_waivers(StrategyContext& context) {
  if (!context.strategy.exit_programs) return;
  for (const auto& move : context.strategy.moves) {
    const int at = months_between(context.scenario.start, move.at);
    if (at < 0 || at >= context.months) continue;
    const int last = move_last_month(context, move);
    std::map<std::string, std::set<std::string>> sites_of;  // provider -> its sites
    for (const auto& [name, cloud] : context.pricing(at).cloud) {
      if (name != move.portion.site) sites_of[cloud.sheet->provider].insert(name);
    }
    const auto& clouds = context.pricing(at).cloud;
    const auto destination = clouds.find(move.portion.site);
    for (const auto& [provider, sites] : sites_of) {
      if (destination != clouds.end() && destination->second.sheet->provider == provider) continue;
      if (!leaves(context, sites, at, last)) continue;
      for (const auto& site : sites) waive(context, site, clouds.at(site), move, at, last);
    }
  }
}

}  // namespace tco::engine
