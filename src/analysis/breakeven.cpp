// Solving for the break-even utilization: scan 1 %..100 % for a change of sign in the
// difference of horizon totals, then bisect it. Each evaluation re-runs the prepared model.
#include "tco/analysis/breakeven.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "tco/model/figures.hpp"

namespace tco {
namespace {

constexpr int kScanSteps = 99;            // 1 %, 2 %, ... 100 %
constexpr double kSolveTolerance = 1e-5;  // of utilization: well below the 0.1 % printed

// Strategy minus baseline cash totals over the horizon, by strategy name.
using Gaps = std::map<std::string, double>;

Result<Gaps> gaps_at(const PreparedModel& prepared, double utilization) {
  auto model = prepared.run(Variation{utilization, nullptr, {}, std::nullopt});
  if (!model) return model.diagnostics();
  Gaps gaps;
  double baseline = 0;
  for (const auto& strategy : model->strategies) {
    if (strategy.name == model->baseline) baseline = strategy.total_cash();
  }
  for (const auto& strategy : model->strategies) {
    if (strategy.name != model->baseline) gaps[strategy.name] = strategy.total_cash() - baseline;
  }
  return gaps;
}

bool cheaper(double gap) { return gap <= kCentTolerance; }

Result<double> bisect(const PreparedModel& prepared, const std::string& strategy, double low, double high) {
  const auto at_low = gaps_at(prepared, low);
  if (!at_low) return at_low.diagnostics();
  const bool low_cheaper = cheaper(at_low->at(strategy));
  while (high - low > kSolveTolerance) {
    const double middle = (low + high) / 2;
    const auto gaps = gaps_at(prepared, middle);
    if (!gaps) return gaps.diagnostics();
    (cheaper(gaps->at(strategy)) == low_cheaper ? low : high) = middle;
  }
  return (low + high) / 2;
}

}  // namespace

double declared_utilization(const ModelResult& model) {
  // The same for every strategy: demand does not depend on placement. Take the baseline's.
  double allocated = 0;
  double capacity = 0;
  for (const auto& strategy : model.strategies) {
    if (strategy.name != model.baseline) continue;
    for (const auto& use : strategy.workloads) {
      allocated += use.allocated_gpu_hours;
      capacity += use.capacity_gpu_hours;
    }
  }
  return capacity > 0 ? allocated / capacity : 0;
}

Result<BreakevenAnalysis> analyse_breakeven(const PreparedModel& prepared, const std::vector<double>& levels) {
  auto declared = prepared.run();
  if (!declared) return declared.diagnostics();
  BreakevenAnalysis analysis;
  analysis.model = std::move(declared).value();
  analysis.declared_utilization = declared_utilization(analysis.model);
  for (const auto& strategy : analysis.model.strategies) {
    if (strategy.name != analysis.model.baseline) analysis.strategies.push_back(strategy.name);
  }

  std::vector<double> scan;
  std::vector<Gaps> scanned;
  for (int step = 0; step <= kScanSteps; ++step) {
    scan.push_back(kLowestUtilization + (1.0 - kLowestUtilization) * step / kScanSteps);
    auto gaps = gaps_at(prepared, scan.back());
    if (!gaps) return gaps.diagnostics();
    scanned.push_back(std::move(gaps).value());
  }
  for (const auto& name : analysis.strategies) {
    UtilizationBreakeven solved;
    solved.gap_at_lowest = scanned.front().at(name);
    solved.gap_at_full = scanned.back().at(name);
    std::optional<std::size_t> change;
    for (std::size_t i = 1; i < scanned.size() && !change; ++i) {
      if (cheaper(scanned[i - 1].at(name)) != cheaper(scanned[i].at(name))) change = i;
    }
    if (!change) {
      solved.kind = cheaper(solved.gap_at_lowest) ? UtilizationBreakeven::Kind::cheaper_throughout
                                                  : UtilizationBreakeven::Kind::dearer_throughout;
    } else {
      auto at = bisect(prepared, name, scan[*change - 1], scan[*change]);
      if (!at) return at.diagnostics();
      solved.utilization = at.value();
      solved.cheaper_above = cheaper(scanned[*change].at(name));
    }
    analysis.solved.push_back(solved);
  }

  for (double level : levels) {
    auto model = prepared.run(Variation{level, nullptr, {}, std::nullopt});
    if (!model) return model.diagnostics();
    UtilizationLevel row{level, {}, {}};
    for (const auto& name : analysis.strategies) {
      const StrategyResult* it = model->find_strategy(name);
      row.crossings.push_back(it->breakeven ? it->breakeven->cash : Crossing{});
      row.totals.push_back(it->total_cash());
    }
    analysis.levels.push_back(std::move(row));
  }
  return analysis;
}

}  // namespace tco
