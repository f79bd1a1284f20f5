#pragma once
// Every figure derived from the ledger, computed in one place (formulas in tco-model(7)):
// amounts by month and component, totals, net present value, discounted and cumulative
// curves, break-even (simple and discounted), the figures of one evaluation of a plan, and
// unit economics (each workload's share of the cost). The engine, the evaluation plans, the
// analyses and the reports take their figures from here; ARCHITECTURE.md indexes them.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "tco/model/results.hpp"

namespace tco {

// Amounts are compared to the cent: a difference under half a cent is a tie.
constexpr double kCentTolerance = 0.005;

// ---- Amounts from the ledger ----

// Each month's amount of each component, on one basis, adding the ledger's lines in order.
std::vector<ComponentAmounts> amounts_by_month(const std::vector<CostLine>& ledger, int months, Basis basis);
// Each month's total over all components.
std::vector<double> month_totals(const std::vector<ComponentAmounts>& months);
// Over the horizon: every component, or one.
double total(const std::vector<ComponentAmounts>& months, std::optional<Component> only = std::nullopt);
// A horizon's total as an average month (0 over no months).
inline double per_month(double horizon_total, int months) { return months > 0 ? horizon_total / months : 0; }
// The running sum: the cumulative curve of monthly amounts (never falls while they are >= 0).
std::vector<double> cumulative(std::vector<double> monthly);

// What one cause (a workload, dataset, flow or site) cost over the horizon, at one site.
struct CauseAmount {
  Component component = Component::compute;
  std::string cause;
  std::string site;
  double cash = 0;
  double amortized = 0;
};
// The ledger's amounts by component, cause and site, over the horizon: the largest amortized first.
std::vector<CauseAmount> amounts_by_cause(const std::vector<CostLine>& ledger);

// ---- Time value of money ----

// Monthly rate equivalent to an annual one: (1 + r)^(1/12) - 1.
double monthly_rate(double annual_rate);
// The cash flows, each discounted to the first month (which is not discounted, t = 0).
std::vector<double> discounted(std::span<const double> monthly_cash, double annual_rate);
inline std::vector<double> discounted(const std::vector<double>& monthly_cash, double annual_rate) {
  return discounted(std::span<const double>(monthly_cash), annual_rate);
}
// Net present value of monthly cash flows: the sum of discounted(), without allocating.
double net_present_value(std::span<const double> monthly_cash, double annual_rate);
inline double net_present_value(const std::vector<double>& monthly_cash, double annual_rate) {
  return net_present_value(std::span<const double>(monthly_cash), annual_rate);
}

// ---- Break-even ----

// The first month (1-based) from which the strategy's cumulative cost stays at or below the
// baseline's, compared to the cent; none when that never happens within the horizon. The
// crossing is placed within that month by linear interpolation, as if each month's costs
// accrued evenly through it.
Crossing find_crossing(std::span<const double> strategy_cash, std::span<const double> baseline_cash);
inline Crossing find_crossing(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash) {
  return find_crossing(std::span<const double>(strategy_cash), std::span<const double>(baseline_cash));
}
std::optional<int> breakeven_month(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash);
// The crossing on cash, and on present values at `annual_rate`.
Breakeven find_breakeven(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash,
                         double annual_rate);

// The one-off cost of a strategy's migration lines (causes starting kMigrationCause) and the
// first month, from the first of them on, in which the cumulative savings against the baseline
// since that month reach zero; none when the strategy has no migration line.
std::optional<MigrationPayback> migration_payback(const StrategyResult& strategy,
                                                  const std::vector<double>& baseline_cash);

// ---- One evaluation of a plan ----

// What a strategy comes to over the horizon at one set of input values.
struct StrategyFigures {
  double total = 0;  // cash
  double npv = 0;    // net present value of the monthly cash
  // Months until its cumulative cash comes down to the baseline's and stays there,
  // fractional (1.5: halfway through the second month); none within the horizon, or for
  // the baseline itself.
  std::optional<double> breakeven;
  std::optional<int> breakeven_month;  // the same as a 1-based month of the horizon
};
// A strategy's figures from its monthly cash, against the baseline's (the same span for the
// baseline itself), without allocating: Monte Carlo does this for every sample.
StrategyFigures strategy_figures(std::span<const double> monthly_cash, std::span<const double> baseline_cash,
                                 bool is_baseline, double annual_rate);

// ---- Unit economics ----

// A workload's share of a strategy's cost (amortized) and what it produced. Lines for one
// workload are its own; an owned site's fleet costs are shared by the workloads placed there,
// and a dataset's by the workloads reading it, in proportion to their allocated GPU-hours.
struct WorkloadEconomics {
  std::string name;
  WorkloadKind kind = WorkloadKind::training;
  std::string site;
  double cost = 0;
  double used_gpu_hours = 0;
  double runs = 0;
  std::optional<double> cost_per_run;  // training
  std::optional<double> tokens;        // inference, when its throughput is known
  std::optional<double> cost_per_million_tokens;
};

struct UnitEconomics {
  std::vector<WorkloadEconomics> workloads;      // in scenario order
  double unattributed_cost = 0;                  // amortized cost no workload carries (flows between sites)
  std::optional<double> cost_per_used_gpu_hour;  // amortized total / used GPU-hours
  double egress_share = 0;                       // egress cash / total cash
  std::optional<double> transfer_amplification;  // bytes sent between sites / the datasets' starting size
};
UnitEconomics unit_economics(const StrategyResult& strategy, const Scenario& scenario);

// ---- Per event ----

// Events whose cost a report can show one at a time (tco-model(7), UNIT ECONOMICS, "Per
// event"): each is the bytes it moves, priced on the egress lines it causes.
enum class EventKind {
  dataset_migration,  // a dataset moved once to where a strategy stores it
  checkpoint_save,    // a checkpoint written and sent to each of its replica sites
  flow_transfer,      // one transfer of a flow (a `once` flow has one)
};
// "dataset_migration", "checkpoint_save", "flow_transfer".
const char* to_string(EventKind kind);

// What one event cost in one month: the month's egress lines of its cause, divided by the
// events that month. The events are the lines' bytes ÷ the bytes one event moves (a
// dataset's size, a checkpoint times its replicas away from the site that wrote it, a flow's
// size), so the figure is the month's average price per byte of those lines × the bytes of
// one event: internet egress is tiered on a month's total, so the same event may cost less
// in a busier month.
struct EventCost {
  EventKind kind = EventKind::checkpoint_save;
  std::string name;                     // the dataset, workload or flow
  std::string cause;                    // the ledger's cause of its lines, "workload pretrain (checkpoints)"
  std::vector<std::string> sites = {};  // the sites its bytes leave, in ledger order
  int month = 0;                        // 0-based: the month it is priced in
  double events = 0;                    // how many happened that month (182.5 saves; 4.345 transfers)
  double bytes = 0;                     // what they moved that month
  double cash = 0;                      // what their lines cost that month (egress: cash = amortized)
  [[nodiscard]] double bytes_per_event() const { return events > 0 ? bytes / events : 0; }
  [[nodiscard]] double per_event() const { return events > 0 ? cash / events : 0; }
};
// One entry per event the strategy has, in `month`, or else in the first month each happens:
// datasets migrated, then workloads whose checkpoints are replicated, then flows, each in
// scenario order. A checkpoint that is not replicated moves nothing, so its saves are no
// event here (keeping the newest `keep` costs the same however often they are written).
std::vector<EventCost> event_costs(const StrategyResult& strategy, const Scenario& scenario,
                                   std::optional<int> month = std::nullopt);

}  // namespace tco
