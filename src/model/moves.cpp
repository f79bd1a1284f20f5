// Strategies that change over time (tco-model(7), MOVES): the share of a workload's work each
// phase of a strategy runs, month by month, and what the sites it leaves hold meanwhile.
//
// Time is counted in hours from the start of the horizon. A move starting at T0 puts a
// stage's share of the work on the new site for the stage's length, then all of it from the
// cutover C = T0 + the stages' lengths. The sites it leaves stay provisioned from T0 until
// C + the failback window. A month's share is the average of the share over its hours.
#include <algorithm>

#include "engine_internal.hpp"

namespace tco::engine {
namespace {

double overlap(double from, double to, double x, double y) {
  return std::max(0.0, std::min(to, y) - std::max(from, x));
}

// The share of the work on a move's site as a function of time.
struct Ramp {
  struct Step {
    double from, to, share;
  };
  std::vector<Step> stages;
  double start = 0;
  double cutover = 0;
  double held_until = 0;  // cutover + failback
  // ∫ share dt over [x, y).
  [[nodiscard]] double integral(double x, double y) const {
    double sum = overlap(cutover, std::max(y, cutover), x, y);
    for (const auto& step : stages) sum += step.share * overlap(step.from, step.to, x, y);
    return sum;
  }
};

Ramp ramp_of(const Move& move, double start) {
  Ramp ramp;
  ramp.start = start;
  double at = start;
  for (const auto& stage : move.stages) {
    ramp.stages.push_back({at, at + stage.hours.value, stage.share.value});
    at += stage.hours.value;
  }
  ramp.cutover = at;
  ramp.held_until = at + (move.failback_hours ? move.failback_hours->value : 0.0);
  return ramp;
}

// Scales a month's demand to the share of it a phase runs.
Demand scaled(const Demand& demand, double share) {
  if (!demand.active || share >= 1.0) return demand;
  if (share <= 0.0) return Demand{};
  Demand part = demand;
  part.allocated_gpu_hours = demand.allocated_gpu_hours * share;
  part.used_gpu_hours = demand.used_gpu_hours * share;
  part.wall_hours = demand.wall_hours * share;
  part.runs = demand.runs * share;
  part.checkpoints_written = demand.checkpoints_written * share;
  return part;
}

// Hours from the start of the horizon to the start of each month, and to its end.
std::vector<double> month_starts(const StrategyContext& context) {
  std::vector<double> starts{0.0};
  for (int month = 0; month < context.months; ++month)
    starts.push_back(starts.back() + context.scenario.hours_in_month(month));
  return starts;
}

}  // namespace

std::string StrategyContext::dataset_kept(const Dataset& dataset, int month) const {
  if (strategy.moves.empty()) return "";
  const auto starts = month_starts(*this);
  std::string home = dataset_home(dataset, -1);
  std::string kept;
  for (const auto& move : strategy.moves) {
    if (std::find(move.datasets.begin(), move.datasets.end(), dataset.name) == move.datasets.end()) continue;
    const int at = months_between(scenario.start, move.at);
    if (at < 0 || at >= months || month < at) continue;
    // Kept through the month in which the failback window ends.
    const Ramp ramp = ramp_of(move, starts[static_cast<std::size_t>(at)]);
    kept = starts[static_cast<std::size_t>(month)] < ramp.held_until && home != move.portion.site ? home : "";
    home = move.portion.site;
  }
  return kept;
}

double move_hours(const Move& move) { return ramp_of(move, 0.0).held_until; }

int move_last_month(const StrategyContext& context, const Move& move) {
  const auto starts = month_starts(context);
  const int at = std::clamp(months_between(context.scenario.start, move.at), 0, context.months - 1);
  const Ramp ramp = ramp_of(move, starts[static_cast<std::size_t>(at)]);
  int last = at;
  while (last + 1 < context.months && starts[static_cast<std::size_t>(last + 1)] < ramp.held_until) ++last;
  return last;
}

void apply_moves(StrategyContext& context, const std::vector<std::vector<std::size_t>>& phases) {
  if (phases.size() < 2) return;
  const Scenario& scenario = context.scenario;
  const std::vector<double> month_start = month_starts(context);
  // Phase j > 0 begins with the ramp of the move that placed it.
  std::vector<Ramp> ramps;
  for (std::size_t phase = 1; phase < phases.size(); ++phase) {
    const Move& move = *context.portions[phases[phase].front()].move;
    const int at = std::clamp(months_between(scenario.start, move.at), 0, context.months);
    ramps.push_back(ramp_of(move, month_start[static_cast<std::size_t>(at)]));
  }
  // ∫ of phase j's share over [x, y): its move's ramp less the next move's.
  const auto phase_integral = [&](std::size_t phase, double x, double y) {
    const double in = phase == 0 ? y - x : ramps[phase - 1].integral(x, y);
    const double out = phase + 1 < phases.size() ? ramps[phase].integral(x, y) : 0.0;
    return std::max(0.0, in - out);
  };
  for (std::size_t phase = 0; phase < phases.size(); ++phase) {
    for (const std::size_t index : phases[phase]) {
      PlacedPortion& placed = context.portions[index];
      const Ramp* leaving = phase + 1 < phases.size() ? &ramps[phase] : nullptr;
      const bool stays = leaving != nullptr &&
                         std::any_of(phases[phase + 1].begin(), phases[phase + 1].end(),
                                     [&](std::size_t next) { return context.portions[next].site() == placed.site(); });
      if (leaving != nullptr && !stays) placed.held.assign(static_cast<std::size_t>(context.months), Val(0.0));
      for (int month = 0; month < context.months; ++month) {
        const auto m = static_cast<std::size_t>(month);
        const double x = month_start[m];
        const double y = month_start[m + 1];
        const double hours = y - x;
        const Demand whole = placed.demand[m];
        placed.demand[m] = scaled(whole, phase_integral(phase, x, y) / hours);
        if (placed.held.empty() || !whole.active) continue;
        // While the move is under way the site holds its GPUs, whatever share it still runs.
        const double held_from = std::max(x, leaving->start);
        const double held_to = std::min(y, leaving->held_until);
        if (held_to <= held_from) continue;
        const Val running = whole.allocated_gpu_hours / hours * phase_integral(phase, held_from, held_to);
        const Val holding = static_cast<double>(placed.size.value_or(whole.peak_gpus)) * (held_to - held_from);
        placed.held[m] = vmax(0.0, holding - running);
      }
      if (leaving != nullptr && !stays) {
        for (int month = context.months - 1; month >= 0; --month) {
          if (placed.runs_in(month) || is_lt(0.0, placed.held_in(month))) {
            placed.moved_away_after = month;
            break;
          }
        }
      }
    }
  }
}

}  // namespace tco::engine
