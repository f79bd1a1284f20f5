#pragma once
// What the engine computes: per strategy, month and component, lines attributed to the
// workload, dataset, flow or site that caused them. The model never formats or prints;
// the report layer turns this into tables and documents.
#include <array>
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

  std::string name;  // "price per instance-hour"
  double value = 0;
  Dimension dimension = Dimension::count;
  ByteBase byte_base = ByteBase::none;  // how the source wrote sizes and per-byte prices
  std::optional<Origin> origin;         // none for a number the engine derived
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

// One cost in one month. `cash` is what is paid that month (capex when bought); `amortized`
// spreads capex over the depreciation life. They differ only for hardware.
struct CostLine {
  int month = 0;  // 0-based index into the horizon
  Component component = Component::compute;
  std::string cause;  // "workload pretrain", "dataset corpus", "flow responses", "site dc"
  std::string site;
  std::string workload;  // the workload the cost is for, when it is one workload's alone
  std::string dataset;   // the dataset it is for (shared by the workloads reading it)
  double cash = 0;
  double amortized = 0;
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
  std::string site;
  double allocated_gpu_hours = 0;
  double capacity_gpu_hours = 0;  // its GPUs × every hour of its active months
  double used_gpu_hours = 0;
  double runs = 0;               // training: runs completed (a continuous run counts once)
  std::optional<double> tokens;  // inference: tokens served, when the throughput is known
};

using ComponentAmounts = std::array<double, kComponentCount>;

// A price source a strategy's figures rest on.
struct Citation {
  std::string sheet;  // the sheet's label, "aws@2025-06-01 + acme"
  PriceSource source;
  int prices = 0;  // how many distinct prices of this source were used
};

struct StrategyResult {
  std::string name;
  std::string description;
  std::vector<CostLine> lines;
  std::vector<ComponentAmounts> monthly_cash;       // [month][component]
  std::vector<ComponentAmounts> monthly_amortized;  // [month][component]
  double used_gpu_hours = 0;
  double egress_bytes = 0;             // bytes leaving a site, over the horizon
  double site_transfer_bytes = 0;      // of those, bytes sent to another of the scenario's sites
  std::vector<WorkloadUse> workloads;  // in scenario order
  std::vector<Citation> citations;     // sorted by sheet, then source id
  std::optional<Breakeven> breakeven;  // none for the baseline itself

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
};

}  // namespace tco
