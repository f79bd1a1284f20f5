// The scenario's budgets: limits over the horizon or per month, scoped to a strategy and a
// component, and the errors a mistyped budget gets.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {
const std::string kBody =
    "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n  dc: {kind: onprem, hardware: box, staff: 1}\n"
    "workloads:\n  train: {kind: training, gpu: H100, gpus: 8}\n";

std::vector<std::string> errors_of(const std::string& budgets) {
  const auto scenario = load_scenario(test::header() + kBody + budgets, "s.yaml");
  std::vector<std::string> out;
  for (const auto& d : scenario.diagnostics().items()) out.push_back(format_location(d));
  return out;
}
}  // namespace

TEST_CASE("budgets hold over the horizon or per month, for a scope", "[budgets]") {
  const auto scenario = load_scenario(test::header() + kBody +
                                          "budgets:\n"
                                          "  - limit: 150000 USD\n"
                                          "  - name: egress cap\n    strategy: hybrid\n    component: egress\n"
                                          "    limit: 2500 USD/month\n    basis: amortized\n",
                                      "s.yaml");
  REQUIRE(scenario);
  REQUIRE(scenario->budgets.size() == 2);
  const Budget& total = scenario->budgets[0];
  CHECK(total.strategy.empty());
  CHECK_FALSE(total.component.has_value());
  CHECK_FALSE(total.per_month);
  CHECK_FALSE(total.amortized);
  CHECK(total.limit.value == Approx(150000));
  const Budget& egress = scenario->budgets[1];
  CHECK(egress.name == "egress cap");
  CHECK(egress.strategy == "hybrid");
  CHECK(egress.component == Component::egress);
  CHECK(egress.per_month);
  CHECK(egress.amortized);
  CHECK(egress.limit.value == Approx(2500));
  CHECK(egress.limit.where.line == 16);
}

TEST_CASE("a mistyped budget says what was expected and what exists", "[budgets]") {
  const auto errors = errors_of(
      "budgets:\n  - strategy: hybird\n    component: egres\n    limit: 100 USD/week\n  - limit: 5 USD\n    colour: "
      "red\n");
  REQUIRE(errors.size() == 4);
  CHECK_THAT(errors[0], Catch::StartsWith("s.yaml:12:15: budgets[0].strategy: unknown strategy 'hybird', did you mean "
                                          "'hybrid'?; strategies are"));
  CHECK_THAT(errors[1], Catch::Contains("budgets[0].component: expected one of 'compute'") &&
                            Catch::Contains("did you mean 'egress'?"));
  CHECK_THAT(errors[2], Catch::Contains("budgets[0].limit: expected an amount over the horizon ('150000 USD') or per "
                                        "month ('30000 USD/month'), found '100 USD/week'"));
  CHECK_THAT(errors[3], Catch::Contains("budgets[1]: unknown key 'colour'"));
  CHECK(errors_of("budgets: {limit: 5 USD}\n").at(0) ==
        "s.yaml:11:10: budgets: expected a list of budgets ('- limit: 150000 USD'), found a mapping");
  CHECK_THAT(errors_of("budgets:\n  - limit: -5 USD\n").at(0), Catch::Contains("expected a value of zero or more"));
  CHECK_THAT(errors_of("budgets:\n  - name: x\n").at(0), Catch::Contains("budgets[0]: missing required key 'limit'"));
}
