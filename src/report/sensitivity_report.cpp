// `tco sensitivity` for a terminal and for Markdown: the tornado as a ranked table.
#include "tco/report/sensitivity_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "compare_rows.hpp"
#include "markdown_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

constexpr int kBarHalf = 12;  // characters on each side of the as-written line

std::string signed_percent(double fraction) {
  return (fraction >= 0 ? "+" : "") + format_percent(fraction, fraction * 100 == std::round(fraction * 100) ? 0 : 1);
}

std::string value_of(const Swing& swing, double value, const std::string& currency) {
  if (swing.multiplier) return signed_percent(value - 1);
  return format_input_value(value, swing.dimension, currency);
}

// Four significant digits, without exponents where a plain number reads better.
std::string significant(double value) {
  const double size = std::abs(value);
  if (size >= 1e4 && size < 1e7) return fmt::format("{:.0f}", value);
  return trim_trailing_zeros(fmt::format("{:.4g}", value));
}

std::string describe_input(const Swing& swing) {
  if (swing.path == "utilization") return "utilization (every workload's, sustained)";
  if (swing.multiplier) return swing.path + " (every price of it)";
  return swing.path;
}

}  // namespace

std::string describe_measure(const Measure& m, int months) {
  switch (m.kind) {
    case Measure::Kind::total:
      return fmt::format("{}'s total cash over {} months", m.strategy, months);
    case Measure::Kind::difference:
      return fmt::format("{} minus {}, total cash over {} months", m.strategy, m.against, months);
    case Measure::Kind::breakeven:
      return fmt::format("{}'s break-even month", m.strategy);
  }
  return "";
}

std::string format_measured_money(const Measure& measure, double value, const std::string& currency) {
  const std::string money = format_money(std::abs(value), currency, 0);
  if (measure.kind == Measure::Kind::difference) return (value < 0 ? "-" : "+") + money;
  return (value < 0 ? "-" : "") + money;
}

namespace {

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

}  // namespace

std::string format_input_value(double value, Dimension dimension, const std::string& currency) {
  switch (dimension) {
    case Dimension::count:
      return significant(value);
    case Dimension::fraction:
      return significant(value * 100) + " %";
    case Dimension::kilowatts:
      return significant(value) + " kW";
    case Dimension::hours:
      if (value >= kHoursPerYear && std::fmod(value, kHoursPerYear) < 1e-6)
        return significant(value / kHoursPerYear) + " years";
      if (value >= kHoursPerMonth) return significant(value / kHoursPerMonth) + " months";
      return significant(value) + " h";
    case Dimension::money:
    case Dimension::money_per_year:
    case Dimension::money_per_month:
      return format_factor_value(Factor{"", std::round(value), dimension}, currency);
    case Dimension::money_per_byte:
      return significant(value * 1e9) + " " + currency + "/GB";
    case Dimension::money_per_byte_month:
      return significant(value * 1e9) + " " + currency + "/GB-month";
    case Dimension::money_per_hour:
      return significant(value) + " " + currency + "/h";
    case Dimension::money_per_kwh:
      return significant(value) + " " + currency + "/kWh";
    case Dimension::money_per_kw_month:
      return significant(value) + " " + currency + "/kW-month";
    default:
      return format_factor_value(Factor{"", value, dimension}, currency);
  }
}

std::string format_measure(const SensitivityReport& report, const std::optional<double>& value) {
  if (report.measure_is_month) {
    if (!value) return "beyond the horizon";
    return fmt::format("{:.1f} months", *value);
  }
  if (!value) return "";
  return format_measured_money(report.measure, *value, report.comparison.currency);
}

SensitivityReport make_sensitivity_report(const ModelResult& as_written, const SensitivityResult& result) {
  SensitivityReport report;
  report.comparison = make_comparison_report(as_written);
  report.measure = result.measure;
  report.measure_label = describe_measure(result.measure, result.months);
  report.measure_is_month = result.measure.kind == Measure::Kind::breakeven;
  report.as_written = result.as_written;
  report.swing = result.swing;
  report.engine_evaluations = result.engine_evaluations;
  const std::string& currency = report.comparison.currency;
  for (const auto& swing : result.swings) {
    SensitivityRow row;
    row.path = swing.path;
    row.input = describe_input(swing);
    const double shift = swing.multiplier ? -1.0 : 0.0;
    row.as_written_number = swing.as_written + shift;
    row.low_number = swing.low_value + shift;
    row.high_number = swing.high_value + shift;
    if (!swing.where.file.empty()) row.location = fmt::format("{}:{}", swing.where.file, swing.where.line);
    row.basis =
        swing.distribution.empty() ? "±" + format_percent(result.swing, 0) : "P10..P90 of " + swing.distribution;
    row.as_written_value = swing.multiplier ? "as the sheets say" : value_of(swing, swing.as_written, currency);
    row.low_value = value_of(swing, swing.low_value, currency);
    row.high_value = value_of(swing, swing.high_value, currency);
    row.low = swing.low;
    row.high = swing.high;
    row.effect = swing.effect;
    report.rows.push_back(row);
  }
  return report;
}

std::string render_sensitivity_table(const SensitivityReport& report, std::size_t limit) {
  std::string out = introduction(report) + "\n";
  TextTable table;
  table.set_alignment("llrrl");
  table.add_row({"Input", "Low .. high", "Figure at low", "Figure at high", "Tornado (| as written)"});
  table.add_rule();
  for (auto& row : rows_of(report, limit, true)) table.add_row(row);
  out += table.render();
  out += "\n" + summary_of_rest(report, shown_rows(report, limit));
  if (report.engine_evaluations > 0) out += engine_note(report);
  return out;
}

std::string render_sensitivity_markdown(const SensitivityReport& report, std::size_t limit) {
  std::string out = "### " + introduction(report) + "\n";
  out += markdown_table({"Input", "Low .. high", "Figure at low", "Figure at high"}, rows_of(report, limit, false),
                        "llrr");
  out += "\n" + summary_of_rest(report, shown_rows(report, limit));
  if (report.engine_evaluations > 0) out += engine_note(report);
  return out;
}

}  // namespace tco
