// tco simulate as tidy CSV: one value per row.
#include "common/csv.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/simulation_report.hpp"

namespace tco {
namespace {

std::string csv_number(double value) { return format_number(value); }
std::string csv_month(std::optional<int> month) { return month ? std::to_string(*month) : ""; }

}  // namespace

std::string render_simulation_csv(const SimulationReport& report) {
  std::string out =
      csv_row({"strategy", "figure", "as_written", "mean", "standard_error", "stddev", "p10", "p50", "p90"});
  for (const auto& s : report.strategies) {
    const auto figure = [&](const char* name, const FigureSummary& f) {
      out += csv_row({s.name, name, csv_number(f.as_written), csv_number(f.mean), csv_number(f.standard_error),
                      csv_number(f.stddev), csv_number(f.p10), csv_number(f.p50), csv_number(f.p90)});
    };
    figure("total", s.total);
    figure("npv", s.npv);
    out += csv_row({s.name, "probability_cheapest", "", csv_number(s.probability_cheapest),
                    csv_number(s.cheapest_standard_error), "", "", "", ""});
    if (s.probability_tied > 0)
      out += csv_row({s.name, "probability_tied", "", csv_number(s.probability_tied), "", "", "", "", ""});
    if (s.is_baseline) continue;
    out += csv_row({s.name, "probability_breaks_even", "", csv_number(s.probability_breaks_even),
                    csv_number(s.breaks_even_standard_error), "", "", "", ""});
    out += csv_row({s.name, "breakeven_month", csv_month(s.breakeven_as_written), "", "", "",
                    csv_month(s.breakeven_p10), csv_month(s.breakeven_p50), csv_month(s.breakeven_p90)});
  }
  return out;
}

}  // namespace tco
