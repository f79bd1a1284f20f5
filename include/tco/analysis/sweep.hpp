#pragma once
// A grid over one or two inputs (tco-model(7), SWEEPS): every other input as written, each
// strategy's figures at every point.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/model/engine.hpp"
#include "tco/model/plan_evaluator.hpp"

namespace tco {

// An input a sweep can set, in the units an axis gives it: a key path's own dimension, or a
// change (a fraction: -0.2 for 20 % lower) for every price of a service.
struct SweepInput {
  std::string path;
  Dimension dimension = Dimension::count;
  double as_written = 0;  // the scenario's value (for a sheet price, the first month's)
  double lowest = 0;      // the values it can take
  double highest = 0;
  bool whole = false;  // a count (GPUs): whole values only
};

struct SweepAxis {
  std::string path;
  Dimension dimension = Dimension::count;
  std::vector<double> values;  // in the base unit of the dimension
  double as_written = 0;       // the scenario's value (for a sheet price, the first month's)
};

struct SweepResult {
  std::vector<SweepAxis> axes;  // one or two
  std::vector<std::string> strategies;
  std::string baseline;
  int months = 0;
  // Each point's figures, the first axis slowest: [i * second axis size + j].
  std::vector<std::vector<StrategyFigures>> points;
  std::uint64_t engine_evaluations = 0;
};

// At most this many values per axis.
constexpr std::size_t kMaxSweepValues = 101;

class Sweep {
 public:
  // Records the scenario once. With `duty_cycle`, "utilization" is an input too: every
  // workload's sustained share of each hour, as tco breakeven varies it.
  static Result<Sweep> prepare(const PreparedModel& prepared, const ModelResult& as_written, bool duty_cycle);

  // The input at `path`, none when the strategies' figures use nothing there.
  [[nodiscard]] std::optional<SweepInput> input(const std::string& path) const;
  // Every path it can set, in the order the engine reads them.
  [[nodiscard]] std::vector<std::string> paths() const;
  // Each strategy's figures at every point of the axes' grid (values an input can take).
  [[nodiscard]] Result<SweepResult> run(const std::vector<SweepAxis>& axes);

 private:
  explicit Sweep(PlanEvaluator evaluator) : evaluator_(std::move(evaluator)) {}
  [[nodiscard]] std::vector<std::size_t> inputs_at(const std::string& path) const;

  PlanEvaluator evaluator_;
};

}  // namespace tco
