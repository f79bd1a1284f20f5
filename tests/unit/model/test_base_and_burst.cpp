// Strategies that split a workload into a base and a burst, size a commitment, or do not run
// a workload (src/model/demand.cpp place_workloads, and the cost modules that pay each
// portion). Formulas: tco-model(7), BASE AND BURST; keys: tco-scenario(5), STRATEGIES.
// Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/model/figures.hpp"

using namespace tco;

namespace {

// 16 H100s busy 70 % of one 730-hour month: 16 × 730 × 70 % = 8,176 GPU-hours. Sites: acme's
// 8-GPU instance on demand (10 USD/h) or committed for a year (6 USD/h), and owned 8-GPU boxes
// (120,000 USD each). `strategies` places w.
std::string split_scenario(const std::string& strategies, const std::string& utilization = "70 %") {
  return test::header_v2("1 month") +
         "sites:\n  demand: {kind: cloud, provider: acme, region: east}\n"
         "  commit: {kind: cloud, provider: acme, region: east, pricing: 1y}\n"
         "  own: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
         "workloads:\n  w: {kind: training, gpu: H100, gpus: 16, utilization: " +
         utilization +
         "}\n"
         "strategies:\n"
         "  all-demand: {workloads: {w: demand}}\n  all-own: {workloads: {w: own}}\n" +
         strategies;
}

double total_cash(const StrategyResult& s) {
  double total = 0;
  for (const auto& line : s.lines) total += line.cash;
  return total;
}

}  // namespace

TEST_CASE("base + burst: the base's GPUs are filled first, the rest bursts at the on-demand price", "[placement]") {
  auto run =
      test::run(split_scenario("  owned-base:\n    workloads: {w: {base: {site: own, gpus: 8}, burst: demand}}\n"
                               "  committed-base:\n    workloads: {w: {base: {site: commit, gpus: 8}, "
                               "burst: demand}}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& owned = test::strategy(*run, "owned-base");
  // The base holds min(8,176, 8 GPUs × 730 h) = 5,840 GPU-hours; 2,336 burst on 8 GPUs for
  // 292 h: 1 instance × 292 h × 10 USD/h = 2,920.
  CHECK(test::cash_at_site(owned, Component::compute, "demand") == Approx(2920));
  // One box bought (120,000), drawing full power: its 8 GPUs busy all 730 h, a load of 100 %:
  // 10 kW × PUE 1.5 × 730 h × 0.10 USD/kWh = 1,095.
  CHECK(test::cash_at_site(owned, Component::hardware, "own") == Approx(120000));
  CHECK(test::cash_at_site(owned, Component::power, "own") == Approx(1095));
  const auto burst = test::lines(owned, Component::compute, 0, "demand");
  REQUIRE(burst.size() == 1);
  CHECK(burst[0].cause == "workload w (burst)");
  CHECK(burst[0].usage.quantity == Approx(292));

  const StrategyResult& committed = test::strategy(*run, "committed-base");
  // The base: 1 instance × 730 h × 6 USD/h = 4,380, used or not; the same burst, 2,920.
  CHECK(test::cash_at_site(committed, Component::compute, "commit") == Approx(4380));
  CHECK(test::cash_at_site(committed, Component::compute, "demand") == Approx(2920));
  CHECK(test::lines(committed, Component::compute, 0, "commit")[0].cause == "workload w (base)");

  // Utilization is occupied ÷ held: 8,176 ÷ (8 held all month + 8 at the burst's peak) × 730.
  const WorkloadUse& use = test::use_of(owned, "w");
  CHECK(use.site == "own + demand");
  CHECK(use.allocated_gpu_hours == Approx(8176));
  CHECK(use.capacity_gpu_hours == Approx(16 * 730));
}

TEST_CASE("base + burst: a base of 0 is all burst, a base at the peak all base, to the cent", "[placement]") {
  auto run =
      test::run(split_scenario("  base-0:\n    workloads: {w: {base: {site: own, gpus: 0}, burst: demand}}\n"
                               "  base-16:\n    workloads: {w: {base: {site: own, gpus: 16}, burst: demand}}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  CHECK(total_cash(test::strategy(*run, "base-0")) == total_cash(test::strategy(*run, "all-demand")));
  CHECK(test::lines(test::strategy(*run, "base-0"), Component::hardware).empty());
  CHECK(total_cash(test::strategy(*run, "base-16")) == total_cash(test::strategy(*run, "all-own")));
  CHECK(test::lines(test::strategy(*run, "base-16"), Component::compute).empty());
}

TEST_CASE("base + burst: more demand never costs less", "[placement][property]") {
  double previous = 0;
  for (const char* utilization : {"10 %", "30 %", "50 %", "55 %", "70 %", "90 %", "100 %"}) {
    auto run = test::run(
        split_scenario("  split:\n    workloads: {w: {base: {site: commit, gpus: 8}, burst: demand}}\n", utilization));
    REQUIRE(run);
    REQUIRE(run->model);
    const double total = total_cash(test::strategy(*run, "split"));
    INFO(utilization);
    CHECK(total >= previous);
    previous = total;
  }
}

TEST_CASE("a commitment of a stated size is paid for that many GPUs; below the peak it is an error", "[placement]") {
  auto run = test::run(split_scenario("  big:\n    workloads: {w: {site: commit, gpus: 24}}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  // 24 GPUs: 3 instances × 730 h × 6 USD/h = 13,140.
  CHECK(test::cash_in(test::strategy(*run, "big"), 0, Component::compute) == Approx(13140));

  auto small = test::attempt(split_scenario("  small:\n    workloads: {w: {site: own, gpus: 8}}\n"));
  REQUIRE(small);
  CHECK(test::errors(*small) ==
        "test.yaml:16:27: strategies.small.workloads.w: 8 GPUs provisioned at site 'own', "
        "but workload 'w' needs 16 at once: provision at least 16, or split it into a base "
        "and a burst\n");
}

TEST_CASE("a workload a strategy does not run costs nothing there and counts in no unit metric", "[placement]") {
  auto run = test::run(test::header_v2("1 month") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                       "  extra: {kind: training, gpu: H100, gpus: 8}\n"
                       "strategies:\n  both: {workloads: {w: cloud, extra: cloud}}\n"
                       "  one: {workloads: {w: cloud, extra: none}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  // 1 instance × 730 h × 10 USD/h for each workload that runs.
  CHECK(test::cash_in(test::strategy(*run, "both"), 0, Component::compute) == Approx(14600));
  const StrategyResult& one = test::strategy(*run, "one");
  CHECK(test::cash_in(one, 0, Component::compute) == Approx(7300));
  REQUIRE(one.workloads.size() == 1);
  CHECK(one.workloads[0].name == "w");
  CHECK(one.used_gpu_hours == Approx(8 * 730));
}

TEST_CASE("base + burst: data is synced to every site that runs the work, and flows split by its share",
          "[placement]") {
  auto run = test::run(test::header_v2("1 month") +
                       "sites:\n  demand: {kind: cloud, provider: acme, region: east}\n"
                       "  own: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0, storage: 0.01 "
                       "USD/GB-month, egress: 0 USD/GB}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 16, utilization: 70 %, reads: corpus}\n"
                       "datasets:\n  corpus: {size: 1000 GB, origin: demand}\n"
                       "flows:\n  out: {from: workload:w, to: internet, size: 700 GB, every: 1 month}\n"
                       "strategies:\n  split: {workloads: {w: {base: {site: own, gpus: 8}, burst: demand}}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& split = test::strategy(*run, "split");
  // A copy of the corpus is stored at the base site: 1,000 GB × 0.01 USD/GB-month = 10.
  CHECK(test::cash_at_site(split, Component::storage, "own") == Approx(10));
  // The flow leaves each site in proportion to the GPU-hours it runs there: 5,840 ÷ 8,176 of
  // 700 GB = 500 GB from the base, 200 GB from the burst site (usage in bytes).
  double from_own = 0;
  double from_demand = 0;
  for (const auto& line : test::lines(split, Component::egress)) {
    if (line.cause != "flow out") continue;
    (line.site == "own" ? from_own : from_demand) += line.usage.quantity;
  }
  CHECK(from_own == Approx(500e9));
  CHECK(from_demand == Approx(200e9));
}

TEST_CASE("base + burst: the owned base's costs are the split workload's, shared by what each runs there",
          "[placement]") {
  auto run =
      test::run(split_scenario("  owned-base:\n    workloads: {w: {base: {site: own, gpus: 8}, burst: demand}}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& owned = test::strategy(*run, "owned-base");
  const UnitEconomics economics = unit_economics(owned, run->scenario);
  // w is the only workload: every amortized dollar of both sites is its own.
  REQUIRE(economics.workloads.size() == 1);
  CHECK(economics.workloads[0].cost == Approx(owned.total_amortized()));
  CHECK(economics.unattributed_cost == 0);
  CHECK(test::use_of(owned, "w").allocated_by_site.at("own") == Approx(5840));
  CHECK(test::use_of(owned, "w").allocated_by_site.at("demand") == Approx(2336));
}
