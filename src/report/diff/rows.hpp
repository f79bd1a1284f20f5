#pragma once
// The diff's tables as text cells, shared by the terminal and Markdown renderers so both show
// the same figures, formatted the same way.
#include <string>
#include <vector>

#include "compare/rows.hpp"
#include "tco/report/diff_report.hpp"

namespace tco {

// "llm-70b: 2 of 3 strategies changed; 1 of 4 gates failed".
std::string diff_headline(const DiffReport& report);
// "base.yaml (2027-01..2031-12, 60 months)", saying when it is a saved result.
std::string describe_side(const DiffSide& side);
// What the figures are: "Cash in USD; per month is ...", and each side's baseline if they differ.
std::string diff_conventions(const DiffReport& report);
// "(2027-01..2031-12, 60 months)": describe_side without the file.
std::string describe_side_span(const DiffSide& side);

// Strategy, Base, Head, Change, Per month: one row per strategy (changed ones unless `all`).
Row summary_header();
Row strategy_row(const StrategyChange& strategy, const std::string& currency);
std::vector<Row> summary_rows(const DiffReport& report, bool all);
// The same columns for a strategy's components (changed ones unless `all`).
std::vector<Row> component_rows(const StrategyChange& strategy, const std::string& currency, bool all);
// Cause, Base, Head, Change, Per month: a strategy's causes that changed (every one when `all`),
// the largest change first: "workload aws_eks_node_group.training".
std::vector<Row> cause_rows(const StrategyChange& strategy, const std::string& currency, bool all);
// The strategies whose break-even month changed (all that have one when `all`):
// "hybrid: not within the horizon → month 58 (2031-10)".
std::vector<std::string> breakeven_lines(const DiffReport& report, bool all);
// "move: $7,665, paid back in month 4 (2027-04) → ..." for each strategy whose migration
// changed (every one that moves, with `all`).
std::vector<std::string> migration_lines(const DiffReport& report, bool all);
// Strategy, Change, From the scenario, From prices: when the change was split.
Row split_header();
std::vector<Row> split_rows(const DiffReport& report, bool all);
// Gate, Checked, Limit, Actual, Result.
Row gate_header();
Row gate_row(const GateCheck& check, const std::string& currency);
// The checks a table lists: every one when `all`, else all but the components' passed
// increase checks (there is one per component, and a passed one says little).
std::vector<const GateCheck*> listed_gates(const DiffReport& report, bool all);
// "18 more checks passed (--all lists them)", or empty when every check is listed.
std::string unlisted_gates_note(const DiffReport& report, std::size_t listed);
// Names of the strategies on both sides with no change.
std::vector<std::string> unchanged_strategies(const DiffReport& report);
// The price-sheet paragraph: whether the sides' sheets differ, and whether the change is split.
std::vector<std::string> price_lines(const DiffReport& report);

}  // namespace tco
