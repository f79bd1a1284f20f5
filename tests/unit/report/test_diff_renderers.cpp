// The diff's renderers: Markdown cut to fit a pull-request comment, names escaped, unchanged
// strategies hidden, and the JSON document listing everything.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "diff_fixtures.hpp"
#include "tco/report/diff_report.hpp"

using namespace tco;
using tco::test::column;
using tco::test::report;

namespace {

// Strategies "s000".."s{n-1}", each with four components that rise from base to head.
DiffReport many(int n) {
  std::vector<StrategyColumn> base;
  std::vector<StrategyColumn> head;
  for (int i = 0; i < n; ++i) {
    const std::string name = "s" + std::string(i < 10 ? "00" : i < 100 ? "0" : "") + std::to_string(i);
    base.push_back(column(
        name,
        {{Component::compute, 1000}, {Component::power, 100}, {Component::storage, 50}, {Component::egress, 10}}));
    head.push_back(column(
        name,
        {{Component::compute, 1100}, {Component::power, 120}, {Component::storage, 60}, {Component::egress, 20}}));
  }
  return make_diff_report(report(12, base), false, report(12, head), nullptr, "");
}

// "grew" rises, "same" does not change.
DiffReport small(const std::string& grew = "grew") {
  return make_diff_report(
      report(12, {column(grew, {{Component::compute, 1000}}), column("same", {{Component::power, 5}})}), false,
      report(12, {column(grew, {{Component::compute, 1200}}), column("same", {{Component::power, 5}})}), nullptr, "");
}

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

TEST_CASE("a long Markdown diff keeps the summary first and says what it cut", "[diff]") {
  const auto markdown = render_diff_markdown(many(400), {});
  const auto summary = markdown.find("| Strategy | Base | Head | Change | Per month |");
  REQUIRE(summary != std::string::npos);
  CHECK(summary < markdown.find("<details>"));
  CHECK(markdown.find("| s399 |") != std::string::npos);  // the summary table is whole
  const auto note = markdown.find("\n_Cut to fit a comment: ");
  REQUIRE(note != std::string::npos);
  // The sections that did not fit are counted as one; the price sheets after them still fit.
  CHECK(markdown.find("left out the components of ", note) != std::string::npos);
  CHECK(markdown.find("sha256") == std::string::npos);
  CHECK(markdown.find("Both sides were priced with the same price sheets.") < note);
  CHECK(ends_with(markdown, "for the whole diff._\n"));
}

TEST_CASE("a long Markdown diff fits under max_chars", "[diff]") {
  CHECK(render_diff_markdown(many(400), {}).size() < 65000);
  // A budget too small for the summary table keeps its first rows and counts the others,
  // and the sections after it still come when they fit.
  const auto small_budget = render_diff_markdown(many(400), {}, 20000);
  INFO(small_budget.substr(small_budget.size() > 600 ? small_budget.size() - 600 : 0));
  CHECK(small_budget.size() < 20000);
  CHECK(small_budget.find("| s000 |") != std::string::npos);
  CHECK(small_budget.find("more strategies (cut to fit a comment).") != std::string::npos);
  CHECK(small_budget.find("Both sides were priced with the same price sheets.") != std::string::npos);
}

TEST_CASE("a short Markdown diff is whole, with each strategy's components in a details section", "[diff]") {
  const auto markdown = render_diff_markdown(small(), {});
  INFO(markdown);
  CHECK(markdown.find("Cut to fit") == std::string::npos);
  CHECK(markdown.find("<details><summary>grew: 1 component changed</summary>") != std::string::npos);
  CHECK(markdown.find("| GPU compute | $1,000 | $1,200 | +$200 (+20.0 %) |") != std::string::npos);
  CHECK(markdown.find("</details>") != std::string::npos);
}

TEST_CASE("names are escaped in HTML and in table cells", "[diff]") {
  const auto html = render_diff_markdown(small("<script>&"), {});
  CHECK(html.find("<summary>&lt;script&gt;&amp;: ") != std::string::npos);
  CHECK(html.find("<summary><script>") == std::string::npos);
  const auto piped = render_diff_markdown(small("a|b"), {});
  CHECK(piped.find("| a\\|b | $1,000 |") != std::string::npos);
  CHECK(piped.find("| a|b |") == std::string::npos);
}

TEST_CASE("unchanged strategies are named in one line unless all are shown", "[diff]") {
  const auto diff = small();
  const auto markdown = render_diff_markdown(diff, {});
  CHECK(markdown.find("\nUnchanged: same.\n") != std::string::npos);
  CHECK(markdown.find("| same |") == std::string::npos);
  const auto all = render_diff_markdown(diff, {true});
  CHECK(all.find("Unchanged:") == std::string::npos);
  CHECK(all.find("| same | $5 | $5 | no change | no change |") != std::string::npos);
  CHECK(render_diff_table(diff, {}).find("Unchanged: same (--all shows them).") != std::string::npos);
  const auto table_all = render_diff_table(diff, {true});
  CHECK(table_all.find("Unchanged:") == std::string::npos);
  CHECK(table_all.find("same") != std::string::npos);
}

TEST_CASE("the table lists each changed strategy's changed causes under its name, largest first", "[diff]") {
  // "grew": workload train 1000 → 1200, workload extra only in head (24 over 12 months), site lab
  // 50 → 50; "same": no change.
  auto grew_base = column("grew", {{Component::compute, 1050}});
  grew_base.by_cause = {{Component::compute, "workload train", "cloud", 1000, 1000},
                        {Component::power, "site lab", "lab", 50, 50}};
  auto grew_head = column("grew", {{Component::compute, 1274}});
  grew_head.by_cause = {{Component::compute, "workload train", "cloud", 1200, 1200},
                        {Component::compute, "workload extra", "cloud", 24, 24},
                        {Component::power, "site lab", "lab", 50, 50}};
  const auto diff = make_diff_report(report(12, {grew_base, column("same", {{Component::power, 5}})}), false,
                                     report(12, {grew_head, column("same", {{Component::power, 5}})}), nullptr, "");
  const auto table = render_diff_table(diff, {});
  INFO(table);
  CHECK(table.find("\nBy cause, the largest change first:\n"
                   "Cause               Base    Head           Change       Per month\n"
                   "-----------------------------------------------------------------\n"
                   "grew\n"
                   "  workload train  $1,000  $1,200  +$200 (+20.0 %)  +$17 (+20.0 %)\n"
                   "  workload extra       —     $24              new             +$2\n\n") != std::string::npos);
  CHECK(table.find("site lab") == std::string::npos);
  const auto all = render_diff_table(diff, {true});
  INFO(all);
  CHECK(all.find("  site lab           $50     $50        no change       no change\n") != std::string::npos);
  // Reports without causes (a saved base keeps none) have no such table.
  CHECK(render_diff_table(small(), {}).find("By cause") == std::string::npos);
}

TEST_CASE("the JSON lists every strategy and component, changed or not", "[diff]") {
  // "grew" 1000 → 1200; "same" 5 → 5; "new" only in head, egress from nothing in "grew".
  auto base = report(12, {column("grew", {{Component::compute, 1000}}), column("same", {{Component::power, 5}})});
  auto head = report(12, {column("grew", {{Component::compute, 1200}, {Component::egress, 30}}),
                          column("same", {{Component::power, 5}}), column("new", {{Component::compute, 7}})});
  auto diff = make_diff_report(base, false, head, nullptr, "");
  auto gates = parse_increase_gate("grew=10%", false);
  REQUIRE(gates);
  auto checks = check_increase_gates(diff, {gates.value()});
  REQUIRE(checks);
  diff.gates = checks.value();  // total +23 %, compute +20 %, egress from zero: all three fail

  const auto doc = nlohmann::json::parse(render_diff_json(diff));
  CHECK(doc["schema"] == "tco.diff/1");
  CHECK(doc["currency"] == "USD");
  CHECK(doc["prices"]["same_sheets"] == true);
  CHECK(doc["prices"]["split"] == "none");
  const auto& strategies = doc["strategies"];
  REQUIRE(strategies.size() == 3);
  CHECK(strategies[0]["name"] == "grew");
  CHECK(strategies[0]["status"] == "changed");
  CHECK(strategies[0]["total"]["change"].get<double>() == Approx(230));
  CHECK(strategies[0]["total"]["fraction"].get<double>() == Approx(0.23));
  CHECK(strategies[0]["components"]["egress"]["total"]["fraction"].is_null());  // from zero
  CHECK(strategies[0]["components"]["egress"]["total"]["change"].get<double>() == Approx(30));
  CHECK(strategies[1]["status"] == "unchanged");
  CHECK(strategies[2]["status"] == "new");
  CHECK(strategies[2]["total"]["base"].is_null());
  CHECK(strategies[2]["total"]["head"].get<double>() == Approx(7));
  CHECK(strategies[2]["total"]["fraction"].is_null());
  for (const auto& strategy : strategies) {
    INFO(strategy["name"]);
    REQUIRE(strategy["components"].size() == kComponents.size());
    for (Component component : kComponents) CHECK(strategy["components"].contains(to_string(component)));
    CHECK(strategy["breakeven"].is_null());
  }
  CHECK(doc["gates"]["ran"] == 3);
  CHECK(doc["gates"]["failed"] == 3);
  CHECK(doc["gates"]["passed"] == false);
  CHECK(doc["gates"]["checks"][2]["from_zero"] == true);
  CHECK(doc["gates"]["checks"][2]["actual"].is_null());
}
