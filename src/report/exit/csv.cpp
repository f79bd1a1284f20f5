// tco exit as CSV: one record per month left in, the figures in the scenario's currency.
#include "common/csv.hpp"

#include "exit/rows.hpp"

namespace tco {

std::string render_exit_csv(const ExitReport& report) {
  std::string out = csv_row(
      {"month", "bytes", "egress", "waived", "commitments", "retraining", "total", "total_without_exit_programs"});
  for (const auto& point : report.result.points) {
    out += csv_row({exit_month_label(report, point.month), format_number(point.bytes), format_number(point.egress),
                    format_number(point.waived), format_number(point.commitments), format_number(point.retraining),
                    format_number(point.total()), format_number(point.total_without_programs())});
  }
  return out;
}

}  // namespace tco
