#pragma once
// Test fixtures: a small price sheet and scenario texts, loaded from strings.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/model/engine.hpp"

namespace tco::test {

// A cloud ("acme") with round prices, so expected values can be worked out by hand.
inline const char* kAcmeSheet = R"(schema_version: 1
provider: acme
name: Acme Cloud
effective_date: 2026-01-01
currency: USD
billing_gb: GiB
sources:
  - {id: list, title: Acme price list, url: https://acme.example/prices, retrieved: 2026-01-01, confidence: primary}
regions:
  east:
    source: list
    gpu_instances:
      gpu8:
        gpu: H100
        gpus: 8
        on-demand: 10 USD/h
        spot: 4 USD/h
        1y: 6 USD/h
    storage:
      standard: 0.02 USD/GiB-month
    network:
      ingress: 0 USD/GiB
      internet_egress:
        free: 100 GiB
        tiers:
          - {up_to: 10 TiB, price: 0.09 USD/GiB}
          - {up_to: 50 TiB, price: 0.085 USD/GiB}
          - {up_to: 150 TiB, price: 0.07 USD/GiB}
          - {price: 0.05 USD/GiB}
      inter_region: {default: 0.02 USD/GiB}
      inter_zone: {price: 0.01 USD/GiB, both_directions: true}
  west:
    source: list
    storage:
      standard: 0.02 USD/GiB-month
    network:
      internet_egress:
        free: 0 GiB
        tiers: [{price: 0.1 USD/GiB}]
)";

inline const char* kOnPremSheet = R"(schema_version: 1
provider: onprem
name: catalog
effective_date: 2026-01-01
currency: USD
sources:
  - {id: cat, title: Catalog, url: https://example.org/catalog, retrieved: 2026-01-01, confidence: secondhand}
hardware:
  box:
    name: Eight-GPU box
    gpu: H100
    gpus: 8
    source: cat
    price: 120000 USD
    max_power: 10 kW
    idle_power: 2 kW
site_defaults:
  source: cat
  pue: 1.5
  electricity: 0.10 USD/kWh
  colocation: 100 USD/kW-month
  depreciation_life: 5 years
  residual_value: 20 %
  staff_cost: 120000 USD/year
)";

inline PriceCatalog catalog() {
  PriceCatalog out;
  out.add(load_price_sheet(kAcmeSheet, "acme.yaml").value());
  out.add(load_price_sheet(kOnPremSheet, "onprem.yaml").value());
  return out;
}

// Runs a scenario text against the test catalog; fails the test on any diagnostic error.
struct Run {
  Scenario scenario;
  PriceCatalog prices;
  Result<ModelResult> model;
};

inline std::unique_ptr<Run> run(const std::string& text) {
  auto scenario = load_scenario(text, "test.yaml");
  if (!scenario) {
    for (const auto& d : scenario.diagnostics().items()) FAIL_CHECK(format_location(d));
    return nullptr;
  }
  auto out = std::make_unique<Run>(Run{std::move(scenario).value(), catalog(), Diagnostics{}});
  out->model = run_model(out->scenario, out->prices, {});
  for (const auto& d : out->model.diagnostics().items()) {
    if (d.severity == Severity::error) FAIL_CHECK(format_location(d));
  }
  return out;
}

// Runs a scenario text that loads, keeping the model's errors for the test to check.
inline std::unique_ptr<Run> attempt(const std::string& text, PriceCatalog prices = catalog()) {
  auto scenario = load_scenario(text, "test.yaml");
  if (!scenario) {
    for (const auto& d : scenario.diagnostics().items()) FAIL_CHECK(format_location(d));
    return nullptr;
  }
  auto out = std::make_unique<Run>(Run{std::move(scenario).value(), std::move(prices), Diagnostics{}});
  out->model = run_model(out->scenario, out->prices, {});
  return out;
}

// As run(), against `prices` instead of the test catalog (a test's own sheets).
inline std::unique_ptr<Run> run(const std::string& text, PriceCatalog prices) {
  auto out = attempt(text, std::move(prices));
  if (!out) return out;
  for (const auto& d : out->model.diagnostics().items()) {
    if (d.severity == Severity::error) FAIL_CHECK(format_location(d));
  }
  return out;
}

// Every error of a run, one a line, as format_location renders them ("test.yaml:3:3: sites.dc: ...").
inline std::string errors(const Run& run) {
  std::string out;
  for (const auto& d : run.model.diagnostics().items()) {
    if (d.severity == Severity::error) out += format_location(d) + "\n";
  }
  return out;
}

// The strategy of that name in a run's result.
inline const StrategyResult& strategy(const Run& run, const std::string& name) {
  const auto& strategies = run.model->strategies;
  const auto it =
      std::find_if(strategies.begin(), strategies.end(), [&](const StrategyResult& s) { return s.name == name; });
  REQUIRE(it != strategies.end());
  return *it;
}

// A strategy's lines of one component (in one month, when given; for one site, when given).
inline std::vector<CostLine> lines(const StrategyResult& s, Component component, std::optional<int> month = {},
                                   const std::string& site = "") {
  std::vector<CostLine> out;
  for (const auto& line : s.lines) {
    if (line.component != component || (month && line.month != *month) || (!site.empty() && line.site != site))
      continue;
    out.push_back(line);
  }
  return out;
}

// A strategy's use of one workload (its GPU-hours, runs and tokens).
inline const WorkloadUse& use_of(const StrategyResult& s, const std::string& workload) {
  const auto it = std::find_if(s.workloads.begin(), s.workloads.end(),
                               [&](const WorkloadUse& use) { return use.name == workload; });
  REQUIRE(it != s.workloads.end());
  return *it;
}

// The cash of one component at one site in one month.
inline double cash_at_site(const StrategyResult& s, Component component, const std::string& site, int month = 0) {
  double total = 0;
  for (const auto& line : lines(s, component, month, site)) total += line.cash;
  return total;
}

// A strategy's cash or amortized amount of one component in one month.
inline double cash_in(const StrategyResult& s, int month, Component component) {
  return s.monthly_cash[static_cast<std::size_t>(month)][static_cast<std::size_t>(component)];
}
inline double amortized_in(const StrategyResult& s, int month, Component component) {
  return s.monthly_amortized[static_cast<std::size_t>(month)][static_cast<std::size_t>(component)];
}

// The first lines every test scenario shares.
inline std::string header(const std::string& horizon = "12 months") {
  return "schema_version: 1\nname: t\nstart: 2027-01\nhorizon: " + horizon + "\ndiscount_rate: 0 %\n";
}

// The same in schema 2, where a workload's utilization is its duty cycle and useful_work the
// share of occupied time doing useful work.
inline std::string header_v2(const std::string& horizon = "12 months") {
  return "schema_version: 2\nname: t\nstart: 2027-01\nhorizon: " + horizon + "\ndiscount_rate: 0 %\n";
}

// A small whole scenario: one training workload rented ("rent") or on owned hardware ("own").
inline std::string rent_or_own() {
  return header() +
         "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
         "  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 1}\n"
         "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
         "strategies:\n  rent: {workloads: {w: cloud}}\n  own: {workloads: {w: dc}}\n";
}

}  // namespace tco::test
