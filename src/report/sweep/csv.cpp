// tco sweep as tidy CSV: one value per row.
#include "common/csv.hpp"

#include <fmt/format.h>

#include "sweep/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco {

std::string render_sweep_csv(const SweepReport& report) {
  std::string out;
  if (report.axes.size() == 1) {
    out = csv_row({report.axes[0].path, "strategy", "total", "npv", "breakeven_months"});
  } else {
    out = csv_row({report.axes[0].path, report.axes[1].path, "strategy", "total", "npv", "breakeven_months"});
  }
  for (std::size_t i = 0; i < report.points.size(); ++i) {
    const auto at = sweep_point_values(report, i);
    for (std::size_t s = 0; s < report.strategies.size(); ++s) {
      const auto& f = report.points[i][s];
      if (at.size() == 1) {
        out += csv_row({format_number(at[0]), report.strategies[s], format_number(f.total), format_number(f.npv),
                        csv_optional(f.breakeven)});
      } else {
        out += csv_row({format_number(at[0]), format_number(at[1]), report.strategies[s], format_number(f.total),
                        format_number(f.npv), csv_optional(f.breakeven)});
      }
    }
  }
  return out;
}

}  // namespace tco
