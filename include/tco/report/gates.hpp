#pragma once
// Checks that gate a pipeline: the budgets a scenario declares (tco check, and the head side
// of tco diff). Each check says what it limited, the limit, the actual figure and whether it
// passed, so a breach can be listed with both numbers.
#include <optional>
#include <string>
#include <vector>

#include "tco/inputs/scenario.hpp"
#include "tco/report/comparison.hpp"

namespace tco {

struct GateCheck {
  std::string kind;      // "budget"
  std::string name;      // the budget's name, or its scope: "egress per month"
  std::string strategy;  // the strategy checked
  std::optional<Component> component;
  bool per_month = false;
  bool amortized = false;
  double limit = 0;                      // money; per month when per_month
  double actual = 0;                     // the figure checked: the total, or the highest month when per_month
  std::string actual_month;              // YYYY-MM of the highest month, when per_month
  std::vector<std::string> months_over;  // YYYY-MM of every month over the limit, when per_month
  std::string where;                     // FILE:LINE of the budget
  bool passed = true;
};

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

std::string render_check_table(const CheckReport& report);
std::string render_check_json(const CheckReport& report);  // schema tco.check/1
std::string render_check_markdown(const CheckReport& report);

}  // namespace tco
