#pragma once
// The neutral comparison report behind `tco compare`: every figure each format shows, and
// nothing about how it is shown. Renderers are pure functions of this.
#include <optional>
#include <string>
#include <vector>

#include "tco/inputs/saved_comparison.hpp"
#include "tco/model/figures.hpp"
#include "tco/model/results.hpp"
#include "tco/report/format.hpp"

namespace tco {

// A sheet (with any overlays) and the months it priced.
struct SheetInfo {
  std::string provider;
  std::string name;
  std::string effective_date;
  std::string file;
  std::string sha256;
  std::string origin;  // "bundled" or the --pricing-dir it came from
  std::vector<AppliedOverlay> overlays;
  std::string from_month;  // YYYY-MM
  std::string to_month;    // YYYY-MM
  bool projected = false;  // some of its months were projected by price_trends
  std::vector<PriceSource> sources;
};

struct StrategyColumn {
  std::string name;
  std::string description;
  bool baseline = false;
  ComponentAmounts cash{};
  ComponentAmounts amortized{};
  double total_cash = 0;
  double total_amortized = 0;
  double monthly_average = 0;  // total cash / months
  double npv = 0;
  std::optional<Breakeven> breakeven;
  std::optional<MigrationPayback> payback;  // a strategy that moves (figures.hpp)
  double used_gpu_hours = 0;
  std::optional<double> cost_per_used_gpu_hour;  // amortized total / used GPU-hours
  double egress_bytes = 0;
  double egress_share = 0;                       // egress cash / total cash
  double site_transfer_bytes = 0;                // bytes sent between the scenario's sites
  std::optional<double> transfer_amplification;  // site_transfer_bytes / the datasets' starting size
  std::vector<WorkloadEconomics> workloads;      // in scenario order (figures.hpp: unit economics)
  double unattributed_cost = 0;                  // amortized cost no workload carries (flows between sites)
  std::vector<double> monthly_cash;
  std::vector<double> monthly_amortized;
  std::vector<ComponentAmounts> monthly_components_cash;       // [month][component], for the monthly charts
  std::vector<ComponentAmounts> monthly_components_amortized;  // [month][component]
  std::vector<CauseAmount> by_cause;                           // over the horizon, largest first (figures.hpp)
  std::vector<Citation> citations;                             // the sources its figures rest on
  int secondhand_prices = 0;                                   // prices from secondhand sources among them
};

struct ComparisonReport {
  std::string scenario_name;
  std::string description;
  std::string scenario_file;
  std::string start;  // YYYY-MM
  std::string end;    // YYYY-MM, last month of the horizon
  int months = 0;
  std::string hours_per_month;  // "730" or "calendar"
  std::string currency;
  double discount_rate = 0;
  std::string prices_as_of;  // YYYY-MM-DD when pinned (as_of, --as-of); empty = each month's own sheets
  std::vector<std::string> projected_months;  // YYYY-MM of months priced by a price_trends projection
  std::string baseline;
  std::vector<StrategyColumn> strategies;
  std::vector<SheetInfo> sheets;
  std::vector<std::string> month_labels;  // YYYY-MM for each month
};

ComparisonReport make_comparison_report(const ModelResult& model);
// The report a saved `tco compare --format json` result holds: totals, components, months,
// break-even and price sheets (what `tco diff` reads); causes and unit costs are left empty.
// Its scenario_file is the saved document's file.
ComparisonReport comparison_from_saved(const SavedComparison& saved);

// "2027-01..2031-12", or the month alone, for a run of months.
std::string month_span(const std::vector<std::string>& months);
// The names of strategies whose figures rest partly on secondhand prices.
std::vector<std::string> strategies_on_secondhand_prices(const ComparisonReport& report);

// "month 40 (2030-04)" or "not within the horizon"; the month is 1-based.
std::string describe_breakeven_month(const ComparisonReport& report, const std::optional<int>& month);
// The month (1-based, as break-even months are) a migration was paid back in; none within the horizon.
inline std::optional<int> paid_back_month(const MigrationPayback& payback) {
  return payback.month ? std::optional<int>(*payback.month + 1) : std::nullopt;
}

// One renderer per format (src/report/compare/).
std::string render_compare_table(const ComparisonReport& report);
std::string render_compare_json(const ComparisonReport& report);
// scenario,strategy,month,component,basis,currency,amount — every month, component and basis.
//   CSV (every report): tidy data, one value per row, a header row first, RFC 4180 quoting,
//   numbers unrounded (shortest text that reads back to the same value), months as YYYY-MM.
std::string render_compare_csv(const ComparisonReport& report);
// GitHub-flavoured Markdown (every report), for pull-request comments and documents.
std::string render_compare_markdown(const ComparisonReport& report);
// `--format infracost-json`: an Infracost "0.2" JSON document, so policy tooling written for
// Infracost's output can read tco results. Each strategy is a project ("<scenario>/<strategy>")
// holding one resource ("tco_strategy.<strategy>") whose cost components are tco's components
// with a non-zero amount; monthlyCost is the cash over the horizon divided by the months,
// hourlyCost monthlyCost / 730; amounts are decimal strings rounded to 8 decimals, and every
// total is the exact sum of what it adds up (compare/infracost_json.cpp has the whole mapping).
// Like `infracost breakdown --format json`: every project, an empty pastBreakdown and a diff
// that adds everything.
std::string render_compare_infracost(const ComparisonReport& report);
// Like `infracost diff --format json`: base as the past breakdown, head as the current one.
std::string render_diff_infracost(const ComparisonReport& base, const ComparisonReport& head);

// What tco compare prints: the comparison of each scenario given, in argument order.
struct ComparisonSet {
  std::vector<ComparisonReport> scenarios;
};
// Its formats: tables one after another; one JSON document, or an array of them; one CSV
// table; Markdown sections; and Infracost's JSON of the last scenario.
const Renderers<ComparisonSet>& comparison_renderers();

}  // namespace tco
