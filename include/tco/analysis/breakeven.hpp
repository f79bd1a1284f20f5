#pragma once
// Break-even analysis beyond the month: the sustained utilization at which a strategy costs
// the same as the baseline over the horizon, and the break-even month at chosen levels.
#include <optional>
#include <string>
#include <vector>

#include "tco/model/engine.hpp"

namespace tco {

// Where a strategy's horizon total meets the baseline's as utilization varies.
struct UtilizationBreakeven {
  enum class Kind {
    crossing,            // equal at `utilization`
    cheaper_throughout,  // cheaper at every utilization from 1 % to 100 %
    dearer_throughout,   // dearer at every utilization from 1 % to 100 %
  };
  Kind kind = Kind::crossing;
  double utilization = 0;     // crossing: where the totals are equal
  bool cheaper_above = true;  // crossing: the strategy is the cheaper one above it (else below)
  double gap_at_lowest = 0;   // strategy minus baseline total at 1 %
  double gap_at_full = 0;     // the same at 100 %
};

struct UtilizationLevel {
  double utilization = 0;
  std::vector<Crossing> crossings;  // cash crossing per entry of BreakevenAnalysis::strategies
  std::vector<double> totals;       // cash total per entry of BreakevenAnalysis::strategies
};

struct BreakevenAnalysis {
  ModelResult model;                         // the scenario as written
  double declared_utilization = 0;           // its allocated GPU-hours ÷ the GPU-hours of its active months
  std::vector<std::string> strategies;       // every strategy but the baseline, in scenario order
  std::vector<UtilizationBreakeven> solved;  // per entry of `strategies`
  std::vector<UtilizationLevel> levels;      // the table, one row per requested level
};

// The scenario's allocated GPU-hours ÷ the GPU-hours of its workloads' active months.
double declared_utilization(const ModelResult& model);

Result<BreakevenAnalysis> analyse_breakeven(const PreparedModel& prepared, const std::vector<double>& levels);

}  // namespace tco
