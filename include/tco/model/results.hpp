#pragma once
// What the engine computes: per strategy, month and component, lines attributed to the
// workload, dataset, flow or site that caused them. The model never formats or prints;
// the report layer turns this into tables and documents.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/inputs/price_sheet.hpp"
#include "tco/inputs/scenario.hpp"

namespace tco {

enum class Component { compute, hardware, power, space, maintenance, staff, storage, egress, interconnect };
constexpr std::size_t kComponentCount = 9;
constexpr std::array<Component, kComponentCount> kComponents{
    Component::compute, Component::hardware, Component::power,  Component::space,       Component::maintenance,
    Component::staff,   Component::storage,  Component::egress, Component::interconnect};
std::string to_string(Component component);  // "compute", "hardware", ...

// One cost in one month. `cash` is what is paid that month (capex when bought); `amortized`
// spreads capex over the depreciation life. They differ only for hardware.
struct CostLine {
  int month = 0;  // 0-based index into the horizon
  Component component = Component::compute;
  std::string cause;  // "workload pretrain", "dataset corpus", "flow responses", "site dc"
  std::string site;
  double cash = 0;
  double amortized = 0;
};

struct Breakeven {
  std::optional<int> month;             // 1-based month of the horizon; none = not within it
  std::optional<int> discounted_month;  // the same on present values
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
  Diagnostics warnings;
};

}  // namespace tco
