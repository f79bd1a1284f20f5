// Resolving sites against the price sheets, and what workloads demand of their sites month
// by month (src/model/placement.cpp), through the public API. Formulas: tco-model(7), GPU
// DEMAND and ON-PREM COSTS; values and defaults: tco-scenario(5), SITES and WORKLOADS.
// Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

const WorkloadUse& use_of(const StrategyResult& s, const std::string& workload) {
  const auto it = std::find_if(s.workloads.begin(), s.workloads.end(),
                               [&](const WorkloadUse& use) { return use.name == workload; });
  REQUIRE(it != s.workloads.end());
  return *it;
}

// The cash of one component at one site in one month.
double at_site(const StrategyResult& s, Component component, const std::string& site, int month = 0) {
  double total = 0;
  for (const auto& line : test::lines(s, component, month, site)) total += line.cash;
  return total;
}
double amortized_at_site(const StrategyResult& s, Component component, const std::string& site, int month = 0) {
  double total = 0;
  for (const auto& line : test::lines(s, component, month, site)) total += line.amortized;
  return total;
}

// The test catalog without its on-prem sheet.
PriceCatalog cloud_only() {
  PriceCatalog out;
  out.add(load_price_sheet(test::kAcmeSheet, "acme.yaml").value());
  return out;
}

const std::string kOneWorkload =
    "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\nstrategies:\n  s: {workloads: {w: site}}\n";

}  // namespace

TEST_CASE("placement: an unknown region is an error naming the sheet and its regions, with a suggestion",
          "[placement]") {
  auto run = test::attempt(test::header("1 month") + "sites:\n  site: {kind: cloud, provider: acme, region: eats}\n" +
                           kOneWorkload);
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run), Catch::Contains("sites.site.region: region 'eats' is not in the acme@2026-01-01 "
                                                 "price sheet (acme.yaml), did you mean 'east'?; its regions are "
                                                 "'east' or 'west'"));
}

TEST_CASE("placement: an unknown provider is an error listing the providers there are", "[placement]") {
  auto run = test::attempt(test::header("1 month") + "sites:\n  site: {kind: cloud, provider: acmee, region: east}\n" +
                           kOneWorkload);
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run), Catch::Contains("sites.site.provider: no price sheet for provider 'acmee', did you "
                                                 "mean 'acme'?; known providers: 'acme' or 'onprem'"));
}

TEST_CASE("placement: an unknown hardware SKU is an error listing the catalog's, and a SKU needs a catalog",
          "[placement]") {
  auto unknown =
      test::attempt(test::header("1 month") +
                    "sites:\n  site: {kind: onprem, hardware: bx, maintenance: 10 %, staff: 0}\n" + kOneWorkload);
  REQUIRE(unknown);
  REQUIRE_FALSE(unknown->model);
  CHECK_THAT(test::errors(*unknown), Catch::Contains("sites.site.hardware: unknown hardware 'bx', did you mean "
                                                     "'box'?; the catalog onprem@2026-01-01 has 'box'"));

  auto no_catalog =
      test::attempt(test::header("1 month") +
                        "sites:\n  site: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n" + kOneWorkload,
                    cloud_only());
  REQUIRE(no_catalog);
  REQUIRE_FALSE(no_catalog->model);
  CHECK_THAT(test::errors(*no_catalog),
             Catch::Contains("sites.site.hardware: hardware 'box' needs the on-prem catalog, and none is in effect"));
}

TEST_CASE("placement: an on-prem site's own values override the catalog's site_defaults, left out ones fall back",
          "[placement]") {
  auto run = test::run(test::header("1 month") +
                       "sites:\n"
                       "  own: {kind: onprem, hardware: box, pue: 1.2, electricity: 0.20 USD/kWh, "
                       "colocation: 50 USD/kW-month, maintenance: 5 %, depreciation: 2 years, residual_value: 0 %, "
                       "staff: 1, staff_cost: 60000 USD/year}\n"
                       "  defaults: {kind: onprem, hardware: box, maintenance: 10 %, staff: 1}\n"
                       "  quote:\n    kind: onprem\n"
                       "    hardware: {name: Vendor quote, gpu: H100, gpus: 4, price: 50000 USD, max_power: 5 kW, "
                       "idle_power: 1 kW}\n"
                       "    maintenance: 10 %\n    staff: 0\n"
                       "workloads:\n"
                       "  a: {kind: training, gpu: H100, gpus: 8}\n"
                       "  b: {kind: training, gpu: H100, gpus: 8}\n"
                       "  c: {kind: training, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s: {workloads: {a: own, b: defaults, c: quote}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];

  // Stated values: power 1 × 10 kW × PUE 1.2 × 730 h × 0.20 USD/kWh = 1,752;
  // space 10 kW × 50 = 500; maintenance 120,000 × 5 % / 12 = 500;
  // amortized 120,000 × (1 - 0 %) / 24 months = 5,000; staff 1 × 60,000 / 12 = 5,000.
  CHECK(at_site(s, Component::power, "own") == Approx(1752));
  CHECK(at_site(s, Component::space, "own") == Approx(500));
  CHECK(at_site(s, Component::maintenance, "own") == Approx(500));
  CHECK(amortized_at_site(s, Component::hardware, "own") == Approx(5000));
  CHECK(at_site(s, Component::staff, "own") == Approx(5000));

  // Catalog defaults: power 10 kW × 1.5 × 730 h × 0.10 = 1,095; space 10 × 100 = 1,000;
  // amortized 120,000 × (1 - 20 %) / 60 = 1,600; staff 1 × 120,000 / 12 = 10,000.
  CHECK(at_site(s, Component::power, "defaults") == Approx(1095));
  CHECK(at_site(s, Component::space, "defaults") == Approx(1000));
  CHECK(at_site(s, Component::maintenance, "defaults") == Approx(1000));
  CHECK(amortized_at_site(s, Component::hardware, "defaults") == Approx(1600));
  CHECK(at_site(s, Component::staff, "defaults") == Approx(10000));

  // Inline hardware, catalog defaults for the rest: ceil(8 / 4) = 2 servers,
  // capex 2 × 50,000 = 100,000; power 2 × 5 kW × 1.5 × 730 h × 0.10 = 1,095;
  // space 2 × 5 kW × 100 = 1,000; maintenance 100,000 × 10 % / 12 = 833.33;
  // amortized 100,000 × (1 - 20 %) / 60 = 1,333.33.
  CHECK(at_site(s, Component::hardware, "quote") == 100000);
  CHECK(at_site(s, Component::power, "quote") == Approx(1095));
  CHECK(at_site(s, Component::space, "quote") == Approx(1000));
  CHECK(at_site(s, Component::maintenance, "quote") == Approx(100000 * 0.10 / 12));
  CHECK(amortized_at_site(s, Component::hardware, "quote") == Approx(80000.0 / 60));
  CHECK(test::lines(s, Component::staff, 0, "quote").empty());
}

TEST_CASE("workload demand: start and duration bound the months a workload is active", "[placement]") {
  // Horizon 2027-01..2027-06; w runs 2027-03..2027-04; late would start in 2027-08.
  auto run = test::run(test::header("6 months") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n"
                       "  w: {kind: training, gpu: H100, gpus: 8, start: 2027-03, duration: 2 months}\n"
                       "  late: {kind: training, gpu: H100, gpus: 8, start: 2027-08}\n"
                       "strategies:\n  s: {workloads: {w: cloud, late: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  const auto compute = test::lines(s, Component::compute);
  REQUIRE(compute.size() == 2);
  // 1 instance × 730 h × 10 USD/h = 7,300 in months 2 and 3 only.
  CHECK(compute[0].month == 2);
  CHECK(compute[1].month == 3);
  for (const auto& line : compute) {
    CHECK(line.workload == "w");
    CHECK(line.cash == 7300);
  }
  // 2 months × 8 GPUs × 730 h = 11,680 GPU-hours, all of the capacity of its active months.
  CHECK(use_of(s, "w").allocated_gpu_hours == 11680);
  CHECK(use_of(s, "w").capacity_gpu_hours == 11680);
  CHECK(use_of(s, "late").allocated_gpu_hours == 0);
  // A workload starting after the horizon costs nothing, and the result says so.
  std::string warnings;
  for (const auto& d : run->model->warnings.items()) warnings += format_location(d) + "\n";
  CHECK_THAT(warnings, Catch::Contains("workloads.late.start: workload late starts in 2027-08, after the horizon "
                                       "ends (2027-06): it costs nothing in these figures"));
}

TEST_CASE("workload demand: runs ask per_month × duration × GPUs GPU-hours, or 730 h / every runs a month",
          "[placement]") {
  auto run = test::run(test::header("2 months") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n"
                       "  counted: {kind: training, gpu: H100, gpus: 16, runs: {per_month: 3, duration: 20 h}, "
                       "utilization: 50 %}\n"
                       "  spaced: {kind: training, gpu: H100, gpus: 8, runs: {every: 73 h, duration: 5 h}}\n"
                       "strategies:\n  s: {workloads: {counted: cloud, spaced: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // counted: 3 runs × 20 h × 16 GPUs = 960 GPU-hours a month, 1,920 in two; used at 50 %: 960.
  const WorkloadUse& counted = use_of(s, "counted");
  CHECK(counted.allocated_gpu_hours == 1920);
  CHECK(counted.used_gpu_hours == 960);
  CHECK(counted.runs == 6);
  // Paid as 2 instances × 60 h × 10 USD/h = 1,200 a month.
  for (const auto& line : test::lines(s, Component::compute, 0)) {
    if (line.workload == "counted") CHECK(line.cash == 1200);
  }
  // spaced: 730 h / 73 h = 10 runs × 5 h × 8 GPUs = 400 GPU-hours a month, 800 in two.
  const WorkloadUse& spaced = use_of(s, "spaced");
  CHECK(spaced.allocated_gpu_hours == Approx(800));
  CHECK(spaced.runs == Approx(20));
  // Paid as 1 instance × 50 h × 10 USD/h = 500 a month.
  for (const auto& line : test::lines(s, Component::compute, 1)) {
    if (line.workload == "spaced") CHECK(line.cash == Approx(500));
  }
}

TEST_CASE("workload demand: GPU-hour and token schedules spread over the fewest GPUs that hold them", "[placement]") {
  auto run = test::run(test::header("1 month") +
                       "sites:\n"
                       "  e8: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                       "  e9: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                       "  et: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
                       "workloads:\n"
                       "  exact: {kind: training, gpu: H100, gpu_hours_per_month: 5840}\n"
                       "  over: {kind: training, gpu: H100, gpu_hours_per_month: 5841}\n"
                       "  tokens: {kind: inference, gpu: H100, tokens_per_month: 1.314e10, "
                       "tokens_per_second_per_gpu: 1000, utilization: 50 %}\n"
                       "strategies:\n  s: {workloads: {exact: e8, over: e9, tokens: et}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // 5,840 / 730 h = exactly 8 GPUs: 1 server, 120,000.
  CHECK(at_site(s, Component::hardware, "e8") == 120000);
  // 5,841 / 730 = 8.001: 9 GPUs, 2 servers, 240,000.
  CHECK(at_site(s, Component::hardware, "e9") == 240000);
  // 1.314e10 tokens / (1,000 tokens/s × 3,600 s × 50 %) = 7,300 GPU-hours = 10 GPUs: 2 servers.
  CHECK(at_site(s, Component::hardware, "et") == 240000);
  const WorkloadUse& tokens = use_of(s, "tokens");
  CHECK(tokens.allocated_gpu_hours == Approx(7300));
  CHECK(tokens.used_gpu_hours == Approx(3650));
  REQUIRE(tokens.tokens);
  CHECK(*tokens.tokens == Approx(1.314e10));
  // Capacity: 10 GPUs × 730 h = 7,300 GPU-hours.
  CHECK(tokens.capacity_gpu_hours == Approx(7300));
}

TEST_CASE("workload demand: with calendar hours, continuous and runs-every follow each month's real hours",
          "[placement]") {
  // January 2027 has 31 × 24 = 744 hours, February 28 × 24 = 672.
  auto run = test::run(test::header("2 months") + "hours_per_month: calendar\n" +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n"
                       "  always: {kind: inference, gpu: H100, gpus: 8}\n"
                       "  every: {kind: training, gpu: H100, gpus: 8, runs: {every: 96 h, duration: 4 h}}\n"
                       "strategies:\n  s: {workloads: {always: cloud, every: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  const auto compute = [&](const std::string& workload, int month) {
    double total = 0;
    for (const auto& line : test::lines(s, Component::compute, month)) {
      if (line.workload == workload) total += line.cash;
    }
    return total;
  };
  // 1 instance × 744 h × 10 USD/h = 7,440; then × 672 h = 6,720.
  CHECK(compute("always", 0) == 7440);
  CHECK(compute("always", 1) == 6720);
  // 744 / 96 = 7.75 runs × 4 h × 10 USD/h = 310; 672 / 96 = 7 runs × 4 h × 10 = 280.
  CHECK(compute("every", 0) == Approx(310));
  CHECK(compute("every", 1) == Approx(280));
}
