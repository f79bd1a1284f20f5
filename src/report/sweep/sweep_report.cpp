// The sweep report: each axis's values as written and each point's measure.
#include "tco/report/sweep_report.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/sensitivity_report.hpp"

namespace tco {
namespace {

std::string axis_label(const std::string& path) {
  return path == "utilization" ? "utilization (every workload's, sustained)" : path;
}

// What a grid cell shows: a break-even is counted in months, and may not happen.
std::string measure_label(const Measure& m, int months) {
  if (m.kind != Measure::Kind::breakeven) return describe_measure(m, months);
  return fmt::format("months until {} breaks even with its baseline (- : not within {} months)", m.strategy, months);
}

}  // namespace

std::string format_sweep_cell(const SweepReport& report, const std::optional<double>& value) {
  if (report.measure_is_month) return value ? fmt::format("{:.1f}", *value) : "-";
  if (!value) return "";
  return format_measured_money(report.measure, *value, report.comparison.currency);
}

SweepReport make_sweep_report(const ModelResult& as_written, const SweepResult& sweep, const Measure& measure) {
  SweepReport report;
  report.comparison = make_comparison_report(as_written);
  const std::string& currency = report.comparison.currency;
  for (const auto& axis : sweep.axes) {
    SweepAxisReport out{axis.path, axis_label(axis.path), axis.values, {}, "", axis.as_written};
    const auto show = [&](double value) { return format_input_value(value, axis.dimension, currency); };
    for (const double value : axis.values) out.labels.push_back(show(value));
    out.as_written = show(axis.as_written);
    report.axes.push_back(std::move(out));
  }
  report.strategies = sweep.strategies;
  report.baseline = sweep.baseline;
  report.measure = measure;
  report.measure_label = measure_label(measure, sweep.months);
  report.measure_is_month = measure.kind == Measure::Kind::breakeven;
  report.points = sweep.points;
  report.engine_evaluations = sweep.engine_evaluations;
  for (const auto& point : sweep.points) report.measured.push_back(measured(measure, sweep.strategies, point));
  return report;
}

}  // namespace tco
