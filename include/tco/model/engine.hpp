#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/model/plan.hpp"
#include "tco/model/results.hpp"

namespace tco {

struct ModelOptions {
  std::optional<Date> as_of;            // overrides the scenario's
  std::optional<int> horizon_months;    // overrides the scenario's
  std::vector<std::string> strategies;  // only these (the baseline is always computed)
  std::string baseline;                 // overrides the scenario's
  bool explain = false;                 // record how each cost line was computed
};

// Every input has a ceiling, but inputs compound: a dataset growing 1000 % a month for 30
// years, a run every 1e-300 hours. A cost line beyond any real bill (or not a number at all)
// is an error naming what it was for, never "$inf" in a report.
constexpr double kMaxCostLine = 1e15;

// The lowest sustained utilization a Variation may set (and break-even scans); below it
// every workload all but stops.
constexpr double kLowestUtilization = 0.01;

// The start of the cause of every transfer and egress line of leaving (Variation::leave).
inline constexpr std::string_view kExitCause = "exit: ";

// What to change for one evaluation of a prepared model.
struct Variation {
  // Every workload runs this share of each hour of its active months (a duty cycle), on
  // the GPUs it declares, instead of its schedule; pay-as-you-go compute follows it, owned
  // hardware and committed terms cost the same at any utilization (but power).
  std::optional<double> utilization;
  // Other values for the inputs of `plan` (one per input), for an evaluation the plan
  // cannot do itself (CompiledPlan::evaluate returned false); record_plan() then records a
  // plan for those values, with the same inputs in the same order.
  const EvaluationPlan* plan = nullptr;
  std::span<const double> values;
  // Leave every cloud in each of `months` (tco-model(7), LEAVING): everything each strategy
  // stores at its cloud sites in such a month is sent to `to_site` (empty: the internet),
  // billed as that month's egress of its own, so the exits of several months are independent
  // and one run prices them all; each transfer's cause is kExitCause and what was stored.
  struct Leave {
    std::vector<int> months;
    std::string to_site;
  };
  std::optional<Leave> leave;
};

// A scenario resolved against its prices once, then evaluated as often as needed: the
// break-even analysis re-runs it at other utilizations.
class PreparedModel {
 public:
  PreparedModel(PreparedModel&&) noexcept;
  PreparedModel& operator=(PreparedModel&&) noexcept;
  ~PreparedModel();

  static Result<PreparedModel> prepare(const Scenario& scenario, const PriceCatalog& catalog,
                                       const ModelOptions& options);
  // Runs every strategy month by month. A price the scenario needs but no sheet has is an
  // error naming the sheet and region it was looked for in — never zero.
  [[nodiscard]] Result<ModelResult> run(const Variation& variation = {}) const;
  // Runs it once while recording the arithmetic from its inputs to each strategy's monthly
  // cash: a plan to evaluate it many times at other input values. With a utilization, the
  // sustained utilization is an input too.
  [[nodiscard]] Result<EvaluationPlan> record_plan(const Variation& variation = {}) const;

 private:
  struct State;
  explicit PreparedModel(std::unique_ptr<State> state);
  Result<ModelResult> run_with(const Variation& variation, EvaluationPlan* recording) const;
  std::unique_ptr<State> state_;
};

// prepare() and run() in one.
Result<ModelResult> run_model(const Scenario& scenario, const PriceCatalog& catalog, const ModelOptions& options);

}  // namespace tco
