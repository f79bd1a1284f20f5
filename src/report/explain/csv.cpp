// An explanation as tidy CSV: each cause per month.
#include "common/csv.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"

namespace tco {

std::string render_explain_csv(const ExplainReport& report) {
  std::string out =
      csv_row({"scenario", "strategy", "component", "cause", "site", "month", "basis", "currency", "amount"});
  for (const auto& cause : report.causes) {
    for (const auto& run : cause.months) {
      // One row per month: a run of equal months is spelled out.
      for (int i = 0; i < run.months; ++i) {
        const auto month = add_months(*parse_year_month(run.from), i);
        out += csv_row({report.scenario_name, report.strategy, to_string(cause.component), cause.cause, cause.site,
                        format_year_month(month), report.basis, report.currency, format_number(run.each)});
      }
    }
  }
  // Per event: one row each, basis "per_event", the cost of one event in its month (not a
  // part of the total above).
  for (const auto& event : report.events) {
    out += csv_row({report.scenario_name, report.strategy, "egress", event.cause, join(event.sites, " + "), event.month,
                    "per_event", report.currency, format_number(event.per_event)});
  }
  return out;
}

}  // namespace tco
