#include <algorithm>

#include <fmt/format.h>

#include "tco/report/gates.hpp"

namespace tco {
namespace {

// A strategy's figure for the budget's scope in month `m`: its total or one component.
double month_amount(const StrategyColumn& column, const Budget& budget, std::size_t m) {
  const auto& months = budget.amortized ? column.monthly_components_amortized : column.monthly_components_cash;
  if (budget.component) return months[m][static_cast<std::size_t>(*budget.component)];
  const auto& totals = budget.amortized ? column.monthly_amortized : column.monthly_cash;
  return totals[m];
}

double horizon_amount(const StrategyColumn& column, const Budget& budget) {
  if (budget.component) {
    const auto& amounts = budget.amortized ? column.amortized : column.cash;
    return amounts[static_cast<std::size_t>(*budget.component)];
  }
  return budget.amortized ? column.total_amortized : column.total_cash;
}

// Amounts are compared in whole cents, so a figure equal to its limit up to rounding passes.
bool over(double amount, double limit) { return amount - limit > 0.005; }

GateCheck check_one(const ComparisonReport& report, const StrategyColumn& column, const Budget& budget) {
  GateCheck check;
  check.kind = "budget";
  check.name = budget.name;
  check.strategy = column.name;
  check.component = budget.component;
  check.per_month = budget.per_month;
  check.amortized = budget.amortized;
  check.limit = budget.limit.value;
  check.where = fmt::format("{}:{}", budget.where.file, budget.where.line);
  if (!budget.per_month) {
    check.actual = horizon_amount(column, budget);
    check.passed = !over(check.actual, check.limit);
    return check;
  }
  for (std::size_t m = 0; m < report.month_labels.size(); ++m) {
    const double amount = month_amount(column, budget, m);
    if (check.actual_month.empty() || amount > check.actual) {
      check.actual = amount;
      check.actual_month = report.month_labels[m];
    }
    if (over(amount, check.limit)) check.months_over.push_back(report.month_labels[m]);
  }
  check.passed = check.months_over.empty();
  return check;
}

}  // namespace

std::vector<GateCheck> check_budgets(const ComparisonReport& report, const std::vector<Budget>& budgets) {
  std::vector<GateCheck> checks;
  for (const auto& budget : budgets) {
    for (const auto& column : report.strategies) {
      if (budget.strategy.empty() || budget.strategy == column.name)
        checks.push_back(check_one(report, column, budget));
    }
  }
  return checks;
}

std::string describe_scope(const GateCheck& check) {
  if (!check.name.empty()) return check.name;
  std::string scope = check.component ? to_string(*check.component) : std::string("total");
  scope += check.per_month ? " per month" : " over the horizon";
  if (check.amortized) scope += " (amortized)";
  return scope;
}

std::size_t failed_checks(const std::vector<GateCheck>& checks) {
  return static_cast<std::size_t>(
      std::count_if(checks.begin(), checks.end(), [](const GateCheck& check) { return !check.passed; }));
}

bool CheckReport::passed() const { return failed_checks(checks) == 0; }

CheckReport make_check_report(const ComparisonReport& comparison, const std::vector<Budget>& budgets) {
  return {comparison.scenario_name, comparison.scenario_file, comparison.currency, check_budgets(comparison, budgets)};
}

}  // namespace tco
