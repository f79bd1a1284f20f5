// What workloads demand of their sites month by month (src/model/demand.cpp), and how
// elastic and capacity placements pay for it, through the public API. Formulas:
// tco-model(7), GPU DEMAND and UTILIZATION; keys: tco-scenario(5), WORKLOADS and SCHEMA
// VERSIONS. Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

TEST_CASE("workload demand: start and duration bound the months a workload is active", "[demand]") {
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
  CHECK(test::use_of(s, "w").allocated_gpu_hours == 11680);
  CHECK(test::use_of(s, "w").capacity_gpu_hours == 11680);
  CHECK(test::use_of(s, "late").allocated_gpu_hours == 0);
  // A workload starting after the horizon costs nothing, and the result says so.
  std::string warnings;
  for (const auto& d : run->model->warnings.items()) warnings += format_location(d) + "\n";
  CHECK_THAT(warnings, Catch::Contains("workloads.late.start: workload late starts in 2027-08, after the horizon "
                                       "ends (2027-06): it costs nothing in these figures"));
}

TEST_CASE("workload demand: runs ask per_month × duration × GPUs GPU-hours, or 730 h / every runs a month",
          "[demand]") {
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
  const WorkloadUse& counted = test::use_of(s, "counted");
  CHECK(counted.allocated_gpu_hours == 1920);
  CHECK(counted.used_gpu_hours == 960);
  CHECK(counted.runs == 6);
  // Paid as 2 instances × 60 h × 10 USD/h = 1,200 a month.
  for (const auto& line : test::lines(s, Component::compute, 0)) {
    if (line.workload == "counted") CHECK(line.cash == 1200);
  }
  // spaced: 730 h / 73 h = 10 runs × 5 h × 8 GPUs = 400 GPU-hours a month, 800 in two.
  const WorkloadUse& spaced = test::use_of(s, "spaced");
  CHECK(spaced.allocated_gpu_hours == Approx(800));
  CHECK(spaced.runs == Approx(20));
  // Paid as 1 instance × 50 h × 10 USD/h = 500 a month.
  for (const auto& line : test::lines(s, Component::compute, 1)) {
    if (line.workload == "spaced") CHECK(line.cash == Approx(500));
  }
}

TEST_CASE("workload demand: GPU-hour and token schedules spread over the fewest GPUs that hold them", "[demand]") {
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
  CHECK(test::cash_at_site(s, Component::hardware, "e8") == 120000);
  // 5,841 / 730 = 8.001: 9 GPUs, 2 servers, 240,000.
  CHECK(test::cash_at_site(s, Component::hardware, "e9") == 240000);
  // 1.314e10 tokens / (1,000 tokens/s × 3,600 s × 50 %) = 7,300 GPU-hours = 10 GPUs: 2 servers.
  CHECK(test::cash_at_site(s, Component::hardware, "et") == 240000);
  const WorkloadUse& tokens = test::use_of(s, "tokens");
  CHECK(tokens.allocated_gpu_hours == Approx(7300));
  CHECK(tokens.used_gpu_hours == Approx(3650));
  REQUIRE(tokens.tokens);
  CHECK(*tokens.tokens == Approx(1.314e10));
  // Capacity: 10 GPUs × 730 h = 7,300 GPU-hours.
  CHECK(tokens.capacity_gpu_hours == Approx(7300));
}

TEST_CASE("workload demand: with calendar hours, continuous and runs-every follow each month's real hours",
          "[demand]") {
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

namespace {

// 16 H100s (two 8-GPU instances or boxes) placed three ways: on demand (elastic), on a 1-year
// commitment and owned (both capacity). `workload` is the rest of the workload's mapping.
std::string three_ways(const std::string& header, const std::string& workload) {
  return header +
         "sites:\n  demand: {kind: cloud, provider: acme, region: east}\n"
         "  commit: {kind: cloud, provider: acme, region: east, pricing: 1y}\n"
         "  own: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
         "workloads:\n  w: {kind: training, gpu: H100, gpus: 16" +
         workload +
         "}\n"
         "strategies:\n  demand: {workloads: {w: demand}}\n  commit: {workloads: {w: commit}}\n"
         "  own: {workloads: {w: own}}\n";
}

}  // namespace

TEST_CASE("utilization (schema 2): elastic capacity pays the hours the work occupies, committed and owned every hour",
          "[demand]") {
  auto run = test::run(three_ways(test::header_v2("1 month"), ", utilization: 70 %"));
  REQUIRE(run);
  REQUIRE(run->model);
  // On demand: 2 instances × 730 h × 70 % × 10 USD/h = 10,220.
  CHECK(test::cash_in(test::strategy(*run, "demand"), 0, Component::compute) == Approx(10220));
  // Committed for a year: 2 instances × 730 h × 6 USD/h = 8,760, busy or not.
  CHECK(test::cash_in(test::strategy(*run, "commit"), 0, Component::compute) == Approx(8760));
  // Owned: 2 boxes bought, 240,000; power at a load of 70 %: 2 × (2 + 8 × 0.7) kW = 15.2 kW
  // × PUE 1.5 × 730 h × 0.10 USD/kWh = 1,664.40.
  const StrategyResult& own = test::strategy(*run, "own");
  CHECK(test::cash_in(own, 0, Component::hardware) == Approx(240000));
  CHECK(test::cash_in(own, 0, Component::power) == Approx(1664.4));
  // Occupied: 16 × 730 × 70 % = 8,176 GPU-hours of 11,680 provisioned, wherever it runs.
  for (const char* name : {"demand", "commit", "own"}) {
    const WorkloadUse& use = test::use_of(test::strategy(*run, name), "w");
    CHECK(use.allocated_gpu_hours == Approx(8176));
    CHECK(use.capacity_gpu_hours == Approx(11680));
    CHECK(use.used_gpu_hours == Approx(8176));
  }
}

TEST_CASE("useful_work (schema 2): the share of occupied time doing work sets used GPU-hours and power, not the bill",
          "[demand]") {
  auto run = test::run(three_ways(test::header_v2("1 month"), ", utilization: 70 %, useful_work: 50 %"));
  REQUIRE(run);
  REQUIRE(run->model);
  // The bill is the same as at 100 % useful work: 10,220 on demand.
  CHECK(test::cash_in(test::strategy(*run, "demand"), 0, Component::compute) == Approx(10220));
  // Used: 8,176 × 50 % = 4,088 GPU-hours.
  CHECK(test::use_of(test::strategy(*run, "demand"), "w").used_gpu_hours == Approx(4088));
  // Power at a load of 35 %: 2 × (2 + 8 × 0.35) kW = 9.6 kW × 1.5 × 730 h × 0.10 = 1,051.20.
  CHECK(test::cash_in(test::strategy(*run, "own"), 0, Component::power) == Approx(1051.2));
}

TEST_CASE("schema 1's utilization is schema 2's useful_work: the same file in either gives the same ledger",
          "[demand]") {
  auto v1 = test::run(three_ways(test::header("3 months"), ", utilization: 60 %"));
  auto v2 = test::run(three_ways(test::header_v2("3 months"), ", useful_work: 60 %"));
  REQUIRE(v1);
  REQUIRE(v2);
  REQUIRE(v1->model);
  REQUIRE(v2->model);
  REQUIRE(v1->model->strategies.size() == v2->model->strategies.size());
  for (std::size_t i = 0; i < v1->model->strategies.size(); ++i) {
    const StrategyResult& a = v1->model->strategies[i];
    const StrategyResult& b = v2->model->strategies[i];
    REQUIRE(a.lines.size() == b.lines.size());
    for (std::size_t j = 0; j < a.lines.size(); ++j) {
      CHECK(a.lines[j].cash == b.lines[j].cash);
      CHECK(a.lines[j].amortized == b.lines[j].amortized);
    }
    CHECK(test::use_of(a, "w").used_gpu_hours == test::use_of(b, "w").used_gpu_hours);
  }
  // On demand every hour: 2 × 730 × 10 = 14,600 a month, whatever the useful share.
  CHECK(test::cash_in(test::strategy(*v2, "demand"), 0, Component::compute) == Approx(14600));
}

TEST_CASE("utilization (schema 2): more of it never costs less, and owned hardware costs the same but power",
          "[demand][property]") {
  double last_demand = -1;
  double last_own = -1;
  for (int percent = 5; percent <= 100; percent += 5) {
    auto run = test::run(three_ways(test::header_v2("2 months"), ", utilization: " + std::to_string(percent) + " %"));
    REQUIRE(run);
    REQUIRE(run->model);
    const double demand = test::strategy(*run, "demand").total_cash();
    const StrategyResult& own = test::strategy(*run, "own");
    CHECK(demand >= last_demand);
    CHECK(own.total_cash() >= last_own);
    CHECK(test::cash_in(own, 0, Component::hardware) == Approx(240000));
    last_demand = demand;
    last_own = own.total_cash();
  }
}
