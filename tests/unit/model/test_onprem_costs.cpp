// Owned hardware (src/model/onprem_costs.cpp) through the public API: the fleet, capex and
// its replacement, depreciation to the residual value, power, space, maintenance, staff,
// and the parameters that must be there. Formulas: tco-model(7), ON-PREM COSTS.
//
// The test catalog's "box": 8 H100, 120,000 USD, 10 kW max, 2 kW idle. Its site_defaults:
// PUE 1.5, 0.10 USD/kWh, 100 USD/kW-month, a 5-year life, 20 % residual value, staff at
// 120,000 USD/year, and no maintenance default. Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

// The test catalog without its on-prem sheet.
PriceCatalog cloud_only() {
  PriceCatalog out;
  out.add(load_price_sheet(test::kAcmeSheet, "acme.yaml").value());
  return out;
}

// Three workloads on one site: a (8 GPUs, months 0..5), b (12 GPUs, months 3..8) and
// c (16 GPUs, months 9..11). At once: 8, then 20 (months 3..5), 12, then 16.
std::string shared_site() {
  return test::header("12 months") +
         "sites:\n  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
         "workloads:\n"
         "  a: {kind: training, gpu: H100, gpus: 8, duration: 6 months}\n"
         "  b: {kind: training, gpu: H100, gpus: 12, start: 2027-04, duration: 6 months}\n"
         "  c: {kind: inference, gpu: H100, gpus: 16, start: 2027-10}\n"
         "strategies:\n  s: {workloads: {a: dc, b: dc, c: dc}}\n";
}

}  // namespace

TEST_CASE("on-prem fleet: servers for the peak GPUs running at once, not every workload's sum nor the largest one",
          "[onprem_costs]") {
  auto run = test::run(shared_site());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // Peak at once = 8 + 12 = 20 GPUs -> ceil(20 / 8) = 3 servers (the sum, 36, would be 5;
  // the largest workload, 16, would be 2). Capex 3 × 120,000 = 360,000 in month 0 only.
  const auto hardware = test::lines(s, Component::hardware);
  REQUIRE_FALSE(hardware.empty());
  CHECK(hardware[0].month == 0);
  CHECK(hardware[0].cash == 360000);
  CHECK(hardware[0].amortized == 0);
  CHECK(hardware[0].cause == "site dc");
  CHECK(hardware[0].site == "dc");
  CHECK(hardware[0].workload.empty());
  CHECK(s.component_cash(Component::hardware) == 360000);
  for (int month = 0; month < 12; ++month) {
    // 3 servers × 10 kW × 100 USD/kW-month = 3,000.
    CHECK(test::cash_in(s, month, Component::space) == Approx(3000));
    // 360,000 × 10 % / 12 = 3,000.
    CHECK(test::cash_in(s, month, Component::maintenance) == Approx(3000));
    // (360,000 - 20 % residual) / 60 months = 4,800, amortized only.
    CHECK(test::amortized_in(s, month, Component::hardware) == Approx(4800));
  }
  // staff: 0 -> no staff line at all.
  CHECK(test::lines(s, Component::staff).empty());
}

TEST_CASE("on-prem power: the whole fleet's utilization moves each server from idle to max power", "[onprem_costs]") {
  auto run = test::run(shared_site());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // power = 3 servers × (2 + 8 × u) kW × 1.5 × 730 h × 0.10 USD/kWh, u = GPUs busy / 24.
  // Month 0, 8 busy: u = 1/3, 3 × (2 + 8/3) = 14 kW -> 14 × 109.5 = 1,533.
  CHECK(test::cash_in(s, 0, Component::power) == Approx(1533));
  // Month 4, 20 busy: u = 5/6, 3 × (2 + 20/3) = 26 kW -> 2,847.
  CHECK(test::cash_in(s, 4, Component::power) == Approx(2847));
  // Month 7, 12 busy: u = 1/2, 3 × 6 = 18 kW -> 1,971.
  CHECK(test::cash_in(s, 7, Component::power) == Approx(1971));
  // Month 10, 16 busy: u = 2/3, 3 × (2 + 16/3) = 22 kW -> 2,409.
  CHECK(test::cash_in(s, 10, Component::power) == Approx(2409));
}

TEST_CASE("on-prem power: a workload's utilization and its schedule set the share of capacity doing work",
          "[onprem_costs]") {
  auto run = test::run(test::header("1 month") +
                       "sites:\n"
                       "  p25: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                       "  p100: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                       "  runs: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                       "workloads:\n"
                       "  w25: {kind: training, gpu: H100, gpus: 8, utilization: 25 %}\n"
                       "  w100: {kind: training, gpu: H100, gpus: 8}\n"
                       "  wr: {kind: training, gpu: H100, gpus: 8, runs: {per_month: 73, duration: 5 h}}\n"
                       "strategies:\n  s: {workloads: {w25: p25, w100: p100, wr: runs}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  const auto power = [&](const std::string& site) {
    const auto found = test::lines(s, Component::power, 0, site);
    REQUIRE(found.size() == 1);
    return found[0].cash;
  };
  // 25 %: (2 + 8 × 0.25) = 4 kW × 1.5 × 730 h × 0.10 = 438.
  CHECK(power("p25") == Approx(438));
  // 100 %: 10 kW -> 1,095.
  CHECK(power("p100") == Approx(1095));
  // 73 runs × 5 h = 365 h of 730 at 100 %: u = 0.5, 6 kW -> 657.
  CHECK(power("runs") == Approx(657));
}

TEST_CASE("on-prem replacement: bought again at the end of its life while needed; costs stop with the last life",
          "[onprem_costs]") {
  // A 1-year life; the workload runs months 0..12 of a 30-month horizon.
  auto run = test::run(test::header("30 months") +
                       "sites:\n  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0, "
                       "depreciation: 1 year}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, duration: 13 months}\n"
                       "strategies:\n  s: {workloads: {w: dc}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // Bought in month 0 and again in month 12 (still needed then), not in month 24: 2 × 120,000.
  CHECK(test::cash_in(s, 0, Component::hardware) == 120000);
  CHECK(test::cash_in(s, 12, Component::hardware) == 120000);
  CHECK(test::cash_in(s, 24, Component::hardware) == 0);
  CHECK(s.component_cash(Component::hardware) == 240000);
  // Amortized: 120,000 × (1 - 20 %) / 12 = 8,000 in months 0..23, nothing after.
  CHECK(test::amortized_in(s, 5, Component::hardware) == Approx(8000));
  CHECK(test::amortized_in(s, 23, Component::hardware) == Approx(8000));
  CHECK(test::amortized_in(s, 24, Component::hardware) == 0);
  CHECK(s.component_amortized(Component::hardware) == Approx(24 * 8000.0));
  // Operating costs run through the second fleet's life, idle or not: 24 months of
  // maintenance at 120,000 × 10 % / 12 = 1,000.
  const auto maintenance = test::lines(s, Component::maintenance);
  REQUIRE(maintenance.size() == 24);
  CHECK(maintenance.back().month == 23);
  CHECK(maintenance.back().cash == Approx(1000));
  // Month 12 at full use: 10 kW × 1.5 × 730 h × 0.10 = 1,095; month 13, idle: 2 kW -> 219.
  CHECK(test::cash_in(s, 12, Component::power) == Approx(1095));
  CHECK(test::cash_in(s, 13, Component::power) == Approx(219));
  CHECK(test::lines(s, Component::power, 24).empty());
}

TEST_CASE("on-prem amortized: residual value lowers only the amortized view; a life past the horizon counts in part",
          "[onprem_costs]") {
  auto run = test::run(test::header("12 months") +
                       "sites:\n  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0, "
                       "depreciation: 4 years, residual_value: 50 %}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s: {workloads: {w: dc}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // Cash: the whole 120,000 in month 0, no sale assumed.
  CHECK(s.component_cash(Component::hardware) == 120000);
  // Amortized: 120,000 × (1 - 50 %) / 48 months = 1,250 a month; 12 of the 48 months = 15,000.
  for (int month = 0; month < 12; ++month) CHECK(test::amortized_in(s, month, Component::hardware) == Approx(1250));
  CHECK(s.component_amortized(Component::hardware) == Approx(15000));
}

TEST_CASE("on-prem staff: FTEs × yearly cost / 12 when staff is above zero, no staff line with staff 0",
          "[onprem_costs]") {
  auto run = test::run(test::header("2 months") +
                       "sites:\n"
                       "  half: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0.5}\n"
                       "  own: {kind: onprem, hardware: box, maintenance: 10 %, staff: 2, staff_cost: 60000 USD/year}\n"
                       "  none: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                       "workloads:\n"
                       "  a: {kind: training, gpu: H100, gpus: 8}\n"
                       "  b: {kind: training, gpu: H100, gpus: 8}\n"
                       "  c: {kind: training, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s: {workloads: {a: half, b: own, c: none}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  for (int month = 0; month < 2; ++month) {
    // 0.5 × 120,000 (catalog default) / 12 = 5,000.
    const auto half = test::lines(s, Component::staff, month, "half");
    REQUIRE(half.size() == 1);
    CHECK(half[0].cash == Approx(5000));
    // 2 × 60,000 (stated) / 12 = 10,000.
    const auto own = test::lines(s, Component::staff, month, "own");
    REQUIRE(own.size() == 1);
    CHECK(own[0].cash == Approx(10000));
    CHECK(test::lines(s, Component::staff, month, "none").empty());
  }
}

TEST_CASE("on-prem: a parameter neither the scenario nor the catalog gives is an error naming it, never zero",
          "[onprem_costs]") {
  const std::string rest =
      "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\nstrategies:\n  s: {workloads: {w: dc}}\n";

  // The test catalog has no maintenance default.
  auto maintenance =
      test::attempt(test::header("1 month") + "sites:\n  dc: {kind: onprem, hardware: box, staff: 0}\n" + rest);
  REQUIRE(maintenance);
  REQUIRE_FALSE(maintenance->model);
  CHECK_THAT(test::errors(*maintenance),
             Catch::Contains("sites.dc: missing 'maintenance': the scenario does not state it and the on-prem "
                             "catalog onprem@2026-01-01 has no default"));

  // staff has no catalog default at all.
  auto staff = test::attempt(test::header("1 month") +
                             "sites:\n  dc: {kind: onprem, hardware: box, maintenance: 10 %}\n" + rest);
  REQUIRE(staff);
  REQUIRE_FALSE(staff->model);
  CHECK_THAT(test::errors(*staff), Catch::Contains("sites.dc: missing 'staff': the scenario does not state it"));

  // Without any on-prem catalog, an inline server with staff above zero needs a staff_cost.
  const std::string inline_site =
      "sites:\n  dc:\n    kind: onprem\n"
      "    hardware: {name: Quote, gpu: H100, gpus: 8, price: 100000 USD, max_power: 10 kW, idle_power: 2 kW}\n"
      "    electricity: 0.1 USD/kWh\n    pue: 1.2\n    colocation: 100 USD/kW-month\n    maintenance: 10 %\n"
      "    depreciation: 5 years\n    residual_value: 0 %\n";
  auto staff_cost = test::attempt(test::header("1 month") + inline_site + "    staff: 1\n" + rest, cloud_only());
  REQUIRE(staff_cost);
  REQUIRE_FALSE(staff_cost->model);
  CHECK_THAT(test::errors(*staff_cost),
             Catch::Contains("sites.dc: missing 'staff_cost': the scenario does not state it and the on-prem "
                             "catalog has no default"));
  // With no staff, no staff_cost is needed: the same site prices.
  auto unstaffed = test::run(test::header("1 month") + inline_site + "    staff: 0\n" + rest, cloud_only());
  REQUIRE(unstaffed);
  REQUIRE(unstaffed->model);
  // 100,000 × 10 % / 12 = 833.33 maintenance; no staff line.
  CHECK(test::cash_in(unstaffed->model->strategies[0], 0, Component::maintenance) == Approx(100000 * 0.1 / 12));
  CHECK(test::lines(unstaffed->model->strategies[0], Component::staff).empty());
}

TEST_CASE("on-prem: a workload whose GPU model is not the site's hardware's is an error", "[onprem_costs]") {
  auto run = test::attempt(test::header("1 month") +
                           "sites:\n  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                           "workloads:\n  w: {kind: training, gpu: A100-80GB, gpus: 8}\n"
                           "strategies:\n  s: {workloads: {w: dc}}\n");
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run),
             Catch::Contains("workloads.w.gpu: workload 'w' needs A100-80GB GPUs but site 'dc' has H100 "
                             "(Eight-GPU box)"));
}
