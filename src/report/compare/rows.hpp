#pragma once
// The rows of the comparison table as text cells, shared by the terminal, Markdown and HTML
// renderers so every format shows the same figures, formatted the same way.
#include <string>
#include <vector>

#include "tco/report/comparison.hpp"

namespace tco {

using Row = std::vector<std::string>;  // a label, then one cell per strategy

const char* component_label(Component component);
Row header_row(const ComparisonReport& report, const std::string& first);
// Cash per component, leaving out components no strategy has.
std::vector<Row> component_rows(const ComparisonReport& report);
// Totals, NPV and break-even months.
std::vector<Row> total_rows(const ComparisonReport& report);
// Cost per used GPU-hour, per run, per million tokens, egress share, data amplification.
std::vector<Row> unit_rows(const ComparisonReport& report);

// The facts of a comparison in one line ("2027-01 to 2031-12 (60 months), 730 h/month, ..."),
// and its price sheets as a list: the Markdown of compare and breakeven share them.
std::string markdown_assumptions(const ComparisonReport& report);
std::string markdown_sheet_list(const ComparisonReport& report);

}  // namespace tco
