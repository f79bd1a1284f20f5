// The sensitivity report: each swing of the analysis as the rows every format shows.
#include "tco/report/sensitivity_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "common/markdown.hpp"
#include "compare/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

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

}  // namespace tco
