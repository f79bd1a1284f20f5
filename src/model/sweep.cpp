// Sweeps: resolve each --vary against the plan's inputs, then evaluate every grid point.
#include "tco/model/sweep.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/model/breakeven.hpp"

namespace tco {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + 1)
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

// The unit of a part ("0.20 USD/kWh" -> "USD/kWh"), or "" for a bare number.
std::string unit_of(std::string_view part) { return std::string(split_number(trim(part)).second); }

// The values of FROM:TO:STEP in the dimension's base unit.
Result<std::vector<double>> parse_range(const SweepAxisSpec& spec, Dimension dimension) {
  const auto error = [&](const std::string& message) -> Result<std::vector<double>> {
    Diagnostics d;
    d.error({}, "", fmt::format("--vary {}={}: {}", spec.path, spec.range, message));
    return d;
  };
  auto parts = split(spec.range, ':');
  if (parts.size() != 3) return error("expected FROM:TO:STEP, such as 30%:100%:10%");
  std::string unit;
  for (const auto& part : parts) {
    if (unit.empty()) unit = unit_of(part);
  }
  double numbers[3];
  for (std::size_t i = 0; i < 3; ++i) {
    std::string text(trim(parts[i]));
    if (unit_of(text).empty() && !unit.empty()) text += " " + unit;
    QuantityError problem;
    const auto quantity = parse_quantity(text, dimension, &problem);
    if (!quantity) return error(problem.message);
    numbers[i] = quantity->value;
  }
  const auto [from, to, step] = numbers;
  if (!(step > 0)) return error("the STEP must be above zero");
  if (to < from) return error("TO must not be below FROM");
  const double count = std::floor((to - from) / step + 1e-9) + 1;
  if (count > static_cast<double>(kMaxSweepValues))
    return error(fmt::format("that is {} values; at most {} are swept: widen the STEP", count, kMaxSweepValues));
  std::vector<double> values;
  for (int i = 0; i < static_cast<int>(count); ++i) values.push_back(from + i * step);
  return values;
}

// The plan inputs an axis sets, and its dimension.
struct Target {
  std::vector<std::size_t> inputs;
  const PlanInput* first = nullptr;
};

Result<Target> resolve(const EvaluationPlan& plan, const std::string& path) {
  Target target;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
    if (plan.inputs[i].path == path) target.inputs.push_back(i);
    if (std::find(paths.begin(), paths.end(), plan.inputs[i].path) == paths.end()) paths.push_back(plan.inputs[i].path);
  }
  if (!target.inputs.empty()) {
    target.first = &plan.inputs[target.inputs.front()];
    return target;
  }
  paths.push_back("utilization");
  Diagnostics d;
  d.error({}, "",
          fmt::format("--vary: no input '{}' in the scenario's figures{}; inputs are the key paths of the values its "
                      "strategies use, such as sites.NAME.electricity, workloads.NAME.utilization, prices.compute "
                      "(every compute price) or utilization (every workload's, as tco breakeven varies it); "
                      "tco sensitivity lists them all",
                      path, did_you_mean(path, paths)));
  return d;
}

}  // namespace

Result<SweepResult> sweep(const PreparedModel& prepared, const ModelResult& as_written,
                          const std::vector<SweepAxisSpec>& specs) {
  const bool duty_cycle =
      std::any_of(specs.begin(), specs.end(), [](const SweepAxisSpec& spec) { return spec.path == "utilization"; });
  const double declared = declared_utilization(as_written);
  auto made = PlanEvaluator::make(prepared, duty_cycle ? std::optional<double>(declared) : std::nullopt);
  if (!made) return made.diagnostics();
  PlanEvaluator& evaluator = made.value();
  const EvaluationPlan& plan = evaluator.plan();
  SweepResult result;
  result.strategies = plan.strategies;
  result.baseline = plan.strategies[plan.baseline];
  result.months = plan.months;
  std::vector<Target> targets;
  Diagnostics d;
  for (const auto& spec : specs) {
    auto target = resolve(plan, spec.path);
    if (!target) {
      for (const auto& item : target.diagnostics().items()) d.add(item);
      continue;
    }
    SweepAxis axis;
    axis.path = spec.path;
    // Every price of a service is swept as a change from the sheets: -20 % is 0.8 of each.
    const bool change = target->first->service.has_value();
    axis.dimension = change ? Dimension::fraction : target->first->dimension;
    axis.as_written = change ? 0.0 : target->first->reference;
    auto values = parse_range(spec, axis.dimension);
    if (!values) {
      for (const auto& item : values.diagnostics().items()) d.add(item);
      continue;
    }
    axis.values = std::move(values).value();
    // Only values the input can take: a utilization up to 100 %, no negative price.
    const PlanInput& first = *target->first;
    const double scale = change ? 1.0 : (first.relative ? first.reference : 1.0);
    const double lowest = change ? first.lowest - 1 : first.lowest * scale;
    const double highest = change ? first.highest - 1 : first.highest * scale;
    const auto outside = std::find_if(axis.values.begin(), axis.values.end(),
                                      [&](double v) { return v < lowest - 1e-12 || v > highest + 1e-12; });
    if (outside != axis.values.end()) {
      const auto show = [&](double v) {
        return axis.dimension == Dimension::fraction ? format_percent(v, 0) : format_number(v);
      };
      d.error({}, "",
              fmt::format("--vary {}={}: expected values from {}{}, found {}", spec.path, spec.range, show(lowest),
                          std::isinf(highest) ? " up" : " to " + show(highest), show(*outside)));
      continue;
    }
    result.axes.push_back(std::move(axis));
    targets.push_back(std::move(target).value());
  }
  if (d.has_errors()) return d;

  std::vector<double> values = plan.nominal_values();
  // A price two sheet versions give moves by one share in both: the value given is the
  // first version's, and the later one keeps its difference from it.
  const auto set = [&](std::size_t axis, double value) {
    const double reference = targets[axis].first->reference;
    for (std::size_t input : targets[axis].inputs) {
      const PlanInput& in = plan.inputs[input];
      // A sheet price is a multiplier of the price as read: the value given is its first month's.
      if (in.service) {
        values[input] = 1 + value;
      } else {
        values[input] = in.relative && reference != 0 ? value / reference : value;
      }
    }
  };
  const std::size_t rows = result.axes[0].values.size();
  const std::size_t columns = result.axes.size() > 1 ? result.axes[1].values.size() : 1;
  for (std::size_t i = 0; i < rows; ++i) {
    set(0, result.axes[0].values[i]);
    for (std::size_t j = 0; j < columns; ++j) {
      if (result.axes.size() > 1) set(1, result.axes[1].values[j]);
      auto figures = evaluator.figures(values);
      if (!figures) return figures.diagnostics();
      result.points.push_back(std::move(figures).value());
    }
  }
  result.engine_evaluations = evaluator.engine_evaluations();
  return result;
}

}  // namespace tco
