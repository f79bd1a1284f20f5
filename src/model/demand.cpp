// What each workload demands of its site month by month: the GPU-hours its work occupies,
// the GPUs it needs at once, its runs and checkpoints (tco-model(7), GPU DEMAND).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::engine {
namespace {

std::string workload_path(const Workload& workload, const char* key) {
  return "workloads." + workload.name + "." + key;
}

// Spreads GPU-hours evenly over the month on as few GPUs as can hold them. The GPU count
// shapes the plan (instances, servers), so it is a guarded decision, not arithmetic.
void spread(Demand& demand, double hours) {
  const Val needed = demand.allocated_gpu_hours / hours - 1e-9;
  demand.peak_gpus = static_cast<int>(std::ceil(needed.v));
  is_le(needed, static_cast<double>(demand.peak_gpus));
  is_lt(static_cast<double>(demand.peak_gpus - 1), needed);
  demand.wall_hours = demand.peak_gpus > 0 ? demand.allocated_gpu_hours / static_cast<double>(demand.peak_gpus) : 0;
}

// `gpus`: the workload's GPUs at once in this run (its stated count, unless varied).
Demand demand_in(const Scenario& scenario, const Workload& workload, int gpus, int month, const RunInputs& inputs,
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
  const Val busy =
      in(workload.useful_work, workload.useful_work_key.c_str(), {Dimension::fraction, 0, 1, std::nullopt});
  Val runs = 0;
  switch (schedule.kind) {
    case ScheduleKind::continuous:
      // Its GPUs occupied for the stated share of every hour (schema 2's utilization).
      demand.wall_hours =
          workload.utilization ? hours * in(*workload.utilization, "utilization", {Dimension::fraction, 0, 1}) : hours;
      demand.allocated_gpu_hours = static_cast<double>(gpus) * demand.wall_hours;
      demand.peak_gpus = gpus;
      break;
    case ScheduleKind::runs: {
      const Val run_hours = in(schedule.run_hours, "runs.duration", {Dimension::hours});
      runs = schedule.runs_per_month ? in(*schedule.runs_per_month, "runs.per_month")
                                     : hours / in(*schedule.run_interval_hours, "runs.every", {Dimension::hours});
      demand.runs = runs;
      demand.wall_hours = runs * run_hours;
      demand.allocated_gpu_hours = static_cast<double>(gpus) * demand.wall_hours;
      demand.peak_gpus = gpus;
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
  if (schedule.kind == ScheduleKind::gpu_hours || schedule.kind == ScheduleKind::tokens) spread(demand, hours);
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

// The share of a month's demand a base of `gpus` GPUs holds: its GPUs are filled first, up
// to every hour of the month; the share of used GPU-hours and checkpoints follows.
// With a relative time, `hours` is the base's hours in the workload's own time (H ÷ r).
Demand base_part(const Demand& whole, int gpus, Val hours) {
  Demand part;
  part.active = whole.active;
  if (!whole.active || gpus == 0) return part;
  part.allocated_gpu_hours = vmin(whole.allocated_gpu_hours, static_cast<double>(gpus) * hours);
  part.peak_gpus = std::min(gpus, whole.peak_gpus);
  part.wall_hours = part.allocated_gpu_hours / static_cast<double>(gpus);
  if (is_lt(0.0, whole.allocated_gpu_hours)) {
    const Val share = part.allocated_gpu_hours / whole.allocated_gpu_hours;
    part.used_gpu_hours = whole.used_gpu_hours * share;
    part.runs = whole.runs * share;
    part.checkpoints_written = whole.checkpoints_written * share;
  }
  return part;
}

// What the base cannot hold: the rest of the month's demand, on the GPUs above the base.
Demand burst_part(const Demand& whole, const Demand& base, int base_gpus) {
  Demand part;
  part.active = whole.active;
  if (!whole.active) return part;
  part.peak_gpus = std::max(0, whole.peak_gpus - base_gpus);
  if (part.peak_gpus == 0) return part;
  part.allocated_gpu_hours = whole.allocated_gpu_hours - base.allocated_gpu_hours;
  part.wall_hours = part.allocated_gpu_hours / static_cast<double>(part.peak_gpus);
  part.used_gpu_hours = whole.used_gpu_hours - base.used_gpu_hours;
  part.runs = whole.runs - base.runs;
  part.checkpoints_written = whole.checkpoints_written - base.checkpoints_written;
  return part;
}

int peak_of(const std::vector<Demand>& demand) {
  int peak = 0;
  for (const auto& month : demand) peak = std::max(peak, month.active ? month.peak_gpus : 0);
  return peak;
}

// A single site with a stated size must hold the peak: the rest has nowhere to run.
void check_size(StrategyContext& context, const PlacedPortion& placed, int peak) {
  if (placed.portion->role != Portion::Role::whole || !placed.size || *placed.size >= peak) return;
  context.error(placed.portion->where, "strategies." + context.strategy.name + ".workloads." + placed.workload->name,
                fmt::format("{} GPUs provisioned at site '{}', but workload '{}' needs {} at once: provision at "
                            "least {}, or split it into a base and a burst",
                            *placed.size, placed.site(), placed.workload->name, peak, peak));
}

// The GPUs a strategy states a portion holds (a base, a committed or owned size), at its value
// in this run: a sweep may set it (strategies.S.workloads.W.gpus, or .base.gpus for a split).
std::optional<int> stated_size(const StrategyContext& context, const Portion& portion, const Workload& workload) {
  if (!portion.gpus) return std::nullopt;
  const std::string path = "strategies." + context.strategy.name + ".workloads." + workload.name +
                           (portion.role == Portion::Role::base ? ".base.gpus" : ".gpus");
  return context.inputs.count(*portion.gpus, portion.gpus_where, path, portion.role == Portion::Role::base ? 0 : 1);
}

// The time the portion's site takes for the workload's work (tco-model(7), RELATIVE TIME):
// the placement's relative_time, else its site's; none when neither states one.
std::optional<Val> relative_time(const StrategyContext& context, const Portion& portion, const Workload& workload) {
  const InputSpec spec{Dimension::count, 0, 10, std::nullopt};
  if (portion.relative_time) {
    return context.in(
        *portion.relative_time,
        [&] { return "strategies." + context.strategy.name + ".workloads." + workload.name + ".relative_time"; }, spec);
  }
  const Site* site = context.scenario.find_site(portion.site);
  if (site == nullptr || !site->relative_time) return std::nullopt;
  return context.in(
      *site->relative_time, [&] { return "sites." + site->name + ".relative_time"; }, spec);
}

// A part of the demand as a site that takes `time` times as long runs it: its GPU-hours,
// hours, used GPU-hours and checkpoints scale, its GPUs at once stay, unless the work no
// longer fits in the month on them: then, like a GPU-hour or token demand on one site, it is
// spread over the fewest GPUs that hold it (a slower site holds more GPUs at once).
Demand at_speed(const PlacedPortion& placed, Demand part, Val time, double hours) {
  if (!part.active) return part;
  part.allocated_gpu_hours = part.allocated_gpu_hours * time;
  part.used_gpu_hours = part.used_gpu_hours * time;
  part.wall_hours = part.wall_hours * time;
  part.checkpoints_written = part.checkpoints_written * time;
  const auto kind = placed.workload->schedule.kind;
  const bool elastic = kind == ScheduleKind::gpu_hours || kind == ScheduleKind::tokens;
  if ((elastic && !placed.split()) || is_lt(hours + 1e-9, part.wall_hours)) spread(part, hours);
  return part;
}

}  // namespace

void place_workloads(StrategyContext& context) {
  for (const auto& workload : context.scenario.workloads) {
    const auto found = context.strategy.workload_placement.find(workload.name);
    if (found == context.strategy.workload_placement.end() || !found->second.runs()) continue;
    std::vector<Demand> whole;
    for (int month = 0; month < context.months; ++month) whole.push_back(context.demand(workload, month));
    const int peak = peak_of(whole);
    std::vector<Demand> base_share;  // what the base holds, in the workload's own time
    int base_gpus = 0;
    // The strategy's placement is the first phase; each move of the workload begins another.
    std::vector<std::vector<std::size_t>> phases(1);
    const auto place = [&](const Portion& portion, const Move* move) {
      const std::optional<Val> time = relative_time(context, portion, workload);
      const std::optional<int> size = stated_size(context, portion, workload);
      PlacedPortion placed;
      placed.workload = &workload;
      placed.portion = &portion;
      placed.demand = whole;
      placed.size = size;
      placed.provisioned = size.value_or(peak);
      placed.gpu = portion.gpu.empty() ? workload.gpu : portion.gpu;
      placed.instance = portion.instance;
      placed.move = move;
      for (std::size_t month = 0; month < whole.size(); ++month) {
        const double hours = context.scenario.hours_in_month(static_cast<int>(month));
        Demand& part = placed.demand[month];
        if (portion.role == Portion::Role::base) {
          base_gpus = *size;
          base_share.push_back(base_part(whole[month], base_gpus, time ? hours / *time : Val(hours)));
          part = base_share.back();
        } else if (portion.role == Portion::Role::burst) {
          part = burst_part(whole[month], base_share.at(month), base_gpus);
        }
        if (time) part = at_speed(placed, part, *time, hours);
      }
      // A burst holds what it runs; a faster or slower site may hold fewer or more GPUs at once.
      if (portion.role == Portion::Role::burst || (time && !size)) placed.provisioned = peak_of(placed.demand);
      check_size(context, placed, peak_of(placed.demand));
      phases.back().push_back(context.portions.size());
      context.portions.push_back(std::move(placed));
    };
    for (const auto& portion : found->second.portions) place(portion, nullptr);
    for (const auto& move : context.strategy.moves) {
      if (!move.moves_workload(workload.name)) continue;
      phases.emplace_back();
      place(move.portion, &move);
    }
    apply_moves(context, phases);
  }
}

std::vector<Demand> workload_demands(const Scenario& scenario, int months, const RunInputs& inputs,
                                     std::optional<Val> utilization) {
  std::vector<Demand> demands;
  demands.reserve(scenario.workloads.size() * static_cast<std::size_t>(months));
  for (const auto& workload : scenario.workloads) {
    // A demand in GPU-hours or tokens gives its GPUs month by month; the others state them.
    const bool states_gpus =
        workload.schedule.kind == ScheduleKind::continuous || workload.schedule.kind == ScheduleKind::runs;
    const int gpus =
        states_gpus ? inputs.count(workload.gpus, workload.gpus_where, workload_path(workload, "gpus"), 1) : 0;
    for (int month = 0; month < months; ++month)
      demands.push_back(demand_in(scenario, workload, gpus, month, inputs, utilization));
  }
  return demands;
}

}  // namespace tco::engine
