// Sweeps: the plan recorded once, each --vary's inputs set at every grid point.
#include "tco/analysis/sweep.hpp"

#include <algorithm>

#include "tco/analysis/breakeven.hpp"

namespace tco {

Result<Sweep> Sweep::prepare(const PreparedModel& prepared, const ModelResult& as_written, bool duty_cycle) {
  auto evaluator = PlanEvaluator::make(
      prepared, duty_cycle ? std::optional<double>(declared_utilization(as_written)) : std::nullopt);
  if (!evaluator) return evaluator.diagnostics();
  return Sweep(std::move(evaluator).value());
}

std::vector<std::size_t> Sweep::inputs_at(const std::string& path) const {
  std::vector<std::size_t> out;
  const auto& inputs = evaluator_.plan().inputs;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].path == path) out.push_back(i);
  }
  return out;
}

std::optional<SweepInput> Sweep::input(const std::string& path) const {
  const auto indices = inputs_at(path);
  if (indices.empty()) return std::nullopt;
  const PlanInput& first = evaluator_.plan().inputs[indices.front()];
  // Every price of a service is swept as a change from the sheets: -20 % is 0.8 of each.
  const bool change = first.service.has_value();
  const double scale = change ? 1.0 : (first.relative ? first.reference : 1.0);
  return SweepInput{path,
                    change ? Dimension::fraction : first.dimension,
                    change ? 0.0 : first.reference,
                    change ? first.lowest - 1 : first.lowest * scale,
                    change ? first.highest - 1 : first.highest * scale,
                    first.whole};
}

std::vector<std::string> Sweep::paths() const {
  std::vector<std::string> out;
  for (const auto& input : evaluator_.plan().inputs) {
    if (std::find(out.begin(), out.end(), input.path) == out.end()) out.push_back(input.path);
  }
  return out;
}

Result<SweepResult> Sweep::run(const std::vector<SweepAxis>& axes) {
  const EvaluationPlan& plan = evaluator_.plan();
  SweepResult result;
  result.axes = axes;
  result.strategies = plan.strategies;
  result.baseline = plan.strategies[plan.baseline];
  result.months = plan.months;
  std::vector<std::vector<std::size_t>> targets;
  for (const auto& axis : axes) targets.push_back(inputs_at(axis.path));

  std::vector<double> values = plan.nominal_values();
  // A price two sheet versions give moves by one share in both: the value given is the
  // first version's, and the later one keeps its difference from it.
  const auto set = [&](std::size_t axis, double value) {
    const double reference = plan.inputs[targets[axis].front()].reference;
    for (std::size_t input : targets[axis]) {
      const PlanInput& in = plan.inputs[input];
      // A sheet price is a multiplier of the price as read: the value given is its first month's.
      if (in.service) {
        values[input] = 1 + value;
      } else {
        values[input] = in.relative && reference != 0 ? value / reference : value;
      }
    }
  };
  const std::size_t rows = axes[0].values.size();
  const std::size_t columns = axes.size() > 1 ? axes[1].values.size() : 1;
  for (std::size_t i = 0; i < rows; ++i) {
    set(0, axes[0].values[i]);
    for (std::size_t j = 0; j < columns; ++j) {
      if (axes.size() > 1) set(1, axes[1].values[j]);
      auto figures = evaluator_.figures(values);
      if (!figures) return figures.diagnostics();
      result.points.push_back(std::move(figures).value());
    }
  }
  result.engine_evaluations = evaluator_.engine_evaluations();
  return result;
}

}  // namespace tco
