#pragma once
// Shared by the engine's translation units; not a public header.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/model/results.hpp"

namespace tco::engine {

struct CloudPricing {
  const Site* site = nullptr;
  const PriceSheet* sheet = nullptr;
  const Region* region = nullptr;
};

// An on-prem site's parameters: the scenario's own values, else the catalog's defaults.
struct OnPremPricing {
  const Site* site = nullptr;
  const PriceSheet* catalog = nullptr;  // nullptr when no on-prem catalog was needed
  HardwareSku hardware;
  std::optional<Sourced> electricity, pue, colocation, maintenance, depreciation_life, residual_value, staff_cost,
      staff_fte;
};

struct SitePricing {
  std::map<std::string, CloudPricing> cloud;
  std::map<std::string, OnPremPricing> onprem;
  std::vector<const PriceSheet*> sheets;
};

// Selects the sheet in effect on `day` for every site and checks regions and hardware exist.
Result<SitePricing> resolve_sites(const Scenario& scenario, const PriceCatalog& catalog, Date day);

// What a workload asks of its site in one month.
struct Demand {
  bool active = false;
  double allocated_gpu_hours = 0;  // GPU-hours held (paid for in the cloud)
  double used_gpu_hours = 0;       // allocated × utilization
  double wall_hours = 0;           // hours the workload's GPUs run
  int peak_gpus = 0;               // GPUs held at once
  double checkpoints_written = 0;
};

Demand workload_demand(const Scenario& scenario, const Workload& workload, int month);

// Bytes leaving a site in a month; `to_site` empty means the internet.
struct Transfer {
  int month = 0;
  std::string from_site;
  std::string to_site;
  double bytes = 0;
  std::string cause;
};

// Everything one strategy's evaluation needs and produces.
struct StrategyContext {
  const Scenario& scenario;
  const Strategy& strategy;
  const SitePricing& pricing;
  int months;
  StrategyResult& result;
  Diagnostics& diagnostics;
  std::vector<Transfer> transfers;
  std::set<std::string> reported;  // messages already reported, so a gap is named once

  void add(int month, Component component, const std::string& cause, const std::string& site, double cash,
           double amortized);
  void add(int month, Component component, const std::string& cause, const std::string& site, double amount) {
    add(month, component, cause, site, amount, amount);
  }
  void error(const SourceLocation& where, const std::string& path, const std::string& message);
  [[nodiscard]] std::string workload_site(const std::string& workload) const;
  [[nodiscard]] std::string dataset_home(const Dataset& dataset) const;
  [[nodiscard]] double changed_per_refresh(const Dataset& dataset) const;
  [[nodiscard]] std::set<std::string> used_sites() const;
};

void add_cloud_compute(StrategyContext& context);
void add_interconnect_ports(StrategyContext& context);
void add_onprem_costs(StrategyContext& context);
void add_data_costs(StrategyContext& context);   // storage, and the transfers data causes
void price_transfers(StrategyContext& context);  // egress lines from context.transfers

}  // namespace tco::engine
