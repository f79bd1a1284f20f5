#pragma once
// The neutral report behind `tco diff BASE HEAD`: each strategy's and component's figure on
// both sides, what the change came from when the sides were priced with different sheets,
// break-even changes, and the gates checked. Renderers are pure functions of this.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/format.hpp"
#include "tco/report/gates.hpp"

namespace tco {

// One figure on both sides. `head_at_base_prices` is head's figure re-priced with the price
// sheets base was priced with; set only when the sides' sheets differ.
struct Change {
  double base = 0;
  double head = 0;
  std::optional<double> head_at_base_prices;

  [[nodiscard]] double delta() const { return head - base; }
  // The change as a fraction of base; none when base is zero (no percentage from nothing).
  [[nodiscard]] std::optional<double> fraction() const;
  // Changed by at least a cent: figures equal to the cent are the same to a reader.
  [[nodiscard]] bool changed() const;
  [[nodiscard]] std::optional<double> from_scenario() const;  // head at base prices - base
  [[nodiscard]] std::optional<double> from_prices() const;    // head - head at base prices
};

struct ComponentChange {
  Component component = Component::compute;
  Change total;      // cash over the horizon
  Change per_month;  // the horizon's figure divided by its months
};

// Break-even against each side's baseline, as a 1-based month; none = not within the horizon.
struct BreakevenChange {
  std::optional<int> base_month;
  std::optional<int> head_month;
  std::string base_date;  // YYYY-MM of base_month
  std::string head_date;
  [[nodiscard]] bool changed() const { return base_month != head_month; }
};

// A strategy's migration on each side (tco-model(7), MIGRATION PAYBACK): its one-off cost and
// the 1-based month it is paid back in (none: not within the horizon); none on a side where
// the strategy has no migration.
struct MigrationChange {
  std::optional<double> base_cost, head_cost;
  std::optional<int> base_month, head_month;
  std::string base_date, head_date;  // YYYY-MM of each month
  [[nodiscard]] bool changed() const;
};

// The cash of one cause (a workload, a dataset, a flow: the ledger's "workload train") on both
// sides, every component summed: which resource a change comes from.
struct CauseChange {
  std::string cause;
  Change total;
  Change per_month;
};

struct StrategyChange {
  std::string name;
  bool in_base = true;
  bool in_head = true;
  Change total;      // cash over the horizon
  Change per_month;  // monthly average
  Change amortized;  // amortized total
  Change npv;
  std::vector<ComponentChange> components;   // every component, in kComponents order
  // Every cause on either side, the largest change first; empty when base is a saved result,
  // which does not keep its causes.
  std::vector<CauseChange> causes;
  std::optional<BreakevenChange> breakeven;  // when neither side is its baseline
  std::optional<MigrationChange> migration;  // when either side's strategy moves
  // Any figure or the break-even month changed, or the strategy is on one side only.
  [[nodiscard]] bool changed() const;
};

// A provider whose sheets differ between the sides: "2025-06-01 sha256:26f49698973d" each,
// several joined with ", "; empty when the side used none of that provider.
struct SheetChange {
  std::string provider;
  std::string base;
  std::string head;
};

// Where the price split stands when the sides' sheets differ.
enum class PriceSplit {
  none,         // both sides were priced with the same sheets: every change is the scenario's
  split,        // head was re-priced with base's sheets: the change is split in two
  unavailable,  // the sheets differ, but base's cannot be had again (see split_note)
};

struct DiffSide {
  std::string file;
  bool saved = false;  // a saved `tco compare --format json` result, not a scenario
  std::string scenario_name;
  std::string start;  // YYYY-MM
  std::string end;
  int months = 0;
  std::string baseline;
  std::string prices_as_of;  // YYYY-MM-DD when pinned
};

struct DiffReport {
  DiffSide base;
  DiffSide head;
  std::string currency;
  std::vector<StrategyChange> strategies;  // head's order, then strategies only base has
  std::vector<SheetChange> sheet_changes;  // empty when both sides used the same sheets
  PriceSplit split = PriceSplit::none;
  std::string split_note;        // why the split is unavailable
  std::vector<GateCheck> gates;  // increase gates, then head's budgets
  // The two sides whole, for a format that shows each (Infracost's diff document).
  ComparisonReport base_report;
  ComparisonReport head_report;
  [[nodiscard]] bool passed() const;
};

// Both reports in one currency (the caller checks). `head_at_base_prices` is head's scenario
// re-priced with base's sheets, or nullptr when it could not be (give `split_note` then) or
// was not needed.
DiffReport make_diff_report(const ComparisonReport& base, bool base_saved, const ComparisonReport& head,
                            const ComparisonReport* head_at_base_prices, const std::string& split_note);

// The sheets of a report that differ from the other's, by provider.
std::vector<SheetChange> sheet_changes(const ComparisonReport& base, const ComparisonReport& head);

// Checks each gate on the report's strategies. A gate on every strategy checks those on both
// sides. A gate naming a strategy that only one side has fails, saying so; one naming a
// strategy neither side has, or a limit in another currency, is an error (invalid usage).
Result<std::vector<GateCheck>> check_increase_gates(const DiffReport& report, const std::vector<IncreaseGate>& gates);

// "+$561 (+12.0 %)", "-$1,200 (-3.4 %)", "+$500" (from zero), "no change".
std::string format_change(double delta, std::optional<double> fraction, const std::string& currency);
std::string format_change(const Change& change, const std::string& currency);

// How a render shows lines that did not change.
struct DiffRenderOptions {
  bool all = false;  // show unchanged strategies and components too
};

std::string render_diff_table(const DiffReport& report, const DiffRenderOptions& options);
std::string render_diff_json(const DiffReport& report);  // schema "tco.diff/1": every line, always
// For a pull-request comment: the summary table first, each strategy's components in a
// collapsible section, under `max_chars` (GitHub's comment limit is 65,536) with a note when cut.
std::string render_diff_markdown(const DiffReport& report, const DiffRenderOptions& options,
                                 std::size_t max_chars = 65000);

// tco diff's formats (src/report/diff/, and the Infracost document of both sides from
// src/report/compare/infracost_json.cpp); the table and Markdown take RenderOptions' `all`.
const Renderers<DiffReport>& diff_renderers();

}  // namespace tco
