// `tco breakeven` as a terminal report and as JSON (schema "tco.breakeven/1").
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compare_rows.hpp"
#include "json_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/breakeven_report.hpp"
#include "tco/report/terminal_chart.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

// The cumulative curves, with each break-even point where its curve meets the baseline's.
TerminalChart cumulative_chart(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  TerminalChart chart;
  chart.x_labels = comparison.month_labels;
  chart.currency = comparison.currency;
  chart.marker_legend = "break-even";
  for (std::size_t s = 0; s < comparison.strategies.size(); ++s)
    chart.series.push_back({comparison.strategies[s].name, report.cumulative[s]});
  for (const auto& point : breakeven_points(report)) chart.markers.push_back({point.x, point.y});
  return chart;
}

}  // namespace

std::string render_breakeven_table(const BreakevenReport& report, const TerminalStyle& style) {
  const ComparisonReport& comparison = report.comparison;
  const std::string& currency = comparison.currency;
  std::string out = fmt::format("{}{}\n", comparison.scenario_name,
                                comparison.description.empty() ? "" : ": " + comparison.description);
  out += fmt::format("{} to {} ({} months), baseline {}, discount rate {}/year\n\n", comparison.start, comparison.end,
                     comparison.months, comparison.baseline, format_percent(comparison.discount_rate));

  TextTable summary;
  Row header{"Against " + comparison.baseline};
  for (const auto& entry : report.entries) header.push_back(entry.strategy);
  summary.add_row(header);
  summary.add_rule();
  const auto add = [&](const std::string& label, auto cell) {
    Row row{label};
    for (const auto& entry : report.entries) row.push_back(cell(entry));
    summary.add_row(row);
  };
  const auto money = [&](double amount) { return format_money(amount, currency, 0); };
  add("Break-even", [](const BreakevenEntry& e) { return describe_crossing(e.cash); });
  add("Difference at the end", [&](const BreakevenEntry& e) { return money(e.cash.crossing.gap_at_end); });
  add("Discounted break-even", [](const BreakevenEntry& e) { return describe_crossing(e.discounted); });
  add("Discounted difference", [&](const BreakevenEntry& e) { return money(e.discounted.crossing.gap_at_end); });
  add("Break-even utilization", [](const BreakevenEntry& e) { return describe_utilization(e); });
  out += summary.render();
  out += fmt::format(
      "\nDifferences are each strategy's cumulative cost minus {}'s at the end of the horizon.\n"
      "Break-even dates assume each month's costs accrue evenly through it. Utilization is the share\n"
      "of every hour the workloads hold their GPUs: as written, the scenario holds them {} of the\n"
      "hours of their active months.\n",
      comparison.baseline, format_percent(report.declared_utilization));

  if (!report.levels.empty()) {
    out += "\nBreak-even month by utilization\n\n";
    TextTable levels;
    Row columns{"Utilization"};
    for (const auto& entry : report.entries) columns.push_back(entry.strategy);
    levels.add_row(columns);
    levels.add_rule();
    for (const auto& level : report.levels) {
      Row row{format_percent(level.utilization, 0)};
      for (const auto& crossing : level.crossings) row.push_back(describe_breakeven_month(comparison, crossing.month));
      levels.add_row(row);
    }
    out += levels.render();
  }

  out += "\nUnit economics\n\n";
  TextTable units;
  units.add_row(header_row(comparison, ""));
  units.add_rule();
  for (auto& row : total_rows(comparison)) {
    if (row.front().rfind("Total (cash)", 0) == 0) units.add_row(std::move(row));
  }
  for (auto& row : unit_rows(comparison)) units.add_row(std::move(row));
  out += units.render();

  out += "\nCumulative cost (cash)\n\n" + render_terminal_chart(cumulative_chart(report), style.width, style.color);
  return out;
}

namespace {

using nlohmann::ordered_json;

ordered_json crossing_json(const CrossingPoint& point) {
  ordered_json out;
  out["month"] = value_or_null(point.crossing.month);
  out["year_month"] = text_or_null(point.month);
  out["date"] = text_or_null(point.date);
  out["fraction_of_month"] = point.crossing.fraction;
  out["gap_at_end"] = point.crossing.gap_at_end;
  return out;
}

ordered_json utilization_json(const UtilizationBreakeven& solved) {
  ordered_json out;
  switch (solved.kind) {
    case UtilizationBreakeven::Kind::crossing:
      out["kind"] = "crossing";
      out["utilization"] = solved.utilization;
      out["cheaper"] = solved.cheaper_above ? "above" : "below";
      break;
    case UtilizationBreakeven::Kind::cheaper_throughout:
      out["kind"] = "cheaper_throughout";
      break;
    case UtilizationBreakeven::Kind::dearer_throughout:
      out["kind"] = "dearer_throughout";
      break;
  }
  out["gap_at_lowest"] = solved.gap_at_lowest;
  out["gap_at_full"] = solved.gap_at_full;
  return out;
}

}  // namespace

std::string render_breakeven_json(const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  ordered_json doc;
  doc["schema"] = "tco.breakeven/1";
  doc["scenario"] = {{"name", comparison.scenario_name},
                     {"file", comparison.scenario_file},
                     {"start", comparison.start},
                     {"end", comparison.end},
                     {"months", comparison.months},
                     {"currency", comparison.currency},
                     {"discount_rate", comparison.discount_rate},
                     {"baseline", comparison.baseline},
                     {"declared_utilization", report.declared_utilization}};
  doc["strategies"] = ordered_json::array();
  for (const auto& entry : report.entries) {
    doc["strategies"].push_back({{"name", entry.strategy},
                                 {"breakeven", crossing_json(entry.cash)},
                                 {"discounted_breakeven", crossing_json(entry.discounted)},
                                 {"breakeven_utilization", utilization_json(entry.by_utilization)}});
  }
  doc["by_utilization"] = ordered_json::array();
  for (const auto& level : report.levels) {
    ordered_json strategies = ordered_json::array();
    for (std::size_t i = 0; i < report.entries.size(); ++i) {
      const auto& crossing = level.crossings[i];
      strategies.push_back({{"name", report.entries[i].strategy},
                            {"breakeven_month", value_or_null(crossing.month)},
                            {"total_cash", level.totals[i]}});
    }
    doc["by_utilization"].push_back({{"utilization", level.utilization}, {"strategies", strategies}});
  }
  ordered_json curves = ordered_json::array();
  for (std::size_t s = 0; s < comparison.strategies.size(); ++s) {
    curves.push_back({{"name", comparison.strategies[s].name},
                      {"cumulative_cash", report.cumulative[s]},
                      {"cumulative_discounted", report.cumulative_discounted[s]}});
  }
  doc["months"] = comparison.month_labels;
  doc["cumulative"] = curves;
  return doc.dump(2) + "\n";
}

}  // namespace tco
