#include <fmt/format.h>

#include "csv_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/formats.hpp"

namespace tco {
namespace {

std::string number(double value) { return format_number(value); }

}  // namespace

std::string render_compare_csv(const ComparisonReport& report) {
  std::string out = csv_row({"scenario", "strategy", "month", "component", "basis", "currency", "amount"});
  for (const auto& column : report.strategies) {
    for (std::size_t month = 0; month < column.monthly_components_cash.size(); ++month) {
      for (const auto& [basis, amounts] : {std::pair{"cash", &column.monthly_components_cash},
                                           std::pair{"amortized", &column.monthly_components_amortized}}) {
        for (Component component : kComponents) {
          out += csv_row({report.scenario_name, column.name, report.month_labels[month], to_string(component), basis,
                          report.currency, number((*amounts)[month][static_cast<std::size_t>(component)])});
        }
      }
    }
  }
  return out;
}

std::string render_breakeven_csv(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  const std::string declared = number(report.declared_utilization);
  std::string out = csv_row({"scenario", "strategy", "utilization", "month", "measure", "currency", "value"});
  for (std::size_t s = 0; s < comparison.strategies.size(); ++s) {
    for (std::size_t month = 0; month < report.cumulative[s].size(); ++month) {
      out += csv_row({comparison.scenario_name, comparison.strategies[s].name, declared, comparison.month_labels[month],
                      "cumulative_cash", comparison.currency, number(report.cumulative[s][month])});
      out += csv_row({comparison.scenario_name, comparison.strategies[s].name, declared, comparison.month_labels[month],
                      "cumulative_discounted", comparison.currency, number(report.cumulative_discounted[s][month])});
    }
  }
  const auto month_of = [](const Crossing& crossing) {
    return crossing.month ? std::to_string(*crossing.month) : std::string();
  };
  for (const auto& entry : report.entries) {
    out += csv_row({comparison.scenario_name, entry.strategy, declared, entry.cash.month, "breakeven_month", "",
                    month_of(entry.cash.crossing)});
    out += csv_row({comparison.scenario_name, entry.strategy, declared, "", "difference_at_end", comparison.currency,
                    number(entry.cash.crossing.gap_at_end)});
    out += csv_row({comparison.scenario_name, entry.strategy, declared, entry.discounted.month,
                    "discounted_breakeven_month", "", month_of(entry.discounted.crossing)});
    const auto& solved = entry.by_utilization;
    out += csv_row({comparison.scenario_name, entry.strategy, "", "", "breakeven_utilization", "",
                    solved.kind == UtilizationBreakeven::Kind::crossing ? number(solved.utilization) : ""});
  }
  for (const auto& level : report.levels) {
    for (std::size_t i = 0; i < report.entries.size(); ++i) {
      const auto& crossing = level.crossings[i];
      out += csv_row({comparison.scenario_name, report.entries[i].strategy, number(level.utilization),
                      crossing.month ? comparison.month_labels[static_cast<std::size_t>(*crossing.month - 1)] : "",
                      "breakeven_month", "", month_of(crossing)});
      out += csv_row({comparison.scenario_name, report.entries[i].strategy, number(level.utilization), "", "total_cash",
                      comparison.currency, number(level.totals[i])});
    }
  }
  return out;
}

std::string render_explain_csv(const ExplainReport& report) {
  std::string out =
      csv_row({"scenario", "strategy", "component", "cause", "site", "month", "basis", "currency", "amount"});
  for (const auto& cause : report.causes) {
    for (const auto& run : cause.months) {
      // One row per month: a run of equal months is spelled out.
      for (int i = 0; i < run.months; ++i) {
        const auto month = add_months(*parse_year_month(run.from), i);
        out += csv_row({report.scenario_name, report.strategy, to_string(cause.component), cause.cause, cause.site,
                        format_year_month(month), report.basis, report.currency, number(run.each)});
      }
    }
  }
  return out;
}

}  // namespace tco
