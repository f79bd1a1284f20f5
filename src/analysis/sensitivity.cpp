// One-at-a-time swings of every input of a recorded plan, ranked by their effect.
#include "tco/analysis/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/analysis/breakeven.hpp"
#include "tco/inputs/uncertainty.hpp"
#include "tco/model/plan_evaluator.hpp"

namespace tco {
namespace {

std::size_t index_of(const std::vector<std::string>& strategies, const std::string& name) {
  return static_cast<std::size_t>(std::find(strategies.begin(), strategies.end(), name) - strategies.begin());
}

// One swing: the inputs it moves, each to its own low and high value.
struct Move {
  struct Setting {
    std::size_t input = 0;
    double low = 0;
    double high = 0;
  };
  std::vector<Setting> settings;
};

// The values a distribution's P10 and P90 give an input.
std::pair<double, double> p10_p90(const Uncertainty& uncertainty) {
  return std::minmax(uncertainty.value_at(0.1), uncertainty.value_at(0.9));
}

// A swing ready to be evaluated: what it describes, and the inputs it moves.
struct PlannedSwing {
  Swing swing;
  Move move;
};

// Evaluates one swing: the measure with its inputs at their low values, then at their high
// ones, the other inputs as written. A figure that does not happen (no break-even) counts as
// the month after the horizon of `months`.
Result<Swing> evaluate(PlanEvaluator& on, const Measure& measure, int months, const Move& move, Swing swing) {
  const auto effect_of = [&](const std::optional<double>& value) { return value.value_or(months + 1.0); };
  std::vector<double> values = on.plan().nominal_values();
  std::optional<double> ends[2];
  for (int end = 0; end < 2; ++end) {
    for (const auto& setting : move.settings) values[setting.input] = end == 0 ? setting.low : setting.high;
    const auto figures = on.figures(values);
    if (!figures) return figures.diagnostics();
    ends[end] = measured(measure, on.plan().strategies, figures.value());
  }
  swing.low = ends[0];
  swing.high = ends[1];
  swing.effect = std::abs(effect_of(swing.high) - effect_of(swing.low));
  return swing;
}

// The plan's input paths, each once, in the order the plan first reads them: a price two
// sheet versions give is one input read in two places.
std::vector<std::string> distinct_paths(const EvaluationPlan& plan) {
  std::vector<std::string> paths;
  for (const auto& input : plan.inputs) {
    if (std::find(paths.begin(), paths.end(), input.path) == paths.end()) paths.push_back(input.path);
  }
  return paths;
}

// Whether `input` gets a swing of its own. The multiplier of every price (all) is swung only
// by price_uncertainty.all; a service's multiplier only when that moves more than the one
// price already swung alone, or when the scenario gives the service a distribution.
bool swung_alone(const Scenario& scenario, const EvaluationPlan& plan, const PlanInput& input) {
  if (input.service == PriceService::all) return false;
  return !input.service || scenario.price_uncertainty.count(*input.service) ||
         std::count_if(plan.inputs.begin(), plan.inputs.end(),
                       [&](const PlanInput& other) { return other.priced_as == input.service; }) >= 2;
}

// The swing of the inputs read at `path`, each moved by the same share (`swing` of its value,
// within its bounds), or to its P10 and P90 when the scenario gives it a distribution.
std::optional<PlannedSwing> path_swing(const Scenario& scenario, const EvaluationPlan& plan, const std::string& path,
                                       const SensitivityOptions& options) {
  const double share = options.swing;
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
    if (plan.inputs[i].path == path) indices.push_back(i);
  }
  const PlanInput& input = plan.inputs[indices.front()];
  if (!swung_alone(scenario, plan, input) || (input.whole && !options.sizes)) return std::nullopt;
  PlannedSwing planned;
  Swing& swing = planned.swing;
  swing.path = input.path;
  swing.where = input.where;
  swing.dimension = input.dimension;
  swing.multiplier = input.service.has_value();
  swing.as_written = input.reference;
  for (const std::size_t i : indices) {
    const PlanInput& each = plan.inputs[i];
    Move::Setting setting{i, std::clamp(each.nominal * (1 - share), each.lowest, each.highest),
                          std::clamp(each.nominal * (1 + share), each.lowest, each.highest)};
    if (each.whole) {  // a GPU count: outward to whole GPUs, at least one each way where it can
      setting.low =
          std::clamp(std::min(std::floor(each.nominal * (1 - share)), each.nominal - 1), each.lowest, each.highest);
      setting.high =
          std::clamp(std::max(std::ceil(each.nominal * (1 + share)), each.nominal + 1), each.lowest, each.highest);
    }
    if (each.uncertainty) {
      std::tie(setting.low, setting.high) = p10_p90(*each.uncertainty);
      swing.distribution = each.uncertainty->text;
    }
    if (each.service) {
      const auto change = scenario.price_uncertainty.find(*each.service);
      if (change != scenario.price_uncertainty.end()) {
        const auto [low, high] = p10_p90(*change->second.uncertainty);
        setting = {i, 1 + low, 1 + high};
        swing.distribution = change->second.uncertainty->text;
      }
    }
    planned.move.settings.push_back(setting);
  }
  // A sheet price's value is a multiplier of the price as read: shown as the price itself.
  const double scale = input.relative && !input.service ? input.reference : 1.0;
  swing.low_value = planned.move.settings.front().low * scale;
  swing.high_value = planned.move.settings.front().high * scale;
  return planned;
}

// price_uncertainty.all moves every price of every service at once; none when the scenario
// does not give it or the plan has no service's prices.
std::optional<PlannedSwing> all_prices_swing(const Scenario& scenario, const EvaluationPlan& plan) {
  const auto all = scenario.price_uncertainty.find(PriceService::all);
  if (all == scenario.price_uncertainty.end()) return std::nullopt;
  const auto [low, high] = p10_p90(*all->second.uncertainty);
  PlannedSwing planned;
  for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
    if (plan.inputs[i].service && plan.inputs[i].service != PriceService::all)
      planned.move.settings.push_back({i, 1 + low, 1 + high});
  }
  if (planned.move.settings.empty()) return std::nullopt;
  Swing& swing = planned.swing;
  swing.path = "prices.all";
  swing.where = all->second.where;
  swing.multiplier = true;
  swing.as_written = 1;
  swing.low_value = 1 + low;
  swing.high_value = 1 + high;
  swing.distribution = all->second.uncertainty->text;
  return planned;
}

// The sustained utilization of every workload, as `tco breakeven` varies it, swung from the
// scenario's declared utilization (result.declared_utilization, above 0) on a plan recorded
// for it, and added to `result` when that plan has the input; its figures are shifted onto
// the as-written base. The failure, if any.
std::optional<Diagnostics> add_utilization_swing(const PreparedModel& prepared, double share,
                                                 SensitivityResult& result) {
  auto made_duty = PlanEvaluator::make(prepared, result.declared_utilization);
  if (!made_duty) return made_duty.diagnostics();
  PlanEvaluator& duty = made_duty.value();
  const auto input = duty.plan().find_input("utilization");
  if (!input) return std::nullopt;
  const double u = result.declared_utilization;
  Swing swing;
  swing.path = "utilization";
  swing.dimension = Dimension::fraction;
  swing.as_written = u;
  const Move move{{{*input, std::clamp(u * (1 - share), kLowestUtilization, 1.0),
                    std::clamp(u * (1 + share), kLowestUtilization, 1.0)}}};
  swing.low_value = move.settings.front().low;
  swing.high_value = move.settings.front().high;
  const auto at_declared = duty.figures(duty.plan().nominal_values());
  if (!at_declared) return at_declared.diagnostics();
  const auto own_base = measured(result.measure, duty.plan().strategies, at_declared.value());
  auto done = evaluate(duty, result.measure, result.months, move, swing);
  if (!done) return done.diagnostics();
  Swing shifted = std::move(done).value();
  // A money figure moves by the same amount from either base; a break-even month is
  // shown as the duty-cycle model gives it.
  if (own_base && result.as_written && result.measure.kind != Measure::Kind::breakeven) {
    const double shift = *result.as_written - *own_base;
    if (shifted.low) *shifted.low += shift;
    if (shifted.high) *shifted.high += shift;
  }
  result.swings.push_back(shifted);
  result.engine_evaluations += duty.engine_evaluations();
  return std::nullopt;
}

}  // namespace

std::optional<double> measured(const Measure& measure, const std::vector<std::string>& strategies,
                               const std::vector<StrategyFigures>& figures) {
  const auto& strategy = figures[index_of(strategies, measure.strategy)];
  switch (measure.kind) {
    case Measure::Kind::total:
      return strategy.total;
    case Measure::Kind::difference:
      return strategy.total - figures[index_of(strategies, measure.against)].total;
    case Measure::Kind::breakeven:
      return strategy.breakeven;
  }
  return std::nullopt;
}

Result<SensitivityResult> analyse_sensitivity(const Scenario& scenario, const PreparedModel& prepared,
                                              const ModelResult& as_written, const SensitivityOptions& options) {
  auto made = PlanEvaluator::make(prepared);
  if (!made) return made.diagnostics();
  PlanEvaluator& evaluator = made.value();
  const EvaluationPlan& plan = evaluator.plan();
  SensitivityResult result;
  result.measure = options.measure;
  result.swing = options.swing;
  result.months = plan.months;
  const auto nominal = plan.nominal_values();
  const auto base = evaluator.figures(nominal);
  if (!base) return base.diagnostics();
  result.as_written = measured(result.measure, plan.strategies, base.value());

  // One swing per path, then every price at once.
  std::vector<PlannedSwing> planned;
  for (const auto& path : distinct_paths(plan)) {
    if (auto swing = path_swing(scenario, plan, path, options)) planned.push_back(std::move(*swing));
  }
  if (auto all = all_prices_swing(scenario, plan)) planned.push_back(std::move(*all));
  for (const auto& each : planned) {
    auto done = evaluate(evaluator, result.measure, plan.months, each.move, each.swing);
    if (!done) return done.diagnostics();
    result.swings.push_back(std::move(done).value());
  }

  result.declared_utilization = declared_utilization(as_written);
  if (result.declared_utilization > 0) {
    if (auto failed = add_utilization_swing(prepared, options.swing, result)) return *std::move(failed);
  }
  std::stable_sort(result.swings.begin(), result.swings.end(), [](const Swing& a, const Swing& b) {
    return a.effect != b.effect ? a.effect > b.effect : a.path < b.path;
  });
  result.engine_evaluations += evaluator.engine_evaluations();
  return result;
}

}  // namespace tco
