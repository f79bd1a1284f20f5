#pragma once
// `tco report`: the break-even analysis as one self-contained HTML5 page for people who
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

namespace tco {

std::string render_html_report(const BreakevenReport& report);

}  // namespace tco
