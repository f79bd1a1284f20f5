// Runs every strategy of a scenario: resolve prices once, then add each cost component.
#include "tco/model/engine.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/text.hpp"
#include "tco/model/figures.hpp"

namespace tco {
namespace engine {

void StrategyContext::add(Line line, std::shared_ptr<const Derivation> derivation) {
  if (line.month < 0 || line.month >= months) return;
  if (inputs.recording != nullptr && (line.cash.n >= 0 || line.cash.v != 0)) {
    const auto cell = strategy_index * static_cast<std::size_t>(months) + static_cast<std::size_t>(line.month);
    inputs.recording->recording->tape.emits.push_back({line.cash.n, line.cash.v, static_cast<std::uint32_t>(cell)});
  }
  CostLine row;
  row.strategy = strategy.name;
  row.month = line.month;
  row.component = line.component;
  row.cause = std::move(line.cause);
  if (const auto cloud = pricing(line.month).cloud.find(line.site); cloud != pricing(line.month).cloud.end()) {
    row.provider = cloud->second.sheet->provider;
    row.region = cloud->second.region->id;
  } else {
    row.provider = "onprem";
  }
  row.site = std::move(line.site);
  row.offer = std::move(line.offer);
  row.workload = std::move(line.workload);
  row.dataset = std::move(line.dataset);
  row.flow = std::move(line.flow);
  row.usage = line.usage;
  row.rate = std::move(line.rate);
  row.measures = line.measures;
  row.cash = line.cash.v;
  row.amortized = line.amortized.v;
  row.term_end = line.term_end;
  row.derivation = std::move(derivation);
  result.lines.push_back(std::move(row));
}

Rate StrategyContext::rate(const PriceSheet* sheet, const Sourced& price, Dimension dimension, Val value) const {
  return Rate{value.v, dimension, price.byte_base, origin(sheet, price), ""};
}

Origin StrategyContext::origin(const PriceSheet* sheet, const Sourced& value) const {
  Origin out;
  out.where = value.where;
  out.list_value = value.list_value;
  out.adjustments = value.adjustments;
  if (sheet != nullptr && !value.source.empty()) {
    out.sheet = timeline.base(sheet)->label();
    if (const PriceSource* source = sheet->find_source(value.source)) out.source = *source;
  }
  return out;
}

Factor StrategyContext::factor(std::string name, const PriceSheet* sheet, const Sourced& value,
                               Dimension dimension) const {
  return Factor{std::move(name), value.value, dimension, value.byte_base, origin(sheet, value)};
}

void StrategyContext::error(const SourceLocation& where, const std::string& path, const std::string& message) {
  if (reported.insert(path + message).second) diagnostics.error(where, path, message);
}

std::vector<const PlacedPortion*> StrategyContext::portions_of(const Workload& workload) const {
  std::vector<const PlacedPortion*> out;
  for (const auto& placed : portions) {
    if (placed.workload == &workload) out.push_back(&placed);
  }
  return out;
}

std::string StrategyContext::dataset_home(const Dataset& dataset, int month) const {
  const auto it = strategy.dataset_site.find(dataset.name);
  std::string home = it == strategy.dataset_site.end() ? dataset.origin : it->second.site;
  const YearMonth current = add_months(scenario.start, month);
  for (const auto& move : strategy.moves) {
    if (!(current < move.at) &&
        std::find(move.datasets.begin(), move.datasets.end(), dataset.name) != move.datasets.end())
      home = move.portion.site;
  }
  return home;
}

void StrategyContext::cite(const PriceSheet* sheet, const Sourced& value) {
  if (sheet == nullptr || value.source.empty()) return;
  const PriceSource* source = sheet->find_source(value.source);
  if (source == nullptr) return;
  auto& entry = cited[{timeline.base(sheet)->label(), source->id}];
  entry.source = *source;
  entry.values.insert({value.where.file, value.where.line, value.where.column});
}

void StrategyContext::finish_citations() {
  for (const auto& [key, entry] : cited)
    result.citations.push_back({key.first, entry.source, static_cast<int>(entry.values.size())});
}

std::set<std::string> StrategyContext::used_sites() const {
  std::set<std::string> used;
  for (const auto& placed : portions) used.insert(placed.site());
  for (const auto& dataset : scenario.datasets) {
    for (int month = 0; month < months; ++month) used.insert(dataset_home(dataset, month));
  }
  for (const auto& transfer : transfers) {
    used.insert(transfer.from_site);
    if (!transfer.to_site.empty()) used.insert(transfer.to_site);
  }
  return used;
}

}  // namespace engine

namespace {

std::vector<SheetUse> sheet_uses(const engine::PricingTimeline& timeline, int months) {
  std::vector<SheetUse> uses;
  for (int month = 0; month < months; ++month) {
    for (const PriceSheet* sheet : timeline.at(month).sheets) {
      const PriceSheet* base = timeline.base(sheet);
      const bool projected = base != sheet;
      auto it = std::find_if(uses.begin(), uses.end(),
                             [&](const SheetUse& use) { return use.sheet == base && use.last_month >= month - 1; });
      if (it == uses.end()) {
        uses.push_back({base, month, month, projected});
      } else {
        it->last_month = month;
        it->projected = it->projected || projected;
      }
    }
  }
  std::stable_sort(uses.begin(), uses.end(), [](const SheetUse& a, const SheetUse& b) {
    return a.sheet->provider != b.sheet->provider ? a.sheet->provider < b.sheet->provider
                                                  : a.first_month < b.first_month;
  });
  return uses;
}

}  // namespace

struct PreparedModel::State {
  const Scenario* scenario = nullptr;
  ModelOptions options;
  int months = 0;
  std::optional<Date> pinned;
  engine::PricingTimeline timeline;
  Diagnostics warnings;
};

PreparedModel::PreparedModel(std::unique_ptr<State> state) : state_(std::move(state)) {}
PreparedModel::PreparedModel(PreparedModel&&) noexcept = default;
PreparedModel& PreparedModel::operator=(PreparedModel&&) noexcept = default;
PreparedModel::~PreparedModel() = default;

Result<PreparedModel> PreparedModel::prepare(const Scenario& scenario, const PriceCatalog& catalog,
                                             const ModelOptions& options) {
  auto state = std::make_unique<State>();
  state->scenario = &scenario;
  state->options = options;
  state->months = options.horizon_months.value_or(scenario.horizon_months);
  state->pinned = options.as_of ? options.as_of : scenario.as_of;
  auto timeline = engine::resolve_timeline(scenario, catalog, state->pinned, state->months);
  if (!timeline) return timeline.diagnostics();
  state->warnings = timeline.diagnostics();
  state->timeline = std::move(timeline).value();
  // A workload that starts after the horizon costs nothing: legal (a horizon shortened with
  // --horizon), but the figures would silently leave it out.
  const YearMonth end = add_months(scenario.start, state->months - 1);
  for (const auto& workload : scenario.workloads) {
    if (workload.start > end) {
      state->warnings.warning(workload.where, "workloads." + workload.name + ".start",
                              fmt::format("workload {} starts in {}, after the horizon ends ({}): it costs nothing "
                                          "in these figures",
                                          workload.name, format_year_month(workload.start), format_year_month(end)));
    }
  }
  Diagnostics warnings = state->warnings;
  return Result<PreparedModel>(PreparedModel(std::move(state)), std::move(warnings));
}

namespace {

void check_magnitudes(const Scenario& scenario, const StrategyResult& result, Diagnostics& d) {
  for (const auto& line : result.lines) {
    const double worst = std::max(std::abs(line.cash), std::abs(line.amortized));
    if (std::isfinite(line.cash) && std::isfinite(line.amortized) && worst <= kMaxCostLine) continue;
    // Point at the workload or dataset the line is for, when it is one's alone.
    SourceLocation where{scenario.file, 0, 0};
    std::string path;
    if (const Workload* workload = scenario.find_workload(line.workload)) {
      where = workload->where;
      path = "workloads." + workload->name;
    } else if (const Dataset* dataset = scenario.find_dataset(line.dataset)) {
      where = dataset->where;
      path = "datasets." + dataset->name;
    }
    d.error(where, path,
            fmt::format("strategy {}: the {} cost of {} in {} is {}, beyond any real bill (at most 10^15 {}); "
                        "check the inputs it rests on (growth, run intervals, sizes)",
                        result.name, to_string(line.component), line.cause,
                        format_year_month(add_months(scenario.start, line.month)),
                        std::isfinite(worst) ? fmt::format("{:.3g} {}", worst, scenario.currency)
                                             : std::string("not a finite number"),
                        scenario.currency));
    return;  // one is enough: the others follow from the same input
  }
}

// The GPUs a portion holds in a month: a stated size or a base all the time, else the
// month's peak (tco-model(7), UTILIZATION).
double held_gpus(const engine::PlacedPortion& placed, int month) {
  const engine::Demand& demand = placed.demand[static_cast<std::size_t>(month)];
  if (!demand.active) return 0;
  return placed.size ? *placed.size : demand.peak_gpus;
}

void add_workload_uses(const engine::StrategyContext& context, bool duty_cycle) {
  for (const auto& workload : context.scenario.workloads) {
    // Unit metrics count only the work that runs: a workload the strategy does not run has none.
    const auto portions = context.portions_of(workload);
    if (portions.empty()) continue;
    std::vector<std::string> sites;
    for (const auto* placed : portions) {
      if (std::find(sites.begin(), sites.end(), placed->site()) == sites.end()) sites.push_back(placed->site());
    }
    WorkloadUse use{workload.name, workload.kind, join(sites, " + "), 0, 0, 0, 0, std::nullopt};
    const auto& schedule = workload.schedule;
    double tokens = 0;
    for (int month = 0; month < context.months; ++month) {
      const engine::Demand demand = context.demand(workload, month);
      if (!demand.active) continue;
      // GPU-hours as each site runs them (its relative time); runs and tokens as stated.
      for (const auto* placed : portions) {
        const engine::Demand& part = placed->demand[static_cast<std::size_t>(month)];
        use.allocated_gpu_hours += part.allocated_gpu_hours.v;
        use.used_gpu_hours += part.used_gpu_hours.v;
        use.capacity_gpu_hours += held_gpus(*placed, month) * context.scenario.hours_in_month(month);
      }
      use.runs += demand.runs.v;
      tokens += schedule.kind == ScheduleKind::tokens && !duty_cycle
                    ? schedule.tokens_per_month.value
                    : demand.used_gpu_hours.v * 3600.0 * schedule.tokens_per_second_per_gpu.value;  // as stated
    }
    for (const auto* placed : portions) {
      double& at_site = use.allocated_by_site[placed->site()];
      for (const auto& month : placed->demand) at_site += month.active ? month.allocated_gpu_hours.v : 0.0;
    }
    // A workload that runs continuously (or on GPU-hours) is one run over its active months.
    if (workload.kind == WorkloadKind::training && use.runs == 0 && use.allocated_gpu_hours > 0) use.runs = 1;
    if (workload.kind == WorkloadKind::inference && schedule.tokens_per_second_per_gpu.value > 0) use.tokens = tokens;
    context.result.workloads.push_back(use);
  }
}

}  // namespace

Result<ModelResult> PreparedModel::run(const Variation& variation) const { return run_with(variation, nullptr); }

Result<EvaluationPlan> PreparedModel::record_plan(const Variation& variation) const {
  EvaluationPlan plan;
  if (variation.plan != nullptr) {
    // Recorded at other values of a plan's inputs: the same inputs, in the same order, so
    // the same values fit both (inputs only this recording reads come after them).
    plan.inputs = variation.plan->inputs;
    plan.recording->input_by_key = variation.plan->recording->input_by_key;
  }
  engine::RecordingScope scope(&plan.recording->tape);
  auto model = run_with(variation, &plan);
  if (!model) return model.diagnostics();
  for (const auto& strategy : model->strategies) {
    if (strategy.name == model->baseline) plan.baseline = plan.strategies.size();
    plan.strategies.push_back(strategy.name);
  }
  plan.months = model->months;
  plan.discount_input = plan.find_input("discount_rate");
  plan.discount_rate = model->scenario->discount_rate.value;
  return plan;
}

Result<ModelResult> PreparedModel::run_with(const Variation& variation, EvaluationPlan* recording) const {
  const State& state = *state_;
  const Scenario& scenario = *state.scenario;
  ModelResult model;
  model.scenario = &scenario;
  model.months = state.months;
  model.baseline = state.options.baseline.empty() ? scenario.baseline : state.options.baseline;
  model.pinned = state.pinned;
  model.projected_months = state.timeline.projected;
  model.sheet_uses = sheet_uses(state.timeline, state.months);
  model.utilization = variation.utilization;
  model.warnings = state.warnings;
  const engine::RunInputs inputs{recording, variation.plan, variation.values};
  std::optional<engine::Val> utilization;
  if (variation.utilization) {
    const auto sustained = Sourced::stated(*variation.utilization, {scenario.file, 0, 0}, "sustained utilization");
    utilization = inputs.active() ? inputs.read(sustained, "utilization", {Dimension::fraction, kLowestUtilization, 1})
                                  : engine::Val(*variation.utilization);
  }
  const auto demands = engine::workload_demands(scenario, model.months, inputs, utilization);
  Diagnostics d;
  std::size_t strategy_index = 0;
  for (const auto& strategy : scenario.strategies) {
    const auto& only = state.options.strategies;
    if (!only.empty() && strategy.name != model.baseline &&
        std::find(only.begin(), only.end(), strategy.name) == only.end()) {
      continue;
    }
    StrategyResult result;
    result.name = strategy.name;
    result.description = strategy.description;
    engine::StrategyContext context{
        scenario, strategy, state.timeline, model.months, result, d, inputs, demands, strategy_index++, {}, {}, {},
        {},       {},       false};
    context.explaining = state.options.explain;
    engine::place_workloads(context);
    engine::add_existing_commitments(context);
    engine::add_reservations(context);
    engine::add_cloud_compute(context);
    engine::add_onprem_costs(context);
    engine::add_data_costs(context);
    if (variation.leave) {
      for (const int month : variation.leave->months)
        engine::add_exit_transfers(context, month, variation.leave->to_site);
    }
    engine::price_transfers(context);
    engine::add_move_waivers(context);
    engine::add_interconnect_ports(context);
    context.finish_citations();
    result.monthly_cash = amounts_by_month(result.lines, model.months, Basis::cash);
    result.monthly_amortized = amounts_by_month(result.lines, model.months, Basis::amortized);
    add_workload_uses(context, variation.utilization.has_value());
    check_magnitudes(scenario, result, d);
    model.strategies.push_back(std::move(result));
  }
  if (d.has_errors()) return d;

  const StrategyResult* baseline = model.find_strategy(model.baseline);
  const auto baseline_monthly = baseline->monthly_cash_totals();
  const double rate = inputs.active()
                          ? inputs.read(scenario.discount_rate, "discount_rate", {Dimension::fraction, 0, 1}).v
                          : scenario.discount_rate.value;
  for (auto& strategy : model.strategies) {
    if (strategy.name == model.baseline) continue;
    strategy.breakeven = find_breakeven(strategy.monthly_cash_totals(), baseline_monthly, rate);
    strategy.payback = migration_payback(strategy, baseline_monthly);
  }
  return {std::move(model), std::move(d)};
}

Result<ModelResult> run_model(const Scenario& scenario, const PriceCatalog& catalog, const ModelOptions& options) {
  auto prepared = PreparedModel::prepare(scenario, catalog, options);
  if (!prepared) return prepared.diagnostics();
  return prepared.value().run();
}

}  // namespace tco
