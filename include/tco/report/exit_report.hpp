#pragma once
// `tco exit`: what leaving a strategy's clouds costs in one month (its stored data, site by
// site), or month by month over the horizon (the exit-cost curve), as a table, JSON
// ("tco.exit/1"), CSV, Markdown and an HTML page with the exit-cost curve.
#include <string>
#include <vector>

#include "tco/analysis/exit.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/format.hpp"

namespace tco {

struct ExitReport {
  ComparisonReport comparison;  // the scenario, its horizon and sheets
  std::string strategy;
  std::string destination;  // "the internet", or "site dc"
  bool by_month = false;    // the curve; else the items of the one month
  ExitResult result;
};

ExitReport make_exit_report(const ModelResult& as_written, const ExitResult& result, bool by_month);

std::string render_exit_table(const ExitReport& report);
std::string render_exit_json(const ExitReport& report);
std::string render_exit_csv(const ExitReport& report);
std::string render_exit_markdown(const ExitReport& report);
// A page: the exit-cost curve (svg.chart data-chart="exit", by month) and table id="exit".
std::string render_exit_html(const ExitReport& report);

const Renderers<ExitReport>& exit_renderers();

}  // namespace tco
