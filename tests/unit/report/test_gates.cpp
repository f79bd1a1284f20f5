// Budgets checked against hand-made figures: horizon and monthly limits, scopes, rounding.
#include <catch2/catch.hpp>

#include "tco/report/gates.hpp"

using namespace tco;

namespace {
ComparisonReport two_strategies() {
  ComparisonReport report;
  report.currency = "USD";
  report.month_labels = {"2027-01", "2027-02", "2027-03", "2027-04"};
  for (const char* name : {"cloud", "owned"}) {
    StrategyColumn column;
    column.name = name;
    report.strategies.push_back(column);
  }
  // cloud: 100 a month of compute and 10 of egress; owned: 400 of hardware in month 1, then 20 of power.
  auto& cloud = report.strategies[0];
  auto& owned = report.strategies[1];
  for (std::size_t m = 0; m < 4; ++m) {
    ComponentAmounts c{};
    c[static_cast<std::size_t>(Component::compute)] = 100;
    c[static_cast<std::size_t>(Component::egress)] = 10;
    cloud.monthly_components_cash.push_back(c);
    cloud.monthly_components_amortized.push_back(c);
    cloud.monthly_cash.push_back(110);
    cloud.monthly_amortized.push_back(110);
    ComponentAmounts o{};
    o[static_cast<std::size_t>(Component::hardware)] = m == 0 ? 400 : 0;
    o[static_cast<std::size_t>(Component::power)] = 20;
    ComponentAmounts oa = o;
    oa[static_cast<std::size_t>(Component::hardware)] = 100;
    owned.monthly_components_cash.push_back(o);
    owned.monthly_components_amortized.push_back(oa);
    owned.monthly_cash.push_back(o[1] + 20);
    owned.monthly_amortized.push_back(120);
  }
  cloud.total_cash = cloud.total_amortized = 440;
  cloud.cash[static_cast<std::size_t>(Component::egress)] = 40;
  owned.total_cash = 480;
  owned.total_amortized = 480;
  return report;
}

Budget budget(double limit, bool per_month = false) {
  Budget b;
  b.limit.value = limit;
  b.per_month = per_month;
  b.where = {"s.yaml", 7, 3};
  return b;
}
}  // namespace

TEST_CASE("a budget without a strategy is checked for each strategy", "[gates]") {
  const auto checks = check_budgets(two_strategies(), {budget(450)});
  REQUIRE(checks.size() == 2);
  CHECK(checks[0].strategy == "cloud");
  CHECK(checks[0].actual == Approx(440));
  CHECK(checks[0].passed);
  CHECK(checks[1].actual == Approx(480));
  CHECK_FALSE(checks[1].passed);
  CHECK(checks[1].where == "s.yaml:7");
  CHECK(describe_scope(checks[0]) == "total over the horizon");
}

TEST_CASE("a monthly budget names every month over it and the highest", "[gates]") {
  Budget monthly = budget(100, true);
  monthly.strategy = "owned";
  const auto cash = check_budgets(two_strategies(), {monthly});
  REQUIRE(cash.size() == 1);
  CHECK_FALSE(cash[0].passed);
  CHECK(cash[0].actual == Approx(420));
  CHECK(cash[0].actual_month == "2027-01");
  CHECK(cash[0].months_over == std::vector<std::string>{"2027-01"});
  monthly.amortized = true;  // hardware spread: 120 every month
  const auto amortized = check_budgets(two_strategies(), {monthly});
  CHECK(amortized[0].months_over.size() == 4);
  CHECK(describe_scope(amortized[0]) == "total per month (amortized)");
}

TEST_CASE("a component budget looks at that component only; a limit met to the cent passes", "[gates]") {
  Budget egress = budget(40);
  egress.component = Component::egress;
  egress.strategy = "cloud";
  auto checks = check_budgets(two_strategies(), {egress});
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].actual == Approx(40));
  CHECK(checks[0].passed);
  egress.limit.value = 39.99;
  CHECK_FALSE(check_budgets(two_strategies(), {egress})[0].passed);
  egress.strategy = "elsewhere";  // a strategy the report leaves out (compare --strategy) is not checked
  CHECK(check_budgets(two_strategies(), {egress}).empty());
}
