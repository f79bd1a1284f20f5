// The rows of the sensitivity table and the text around it, shared by the terminal and
// Markdown layouts so both show the same inputs, ranked and worded alike.
#include "sensitivity/rows.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco::sensitivity_text {
namespace {

constexpr int kBarHalf = 12;  // characters on each side of the as-written line

// A tornado bar: the span from the low end's figure to the high end's, around the line
// where the figure is as written ('|'); '<' marks where the lower value of the input lands.
std::string bar(const SensitivityReport& report, const SensitivityRow& row, double scale) {
  if (!report.as_written || scale <= 0) return "";
  const double base = *report.as_written;
  const double beyond = report.comparison.months + 1.0;
  const auto cells = [&](const std::optional<double>& value) {
    return static_cast<int>(std::lround((value.value_or(beyond) - base) / scale * kBarHalf));
  };
  const int low = std::clamp(cells(row.low), -kBarHalf, kBarHalf);
  const int high = std::clamp(cells(row.high), -kBarHalf, kBarHalf);
  std::string out;
  for (int i = -kBarHalf; i <= kBarHalf; ++i) {
    const bool covered = (i >= std::min(low, high) && i <= std::max(low, high)) && i != 0;
    out += i == 0 ? "|" : covered ? (i == low ? "<" : "=") : " ";
  }
  return out;
}

}  // namespace

std::vector<Row> rows_of(const SensitivityReport& report, std::size_t limit, bool bars) {
  double scale = 0;
  const double beyond = report.comparison.months + 1.0;
  if (report.as_written) {
    for (const auto& row : report.rows) {
      for (const auto& end : {row.low, row.high})
        scale = std::max(scale, std::abs(end.value_or(beyond) - *report.as_written));
    }
  }
  std::vector<Row> out;
  for (std::size_t i = 0; i < report.rows.size() && (limit == 0 || i < limit); ++i) {
    const auto& r = report.rows[i];
    if (r.effect == 0 && limit != 0) break;
    Row row{r.input, r.low_value + " .. " + r.high_value, format_measure(report, r.low),
            format_measure(report, r.high)};
    if (bars) row.push_back(bar(report, r, scale));
    out.push_back(row);
  }
  return out;
}

std::string summary_of_rest(const SensitivityReport& report, std::size_t shown) {
  std::size_t moving = 0;
  std::size_t still = 0;
  for (std::size_t i = shown; i < report.rows.size(); ++i) (report.rows[i].effect > 0 ? moving : still) += 1;
  std::string out;
  if (moving > 0)
    out += fmt::format("{} more input{} move it less (--all lists them). ", moving, moving == 1 ? "" : "s");
  if (still > 0) out += fmt::format("{} input{} do not move it at all.", still, still == 1 ? "" : "s");
  return out.empty() ? "" : out + "\n";
}

std::string introduction(const SensitivityReport& report) {
  const auto& c = report.comparison;
  return fmt::format(
      "{}{}\n{} to {} ({} months), baseline {}\n\nWhat moves {}: as written {}.\n"
      "Each input swung {} of its value, or to its P10 and P90 when it is a distribution; the others as written.\n",
      c.scenario_name, c.description.empty() ? "" : ": " + c.description, c.start, c.end, c.months, c.baseline,
      report.measure_label, format_measure(report, report.as_written), "±" + format_percent(report.swing, 0));
}

std::string engine_note(const SensitivityReport& report) {
  return fmt::format(
      "{} evaluations changed a decision the evaluation plan was recorded with and were priced by the full "
      "model.\n",
      report.engine_evaluations);
}

std::size_t shown_rows(const SensitivityReport& report, std::size_t limit) {
  std::size_t shown = 0;
  while (shown < report.rows.size() && (limit == 0 || shown < limit) && (limit == 0 || report.rows[shown].effect > 0))
    ++shown;
  return shown;
}

}  // namespace tco::sensitivity_text
