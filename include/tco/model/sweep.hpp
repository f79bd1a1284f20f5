#pragma once
// A grid over one or two inputs (tco-model(7), SWEEPS): every other input as written, each
// strategy's figures at every point.
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/model/engine.hpp"
#include "tco/model/plan_evaluator.hpp"

namespace tco {

// --vary PATH=FROM:TO:STEP
struct SweepAxisSpec {
  std::string path;   // an input's key path, "sites.dc.electricity", or "utilization"
  std::string range;  // "0.05:0.20:0.05 USD/kWh"; a unit written once applies to every part
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

Result<SweepResult> sweep(const PreparedModel& prepared, const ModelResult& as_written,
                          const std::vector<SweepAxisSpec>& axes);

}  // namespace tco
