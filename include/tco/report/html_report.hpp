#pragma once
// HTML: the break-even analysis (and explanations) as self-contained HTML5 pages for people who
// read figures on paper as often as on screen. No scripts, no external resources (a strict
// Content-Security-Policy says so to the browser), inline SVG charts, a print stylesheet
// for A4. The page is a pure function of the report: no timestamps, so the same inputs
// give the same bytes.
//
// Element conventions the browser tests check (tests/html/check-report.sh; keep them stable):
//   tables   <table id="comparison">, "unit-economics", "breakeven", "utilization"; "sensitivity"; "sweep"
//   charts   svg.chart data-chart="cumulative", "utilization", "monthly-<strategy>"; "tornado";
//            "heatmap" (two inputs) or "sweep" (one)
#include <string>

#include "tco/report/breakeven_report.hpp"
#include "tco/report/explain_report.hpp"
#include "tco/report/sensitivity_report.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco {

// The report: `tco report`, and `--format html` of compare and breakeven.
std::string render_html_report(const BreakevenReport& report);

// `tco explain --format html`: the causes, their formulas and inputs with linked sources, in
// the report's style (table id="causes", one section per cause).
std::string render_explain_html(const ExplainReport& report);

// `tco sensitivity --format html`: the tornado chart (svg.chart data-chart="tornado") and the
// ranked inputs (table id="sensitivity").
std::string render_sensitivity_html(const SensitivityReport& report);

// `tco sweep --format html`: the grid as a heat map (svg.chart data-chart="heatmap") and as a
// table (id="sweep"); one input: a line chart per strategy (data-chart="sweep").
std::string render_sweep_html(const SweepReport& report);

}  // namespace tco
