#pragma once
// Evaluating a scenario at other input values, as sensitivity analysis and sweeps do: the
// recorded plan when it can, the engine when the values change a decision the plan was
// recorded with. Either way the figures are the engine's.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/model/engine.hpp"
#include "tco/model/figures.hpp"
#include "tco/model/plan.hpp"

namespace tco {

class PlanEvaluator {
 public:
  // Records the plan; with `utilization`, the sustained utilization of every workload (as
  // `tco breakeven` varies it) is the input "utilization".
  static Result<PlanEvaluator> make(const PreparedModel& prepared, std::optional<double> utilization = std::nullopt);

  [[nodiscard]] const EvaluationPlan& plan() const { return plan_; }
  // Each strategy's figures, in plan().strategies order.
  [[nodiscard]] Result<std::vector<StrategyFigures>> figures(std::span<const double> values);
  [[nodiscard]] std::uint64_t engine_evaluations() const { return engine_evaluations_; }

 private:
  PlanEvaluator(const PreparedModel& prepared, EvaluationPlan plan, std::optional<double> utilization);

  const PreparedModel* prepared_;
  EvaluationPlan plan_;
  std::optional<double> utilization_;
  CompiledPlan compiled_;
  CompiledPlan::Scratch scratch_;
  std::vector<double> monthly_;
  std::uint64_t engine_evaluations_ = 0;
};

// Each strategy's figures (figures.hpp) from its monthly cash (strategy-major, as
// CompiledPlan gives it) into `out`, one per strategy, without allocating: Monte Carlo does
// this for every sample.
void fill_strategy_figures(const EvaluationPlan& plan, std::span<const double> monthly, double annual_discount_rate,
                           std::span<StrategyFigures> out);

}  // namespace tco
