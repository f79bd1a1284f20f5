#pragma once
// CSV and Markdown renderings of the compare, breakeven and explain reports.
//   CSV: tidy data, one value per row, a header row first, RFC 4180 quoting, numbers
//        unrounded (shortest text that reads back to the same value), months as YYYY-MM.
//   Markdown: GitHub-flavoured tables, for pull-request comments and documents.
#include <string>

#include "tco/report/breakeven_report.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/explain_report.hpp"

namespace tco {

// scenario,strategy,month,component,basis,currency,amount — every month, component and basis.
std::string render_compare_csv(const ComparisonReport& report);
// scenario,strategy,utilization,month,measure,currency,value — the cumulative curves at the
// scenario's utilization, then the break-even summary, then each utilization level.
std::string render_breakeven_csv(const BreakevenReport& report);
// scenario,strategy,component,cause,site,month,basis,currency,amount — each cause per month.
std::string render_explain_csv(const ExplainReport& report);

std::string render_compare_markdown(const ComparisonReport& report);
std::string render_breakeven_markdown(const BreakevenReport& report);
std::string render_explain_markdown(const ExplainReport& report);

}  // namespace tco
