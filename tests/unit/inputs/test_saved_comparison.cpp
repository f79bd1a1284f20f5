// Reading back `tco compare --format json` documents (the golden ones, as tco wrote them) and
// the errors an edited or damaged one gets: one per problem, located, all reported together.
#include <catch2/catch.hpp>

#include "tco/inputs/file.hpp"
#include "tco/inputs/saved_comparison.hpp"

using namespace tco;

namespace {

std::string golden(const std::string& name) {
  auto text = read_text_file(std::string(TCO_SOURCE_DIR) + "/tests/golden/cases/" + name + "/stdout");
  REQUIRE(text);
  return text.value();
}

const std::string& research_team() {
  static const std::string text = golden("compare-research-team-json-36");
  return text;
}

// `text` with the first `from` replaced by `to`: the edits a damaged baseline has.
std::string edit(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> errors_of(const std::string& text) {
  const auto saved = read_saved_comparison(text, "base.json");
  CHECK_FALSE(saved.ok());
  std::vector<std::string> out;
  for (const auto& d : saved.diagnostics().items()) out.push_back(format_location(d));
  return out;
}

// The single error of a document with one problem.
std::string error_of(const std::string& text) {
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 1);
  return errors[0];
}

// Cloud-only's last month, for dropping it.
const std::string kLastMonth =
    "},\n        {\n          \"month\": \"2029-12\",\n          \"cash\": 1666.6666666666667,\n"
    "          \"amortized\": 1666.6666666666667\n        }";

}  // namespace

TEST_CASE("a saved comparison reads back every figure diff needs", "[saved_comparison]") {
  const auto saved = read_saved_comparison(research_team(), "base.json");
  REQUIRE(saved);
  CHECK(saved->file == "base.json");
  CHECK(saved->scenario_name == "research-team");
  CHECK(saved->scenario_file == "scenarios/research-team.yaml");
  CHECK(saved->start == "2027-01");
  CHECK(saved->end == "2029-12");
  CHECK(saved->months == 36);
  CHECK(saved->hours_per_month == "730");
  CHECK(saved->currency == "USD");
  CHECK(saved->discount_rate == 0.08);
  CHECK(saved->prices_as_of.empty());
  CHECK(saved->baseline == "cloud-only");
  REQUIRE(saved->month_labels.size() == 36);
  CHECK(saved->month_labels[1] == "2027-02");
  CHECK(saved->month_labels.back() == "2029-12");

  REQUIRE(saved->strategies.size() == 2);
  const SavedStrategy& cloud = saved->strategies[0];
  CHECK(cloud.baseline);
  CHECK_FALSE(cloud.has_breakeven);
  CHECK(cloud.total_cash == 59999.99999999997);  // bit for bit: JSON numbers round-trip
  CHECK(cloud.npv == 53749.16524616303);
  CHECK(cloud.where.line == 18);
  CHECK(cloud.where.column == 5);
  const SavedStrategy& own = saved->strategies[1];
  CHECK(own.name == "on-prem");
  CHECK(own.description == "buy the lab server");
  CHECK_FALSE(own.baseline);
  CHECK(own.total_cash == 64999.99999999991);
  CHECK(own.total_amortized == 45000.0);
  CHECK(own.monthly_average == 1805.5555555555532);
  CHECK(own.components_cash[static_cast<std::size_t>(Component::hardware)] == 50000.0);
  CHECK(own.components_cash[static_cast<std::size_t>(Component::maintenance)] == 14999.999999999993);
  CHECK(own.components_amortized[static_cast<std::size_t>(Component::hardware)] == 29999.999999999985);
  CHECK(own.has_breakeven);  // a mapping whose crossings are both null
  CHECK_FALSE(own.breakeven.has_value());
  CHECK_FALSE(own.breakeven_discounted.has_value());
  REQUIRE(own.monthly_cash.size() == 36);
  REQUIRE(own.monthly_amortized.size() == 36);
  CHECK(own.monthly_cash[0] == 50416.666666666664);
  CHECK(own.monthly_amortized[0] == 1250.0);
  CHECK(own.monthly_cash[35] == 416.6666666666667);

  REQUIRE(saved->sheets.size() == 1);
  const SavedSheet& oci = saved->sheets[0];
  CHECK(oci.provider == "oci");
  CHECK(oci.name == "Oracle Cloud Infrastructure");
  CHECK(oci.effective_date == "2026-12-07");
  CHECK(oci.file == "pricing-data/oci/2026-12-07.yaml");
  CHECK(oci.sha256 == "1e46e08035a5953968daf62fb0385cc7fe23905e15b97ecf58926fc017f13659");
  CHECK(oci.origin == "bundled");
  CHECK(oci.overlays.empty());
  CHECK(oci.from_month == "2027-01");
  CHECK(oci.to_month == "2029-12");
  CHECK_FALSE(oci.projected);
}

TEST_CASE("the other golden comparisons read back too", "[saved_comparison]") {
  const auto llm = read_saved_comparison(golden("compare-llm-70b-json"), "llm.json");
  REQUIRE(llm);
  CHECK(llm->months == 60);
  CHECK(llm->month_labels.back() == "2031-12");
  REQUIRE(llm->strategies.size() == 4);  // cloud-only, hybrid, on-prem, own-base
  const SavedStrategy& hybrid = llm->strategies[1];
  CHECK(hybrid.name == "hybrid");
  CHECK(hybrid.total_cash == 27575939.18141087);
  CHECK(hybrid.components_cash[static_cast<std::size_t>(Component::egress)] == 100812.8205839752);
  CHECK(hybrid.components_amortized[static_cast<std::size_t>(Component::hardware)] == 6912000.0);
  CHECK(hybrid.monthly_cash.at(5) == 321755.7194212116);  // 2027-06
  CHECK(hybrid.monthly_amortized.at(5) == 436955.7194212116);
  REQUIRE(llm->sheets.size() == 3);
  CHECK(llm->sheets[0].provider == "aws");
  CHECK(llm->sheets[0].effective_date == "2026-07-20");
  CHECK(llm->sheets[2].provider == "onprem");

  const auto timeline = read_saved_comparison(golden("compare-timeline-json"), "timeline.json");
  REQUIRE(timeline);
  CHECK(timeline->month_labels ==
        std::vector<std::string>{"2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"});
  REQUIRE(timeline->strategies.size() == 1);
  CHECK(timeline->strategies[0].total_cash == 335858.4);
  CHECK(timeline->strategies[0].monthly_cash.at(3) == 40179.2);  // after the June 2025 price cut
  REQUIRE(timeline->sheets.size() == 2);
  CHECK(timeline->sheets[0].to_month == "2025-05");
  CHECK(timeline->sheets[1].from_month == "2025-06");
  CHECK(timeline->sheets[1].sha256 == "5d180ac33ec0af1fc05d59bb2d2c93da8438cf944ac16b73ad8f26f5268fbbfd");

  // A byte-order mark, as some editors add on saving, changes nothing.
  CHECK(read_saved_comparison("\xEF\xBB\xBF" + research_team(), "bom.json"));
}

TEST_CASE("break-even months are read and checked against the horizon", "[saved_comparison]") {
  const std::string crossings = "\"month\": null,\n        \"discounted\": null";
  const auto saved = read_saved_comparison(
      edit(research_team(), crossings,
           R"("month": {"month": 30, "date": "2029-06"}, "discounted": {"month": 34, "date": "2029-10"})"),
      "base.json");
  REQUIRE(saved);
  const SavedStrategy& own = saved->strategies[1];
  REQUIRE(own.breakeven.has_value());
  CHECK(own.breakeven->month == 30);
  CHECK(own.breakeven->date == "2029-06");
  REQUIRE(own.breakeven_discounted.has_value());
  CHECK(own.breakeven_discounted->month == 34);

  CHECK(
      error_of(edit(research_team(), crossings, R"("month": {"month": 40, "date": "2030-04"}, "discounted": null)")) ==
      "base.json:301:28: strategies[1].breakeven.month.month: expected a month of the horizon, 1 to 36, found 40");
  CHECK(
      error_of(edit(research_team(), crossings, R"("month": {"month": 30, "date": "2029-07"}, "discounted": null)")) ==
      "base.json:301:40: strategies[1].breakeven.month.date: expected 2029-06 (month 30 of the horizon), found "
      "'2029-07'");
}

TEST_CASE("only schema tco.compare/1 of one scenario is read", "[saved_comparison]") {
  // Nothing else is read when the schema is wrong: the unknown key here is not reported.
  CHECK(error_of(edit(edit(research_team(), "tco.compare/1", "tco.compare/2"), "\"scenario\"", "\"scenari\"")) ==
        "base.json:2:13: schema: expected \"tco.compare/1\", found 'tco.compare/2'; this version of tco reads "
        "tco.compare/1 (written by `tco compare --format json`)");
  CHECK_THAT(error_of("{\"schema_version\": 1, \"name\": \"t\"}"),
             Catch::StartsWith("base.json:1:1: missing required key 'schema'; expected a result saved by"));
  CHECK(error_of("[" + research_team() + ", " + research_team() + "]") ==
        "base.json:1:1: a baseline must be the result of one scenario, found a list of 2 (what `tco compare` writes "
        "for several scenarios); save one scenario per file");
}

TEST_CASE("unknown keys are rejected with a suggestion, missing ones named", "[saved_comparison]") {
  const auto errors = errors_of(edit(research_team(), "\"total_cash\"", "\"total_csh\""));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "base.json:18:5: strategies[0]: missing required key 'total_cash'");
  CHECK(errors[1] == "base.json:22:7: strategies[0]: unknown key 'total_csh', did you mean 'total_cash'?");
  CHECK(error_of(edit(research_team(), "\"egress\": 0.0,\n", "")) ==
        "base.json:26:26: strategies[0].components_cash: missing required key 'egress'");
  CHECK(errors_of(edit(research_team(), "\"origin\"", "\"origni\"")) ==
        std::vector<std::string>{"base.json:541:5: price_sheets[0]: missing required key 'origin'",
                                 "base.json:547:7: price_sheets[0]: unknown key 'origni', did you mean 'origin'?"});
}

TEST_CASE("numbers are finite JSON numbers", "[saved_comparison]") {
  const std::string npv = "53749.16524616303";
  CHECK(error_of(edit(research_team(), npv, "NaN")) ==
        "base.json:25:14: strategies[0].npv: expected a finite number, found 'NaN'");
  CHECK_THAT(error_of(edit(research_team(), npv, ".inf")), Catch::EndsWith("expected a finite number, found '.inf'"));
  CHECK_THAT(error_of(edit(research_team(), npv, "-Infinity")),
             Catch::EndsWith("expected a finite number, found '-Infinity'"));
  CHECK_THAT(error_of(edit(research_team(), npv, "1e999")), Catch::EndsWith("expected a finite number, found '1e999'"));
  CHECK_THAT(error_of(edit(research_team(), npv, "\"abc\"")), Catch::EndsWith("npv: expected a number, found 'abc'"));
  CHECK_THAT(error_of(edit(research_team(), npv, "null")), Catch::EndsWith("npv: expected a number, found null"));
  CHECK_THAT(error_of(edit(research_team(), "\"months\": 36", "\"months\": 36.5")),
             Catch::EndsWith("scenario.months: expected a whole number, found '36.5'"));
}

TEST_CASE("figures that must agree are checked", "[saved_comparison]") {
  CHECK(error_of(edit(research_team(), "64999.99999999991", "123.45")) ==
        "base.json:274:21: strategies[1].total_cash: 123.45 is not the sum of components_cash (65000.00); the file "
        "was edited or is damaged");
  CHECK(error_of(edit(research_team(), kLastMonth, "}")) ==
        "base.json:69:18: strategies[0].monthly: expected 36 months (scenario.months, 2027-01 to 2029-12), found 35");
  CHECK(error_of(edit(research_team(), "\"2027-02\"", "\"2027-03\"")) ==
        "base.json:76:20: strategies[0].monthly[1].month: expected 2027-02 (month 2 of the horizon), found "
        "'2027-03'; the months run from scenario.start to scenario.end in order");
  CHECK(error_of(edit(research_team(), "\"end\": \"2029-12\"", "\"end\": \"2029-11\"")) ==
        "base.json:8:12: scenario.end: expected 2029-12 (the last of 36 months from 2027-01), found '2029-11'");
  // An impossible horizon is one error, not one more for every strategy's months.
  CHECK(error_of(edit(research_team(), "\"months\": 36", "\"months\": 0")) ==
        "base.json:9:15: scenario.months: expected a whole number from 1 to 360, found '0'");
  CHECK(error_of(edit(research_team(), "\"baseline\": \"cloud-only\"", "\"baseline\": \"on-prem\"")) ==
        "base.json:15:17: scenario.baseline: names 'on-prem', but the strategy with 'baseline: true' is 'cloud-only'");
  CHECK(error_of(edit(research_team(), "\"baseline\": false", "\"baseline\": true")) ==
        "base.json:273:19: strategies[1].baseline: a second strategy with 'baseline: true' (after 'cloud-only'); "
        "expected exactly one");
  CHECK(error_of(edit(research_team(), "\"name\": \"on-prem\"", "\"name\": \"cloud-only\"")) ==
        "base.json:271:15: strategies[1].name: duplicate strategy name 'cloud-only' (also strategies[0])");
  CHECK(error_of(edit(research_team(), "\"currency\": \"USD\"", "\"currency\": \"usd\"")) ==
        "base.json:11:17: scenario.currency: expected a 3-letter currency code like 'USD', found 'usd'");
}

TEST_CASE("every error of a damaged baseline is reported together", "[saved_comparison]") {
  std::string text = edit(research_team(), "\"total_cash\"", "\"total_csh\"");  // 2: unknown and missing
  text = edit(text, "53749.16524616303", "NaN");
  text = edit(text, "\"currency\": \"USD\"", "\"currency\": \"usd\"");
  text = edit(text, "\"sha256\": \"1e46e080", "\"sha256\": \"1e46e08X");
  text = edit(text, "\"name\": \"on-prem\"", "\"name\": \"cloud-only\"");
  text = edit(text, "64999.99999999991", "123.45");
  const auto errors = errors_of(text);
  CHECK(errors.size() == 7);
  const auto has = [&](const std::string& part) {
    return std::any_of(errors.begin(), errors.end(), [&](const std::string& e) { return e.find(part) != e.npos; });
  };
  CHECK(has("strategies[0]: unknown key 'total_csh'"));
  CHECK(has("strategies[0].npv: expected a finite number"));
  CHECK(has("scenario.currency: expected a 3-letter currency code"));
  CHECK(has("base.json:546:17: price_sheets[0].sha256: expected a SHA-256 as 64 lower-case hexadecimal digits"));
  CHECK(has("strategies[1].name: duplicate strategy name 'cloud-only'"));
  CHECK(has("strategies[1].total_cash: 123.45 is not the sum of components_cash (65000.00)"));
}

TEST_CASE("JSON syntax errors are located", "[saved_comparison]") {
  const std::string& doc = research_team();
  CHECK_THAT(error_of(doc.substr(0, doc.rfind('}'))), Catch::StartsWith("base.json:586:1: invalid JSON: "));
  CHECK(error_of(edit(doc, "\"baseline\": \"cloud-only\"\n", "\"baseline\": \"cloud-only\",\n")) ==
        "base.json:15:29: invalid JSON: a comma before '}' (JSON does not allow a trailing comma)");
  CHECK(error_of(edit(doc, "\"projected_months\": []", "\"projected_months\": [\"2027-01\",]")) ==
        "base.json:14:35: invalid JSON: a comma before ']' (JSON does not allow a trailing comma)");
  CHECK(error_of(edit(doc, "\"npv\": 53749.16524616303", "\"npv\": ")) ==
        "base.json:25:12: invalid JSON: expected a value after ':'");
  CHECK(error_of(doc + "{}\n") == "base.json:587:1: unexpected text after the end of the JSON document");
  CHECK(error_of("") == "base.json: empty file; expected a result saved by `tco compare --format json`");
  CHECK(error_of(" \n\t\n") == "base.json: empty file; expected a result saved by `tco compare --format json`");
  // Commas and braces inside strings are text, not punctuation.
  CHECK(read_saved_comparison(edit(doc, "\"buy the lab server\"", R"("buy, then \"}\" ,]")"), "base.json"));
}

TEST_CASE("JSON is told from a YAML scenario by its first character", "[saved_comparison]") {
  CHECK(looks_like_json("{\"schema\": \"tco.compare/1\"}"));
  CHECK(looks_like_json("[{}]"));
  CHECK(looks_like_json(" \r\n\t {}"));
  CHECK(looks_like_json("\xEF\xBB\xBF{}"));
  CHECK(looks_like_json("\xEF\xBB\xBF  \n[1]"));
  CHECK_FALSE(looks_like_json("schema_version: 1\nname: t\n"));
  CHECK_FALSE(looks_like_json("# a scenario\n{}"));
  CHECK_FALSE(looks_like_json("- {}"));
  CHECK_FALSE(looks_like_json(""));
  CHECK_FALSE(looks_like_json(" \n"));
  CHECK_FALSE(looks_like_json("\xEF\xBB\xBF"));
}
