#pragma once
// Checks that gate a pipeline: the budgets a scenario declares (tco check, and the head side
// of tco diff) and the limits on increases given to tco diff. Each check says what it limited,
// the limit, the actual figure and whether it passed, so a breach can be listed with both.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/format.hpp"

namespace tco {

struct GateCheck {
  std::string kind;      // "budget" or "increase"
  std::string name;      // the budget's name; for an increase, the option as given
  std::string strategy;  // the strategy checked
  std::optional<Component> component;
  bool per_month = false;
  bool amortized = false;
  double limit = 0;                      // money; per month when per_month
  double actual = 0;                     // the figure checked: the total, or the highest month when per_month
  std::string actual_month;              // YYYY-MM of the highest month, when per_month
  std::vector<std::string> months_over;  // YYYY-MM of every month over the limit, when per_month
  std::string where;                     // FILE:LINE of the budget
  // Increases only: the limit and actual are fractions (0.05) when `percent`, else money.
  bool percent = false;
  bool from_zero = false;  // a percent gate whose base figure was zero: no percentage, any rise breaches
  double base = 0;         // the figures compared
  double head = 0;
  std::string note;  // why a gate could not be checked (it then fails)
  bool passed = true;
};

// A limit on how much a figure may rise from base to head: `tco diff --fail-on-increase` and
// `--fail-on-increase-amount`. Figures are cash, over the horizon or per month (the average).
// Without a component the gate checks each strategy's total and each of its components (a
// component that jumps is caught even when the total hardly moves); ".total" is the total alone.
struct IncreaseGate {
  std::string option;                  // "--fail-on-increase hybrid.egress=10%" as given
  std::string strategy;                // empty = every strategy on both sides
  std::optional<Component> component;  // only this component
  bool total_only = false;             // only the total
  bool per_month = false;
  bool percent = true;
  double limit = 0;      // a fraction (0.05 for 5 %) when percent, else money
  std::string currency;  // a money limit's, when it names one
};

// "[STRATEGY[.LINE]=]PCT[/month]", PCT as "5%" or "5"; with `amount`,
// "[STRATEGY[.LINE]=]MONEY[/month]", MONEY as "1000", "1000 USD" or "1000USD". LINE is a
// component or "total"; a STRATEGY of "*" means every strategy. Errors name the option.
Result<IncreaseGate> parse_increase_gate(const std::string& text, bool amount);

// How many of the checks failed: the verdict of tco check and tco diff (none failed = passed).
std::size_t failed_checks(const std::vector<GateCheck>& checks);

// One check per budget and strategy it applies to (every strategy of the report when the
// budget names none; a budget naming a strategy the report leaves out is not checked).
std::vector<GateCheck> check_budgets(const ComparisonReport& report, const std::vector<Budget>& budgets);

// "egress cap" or, unnamed, "hybrid egress per month", "total over the horizon".
std::string describe_scope(const GateCheck& check);

struct CheckReport {
  std::string scenario_name;
  std::string scenario_file;
  std::string currency;
  std::vector<GateCheck> checks;
  [[nodiscard]] bool passed() const;
};

// The report of tco check: every budget of the scenario against its comparison.
CheckReport make_check_report(const ComparisonReport& comparison, const std::vector<Budget>& budgets);

std::string render_check_table(const CheckReport& report);
std::string render_check_json(const CheckReport& report);  // schema tco.check/1
std::string render_check_markdown(const CheckReport& report);

// tco check's formats (src/report/check/).
const Renderers<CheckReport>& check_renderers();

}  // namespace tco
