#pragma once
// One-at-a-time sensitivity (tco-model(7), SENSITIVITY): every input swung down and up —
// by a share of its value, or to its P10 and P90 when the scenario gives it a distribution —
// with the others as written, ranked by how far each moves one chosen figure.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/model/engine.hpp"

namespace tco {

// The figure a sensitivity analysis or a sweep measures.
struct Measure {
  enum class Kind { total, difference, breakeven };
  Kind kind = Kind::difference;
  std::string strategy;  // total: its cash total; difference: its total minus `against`'s; breakeven: its month
  std::string against;   // difference only
};

struct SensitivityOptions {
  double swing = 0.2;  // ±20 % of each value without a distribution
  Measure measure;     // with its strategies named (tco sensitivity: MeasureOptions::resolve)
  // Also swing the sizes a scenario decides (GPU counts, a split's base, a committed size):
  // decisions rather than uncertainties, so only when asked. Swung outward to whole GPUs.
  bool sizes = false;
};

struct Swing {
  std::string path;  // "sites.dc.electricity", "prices.compute", "utilization"
  SourceLocation where;
  Dimension dimension = Dimension::count;
  std::string distribution;  // when swung to its P10 and P90: the distribution as written
  bool multiplier = false;   // the values are multipliers of every price of a service
  double as_written = 0;     // the value (for a sheet price, the first month's)
  double low_value = 0;
  double high_value = 0;
  std::optional<double> low;   // the figure at low_value; none: no break-even within the horizon
  std::optional<double> high;  // at high_value
  double effect = 0;           // how far apart low and high are (no break-even counts as the horizon + 1)
};

struct SensitivityResult {
  Measure measure;  // with the strategies resolved
  std::optional<double> as_written;
  double swing = 0;
  std::vector<Swing> swings;  // largest effect first
  int months = 0;
  double declared_utilization = 0;  // the base of the "utilization" swing
  std::uint64_t engine_evaluations = 0;
};

Result<SensitivityResult> analyse_sensitivity(const Scenario& scenario, const PreparedModel& prepared,
                                              const ModelResult& as_written, const SensitivityOptions& options);

// The measure's value among each strategy's figures (`strategies` names them, in order);
// none when it is a break-even that does not happen within the horizon.
struct StrategyFigures;
std::optional<double> measured(const Measure& measure, const std::vector<std::string>& strategies,
                               const std::vector<StrategyFigures>& figures);

}  // namespace tco
