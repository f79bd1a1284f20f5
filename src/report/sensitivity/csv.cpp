// tco sensitivity as tidy CSV: one value per row.
#include "common/csv.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/sensitivity_report.hpp"

namespace tco {

std::string render_sensitivity_csv(const SensitivityReport& report) {
  std::string out =
      csv_row({"input", "location", "basis", "as_written", "low", "high", "figure_at_low", "figure_at_high", "effect"});
  for (const auto& row : report.rows) {
    out += csv_row({row.input, row.location, row.basis, row.as_written_value, row.low_value, row.high_value,
                    csv_optional(row.low), csv_optional(row.high), format_number(row.effect)});
  }
  return out;
}

}  // namespace tco
