// The diff report built from hand-made comparison reports: changes, sides, per-month figures,
// break-even, price sheets and the split. Every expected figure below was worked out by hand.
#include <catch2/catch.hpp>

#include "diff_fixtures.hpp"
#include "tco/report/diff_report.hpp"

using namespace tco;
using tco::test::column;
using tco::test::report;

namespace {

SheetInfo sheet(const std::string& provider, const std::string& date, const std::string& sha) {
  SheetInfo s;
  s.provider = provider;
  s.effective_date = date;
  s.sha256 = sha;
  return s;
}

const ComponentChange& line(const StrategyChange& s, Component c) { return s.components[static_cast<std::size_t>(c)]; }

}  // namespace

TEST_CASE("a change has no percentage from zero, and counts from half a cent", "[diff]") {
  CHECK_FALSE(Change{0, 500, {}}.fraction());
  CHECK_FALSE(Change{0.004, 500, {}}.fraction());  // under half a cent reads as zero
  CHECK(Change{200, 300, {}}.fraction().value() == Approx(0.5));
  CHECK(Change{1000, 880, {}}.fraction().value() == Approx(-0.12));
  CHECK(Change{0, 0.005, {}}.changed());
  CHECK_FALSE(Change{0, 0.0049, {}}.changed());
  CHECK_FALSE(Change{250, 250, {}}.changed());
  CHECK(Change{250, 249.99, {}}.changed());
}

TEST_CASE("a change priced with base's sheets splits into the scenario's part and the prices'", "[diff]") {
  const Change change{1000, 1500, 1200.0};
  CHECK(change.from_scenario().value() == Approx(200));  // 1200 - 1000
  CHECK(change.from_prices().value() == Approx(300));    // 1500 - 1200
  CHECK(*change.from_scenario() + *change.from_prices() == Approx(change.delta()));
  CHECK_FALSE(Change{1000, 1500, {}}.from_scenario());
  CHECK_FALSE(Change{1000, 1500, {}}.from_prices());
}

TEST_CASE("strategies come in head's order, then those only base has", "[diff]") {
  const auto base = report(12, {column("a", {{Component::compute, 100}}), column("b", {{Component::compute, 200}}),
                                column("c", {{Component::compute, 300}})});
  const auto head = report(12, {column("c", {{Component::compute, 300}}), column("d", {{Component::egress, 40}}),
                                column("a", {{Component::compute, 150}})});
  const auto diff = make_diff_report(base, false, head, nullptr, "");
  REQUIRE(diff.strategies.size() == 4);
  CHECK(diff.strategies[0].name == "c");
  CHECK(diff.strategies[1].name == "d");
  CHECK(diff.strategies[2].name == "a");
  CHECK(diff.strategies[3].name == "b");
  const auto& c = diff.strategies[0];
  CHECK((c.in_base && c.in_head));
  CHECK_FALSE(c.changed());            // 300 on both sides
  const auto& d = diff.strategies[1];  // only in head: base counts as zero
  CHECK_FALSE(d.in_base);
  CHECK(d.in_head);
  CHECK(d.total.base == 0);
  CHECK(d.total.head == Approx(40));
  CHECK(line(d, Component::egress).total.head == Approx(40));
  CHECK(d.changed());
  const auto& a = diff.strategies[2];
  CHECK(a.total.delta() == Approx(50));
  CHECK(a.total.fraction().value() == Approx(0.5));
  const auto& b = diff.strategies[3];  // only in base: head counts as zero
  CHECK(b.in_base);
  CHECK_FALSE(b.in_head);
  CHECK(b.total.base == Approx(200));
  CHECK(b.total.head == 0);
  CHECK(b.changed());
}

TEST_CASE("per month divides each side by its own months; every component is listed in order", "[diff]") {
  // 1200 over 12 months is 100 a month; 3600 over 24 months is 150: +50, +50 %.
  const auto base = report(12, {column("s", {{Component::compute, 1000}, {Component::egress, 200}})});
  const auto head = report(24, {column("s", {{Component::compute, 3000}, {Component::egress, 600}})});
  const auto diff = make_diff_report(base, true, head, nullptr, "");
  CHECK(diff.base.saved);
  CHECK_FALSE(diff.head.saved);
  CHECK(diff.base.months == 12);
  CHECK(diff.head.months == 24);
  const auto& s = diff.strategies.at(0);
  CHECK(s.total.base == Approx(1200));
  CHECK(s.total.head == Approx(3600));
  CHECK(s.per_month.base == Approx(100));
  CHECK(s.per_month.head == Approx(150));
  CHECK(s.per_month.delta() == Approx(50));
  CHECK(s.per_month.fraction().value() == Approx(0.5));
  // egress: 200 / 12 = 16.67 a month → 600 / 24 = 25 a month.
  CHECK(line(s, Component::egress).per_month.base == Approx(200.0 / 12));
  CHECK(line(s, Component::egress).per_month.head == Approx(25));
  REQUIRE(s.components.size() == kComponents.size());
  for (std::size_t i = 0; i < kComponents.size(); ++i) CHECK(s.components[i].component == kComponents[i]);
  CHECK_FALSE(line(s, Component::staff).total.changed());  // zero on both sides, still listed
}

TEST_CASE("break-even months and dates on both sides", "[diff]") {
  auto with_breakeven = [](StrategyColumn c, int month) {
    c.breakeven = Breakeven{};
    c.breakeven->cash.month = month;
    return c;
  };
  const auto base = report(
      48, {column("cloud", {}), with_breakeven(column("own", {}), 30), column("hybrid", {}), column("never", {})});
  const auto head = report(48, {column("cloud", {}), with_breakeven(column("own", {}), 26),
                                with_breakeven(column("hybrid", {}), 40), column("never", {})});
  const auto diff = make_diff_report(base, false, head, nullptr, "");
  CHECK_FALSE(diff.strategies[0].breakeven);
  const auto& own = diff.strategies[1].breakeven.value();
  CHECK(own.base_month == 30);
  CHECK(own.base_date == "2029-06");  // 2027-01 + 29 months
  CHECK(own.head_month == 26);
  CHECK(own.head_date == "2029-02");
  CHECK(own.changed());
  CHECK(diff.strategies[1].changed());  // the figures are equal, the break-even is not
  const auto& hybrid = diff.strategies[2].breakeven.value();
  CHECK_FALSE(hybrid.base_month);
  CHECK(hybrid.base_date.empty());
  CHECK(hybrid.head_month == 40);
  CHECK(hybrid.head_date == "2030-04");
  CHECK_FALSE(diff.strategies[3].breakeven);
}

TEST_CASE("sheet changes list each provider whose sheets differ", "[diff]") {
  auto base = report(12, {column("s", {{Component::compute, 100}})});
  base.sheets = {sheet("aws", "2025-06-01", "aaaaaaaaaaaa1111"), sheet("onprem", "2025-01-01", "cccccccccccc")};
  auto head = base;
  CHECK(sheet_changes(base, head).empty());
  CHECK(make_diff_report(base, false, head, nullptr, "").split == PriceSplit::none);

  head.sheets = {sheet("aws", "2025-06-01", "bbbbbbbbbbbb2222"), sheet("gcp", "2025-07-01", "dddddddddddd"),
                 sheet("onprem", "2025-01-01", "cccccccccccc")};
  const auto changes = sheet_changes(base, head);
  REQUIRE(changes.size() == 2);  // onprem is the same on both sides
  CHECK(changes[0].provider == "aws");
  CHECK(changes[0].base == "2025-06-01 sha256:aaaaaaaaaaaa");  // the hash cut to 12 characters
  CHECK(changes[0].head == "2025-06-01 sha256:bbbbbbbbbbbb");
  CHECK(changes[1].provider == "gcp");
  CHECK(changes[1].base.empty());  // base used no gcp sheet
  CHECK(changes[1].head == "2025-07-01 sha256:dddddddddddd");
}

TEST_CASE("the price split: none, split from the third report, or unavailable with its note", "[diff]") {
  auto base = report(12, {column("s", {{Component::compute, 1000}})});
  base.sheets = {sheet("aws", "2025-01-01", "aaaaaaaaaaaa")};
  auto head = report(12, {column("s", {{Component::compute, 1500}}), column("n", {{Component::compute, 60}})});
  auto repriced = report(12, {column("s", {{Component::compute, 1200}}), column("n", {{Component::compute, 48}})});

  SECTION("same sheets: no split even when a re-priced report is given") {
    head.sheets = base.sheets;
    const auto diff = make_diff_report(base, false, head, &repriced, "unused");
    CHECK(diff.split == PriceSplit::none);
    CHECK(diff.split_note.empty());
    CHECK_FALSE(diff.strategies[0].total.head_at_base_prices);
  }
  SECTION("different sheets and a re-priced head: the split figures come from it") {
    head.sheets = {sheet("aws", "2025-06-01", "bbbbbbbbbbbb")};
    const auto diff = make_diff_report(base, false, head, &repriced, "unused");
    CHECK(diff.split == PriceSplit::split);
    CHECK(diff.split_note.empty());
    const auto& s = diff.strategies[0];
    CHECK(s.total.from_scenario().value() == Approx(200));          // 1200 - 1000
    CHECK(s.total.from_prices().value() == Approx(300));            // 1500 - 1200
    CHECK(s.per_month.head_at_base_prices.value() == Approx(100));  // 1200 / 12
    CHECK(line(s, Component::compute).total.head_at_base_prices.value() == Approx(1200));
    // Only in head: all of it is new, 48 of it at base's prices.
    CHECK(diff.strategies[1].total.from_scenario().value() == Approx(48));
    CHECK(diff.strategies[1].total.from_prices().value() == Approx(12));
  }
  SECTION("different sheets, base's not to be had: unavailable, with the note") {
    head.sheets = {sheet("aws", "2025-06-01", "bbbbbbbbbbbb")};
    const auto diff = make_diff_report(base, false, head, nullptr, "base's sheets are not installed");
    CHECK(diff.split == PriceSplit::unavailable);
    CHECK(diff.split_note == "base's sheets are not installed");
    CHECK_FALSE(diff.strategies[0].total.from_scenario());
  }
}

TEST_CASE("format_change: signed money, a percentage when there is a base", "[diff]") {
  CHECK(format_change(561, 0.12, "USD") == "+$561 (+12.0 %)");
  CHECK(format_change(-1200, -0.034, "USD") == "-$1,200 (-3.4 %)");
  CHECK(format_change(Change{4675, 5236, {}}, "USD") == "+$561 (+12.0 %)");  // 561 / 4675 = 12.0 %
  CHECK(format_change(Change{0, 500, {}}, "USD") == "+$500");                // from zero: no percentage
  CHECK(format_change(Change{500, 0, {}}, "USD") == "-$500 (-100.0 %)");
  CHECK(format_change(Change{500, 500.004, {}}, "USD") == "no change");
  CHECK(format_change(0, std::nullopt, "USD") == "no change");
  CHECK(format_change(1500, 0.1, "EUR") == "+1,500 EUR (+10.0 %)");
  CHECK(format_change(1.4, std::nullopt, "USD") == "+$1");  // rounded to whole units
}

// A change of under a dollar counts as changed (a cent or more): shown in cents, it does not
// read as "+$0" next to a strategy listed as changed.
TEST_CASE("format_change: a sub-dollar change does not read as zero", "[diff]") {
  CHECK(format_change(0.4, std::nullopt, "USD") == "+$0.40");
  CHECK(format_change(Change{10, 10.4, {}}, "USD") == "+$0.40 (+4.0 %)");
}
