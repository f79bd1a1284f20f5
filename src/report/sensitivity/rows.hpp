#pragma once
// The rows of the sensitivity table and the text around it (rows.cpp).
#include <string>
#include <vector>

#include "compare/rows.hpp"
#include "tco/report/sensitivity_report.hpp"

namespace tco::sensitivity_text {

// The first `limit` inputs that move the figure (all with limit 0), as text cells: input,
// low .. high, figure at low, figure at high, and a tornado bar when `bars`.
std::vector<Row> rows_of(const SensitivityReport& report, std::size_t limit, bool bars);
// How many rows rows_of shows.
std::size_t shown_rows(const SensitivityReport& report, std::size_t limit);
// "12 more inputs move it less (--all lists them). 3 inputs do not move it at all."
std::string summary_of_rest(const SensitivityReport& report, std::size_t shown);
// The scenario, the figure measured and how the inputs were swung.
std::string introduction(const SensitivityReport& report);
// How many evaluations the full model priced.
std::string engine_note(const SensitivityReport& report);

}  // namespace tco::sensitivity_text
