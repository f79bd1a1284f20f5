#pragma once
// HTML: the break-even analysis (and explanations) as self-contained HTML5 pages for people who
// read figures on paper as often as on screen. No scripts, no external resources (a strict
// Content-Security-Policy says so to the browser), inline SVG charts, a print stylesheet
// for A4. The page is a pure function of the report: no timestamps, so the same inputs
// give the same bytes.
//
// Element conventions the browser tests check (tests/html/check-report.sh; keep them stable):
//   tables   <table id="comparison">, "unit-economics", "breakeven", "utilization"
//   charts   svg.chart data-chart="cumulative", "utilization", "monthly-<strategy>"
#include <string>

#include "tco/report/breakeven_report.hpp"
#include "tco/report/explain_report.hpp"

namespace tco {

// The report: `tco report`, and `--format html` of compare and breakeven.
std::string render_html_report(const BreakevenReport& report);

// `tco explain --format html`: the causes, their formulas and inputs with linked sources, in
// the report's style (table id="causes", one section per cause).
std::string render_explain_html(const ExplainReport& report);

}  // namespace tco
