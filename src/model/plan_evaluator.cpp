#include "tco/model/plan_evaluator.hpp"

#include <cmath>

#include "tco/model/figures.hpp"

namespace tco {

void fill_strategy_figures(const EvaluationPlan& plan, std::span<const double> monthly, double annual_discount_rate,
                           std::span<StrategyFigures> out) {
  const auto months = static_cast<std::size_t>(plan.months);
  const auto cash = [&](std::size_t s) { return monthly.subspan(s * months, months); };
  for (std::size_t s = 0; s < plan.strategies.size(); ++s)
    out[s] = strategy_figures(cash(s), cash(plan.baseline), s == plan.baseline, annual_discount_rate);
}

PlanEvaluator::PlanEvaluator(const PreparedModel& prepared, EvaluationPlan plan, std::optional<double> utilization)
    : prepared_(&prepared),
      plan_(std::move(plan)),
      utilization_(utilization),
      compiled_(plan_, std::vector<bool>(plan_.inputs.size(), true)),
      scratch_(compiled_.scratch()),
      monthly_(plan_.cells()) {}

Result<PlanEvaluator> PlanEvaluator::make(const PreparedModel& prepared, std::optional<double> utilization) {
  Variation variation;
  variation.utilization = utilization;
  auto plan = prepared.record_plan(variation);
  if (!plan) return plan.diagnostics();
  return PlanEvaluator(prepared, std::move(plan).value(), utilization);
}

Result<std::vector<StrategyFigures>> PlanEvaluator::figures(std::span<const double> values) {
  const bool planned = compiled_.evaluate(values, monthly_, scratch_) &&
                       std::all_of(monthly_.begin(), monthly_.end(), [](double x) { return std::isfinite(x); });
  if (!planned) {
    ++engine_evaluations_;
    Variation variation;
    variation.utilization = utilization_;
    variation.plan = &plan_;
    variation.values = values;
    const auto model = prepared_->run(variation);
    if (!model) return model.diagnostics();
    std::size_t cell = 0;
    for (const auto& strategy : model->strategies) {
      for (const double cash : strategy.monthly_cash_totals()) monthly_[cell++] = cash;
    }
  }
  std::vector<StrategyFigures> figures(plan_.strategies.size());
  fill_strategy_figures(plan_, monthly_, plan_.annual_discount_rate(values), figures);
  return figures;
}

}  // namespace tco
