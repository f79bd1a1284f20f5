// Limits on increases (tco diff --fail-on-increase[-amount]): parsing the option, and checking
// it against hand-made diff reports whose figures were worked out by hand.
#include <catch2/catch.hpp>

#include "diff_fixtures.hpp"
#include "tco/report/diff_report.hpp"

using namespace tco;
using tco::test::column;
using tco::test::report;

namespace {

// A diff of one strategy "s" from base's compute to head's, over 12 months on both sides.
DiffReport one(double base, double head) {
  return make_diff_report(report(12, {column("s", {{Component::compute, base}})}), false,
                          report(12, {column("s", {{Component::compute, head}})}), nullptr, "");
}

IncreaseGate gate(const std::string& text, bool amount = false) {
  auto parsed = parse_increase_gate(text, amount);
  for (const auto& d : parsed.diagnostics().items()) INFO(d.message);
  REQUIRE(parsed);
  return parsed.value();
}

std::string parse_error(const std::string& text, bool amount = false) {
  const auto parsed = parse_increase_gate(text, amount);
  REQUIRE_FALSE(parsed);
  REQUIRE(parsed.diagnostics().items().size() == 1);
  return parsed.diagnostics().items()[0].message;
}

std::vector<GateCheck> checks(const DiffReport& diff, const std::vector<IncreaseGate>& gates) {
  auto result = check_increase_gates(diff, gates);
  for (const auto& d : result.diagnostics().items()) INFO(d.message);
  REQUIRE(result);
  return result.value();
}

}  // namespace

TEST_CASE("percentage limits parse with or without % and a scope", "[gates]") {
  for (const char* text : {"5%", "5", "5 %"}) {
    const auto g = gate(text);
    CHECK(g.percent);
    CHECK(g.limit == Approx(0.05));
    CHECK(g.strategy.empty());
    CHECK_FALSE(g.component);
    CHECK_FALSE(g.total_only);
    CHECK_FALSE(g.per_month);
  }
  CHECK(gate("5%").option == "--fail-on-increase 5%");
  CHECK(gate("hybrid=5%").strategy == "hybrid");
  const auto egress = gate("hybrid.egress=10%/month");
  CHECK(egress.strategy == "hybrid");
  CHECK(egress.component == Component::egress);
  CHECK(egress.per_month);
  CHECK(egress.limit == Approx(0.10));
  const auto total = gate("*.total=5%");
  CHECK(total.strategy.empty());
  CHECK(total.total_only);
  CHECK_FALSE(total.component);
  const auto every = gate("*.egress=1%");
  CHECK(every.strategy.empty());
  CHECK(every.component == Component::egress);
  CHECK(every.limit == Approx(0.01));
}

TEST_CASE("amount limits parse with or without a currency", "[gates]") {
  const auto bare = gate("1000", true);
  CHECK_FALSE(bare.percent);
  CHECK(bare.limit == Approx(1000));
  CHECK(bare.currency.empty());
  CHECK(bare.option == "--fail-on-increase-amount 1000");
  CHECK(gate("1000 USD", true).currency == "USD");
  const auto monthly = gate("1000USD/month", true);
  CHECK(monthly.limit == Approx(1000));
  CHECK(monthly.currency == "USD");
  CHECK(monthly.per_month);
  const auto hybrid = gate("hybrid=2500 USD", true);
  CHECK(hybrid.strategy == "hybrid");
  CHECK(hybrid.limit == Approx(2500));
}

TEST_CASE("malformed limits are errors naming the option and the form", "[gates]") {
  CHECK(parse_error("") ==
        "--fail-on-increase: expected a percentage such as '5%', found ''; the form is [STRATEGY[.LINE]=]PCT[/month]");
  CHECK(parse_error("abc") ==
        "--fail-on-increase: expected a percentage such as '5%', found 'abc'; the form is "
        "[STRATEGY[.LINE]=]PCT[/month]");
  CHECK(parse_error("-5%") == "--fail-on-increase: a limit on an increase cannot be negative, found '-5%'");
  CHECK(parse_error("hybrid.egrss=5%") ==
        "--fail-on-increase: unknown line 'egrss', did you mean 'egress'?; after the strategy comes 'total', "
        "'compute', 'hardware', 'power', 'space', 'maintenance', 'staff', 'storage', 'egress' or 'interconnect'");
  CHECK(parse_error(".egress=5%") ==
        "--fail-on-increase: a line needs a strategy before it: 'hybrid.egress' or '*.total'");
  CHECK(parse_error("=5%") == "--fail-on-increase: nothing before '='; name a strategy, or '*' for every one");
  CHECK(parse_error("5%", true) ==
        "--fail-on-increase-amount: expected an amount of money such as '1000' or "
        "'1000 USD', found '5%'; the form is [STRATEGY[.LINE]=]MONEY[/month]");
}

TEST_CASE("a percentage limit passes at the limit and fails just above it", "[gates]") {
  const auto at = checks(one(1000, 1050), {gate("s.compute=5%")});  // +50 of 1000 = 5 %
  REQUIRE(at.size() == 1);
  CHECK(at[0].kind == "increase");
  CHECK(at[0].percent);
  CHECK(at[0].actual == Approx(0.05));
  CHECK(at[0].base == Approx(1000));
  CHECK(at[0].head == Approx(1050));
  CHECK(at[0].passed);
  CHECK_FALSE(checks(one(1000, 1050.01), {gate("s.compute=5%")})[0].passed);  // 5.001 %
}

TEST_CASE("from zero any rise of a cent fails a percentage limit", "[gates]") {
  const auto rose = checks(one(0, 0.01), {gate("s=50%")});
  REQUIRE(rose.size() == 2);  // the total and compute
  CHECK(rose[0].from_zero);
  CHECK_FALSE(rose[0].passed);
  const auto still = checks(one(0, 0), {gate("s.total=50%")});
  REQUIRE(still.size() == 1);
  CHECK(still[0].from_zero);
  CHECK(still[0].passed);
  CHECK(checks(one(0, 0.004), {gate("s.total=0%")})[0].passed);  // under a cent is no rise
}

TEST_CASE("an amount limit compares the rise in money", "[gates]") {
  const auto at = checks(one(5000, 6000), {gate("s.total=1000", true)});
  REQUIRE(at.size() == 1);
  CHECK_FALSE(at[0].percent);
  CHECK(at[0].actual == Approx(1000));
  CHECK(at[0].passed);
  CHECK_FALSE(checks(one(5000, 6000.01), {gate("s.total=1000", true)})[0].passed);
  CHECK(checks(one(5000, 6000), {gate("s.total=1000 USD", true)})[0].passed);
}

TEST_CASE("a per-month limit compares each side's monthly average", "[gates]") {
  // 1200 over 12 months → 2400 over 24: the total doubles, the monthly average stays 100.
  const auto diff = make_diff_report(report(12, {column("s", {{Component::compute, 1200}})}), false,
                                     report(24, {column("s", {{Component::compute, 2400}})}), nullptr, "");
  const auto monthly = checks(diff, {gate("s.total=10%/month")});
  REQUIRE(monthly.size() == 1);
  CHECK(monthly[0].per_month);
  CHECK(monthly[0].base == Approx(100));
  CHECK(monthly[0].head == Approx(100));
  CHECK(monthly[0].passed);
  CHECK_FALSE(checks(diff, {gate("s.total=10%")})[0].passed);  // +100 % over the horizon
  CHECK(checks(diff, {gate("s.total=0/month", true)})[0].passed);
}

TEST_CASE("an unscoped limit checks the totals and non-zero components of strategies on both sides", "[gates]") {
  // a: 1100 → 1160 (+5.45 %): compute 1000 → 1000, power 0 → 10, egress 100 → 150 (+50 %).
  const auto base = report(12, {column("a", {{Component::compute, 1000}, {Component::egress, 100}}),
                                column("gone", {{Component::compute, 10}})});
  const auto head =
      report(12, {column("a", {{Component::compute, 1000}, {Component::power, 10}, {Component::egress, 150}}),
                  column("new", {{Component::compute, 10}})});
  const auto diff = make_diff_report(base, false, head, nullptr, "");
  const auto all = checks(diff, {gate("10%")});
  REQUIRE(all.size() == 4);  // a's total, compute, power and egress; storage is zero on both sides
  for (const auto& check : all) CHECK(check.strategy == "a");
  CHECK_FALSE(all[0].component);
  CHECK(all[0].passed);
  CHECK(all[1].component == Component::compute);
  CHECK(all[1].passed);
  CHECK(all[2].component == Component::power);
  CHECK(all[2].from_zero);
  CHECK_FALSE(all[2].passed);
  CHECK(all[3].component == Component::egress);
  CHECK(all[3].actual == Approx(0.5));
  CHECK_FALSE(all[3].passed);

  const auto totals = checks(diff, {gate("*.total=10%")});  // the total alone
  REQUIRE(totals.size() == 1);
  CHECK_FALSE(totals[0].component);

  // Naming a strategy one side lacks: checked, and failed with a note, not silently passed.
  const auto missing = checks(diff, {gate("new=10%"), gate("gone.egress=10%")});
  REQUIRE(missing.size() == 2);
  CHECK_FALSE(missing[0].passed);
  CHECK(missing[0].note == "cannot be checked: new is not in the base");
  CHECK_FALSE(missing[1].passed);
  CHECK(missing[1].component == Component::egress);
  CHECK(missing[1].note == "cannot be checked: gone is not in the head");
}

TEST_CASE("a limit naming no strategy of either side, or in another currency, is an error", "[gates]") {
  const auto diff = make_diff_report(report(12, {column("hybrid", {}), column("cloud", {})}), false,
                                     report(12, {column("hybrid", {}), column("cloud", {})}), nullptr, "");
  const auto unknown = check_increase_gates(diff, {gate("hybird=5%")});
  REQUIRE_FALSE(unknown);
  REQUIRE(unknown.diagnostics().items().size() == 1);
  CHECK(unknown.diagnostics().items()[0].message ==
        "--fail-on-increase hybird=5%: unknown strategy 'hybird', did you mean 'hybrid'?; the scenarios have "
        "'hybrid' or 'cloud'");
  const auto euros = check_increase_gates(diff, {gate("1000 EUR", true)});
  REQUIRE_FALSE(euros);
  REQUIRE(euros.diagnostics().items().size() == 1);
  CHECK(euros.diagnostics().items()[0].message ==
        "--fail-on-increase-amount 1000 EUR: the limit is in EUR, the scenarios in USD");
}

TEST_CASE("decreases never fail a limit", "[gates]") {
  const auto diff = one(1000, 500);
  for (const auto& check : checks(diff, {gate("0%"), gate("0", true), gate("s=0%/month")})) {
    INFO(check.name);
    CHECK(check.passed);
  }
  CHECK(checks(diff, {gate("s.total=0%")})[0].actual == Approx(-0.5));
}
