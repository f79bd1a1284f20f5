// `--format infracost-json`: the comparison as an Infracost "0.2" JSON document.
//
// Followed (github.com/infracost/infracost):
//   schema/infracost.schema.json   @ cffbc23da5189e8e7dbe11917028ce5c019ea772  (keys, types, required)
//   internal/output/output.go      @ da3f5c25dacb357338a934cf43f0e47cba7acb3b  (key order, omitempty, totals)
//   internal/output/metadata.go    @ 12aa5e90ea28b0f653b6ff030f607a02e1a2974f  (top-level metadata)
//   internal/output/combined.go    @ 04cfeb3edd498b7b1869c48545262c40582cacda  (CompareTo: added/removed projects)
//   internal/schema/diff.go        @ 03ed8916992bd2dfee987d8fc09279f819492962  (CalculateDiff)
//   cmd/infracost/testdata/breakdown_format_json/breakdown_format_json.golden
//                                  @ a19872258eb139b077783ceda01277d74bfb11ab  (what breakdown emits)
//
// What Infracost does, and so what this does:
// - Amounts are shopspring decimal strings: no exponent, no trailing zeros, "0" for zero, a
//   leading "-" when negative. Here every amount is rounded to 8 decimals once, as an integer
//   count of 1e-8 of the currency, and every total is the exact integer sum of its parts, so
//   the components add up to the resource, the resources to the project and the projects to
//   the document's totals, to the last digit.
// - `breakdown` too emits pastBreakdown (empty: no resources, totals "0") and a diff that adds
//   every resource; the schema requires both as objects, never null. pastTotal* are then "0"
//   and diffTotal* equal the totals.
// - A diff holds only the resources and cost components that changed; a changed component
//   carries the differences of its quantities, price and costs (head minus base). A project on
//   one side only has an empty breakdown on the other (CompareTo).
// - The root requires a `metadata` object of VCS facts; tco has none, so they are empty
//   strings, and vcsCommitTimestamp is Go's zero time, as Infracost writes them outside git.
//
// The mapping of tco onto it:
// - One project per strategy: name "<scenario name>/<strategy>", displayName the strategy,
//   metadata {path: the scenario file, type: "tco_scenario"}. Projects come in head's strategy
//   order, then strategies only the base has.
// - One resource per project, "tco_strategy.<strategy>" of resourceType "tco_strategy": its cost
//   components are tco's components (named by their table labels) with a non-zero amount, so
//   that an Infracost renderer or policy sees one line per component, and the resource's cost is
//   the strategy's. tco's own figures (horizon, totals over it, NPV) go in the resource's
//   metadata under "tco", the one place the schema allows free keys.
// - A component is a fixed monthly charge: unit "months", monthlyQuantity "1", hourlyQuantity
//   1/730 (as Infracost writes it), price = monthlyCost = its cash over the horizon / months
//   (the average month), hourlyCost = monthlyCost / 730, Infracost's hours per month, whatever
//   the scenario's hours_per_month.
// - Nothing is usage-based (the *UsageCost totals are "0") and summaries count one supported
//   resource per project.
// - timeGenerated must be a date-time and tco output has no clock in it: it is the first
//   instant of head's first month ("2027-01-01T00:00:00Z"), 1970-01-01 if start is not YYYY-MM.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/json.hpp"
#include "compare/rows.hpp"
#include "tco/core/quantity.hpp"
#include "tco/report/comparison.hpp"

namespace tco {
namespace {

using nlohmann::ordered_json;

// An amount of money, in 1e-8 of the currency.
using Amount = std::int64_t;
constexpr Amount kScale = 100'000'000;
constexpr int kDecimals = 8;
// The hours-per-month convention of core (730), as the integer divisor of amounts.
constexpr Amount kHoursPerMonthWhole = static_cast<Amount>(kHoursPerMonth);
// 1/730 to the 16 decimals Infracost's decimal division gives ("0.0013698630136986").
constexpr const char* kHourlyQuantity = "0.0013698630136986";
constexpr const char* kNegativeHourlyQuantity = "-0.0013698630136986";
constexpr const char* kResourceType = "tco_strategy";
constexpr const char* kProjectType = "tco_scenario";
constexpr const char* kGoZeroTime = "0001-01-01T00:00:00Z";

Amount to_amount(double value) {
  const double scaled = std::round(value * static_cast<double>(kScale));
  // 1e9 a month: far beyond any real figure, and a sum of 90 of them still fits in int64.
  constexpr double kLimit = 1.0e17;
  if (!std::isfinite(scaled)) return 0;
  if (scaled >= kLimit) return static_cast<Amount>(kLimit);
  if (scaled <= -kLimit) return -static_cast<Amount>(kLimit);
  return static_cast<Amount>(scaled);
}

// amount / 730, rounded half away from zero.
Amount per_hour(Amount monthly) {
  const Amount quotient = monthly / kHoursPerMonthWhole;
  const Amount remainder = monthly % kHoursPerMonthWhole;
  if (2 * (remainder < 0 ? -remainder : remainder) >= kHoursPerMonthWhole) return quotient + (monthly < 0 ? -1 : 1);
  return quotient;
}

// As shopspring's Decimal.String(): "1303.28", "-5", "0.00684932", "0".
std::string decimal(Amount amount) {
  if (amount == 0) return "0";
  const bool negative = amount < 0;
  const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
  const auto scale = static_cast<std::uint64_t>(kScale);
  std::string out = negative ? "-" : "";
  out += std::to_string(magnitude / scale);
  std::string fraction = std::to_string(magnitude % scale);
  fraction.insert(0, static_cast<std::size_t>(kDecimals) - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

ordered_json optional_decimal(const std::optional<Amount>& amount) {
  return amount ? ordered_json(decimal(*amount)) : ordered_json(nullptr);
}

// A component of a strategy with a non-zero average month.
struct Line {
  Component component = Component::compute;
  Amount monthly = 0;
  Amount hourly = 0;
};

// A strategy of one report: the resource of its project.
struct Side {
  const ComparisonReport* report = nullptr;
  const StrategyColumn* column = nullptr;
  std::vector<Line> lines;  // in kComponents order
  Amount monthly = 0;       // the sums of the lines
  Amount hourly = 0;
};

Side make_side(const ComparisonReport& report, const StrategyColumn& column) {
  Side side{&report, &column, {}, 0, 0};
  for (Component component : kComponents) {
    const double cash = column.cash[static_cast<std::size_t>(component)];
    const Amount monthly = report.months > 0 ? to_amount(cash / static_cast<double>(report.months)) : 0;
    if (monthly == 0) continue;
    const Line line{component, monthly, per_hour(monthly)};
    side.lines.push_back(line);
    side.monthly += line.monthly;
    side.hourly += line.hourly;
  }
  return side;
}

std::string resource_name(const Side& side) { return std::string(kResourceType) + "." + side.column->name; }

ordered_json cost_component(const Line& line) {
  return {{"name", component_label(line.component)}, {"unit", "months"},
          {"hourlyQuantity", kHourlyQuantity},       {"monthlyQuantity", "1"},
          {"price", decimal(line.monthly)},          {"hourlyCost", decimal(line.hourly)},
          {"monthlyCost", decimal(line.monthly)},    {"priceNotFound", false}};
}

ordered_json resource(const Side& side) {
  const ComparisonReport& report = *side.report;
  const StrategyColumn& column = *side.column;
  ordered_json tco_metadata{{"scenario", report.scenario_name},
                            {"strategy", column.name},
                            {"description", column.description},
                            {"baseline", column.baseline},
                            {"start", report.start},
                            {"end", report.end},
                            {"months", report.months},
                            {"hoursPerMonth", report.hours_per_month},
                            {"pricesAsOf", text_or_null(report.prices_as_of)},
                            {"totalCash", decimal(to_amount(column.total_cash))},
                            {"totalAmortized", decimal(to_amount(column.total_amortized))},
                            {"npv", decimal(to_amount(column.npv))}};
  ordered_json out{{"name", resource_name(side)},
                   {"resourceType", kResourceType},
                   {"metadata", {{"tco", std::move(tco_metadata)}}},
                   {"hourlyCost", decimal(side.hourly)},
                   {"monthlyCost", decimal(side.monthly)}};
  if (!side.lines.empty()) {  // omitted when empty, as Go's omitempty does
    ordered_json components = ordered_json::array();
    for (const Line& line : side.lines) components.push_back(cost_component(line));
    out["costComponents"] = std::move(components);
  }
  return out;
}

ordered_json breakdown_json(ordered_json resources, Amount hourly, Amount monthly) {
  return {{"resources", std::move(resources)},
          {"totalHourlyCost", decimal(hourly)},
          {"totalMonthlyCost", decimal(monthly)},
          {"totalMonthlyUsageCost", "0"}};
}

ordered_json breakdown(const Side* side) {
  ordered_json resources = ordered_json::array();
  if (side) resources.push_back(resource(*side));
  return breakdown_json(std::move(resources), side ? side->hourly : 0, side ? side->monthly : 0);
}

const Line* find_line(const Side* side, Component component) {
  if (!side) return nullptr;
  for (const Line& line : side->lines) {
    if (line.component == component) return &line;
  }
  return nullptr;
}

// A changed component as diffCostComponents makes it: current minus past, field by field.
std::optional<ordered_json> component_diff(const Line* past, const Line* current) {
  const Line& base = current ? *current : *past;
  const Amount monthly = (current ? current->monthly : 0) - (past ? past->monthly : 0);
  const Amount hourly = (current ? current->hourly : 0) - (past ? past->hourly : 0);
  const bool quantity_changed = (past == nullptr) != (current == nullptr);
  if (!quantity_changed && monthly == 0 && hourly == 0) return std::nullopt;
  const char* hourly_quantity = !quantity_changed ? "0" : current ? kHourlyQuantity : kNegativeHourlyQuantity;
  const char* monthly_quantity = !quantity_changed ? "0" : current ? "1" : "-1";
  return ordered_json{
      {"name", component_label(base.component)}, {"unit", "months"},          {"hourlyQuantity", hourly_quantity},
      {"monthlyQuantity", monthly_quantity},     {"price", decimal(monthly)}, {"hourlyCost", decimal(hourly)},
      {"monthlyCost", decimal(monthly)},         {"priceNotFound", false}};
}

// The project's diff: its resource if any component changed, past components first and then
// new ones, as CalculateDiff orders them.
ordered_json diff_breakdown(const Side* past, const Side* current) {
  ordered_json components = ordered_json::array();
  if (past) {
    for (const Line& line : past->lines) {
      if (auto diff = component_diff(&line, find_line(current, line.component))) components.push_back(*diff);
    }
  }
  if (current) {
    for (const Line& line : current->lines) {
      if (find_line(past, line.component)) continue;
      if (auto diff = component_diff(nullptr, &line)) components.push_back(*diff);
    }
  }
  const Amount monthly = (current ? current->monthly : 0) - (past ? past->monthly : 0);
  const Amount hourly = (current ? current->hourly : 0) - (past ? past->hourly : 0);
  ordered_json resources = ordered_json::array();
  if (!components.empty()) {
    resources.push_back({{"name", resource_name(current ? *current : *past)},
                         {"resourceType", kResourceType},
                         {"metadata", ordered_json::object()},
                         {"hourlyCost", decimal(hourly)},
                         {"monthlyCost", decimal(monthly)},
                         {"monthlyUsageCost", "0"},
                         {"costComponents", std::move(components)}});
  }
  return breakdown_json(std::move(resources), hourly, monthly);  // 0 when nothing changed
}

ordered_json summary(int resources) {
  return {{"totalDetectedResources", resources},
          {"totalSupportedResources", resources},
          {"totalUnsupportedResources", 0},
          {"totalUsageBasedResources", 0},
          {"totalNoPriceResources", 0},
          {"unsupportedResourceCounts", ordered_json::object()},
          {"noPriceResourceCounts", ordered_json::object()}};
}

// "2027-01" -> "2027-01-01T00:00:00Z".
std::string time_generated(const std::string& start) {
  const bool month = start.size() == 7 && start[4] == '-' &&
                     std::all_of(start.begin(), start.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  return month ? start + "-01T00:00:00Z" : "1970-01-01T00:00:00Z";
}

struct Totals {
  std::optional<Amount> hourly, monthly;
  void add(Amount hourly_amount, Amount monthly_amount) {
    hourly = hourly.value_or(0) + hourly_amount;
    monthly = monthly.value_or(0) + monthly_amount;
  }
};

// past == nullptr: a breakdown of `current` (every strategy new).
std::string render(const ComparisonReport* past, const ComparisonReport& current, const char* command) {
  struct Pair {
    std::optional<Side> past, current;
  };
  std::vector<Pair> pairs;
  for (const auto& column : current.strategies) {
    Pair pair{std::nullopt, make_side(current, column)};
    if (past) {
      for (const auto& old : past->strategies) {
        if (old.name == column.name) pair.past = make_side(*past, old);
      }
    }
    pairs.push_back(std::move(pair));
  }
  if (past) {
    for (const auto& old : past->strategies) {
      bool kept = false;
      for (const auto& column : current.strategies) kept = kept || column.name == old.name;
      if (!kept) pairs.push_back({make_side(*past, old), std::nullopt});
    }
  }

  Totals totals, past_totals, diff_totals;
  int resources = 0;
  ordered_json projects = ordered_json::array();
  for (const Pair& pair : pairs) {
    const Side* before = pair.past ? &*pair.past : nullptr;
    const Side* after = pair.current ? &*pair.current : nullptr;
    const Side& side = after ? *after : *before;
    ordered_json project_diff = diff_breakdown(before, after);
    totals.add(after ? after->hourly : 0, after ? after->monthly : 0);
    past_totals.add(before ? before->hourly : 0, before ? before->monthly : 0);
    diff_totals.add((after ? after->hourly : 0) - (before ? before->hourly : 0),
                    (after ? after->monthly : 0) - (before ? before->monthly : 0));
    resources += after ? 1 : 0;
    projects.push_back({{"name", side.report->scenario_name + "/" + side.column->name},
                        {"displayName", side.column->name},
                        {"metadata", {{"path", side.report->scenario_file}, {"type", kProjectType}}},
                        {"pastBreakdown", breakdown(before)},
                        {"breakdown", breakdown(after)},
                        {"diff", std::move(project_diff)},
                        {"summary", summary(after ? 1 : 0)}});
  }

  ordered_json doc;
  doc["version"] = "0.2";
  doc["metadata"] = {{"infracostCommand", command}, {"vcsBranch", ""},
                     {"vcsCommitSha", ""},          {"vcsCommitAuthorName", ""},
                     {"vcsCommitAuthorEmail", ""},  {"vcsCommitTimestamp", kGoZeroTime},
                     {"vcsCommitMessage", ""}};
  doc["currency"] = current.currency;
  doc["projects"] = std::move(projects);
  const bool any = !pairs.empty();  // Infracost's totals are null when there is no project
  const std::optional<Amount> zero = any ? std::optional<Amount>(0) : std::nullopt;
  doc["totalHourlyCost"] = optional_decimal(totals.hourly);
  doc["totalMonthlyCost"] = optional_decimal(totals.monthly);
  doc["totalMonthlyUsageCost"] = optional_decimal(zero);
  doc["pastTotalHourlyCost"] = optional_decimal(past_totals.hourly);
  doc["pastTotalMonthlyCost"] = optional_decimal(past_totals.monthly);
  doc["pastTotalMonthlyUsageCost"] = optional_decimal(zero);
  doc["diffTotalHourlyCost"] = optional_decimal(diff_totals.hourly);
  doc["diffTotalMonthlyCost"] = optional_decimal(diff_totals.monthly);
  doc["diffTotalMonthlyUsageCost"] = optional_decimal(zero);
  doc["timeGenerated"] = time_generated(current.start);
  doc["summary"] = summary(resources);
  return doc.dump(2) + "\n";
}

}  // namespace

std::string render_compare_infracost(const ComparisonReport& report) { return render(nullptr, report, "breakdown"); }

std::string render_diff_infracost(const ComparisonReport& base, const ComparisonReport& head) {
  return render(&base, head, "diff");
}

}  // namespace tco
