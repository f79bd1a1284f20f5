#pragma once
// What the engine computes: per strategy, month and component, lines attributed to the
// workload, dataset, flow or site that caused them. The model never formats or prints;
// the report layer turns this into tables and documents.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tco/core/component.hpp"
#include "tco/core/diagnostic.hpp"
#include "tco/inputs/price_sheet.hpp"
#include "tco/inputs/scenario.hpp"

namespace tco {

// Where a number came from: a price in a sheet (with the source that published it), or a
// value the scenario states. `where` is the file position of the value either way.
struct Origin {
  std::string sheet;                  // the sheet's label, "aws@2025-06-01"; empty when the scenario stated it
  std::optional<PriceSource> source;  // the sheet source, when there is one
  SourceLocation where;
  std::optional<double> list_value;      // before overlay discounts or trend projections
  std::vector<std::string> adjustments;  // what changed it, "-20 % acme-discount"
};

// A number plugged into a formula, in the base unit of its dimension (quantity.hpp).
struct Factor {
  Factor(std::string name_, double value_, Dimension dimension_, ByteBase byte_base_ = ByteBase::none,
         std::optional<Origin> origin_ = std::nullopt)
      : name(std::move(name_)),
        value(value_),
        dimension(dimension_),
        byte_base(byte_base_),
        origin(std::move(origin_)) {}
  // The rate of the cost line the derivation explains (CostLine::rate: its value, unit and
  // origin), under this name: an explanation shows the price the ledger charged.
  static Factor line_rate(std::string name_) {
    Factor factor{std::move(name_), 0, Dimension::count};
    factor.is_line_rate = true;
    return factor;
  }

  std::string name;  // "price per instance-hour"
  double value = 0;
  Dimension dimension = Dimension::count;
  ByteBase byte_base = ByteBase::none;  // how the source wrote sizes and per-byte prices
  std::optional<Origin> origin;         // none for a number the engine derived
  bool is_line_rate = false;            // stands for the line's rate (value, unit, origin)
};

// How one cost line was computed: `amount` = the formula over the factors. `parts` break a
// factor down further (the tiers of a tiered egress charge).
struct Derivation {
  std::string formula;  // "instances × hours × price per instance-hour"
  std::vector<Factor> factors;
  std::vector<std::shared_ptr<const Derivation>> parts;
  std::string label;  // for a part: what it is, "tier 10 TiB..50 TiB"
  double amount = 0;
};

// What a cost line measures its use in (tco-model(7), LEDGER).
enum class UsageUnit {
  instance_hours,    // cloud GPU instances held, hour by hour (rework of spot interruptions included)
  gpu_hours,         // GPUs of a commitment held before the horizon, hour by hour
  port_hours,        // interconnect ports
  bytes,             // data moved
  byte_months,       // data stored for a month
  servers,           // owned servers bought
  server_months,     // owned servers depreciated or maintained for a month
  kilowatt_hours,    // electricity drawn from the grid (PUE included)
  kilowatt_months,   // colocation space and power reserved
  full_time_months,  // staff, in full-time equivalents for a month
};
// "instance-hours", "port-hours", "bytes", "byte-months", "servers", "server-months", "kWh",
// "kW-months", "FTE-months".
const char* to_string(UsageUnit unit);

// The quantity a line paid for, in its unit.
struct Usage {
  double quantity = 0;
  UsageUnit unit = UsageUnit::instance_hours;
};

// The price a line paid per unit of its usage, in the scenario's currency: usage × rate is
// the line's cost. A price read from a sheet or stated in the scenario keeps its origin; a
// rate the engine derived from several (a depreciation, a month's tiered egress spread over
// its bytes) has none, and says how it was derived.
struct Rate {
  double value = 0;
  Dimension dimension = Dimension::money;  // money per the usage's unit, as a quantity (quantity.hpp)
  ByteBase byte_base = ByteBase::none;     // for a price per byte: how its sheet bills a "GB"
  std::optional<Origin> origin;
  std::string derived;  // for a derived rate: "the month's tiered charge ÷ all bytes sent"
};

// Further measures of a line's use, beyond the one it is priced by (carbon comes next).
struct Measures {
  std::optional<double> gpu_hours;       // cloud compute: GPU-hours held
  std::optional<double> kilowatt_hours;  // power: energy drawn from the grid
};

// Cash or amortized: what is paid in a month (capex when bought), or capex spread over the
// depreciation life. They differ only for owned hardware.
enum class Basis { cash, amortized };

// One row of the ledger: a cost in one month, what it was for, where, what was used and at
// which rate. `cash` is what is paid that month (capex when bought); `amortized` spreads
// capex over the depreciation life. usage.quantity × rate.value is the line's cost: its
// cash, or for a depreciation (no cash) its amortized amount.
struct CostLine {
  std::string strategy;
  int month = 0;  // 0-based index into the horizon
  Component component = Component::compute;
  std::string cause;  // "workload pretrain", "dataset corpus", "flow responses", "site dc"
  std::string site;
  std::string provider;  // the site's provider, "onprem" for an owned site
  std::string region;    // the cloud region; empty for an owned site
  std::string offer;     // what was bought: "p5.48xlarge", "standard storage", a port, hardware, "internet egress"
  std::string workload;  // the workload the cost is for, when it is one workload's alone
  std::string dataset;   // the dataset it is for (shared by the workloads reading it)
  std::string flow;      // the flow that caused it
  Usage usage;
  Rate rate;
  Measures measures;
  double cash = 0;
  double amortized = 0;
  // A commitment's charge: the month its term ends (exclusive, 0-based; it may lie beyond the
  // horizon, which charges only the months within it). -1 for anything else.
  int term_end = -1;
  std::shared_ptr<const Derivation> derivation;  // recorded only when explaining
};

// When a strategy's cumulative cost comes down to the baseline's and stays there.
struct Crossing {
  std::optional<int> month;  // 1-based month of the horizon; none = not within it
  double fraction = 0;       // how far into that month, costs accruing evenly (0 = its start, 1 = its end)
  double gap_at_end = 0;     // strategy minus baseline, cumulative at the end of the horizon
};

struct Breakeven {
  Crossing cash;
  Crossing discounted;  // the same on present values
};

// What one workload did under a strategy, over the horizon: the basis of unit costs.
struct WorkloadUse {
  std::string name;
  WorkloadKind kind = WorkloadKind::training;
  std::string site;  // "dc", or "dc + aws" for a base and a burst
  double allocated_gpu_hours = 0;
  double capacity_gpu_hours = 0;  // its GPUs × every hour of its active months
  double used_gpu_hours = 0;
  double runs = 0;                                       // training: runs completed (a continuous run counts once)
  std::optional<double> tokens;                          // inference: tokens served, when the throughput is known
  std::map<std::string, double> allocated_by_site = {};  // the allocated GPU-hours each site runs
};

using ComponentAmounts = std::array<double, kComponentCount>;

// A price source a strategy's figures rest on.
struct Citation {
  std::string sheet;  // the sheet's label, "aws@2025-06-01 + acme"
  PriceSource source;
  int prices = 0;  // how many distinct prices of this source were used
};

// The start of the cause of every line a strategy's moves add (tco-model(7), MOVES): full
// copies of data, sites held until a failback window ends.
inline constexpr std::string_view kMigrationCause = "migration: ";

// A strategy that moves (tco-model(7), MIGRATION PAYBACK): the one-off cost of its migration
// lines, the month they start, and the month from which its savings against the baseline
// since then have repaid them.
struct MigrationPayback {
  double cost = 0;           // cash
  int start_month = 0;       // 0-based
  std::optional<int> month;  // 0-based; none within the horizon
};

struct StrategyResult {
  std::string name;
  std::string description;
  std::vector<CostLine> lines;                      // the ledger: every cost line, in the order the engine added them
  std::vector<ComponentAmounts> monthly_cash;       // [month][component]
  std::vector<ComponentAmounts> monthly_amortized;  // [month][component]
  double used_gpu_hours = 0;
  double egress_bytes = 0;                  // bytes leaving a site, over the horizon
  double site_transfer_bytes = 0;           // of those, bytes sent to another of the scenario's sites
  std::vector<WorkloadUse> workloads;       // in scenario order
  std::vector<Citation> citations;          // sorted by sheet, then source id
  std::optional<Breakeven> breakeven;       // none for the baseline itself
  std::optional<MigrationPayback> payback;  // a strategy with migration lines, but the baseline

  // Figures from the amounts above, computed in figures.cpp.
  [[nodiscard]] double total_cash() const;
  [[nodiscard]] double total_amortized() const;
  [[nodiscard]] double component_cash(Component component) const;
  [[nodiscard]] double component_amortized(Component component) const;
  // Each month's total over all components.
  [[nodiscard]] std::vector<double> monthly_cash_totals() const;
  [[nodiscard]] std::vector<double> monthly_amortized_totals() const;
  [[nodiscard]] std::vector<double> cumulative_cash() const;
};

// The months a sheet priced (0-based, inclusive), and whether any of them were projected
// by a price trend beyond the provider's newest sheet.
struct SheetUse {
  const PriceSheet* sheet = nullptr;
  int first_month = 0;
  int last_month = 0;
  bool projected = false;
};

struct ModelResult {
  const Scenario* scenario = nullptr;
  int months = 0;
  std::string baseline;
  std::vector<StrategyResult> strategies;
  std::vector<SheetUse> sheet_uses;    // the sheets whose prices were used, by provider, then first month
  std::optional<Date> pinned;          // every month priced as of this date
  std::vector<bool> projected_months;  // [month] -> priced by a trend projection
  std::optional<double> utilization;   // the sustained utilization every workload was run at, when varied
  Diagnostics warnings;

  // The strategy of that name, or nullptr when it was not computed.
  [[nodiscard]] const StrategyResult* find_strategy(const std::string& name) const;
};

}  // namespace tco
