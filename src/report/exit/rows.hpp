#pragma once
// The exit report as text cells, shared by the terminal and Markdown renderers.
#include <string>
#include <vector>

#include "compare/rows.hpp"
#include "tco/report/exit_report.hpp"

namespace tco {

struct ExitTable {
  Row header;
  std::vector<Row> rows;
  std::vector<std::size_t> rules_before;  // rows a rule goes above (the totals)
  std::string alignment;
};

// One month: a row per site and kind of data, then the totals. By month: a row per month.
ExitTable exit_table(const ExitReport& report);
// The scenario, the strategy, where the data goes and when.
std::string exit_introduction(const ExitReport& report);
// How the figures were reckoned, and each exit program's conditions.
std::string exit_notes(const ExitReport& report);
// An amount in whole units of the scenario's currency: "$8,161".
std::string exit_money(const ExitReport& report, double amount);
// "2031-12" for a 0-based month.
std::string exit_month_label(const ExitReport& report, int month);

}  // namespace tco
