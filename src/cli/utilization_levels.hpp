#pragma once
// The --utilization FROM:TO:STEP option of `tco breakeven` and `tco report`, parsed in one
// place so both accept and reject the same ranges with the same message, and the analysis
// run over those levels (also by `compare --format html`).
#include <optional>
#include <string>
#include <vector>

#include "scenario_run.hpp"
#include "tco/report/breakeven_report.hpp"

namespace tco::cli {

// The levels the break-even-by-utilization table is computed at, unless --utilization says.
inline constexpr const char* kDefaultUtilizationLevels = "30%:100%:10%";

// At most this many levels.
inline constexpr std::size_t kMaxUtilizationLevels = 100;

// "30%:100%:10%" -> 0.3, 0.4, ... 1.0 (core's FROM:TO:STEP); none when the text is not a
// range with 0 % < FROM <= TO <= 100 %, STEP > 0 and at most kMaxUtilizationLevels levels.
std::optional<std::vector<double>> parse_utilization_levels(const std::string& text);

// The error to print for a --utilization value parse_utilization_levels rejected.
std::string utilization_levels_error(const std::string& text);

// The break-even analysis of a run at `levels`, as a report; its diagnostics go to `sink`,
// and none is returned when it failed (invalid input). For the HTML page (`page`), also what
// leaving each strategy's clouds costs month by month.
std::optional<BreakevenReport> breakeven_report(const ScenarioRun& run, const std::vector<double>& levels,
                                                DiagnosticSink& sink, bool page);

}  // namespace tco::cli
