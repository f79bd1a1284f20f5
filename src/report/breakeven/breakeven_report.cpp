#include "tco/report/breakeven_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/model/figures.hpp"

namespace tco {
namespace {

CrossingPoint place(const Crossing& crossing, YearMonth start) {
  CrossingPoint point{crossing, "", ""};
  if (!crossing.month) return point;
  const YearMonth month = add_months(start, *crossing.month - 1);
  point.month = format_year_month(month);
  const Date first = first_day(month);
  const long days = days_between(first, first_day(add_months(month, 1)));
  // The day by whose end the crossing is reached: 0.5 of a 30-day month is the 15th.
  const long offset =
      std::clamp(static_cast<long>(std::ceil(crossing.fraction * static_cast<double>(days) - 1e-9)) - 1, 0L, days - 1);
  point.date = format_date(Date{date::sys_days{first} + date::days{offset}});
  return point;
}

}  // namespace

BreakevenReport make_breakeven_report(const BreakevenAnalysis& analysis) {
  BreakevenReport report;
  report.comparison = make_comparison_report(analysis.model);
  report.declared_utilization = analysis.declared_utilization;
  report.levels = analysis.levels;
  const YearMonth start = analysis.model.scenario->start;
  for (std::size_t i = 0; i < analysis.strategies.size(); ++i) {
    const auto& name = analysis.strategies[i];
    const StrategyResult* it = analysis.model.find_strategy(name);
    report.entries.push_back(
        {name, place(it->breakeven->cash, start), place(it->breakeven->discounted, start), analysis.solved[i]});
  }
  const double rate = analysis.model.scenario->discount_rate.value;
  for (const auto& column : report.comparison.strategies) {
    report.cumulative.push_back(cumulative(column.monthly_cash));
    report.cumulative_discounted.push_back(cumulative(discounted(column.monthly_cash, rate)));
  }
  return report;
}

std::vector<BreakevenPoint> breakeven_points(const BreakevenReport& report) {
  std::vector<BreakevenPoint> points;
  const auto& strategies = report.comparison.strategies;
  for (const auto& entry : report.entries) {
    const auto& crossing = entry.cash.crossing;
    if (!crossing.month) continue;
    for (std::size_t s = 0; s < strategies.size(); ++s) {
      if (strategies[s].name != entry.strategy) continue;
      const auto& values = report.cumulative[s];
      const auto at = static_cast<std::size_t>(*crossing.month - 1);
      const double before = at > 0 ? values[at - 1] : 0;
      points.push_back({entry.strategy, std::max(0.0, *crossing.month - 2 + crossing.fraction),
                        before + (values[at] - before) * crossing.fraction, entry.cash.date});
    }
  }
  return points;
}

std::string describe_crossing(const CrossingPoint& point) {
  if (!point.crossing.month) return "not within the horizon";
  return fmt::format("month {}, {}", *point.crossing.month, point.date);
}

std::string describe_utilization(const BreakevenEntry& entry) {
  const auto& solved = entry.by_utilization;
  switch (solved.kind) {
    case UtilizationBreakeven::Kind::cheaper_throughout:
      return "none: cheaper at any";
    case UtilizationBreakeven::Kind::dearer_throughout:
      return "none: dearer at any";
    case UtilizationBreakeven::Kind::crossing:
      break;
  }
  return fmt::format("{}, cheaper {}", format_percent(solved.utilization), solved.cheaper_above ? "above" : "below");
}

}  // namespace tco
