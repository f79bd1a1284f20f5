#pragma once
// The neutral report behind `tco breakeven`: when and at what utilization each strategy
// breaks even against the baseline, and the cumulative curves. Renderers are pure
// functions of it.
#include <optional>
#include <string>
#include <vector>

#include "tco/analysis/breakeven.hpp"
#include "tco/analysis/exit.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/format.hpp"

namespace tco {

// A crossing placed on the calendar.
struct CrossingPoint {
  Crossing crossing;
  std::string month;  // YYYY-MM, empty when not within the horizon
  std::string date;   // YYYY-MM-DD, the day within the month it falls on
};

struct BreakevenEntry {
  std::string strategy;
  CrossingPoint cash;
  CrossingPoint discounted;
  UtilizationBreakeven by_utilization;
};

struct BreakevenReport {
  ComparisonReport comparison;                             // totals, unit costs and the monthly series
  double declared_utilization = 0;                         // the scenario as written
  std::vector<BreakevenEntry> entries;                     // every strategy but the baseline
  std::vector<UtilizationLevel> levels;                    // crossings and totals per entry, by level
  std::vector<std::vector<double>> cumulative;             // per comparison strategy, cash
  std::vector<std::vector<double>> cumulative_discounted;  // per comparison strategy
  // The HTML page only: what leaving each strategy's clouds costs month by month (those that
  // store something in a cloud), to the internet, with the exit programs.
  std::vector<ExitResult> exits;
};

BreakevenReport make_breakeven_report(const BreakevenAnalysis& analysis);

// Where a break-even falls on a strategy's cumulative cash curve, for charts: `x` in month
// indexes (the curve's points are month ends, so month m spans m-2 .. m-1), `y` its cost then.
struct BreakevenPoint {
  std::string strategy;
  double x = 0;
  double y = 0;
  std::string date;  // YYYY-MM-DD
};
std::vector<BreakevenPoint> breakeven_points(const BreakevenReport& report);

// "month 40, 2030-04-30", or "not within the horizon".
std::string describe_crossing(const CrossingPoint& point);
// "5.4 %, cheaper above", "none: cheaper at any", "none: dearer at any".
std::string describe_utilization(const BreakevenEntry& entry);

// Options of the terminal rendering.
struct TerminalStyle {
  int width = 80;      // columns available
  bool color = false;  // ANSI colours (only on a terminal, and not under NO_COLOR)
};

// One renderer per format (src/report/breakeven/).
std::string render_breakeven_table(const BreakevenReport& report, const TerminalStyle& style);
std::string render_breakeven_json(const BreakevenReport& report);
// scenario,strategy,utilization,month,measure,currency,value — the cumulative curves at the
// scenario's utilization, then the break-even summary, then each utilization level.
std::string render_breakeven_csv(const BreakevenReport& report);
std::string render_breakeven_markdown(const BreakevenReport& report);
// The full report (tco report, and --format html of compare and breakeven): one
// self-contained HTML page with inline SVG charts, no scripts, nothing fetched.
std::string render_html_report(const BreakevenReport& report);

// Its formats; the terminal chart takes RenderOptions' columns and colour.
const Renderers<BreakevenReport>& breakeven_renderers();

}  // namespace tco
