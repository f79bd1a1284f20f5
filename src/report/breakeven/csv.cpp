// The break-even analysis as tidy CSV: the cumulative curves, the summary, each utilization level.
#include "common/csv.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/breakeven_report.hpp"

namespace tco {

std::string render_breakeven_csv(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  const std::string declared = format_number(report.declared_utilization);
  std::string out = csv_row({"scenario", "strategy", "utilization", "month", "measure", "currency", "value"});
  for (std::size_t s = 0; s < comparison.strategies.size(); ++s) {
    for (std::size_t month = 0; month < report.cumulative[s].size(); ++month) {
      out += csv_row({comparison.scenario_name, comparison.strategies[s].name, declared, comparison.month_labels[month],
                      "cumulative_cash", comparison.currency, format_number(report.cumulative[s][month])});
      out += csv_row({comparison.scenario_name, comparison.strategies[s].name, declared, comparison.month_labels[month],
                      "cumulative_discounted", comparison.currency,
                      format_number(report.cumulative_discounted[s][month])});
    }
  }
  const auto month_of = [](const Crossing& crossing) {
    return crossing.month ? std::to_string(*crossing.month) : std::string();
  };
  for (const auto& entry : report.entries) {
    out += csv_row({comparison.scenario_name, entry.strategy, declared, entry.cash.month, "breakeven_month", "",
                    month_of(entry.cash.crossing)});
    out += csv_row({comparison.scenario_name, entry.strategy, declared, "", "difference_at_end", comparison.currency,
                    format_number(entry.cash.crossing.gap_at_end)});
    out += csv_row({comparison.scenario_name, entry.strategy, declared, entry.discounted.month,
                    "discounted_breakeven_month", "", month_of(entry.discounted.crossing)});
    const auto& solved = entry.by_utilization;
    out += csv_row({comparison.scenario_name, entry.strategy, "", "", "breakeven_utilization", "",
                    solved.kind == UtilizationBreakeven::Kind::crossing ? format_number(solved.utilization) : ""});
  }
  for (const auto& level : report.levels) {
    for (std::size_t i = 0; i < report.entries.size(); ++i) {
      const auto& crossing = level.crossings[i];
      out += csv_row({comparison.scenario_name, report.entries[i].strategy, format_number(level.utilization),
                      crossing.month ? comparison.month_labels[static_cast<std::size_t>(*crossing.month - 1)] : "",
                      "breakeven_month", "", month_of(crossing)});
      out += csv_row({comparison.scenario_name, report.entries[i].strategy, format_number(level.utilization), "",
                      "total_cash", comparison.currency, format_number(level.totals[i])});
    }
  }
  return out;
}

}  // namespace tco
