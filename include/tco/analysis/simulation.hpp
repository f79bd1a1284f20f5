#pragma once
// Monte Carlo over a scenario's distributions (tco-model(7), SIMULATION): each sample draws
// every uncertain input, evaluates the recorded plan, and adds each strategy's horizon
// total, net present value and break-even month to streaming summaries. The numbers depend
// on the seed and the sample count only, never on the thread count.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/core/streaming_stats.hpp"
#include "tco/inputs/uncertainty.hpp"
#include "tco/model/engine.hpp"

namespace tco {

struct SimulationOptions {
  std::uint64_t samples = 10000;
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0: every core
};

// An input the simulation draws.
struct SimulatedInput {
  std::string path;  // "workloads.serve.utilization", "price_uncertainty.compute"
  SourceLocation where;
  std::shared_ptr<const Uncertainty> uncertainty;
  bool used = false;  // some strategy's figures depend on it
};

// The distribution of one figure over the samples.
struct Outcome {
  Moments moments;
  QuantileSketch quantiles;
  double as_written = 0;  // at the scenario's central values, as `tco compare` gives it
};

struct StrategySimulation {
  std::string name;
  Outcome total;  // cash over the horizon
  Outcome npv;    // net present value of the monthly cash, at the discount rate
  // The month the cumulative cash comes down to the baseline's and stays there (none for
  // the baseline itself); `none` counts the samples where that never happens.
  CountHistogram breakeven;
  std::optional<int> breakeven_as_written;
  std::uint64_t cheapest = 0;  // samples in which its total alone was the lowest
  std::uint64_t tied = 0;      // samples in which it shared the lowest total with another
};

struct SimulationResult {
  std::string baseline;
  int months = 0;
  std::vector<StrategySimulation> strategies;  // in scenario order
  std::vector<SimulatedInput> inputs;          // in file order
  std::uint64_t samples = 0;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  // Samples whose values changed a decision the plan was recorded with (a replacement
  // month, the cheapest offer): evaluated by a plan recorded for such values instead.
  std::uint64_t engine_samples = 0;
  std::size_t plan_instructions = 0;
};

Result<SimulationResult> simulate(const Scenario& scenario, const PreparedModel& prepared,
                                  const SimulationOptions& options);

}  // namespace tco
