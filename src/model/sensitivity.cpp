// One-at-a-time swings of every input of a recorded plan, ranked by their effect.
#include "tco/model/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/inputs/uncertainty.hpp"
#include "tco/model/breakeven.hpp"
#include "tco/model/plan_evaluator.hpp"

namespace tco {
namespace {

const StrategyResult* find_strategy(const ModelResult& model, const std::string& name) {
  for (const auto& strategy : model.strategies) {
    if (strategy.name == name) return &strategy;
  }
  return nullptr;
}

std::size_t index_of(const std::vector<std::string>& strategies, const std::string& name) {
  return static_cast<std::size_t>(std::find(strategies.begin(), strategies.end(), name) - strategies.begin());
}

// One swing: the inputs it moves, each to its low and its high value.
struct Move {
  std::vector<std::size_t> inputs;
  double low = 0;
  double high = 0;
};

// The values a distribution's P10 and P90 give an input.
std::pair<double, double> p10_p90(const Uncertainty& uncertainty) {
  auto value = [&](double q) {
    const double x = uncertainty.distribution.quantile(q);
    return uncertainty.interval_as_rate ? kHoursPerMonth / x : x;
  };
  return std::minmax(value(0.1), value(0.9));
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

Result<Measure> resolve_measure(Measure measure, const ModelResult& as_written) {
  Diagnostics d;
  std::vector<std::string> names;
  for (const auto& s : as_written.strategies) names.push_back(s.name);
  const auto check = [&](const std::string& name, const char* option) {
    if (find_strategy(as_written, name) != nullptr) return;
    d.error({}, "",
            fmt::format("{}: unknown strategy '{}'{}; strategies are {}", option, name, did_you_mean(name, names),
                        quoted_list(names)));
  };
  if (measure.strategy.empty()) {
    // The strategy cheapest as written, other than the baseline; the baseline when alone.
    const StrategyResult* cheapest = nullptr;
    for (const auto& s : as_written.strategies) {
      if (s.name != as_written.baseline && (!cheapest || s.total_cash() < cheapest->total_cash())) cheapest = &s;
    }
    if (cheapest == nullptr) {
      measure.kind = Measure::Kind::total;
      measure.strategy = as_written.baseline;
    } else {
      measure.strategy = cheapest->name;
    }
  }
  check(measure.strategy, "--strategy");
  if (measure.kind == Measure::Kind::difference) {
    if (measure.against.empty()) measure.against = as_written.baseline;
    check(measure.against, "--against");
    if (!d.has_errors() && measure.against == measure.strategy)
      d.error({}, "", fmt::format("--against: the difference of {} with itself is always zero", measure.strategy));
  }
  if (measure.kind == Measure::Kind::breakeven && measure.strategy == as_written.baseline && !d.has_errors()) {
    d.error(
        {}, "",
        fmt::format("--strategy: {} is the baseline; its break-even against itself is not defined", measure.strategy));
  }
  if (d.has_errors()) return d;
  return measure;
}

Result<SensitivityResult> analyse_sensitivity(const Scenario& scenario, const PreparedModel& prepared,
                                              const ModelResult& as_written, const SensitivityOptions& options) {
  auto measure = resolve_measure(options.measure, as_written);
  if (!measure) return measure.diagnostics();
  auto made = PlanEvaluator::make(prepared);
  if (!made) return made.diagnostics();
  PlanEvaluator& evaluator = made.value();
  const EvaluationPlan& plan = evaluator.plan();
  SensitivityResult result;
  result.measure = measure.value();
  result.swing = options.swing;
  result.months = plan.months;
  const auto nominal = plan.nominal_values();
  const auto base = evaluator.figures(nominal);
  if (!base) return base.diagnostics();
  result.as_written = measured(result.measure, plan.strategies, base.value());

  const auto effect_of = [&](const std::optional<double>& value) { return value.value_or(plan.months + 1.0); };
  // Evaluates one swing; `shift` moves its figures (the utilization swing is measured from
  // its own base).
  const auto evaluate = [&](PlanEvaluator& on, const Move& move, Swing swing) -> Result<Swing> {
    std::vector<double> values = on.plan().nominal_values();
    std::optional<double> ends[2];
    for (int end = 0; end < 2; ++end) {
      for (std::size_t input : move.inputs) values[input] = end == 0 ? move.low : move.high;
      const auto figures = on.figures(values);
      if (!figures) return figures.diagnostics();
      ends[end] = measured(result.measure, on.plan().strategies, figures.value());
    }
    swing.low = ends[0];
    swing.high = ends[1];
    swing.effect = std::abs(effect_of(swing.high) - effect_of(swing.low));
    return swing;
  };

  for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
    const PlanInput& input = plan.inputs[i];
    if (input.service == PriceService::all) continue;
    // Every price of a service, when that is more than the one price already swung alone.
    if (input.service && !scenario.price_uncertainty.count(*input.service) &&
        std::count_if(plan.inputs.begin(), plan.inputs.end(),
                      [&](const PlanInput& other) { return other.priced_as == input.service; }) < 2)
      continue;
    Swing swing;
    swing.path = input.path;
    swing.where = input.where;
    swing.dimension = input.dimension;
    swing.multiplier = input.service.has_value();
    swing.as_written = input.reference;
    Move move{{i},
              std::clamp(input.nominal * (1 - options.swing), input.lowest, input.highest),
              std::clamp(input.nominal * (1 + options.swing), input.lowest, input.highest)};
    if (input.uncertainty) {
      std::tie(move.low, move.high) = p10_p90(*input.uncertainty);
      swing.distribution = input.uncertainty->text;
    }
    if (input.service) {
      const auto change = scenario.price_uncertainty.find(*input.service);
      if (change != scenario.price_uncertainty.end()) {
        const auto [low, high] = p10_p90(*change->second.uncertainty);
        move = {{i}, 1 + low, 1 + high};
        swing.distribution = change->second.uncertainty->text;
      }
    }
    const double scale = input.relative && !input.service ? input.reference : 1.0;
    swing.low_value = move.low * scale;
    swing.high_value = move.high * scale;
    auto done = evaluate(evaluator, move, swing);
    if (!done) return done.diagnostics();
    result.swings.push_back(std::move(done).value());
  }

  // The sustained utilization of every workload, as `tco breakeven` varies it, swung from
  // the scenario's declared utilization; its figures are shifted onto the as-written base.
  result.declared_utilization = declared_utilization(as_written);
  if (result.declared_utilization > 0) {
    auto made_duty = PlanEvaluator::make(prepared, result.declared_utilization);
    if (!made_duty) return made_duty.diagnostics();
    PlanEvaluator& duty = made_duty.value();
    if (const auto input = duty.plan().find_input("utilization")) {
      const double u = result.declared_utilization;
      Swing swing;
      swing.path = "utilization";
      swing.dimension = Dimension::fraction;
      swing.as_written = u;
      const Move move{{*input},
                      std::clamp(u * (1 - options.swing), kLowestUtilization, 1.0),
                      std::clamp(u * (1 + options.swing), kLowestUtilization, 1.0)};
      swing.low_value = move.low;
      swing.high_value = move.high;
      const auto at_declared = duty.figures(duty.plan().nominal_values());
      if (!at_declared) return at_declared.diagnostics();
      const auto own_base = measured(result.measure, duty.plan().strategies, at_declared.value());
      auto done = evaluate(duty, move, swing);
      if (!done) return done.diagnostics();
      Swing shifted = std::move(done).value();
      if (own_base && result.as_written) {
        const double shift = *result.as_written - *own_base;
        if (shifted.low) *shifted.low += shift;
        if (shifted.high) *shifted.high += shift;
      }
      result.swings.push_back(shifted);
      result.engine_evaluations += duty.engine_evaluations();
    }
  }
  std::stable_sort(result.swings.begin(), result.swings.end(), [](const Swing& a, const Swing& b) {
    return a.effect != b.effect ? a.effect > b.effect : a.path < b.path;
  });
  result.engine_evaluations += evaluator.engine_evaluations();
  return result;
}

}  // namespace tco
