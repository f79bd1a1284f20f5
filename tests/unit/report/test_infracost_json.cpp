// `--format infracost-json`: the Infracost "0.2" document of compare and diff.
#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../support.hpp"
#include "tco/report/comparison.hpp"

using namespace tco;
using nlohmann::json;

namespace {

// What schema/infracost.schema.json (infracost/infracost @ cffbc23da5189e8e7dbe11917028ce5c019ea772)
// requires of each object, and every key it allows (each has additionalProperties: false, but
// for a resource's metadata and a summary's count maps).
struct Definition {
  std::set<std::string> required;
  std::set<std::string> allowed;  // besides the required ones
};

const std::map<std::string, Definition>& schema() {
  static const std::map<std::string, Definition> definitions{
      {"Root",
       {{"version", "metadata", "currency", "projects", "totalHourlyCost", "totalMonthlyCost", "pastTotalHourlyCost",
         "pastTotalMonthlyCost", "diffTotalHourlyCost", "diffTotalMonthlyCost", "timeGenerated", "summary"},
        {"runId", "shareUrl", "cloudUrl", "totalMonthlyUsageCost", "pastTotalMonthlyUsageCost",
         "diffTotalMonthlyUsageCost"}}},
      {"Metadata",
       {{"infracostCommand", "vcsBranch", "vcsCommitSha", "vcsCommitAuthorName", "vcsCommitAuthorEmail",
         "vcsCommitTimestamp", "vcsCommitMessage"},
        {"vcsBaseCommitSha", "vcsRepositoryUrl", "vcsProvider", "vcsBaseBranch", "vcsPullRequestTitle",
         "vcsPullRequestUrl", "vcsPullRequestAuthor", "vcsPullRequestLabels", "vcsPipelineRunId", "vcsPullRequestId",
         "usageApiEnabled", "usageFilePath", "configFilePath", "configFileHasUsageFile"}}},
      {"Project", {{"name", "displayName", "metadata", "pastBreakdown", "breakdown", "diff", "summary"}, {}}},
      {"ProjectMetadata",
       {{"path", "type"},
        {"configSha", "policySha", "pastPolicySha", "terraformModulePath", "terraformWorkspace", "vcsSubPath",
         "vcsCodeChanged", "errors", "currentErrors", "pastErrors", "warnings", "policies", "providers",
         "remoteModuleCalls"}}},
      {"Breakdown", {{"resources", "totalHourlyCost", "totalMonthlyCost", "totalMonthlyUsageCost"}, {"freeResources"}}},
      // An older schema also required hourlyCost and monthlyCost: always written.
      {"Resource",
       {{"name", "metadata", "hourlyCost", "monthlyCost"},
        {"resourceType", "tags", "defaultTags", "tagPropagation", "providerSupportsDefaultTags", "providerLink",
         "monthlyUsageCost", "costComponents", "actualCosts", "subresources", "missingVarsCausingUnknownTagKeys",
         "missingVarsCausingUnknownDefaultTagKeys"}}},
      {"CostComponent",
       {{"name", "unit", "hourlyQuantity", "monthlyQuantity", "price", "hourlyCost", "monthlyCost", "priceNotFound"},
        {"usageBased"}}},
      {"Summary",
       {{},
        {"totalResources", "totalDetectedResources", "totalSupportedResources", "totalUnsupportedResources",
         "totalUsageBasedResources", "totalNoPriceResources", "supportedResourceCounts", "unsupportedResourceCounts",
         "noPriceResourceCounts"}}},
  };
  return definitions;
}

const std::set<std::string> kAmountKeys{"totalHourlyCost",     "totalMonthlyCost",     "totalMonthlyUsageCost",
                                        "pastTotalHourlyCost", "pastTotalMonthlyCost", "pastTotalMonthlyUsageCost",
                                        "diffTotalHourlyCost", "diffTotalMonthlyCost", "diffTotalMonthlyUsageCost",
                                        "hourlyCost",          "monthlyCost",          "monthlyUsageCost",
                                        "hourlyQuantity",      "monthlyQuantity",      "price"};

// A decimal string as shopspring writes it: no exponent, no trailing zeros, no "-0".
bool is_decimal(const std::string& text) {
  static const std::regex pattern(R"(^(0|-?[1-9][0-9]*(\.[0-9]*[1-9])?|-?0\.[0-9]*[1-9])$)");
  return std::regex_match(text, pattern);
}

// Checks `value` against a definition: required keys present, no other keys than allowed,
// amounts decimal strings (or null), and recurses into the nested definitions.
void check_object(const json& value, const std::string& definition, const std::string& where) {
  INFO(where);
  REQUIRE(value.is_object());
  const Definition& def = schema().at(definition);
  for (const auto& key : def.required) CHECK(value.contains(key));
  for (const auto& [key, item] : value.items()) {
    INFO(where + "." + key);
    CHECK((def.required.count(key) + def.allowed.count(key)) == 1u);
    if (kAmountKeys.count(key) != 0) {
      CHECK((item.is_null() || (item.is_string() && is_decimal(item.get<std::string>()))));
    }
  }
  auto nested = [&](const char* key, const char* child) {
    if (value.contains(key)) check_object(value.at(key), child, where + "." + key);
  };
  auto each = [&](const char* key, const char* child) {
    if (!value.contains(key)) return;
    REQUIRE(value.at(key).is_array());
    for (std::size_t i = 0; i < value.at(key).size(); ++i) {
      check_object(value.at(key)[i], child, where + "." + key + "[" + std::to_string(i) + "]");
    }
  };
  if (definition == "Root") {
    CHECK(value.at("version").is_string());
    CHECK(value.at("currency").is_string());
    CHECK(std::regex_match(value.at("timeGenerated").get<std::string>(),
                           std::regex(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$)")));
    nested("metadata", "Metadata");
    each("projects", "Project");
    nested("summary", "Summary");
  } else if (definition == "Metadata") {
    for (const auto& key : def.required) CHECK(value.at(key).is_string());
  } else if (definition == "Project") {
    CHECK(value.at("name").is_string());
    nested("metadata", "ProjectMetadata");
    nested("pastBreakdown", "Breakdown");
    nested("breakdown", "Breakdown");
    nested("diff", "Breakdown");
    nested("summary", "Summary");
  } else if (definition == "ProjectMetadata") {
    CHECK(value.at("path").is_string());
    CHECK(value.at("type").is_string());
  } else if (definition == "Breakdown") {
    each("resources", "Resource");
  } else if (definition == "Resource") {
    CHECK(value.at("name").is_string());
    CHECK(value.at("metadata").is_object());
    each("costComponents", "CostComponent");
    each("subresources", "Resource");
  } else if (definition == "CostComponent") {
    CHECK(value.at("name").is_string());
    CHECK(value.at("unit").is_string());
    CHECK(value.at("priceNotFound").is_boolean());
  } else if (definition == "Summary") {
    for (const auto& [key, item] : value.items()) CHECK((item.is_number_integer() || item.is_object()));
  }
}

// A decimal string as an exact count of 1e-8: every amount has at most 8 decimals.
std::int64_t units(const json& value) {
  const std::string text = value.get<std::string>();
  REQUIRE(is_decimal(text));
  const bool negative = text[0] == '-';
  const std::string digits = negative ? text.substr(1) : text;
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : digits.substr(dot + 1);
  REQUIRE(fraction.size() <= 8);
  fraction.append(8 - fraction.size(), '0');
  const std::int64_t out = std::stoll(whole) * 100'000'000 + std::stoll(fraction);
  return negative ? -out : out;
}

StrategyColumn strategy(const std::string& name, std::map<Component, double> cash) {
  StrategyColumn column;
  column.name = name;
  column.description = name + " strategy";
  for (const auto& [component, amount] : cash) {
    column.cash[static_cast<std::size_t>(component)] = amount;
    column.total_cash += amount;
  }
  column.total_amortized = column.total_cash;
  column.npv = column.total_cash * 0.9;
  return column;
}

ComparisonReport lab_report(std::vector<StrategyColumn> strategies) {
  ComparisonReport report;
  report.scenario_name = "lab";
  report.scenario_file = "scenarios/lab.yaml";
  report.start = "2027-01";
  report.end = "2027-12";
  report.months = 12;
  report.hours_per_month = "730";
  report.currency = "USD";
  report.baseline = strategies.front().name;
  strategies.front().baseline = true;
  report.strategies = std::move(strategies);
  return report;
}

ComparisonReport base_report() {
  return lab_report({strategy("cloud", {{Component::compute, 120000}, {Component::storage, 1200}}),
                     strategy("onprem", {{Component::hardware, 240000}, {Component::power, 12000}}),
                     strategy("legacy", {{Component::compute, 60000}})});
}

ComparisonReport head_report() {
  return lab_report({strategy("cloud", {{Component::compute, 150000}, {Component::egress, 600}}),
                     strategy("onprem", {{Component::hardware, 240000}, {Component::power, 12000}}),
                     strategy("hybrid", {{Component::compute, 36500}, {Component::staff, 0.00000001}})});
}

const json& project(const json& doc, const std::string& name) {
  for (const auto& p : doc.at("projects")) {
    if (p.at("name") == name) return p;
  }
  FAIL("no project " << name);
  return doc;
}

std::vector<std::string> names(const json& array) {
  std::vector<std::string> out;
  for (const auto& item : array) out.push_back(item.at("name").get<std::string>());
  return out;
}

// Every total is the exact sum of its parts, and hourly = monthly / 730 to within rounding.
void check_sums(const json& doc) {
  for (const char* side : {"pastBreakdown", "breakdown", "diff"}) {
    std::int64_t monthly = 0, hourly = 0;
    for (const auto& p : doc.at("projects")) {
      const json& breakdown = p.at(side);
      std::int64_t resources_monthly = 0, resources_hourly = 0;
      for (const auto& resource : breakdown.at("resources")) {
        std::int64_t components_monthly = 0, components_hourly = 0;
        for (const auto& component : resource.value("costComponents", json::array())) {
          components_monthly += units(component.at("monthlyCost"));
          components_hourly += units(component.at("hourlyCost"));
          CHECK(units(component.at("monthlyCost")) != 0);
          CHECK(static_cast<double>(units(component.at("hourlyCost"))) ==
                Approx(static_cast<double>(units(component.at("monthlyCost"))) / 730.0).margin(1.0));
        }
        CHECK(components_monthly == units(resource.at("monthlyCost")));
        CHECK(components_hourly == units(resource.at("hourlyCost")));
        resources_monthly += components_monthly;
        resources_hourly += components_hourly;
      }
      CHECK(resources_monthly == units(breakdown.at("totalMonthlyCost")));
      CHECK(resources_hourly == units(breakdown.at("totalHourlyCost")));
      CHECK(units(breakdown.at("totalMonthlyUsageCost")) == 0);
      monthly += resources_monthly;
      hourly += resources_hourly;
    }
    const std::string prefix = std::string(side) == "breakdown" ? "total"
                               : std::string(side) == "diff"    ? "diffTotal"
                                                                : "pastTotal";
    CHECK(units(doc.at(prefix + "MonthlyCost")) == monthly);
    CHECK(units(doc.at(prefix + "HourlyCost")) == hourly);
  }
  CHECK(units(doc.at("diffTotalMonthlyCost")) ==
        units(doc.at("totalMonthlyCost")) - units(doc.at("pastTotalMonthlyCost")));
  CHECK(units(doc.at("diffTotalHourlyCost")) ==
        units(doc.at("totalHourlyCost")) - units(doc.at("pastTotalHourlyCost")));
}

}  // namespace

TEST_CASE("infracost compare: one project per strategy, components as cost components", "[infracost]") {
  const auto report = base_report();
  const std::string text = render_compare_infracost(report);
  const json doc = json::parse(text);
  check_object(doc, "Root", "root");
  check_sums(doc);

  CHECK(doc.at("version") == "0.2");
  CHECK(doc.at("currency") == "USD");
  CHECK(doc.at("metadata").at("infracostCommand") == "breakdown");
  CHECK(doc.at("timeGenerated") == "2027-01-01T00:00:00Z");
  CHECK(names(doc.at("projects")) == std::vector<std::string>{"lab/cloud", "lab/onprem", "lab/legacy"});

  const json& cloud = project(doc, "lab/cloud");
  CHECK(cloud.at("displayName") == "cloud");
  CHECK(cloud.at("metadata") == json{{"path", "scenarios/lab.yaml"}, {"type", "tco_scenario"}});
  const json& resources = cloud.at("breakdown").at("resources");
  REQUIRE(resources.size() == 1u);
  const json& resource = resources[0];
  CHECK(resource.at("name") == "tco_strategy.cloud");
  CHECK(resource.at("resourceType") == "tco_strategy");
  CHECK(resource.at("metadata").at("tco").at("strategy") == "cloud");
  CHECK(resource.at("metadata").at("tco").at("baseline") == true);
  CHECK(resource.at("metadata").at("tco").at("months") == 12);
  CHECK(resource.at("metadata").at("tco").at("totalCash") == "121200");
  // 120000 / 12 = 10000 a month; 10000 / 730 = 13.698630136986...
  CHECK(resource.at("monthlyCost") == "10100");
  CHECK(resource.at("hourlyCost") == "13.83561644");  // 13.69863014 + 0.1369863
  const json& components = resource.at("costComponents");
  CHECK(names(components) == std::vector<std::string>{"GPU compute", "Storage"});  // zero components left out
  CHECK(components[0] == json{{"name", "GPU compute"},
                              {"unit", "months"},
                              {"hourlyQuantity", "0.0013698630136986"},
                              {"monthlyQuantity", "1"},
                              {"price", "10000"},
                              {"hourlyCost", "13.69863014"},
                              {"monthlyCost", "10000"},
                              {"priceNotFound", false}});
  CHECK(components[1].at("monthlyCost") == "100");
  CHECK(components[1].at("hourlyCost") == "0.1369863");

  // As `infracost breakdown`: an empty past, and a diff that adds everything.
  CHECK(cloud.at("pastBreakdown") == json{{"resources", json::array()},
                                          {"totalHourlyCost", "0"},
                                          {"totalMonthlyCost", "0"},
                                          {"totalMonthlyUsageCost", "0"}});
  const json& diff = cloud.at("diff").at("resources");
  REQUIRE(diff.size() == 1u);
  CHECK(diff[0].at("monthlyCost") == "10100");
  CHECK(diff[0].at("metadata") == json::object());
  CHECK(diff[0].at("costComponents")[0].at("monthlyQuantity") == "1");
  CHECK(doc.at("pastTotalMonthlyCost") == "0");
  CHECK(doc.at("totalMonthlyCost") == "36100");  // 10100 + 21000 + 5000
  CHECK(doc.at("diffTotalMonthlyCost") == doc.at("totalMonthlyCost"));
  CHECK(doc.at("summary").at("totalSupportedResources") == 3);

  CHECK(render_compare_infracost(report) == text);  // deterministic
  CHECK(text.back() == '\n');
}

TEST_CASE("infracost diff: past from base, breakdown from head, diff = head - base", "[infracost]") {
  const std::string text = render_diff_infracost(base_report(), head_report());
  const json doc = json::parse(text);
  check_object(doc, "Root", "root");
  check_sums(doc);

  CHECK(doc.at("metadata").at("infracostCommand") == "diff");
  // Head's order, then what only the base has.
  CHECK(names(doc.at("projects")) == std::vector<std::string>{"lab/cloud", "lab/onprem", "lab/hybrid", "lab/legacy"});

  SECTION("a changed strategy: only changed components, past ones first") {
    const json& cloud = project(doc, "lab/cloud");
    CHECK(cloud.at("pastBreakdown").at("totalMonthlyCost") == "10100");
    CHECK(cloud.at("breakdown").at("totalMonthlyCost") == "12550");
    const json& resources = cloud.at("diff").at("resources");
    REQUIRE(resources.size() == 1u);
    CHECK(resources[0].at("monthlyCost") == "2450");
    CHECK(resources[0].at("monthlyUsageCost") == "0");
    const json& components = resources[0].at("costComponents");
    CHECK(names(components) == std::vector<std::string>{"GPU compute", "Storage", "Egress"});
    CHECK(components[0].at("monthlyCost") == "2500");  // 12500 - 10000
    CHECK(components[0].at("price") == "2500");
    CHECK(components[0].at("monthlyQuantity") == "0");
    CHECK(components[0].at("hourlyQuantity") == "0");
    CHECK(components[1].at("monthlyCost") == "-100");  // storage gone
    CHECK(components[1].at("monthlyQuantity") == "-1");
    CHECK(components[1].at("hourlyQuantity") == "-0.0013698630136986");
    CHECK(components[2].at("monthlyCost") == "50");  // egress new
    CHECK(components[2].at("monthlyQuantity") == "1");
  }
  SECTION("an unchanged strategy has an empty diff") {
    const json& onprem = project(doc, "lab/onprem");
    CHECK(onprem.at("diff") == json{{"resources", json::array()},
                                    {"totalHourlyCost", "0"},
                                    {"totalMonthlyCost", "0"},
                                    {"totalMonthlyUsageCost", "0"}});
    CHECK(onprem.at("pastBreakdown").at("resources") == onprem.at("breakdown").at("resources"));
  }
  SECTION("a new strategy has an empty past; amounts that round to zero are left out") {
    const json& hybrid = project(doc, "lab/hybrid");
    CHECK(hybrid.at("pastBreakdown").at("resources").empty());
    CHECK(hybrid.at("pastBreakdown").at("totalMonthlyCost") == "0");
    const json& components = hybrid.at("breakdown").at("resources")[0].at("costComponents");
    CHECK(names(components) == std::vector<std::string>{"GPU compute"});
    // 36500 / 12 = 3041.666666666...; / 730 = 4.16666666...
    CHECK(components[0].at("monthlyCost") == "3041.66666667");
    CHECK(components[0].at("hourlyCost") == "4.16666667");
    CHECK(hybrid.at("diff").at("totalMonthlyCost") == "3041.66666667");
  }
  SECTION("a removed strategy has an empty breakdown and a negative diff") {
    const json& legacy = project(doc, "lab/legacy");
    CHECK(legacy.at("breakdown").at("resources").empty());
    CHECK(legacy.at("breakdown").at("totalMonthlyCost") == "0");
    CHECK(legacy.at("pastBreakdown").at("totalMonthlyCost") == "5000");
    CHECK(legacy.at("diff").at("totalMonthlyCost") == "-5000");
    CHECK(legacy.at("diff").at("resources")[0].at("costComponents")[0].at("monthlyQuantity") == "-1");
    CHECK(legacy.at("summary").at("totalDetectedResources") == 0);
  }
  SECTION("top-level totals") {
    // head: 12550 + 21000 + 3041.66666667; base: 10100 + 21000 + 5000
    CHECK(doc.at("totalMonthlyCost") == "36591.66666667");
    CHECK(doc.at("pastTotalMonthlyCost") == "36100");
    CHECK(doc.at("diffTotalMonthlyCost") == "491.66666667");
    CHECK(doc.at("summary").at("totalDetectedResources") == 3);
  }
  CHECK(render_diff_infracost(base_report(), head_report()) == text);
}

TEST_CASE("infracost: a strategy without costs, and a report against itself", "[infracost]") {
  auto report = lab_report({strategy("idle", {}), strategy("busy", {{Component::compute, -1200}})});
  const json doc = json::parse(render_compare_infracost(report));
  check_object(doc, "Root", "root");
  check_sums(doc);
  const json& idle = project(doc, "lab/idle").at("breakdown").at("resources")[0];
  CHECK(idle.at("monthlyCost") == "0");
  CHECK(idle.at("hourlyCost") == "0");
  CHECK_FALSE(idle.contains("costComponents"));  // omitted when empty, as Infracost does
  CHECK(project(doc, "lab/busy").at("breakdown").at("totalMonthlyCost") == "-100");

  const json same = json::parse(render_diff_infracost(report, report));
  check_object(same, "Root", "root");
  CHECK(same.at("diffTotalMonthlyCost") == "0");
  CHECK(same.at("diffTotalHourlyCost") == "0");
  for (const auto& p : same.at("projects")) CHECK(p.at("diff").at("resources").empty());
}

TEST_CASE("infracost: a real comparison adds up", "[infracost]") {
  auto run = test::run(test::rent_or_own());
  REQUIRE(run);
  const auto report = make_comparison_report(run->model.value());
  const json doc = json::parse(render_compare_infracost(report));
  check_object(doc, "Root", "root");
  check_sums(doc);
  CHECK(doc.at("timeGenerated") == "2027-01-01T00:00:00Z");
  for (const auto& column : report.strategies) {
    const json& p = project(doc, report.scenario_name + "/" + column.name);
    const double monthly = static_cast<double>(units(p.at("breakdown").at("totalMonthlyCost"))) / 1e8;
    CHECK(monthly == Approx(column.monthly_average).margin(1e-6));
  }
  const json diff = json::parse(render_diff_infracost(report, report));
  check_object(diff, "Root", "root");
  check_sums(diff);
  CHECK(diff.at("diffTotalMonthlyCost") == "0");
}
