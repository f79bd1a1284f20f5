// A site that takes less (or more) time for the same work, and a workload on another GPU
// model at one site (src/model/demand.cpp at_speed; cloud_costs.cpp choose_offer). Formulas:
// tco-model(7), RELATIVE TIME; keys: tco-scenario(5), SITES and STRATEGIES. Every expected
// figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

// 16 H100s busy 70 % of one 730-hour month: 8,176 GPU-hours as the workload states them.
std::string speed_scenario(const std::string& sites, const std::string& strategies) {
  return test::header_v2("1 month") + "sites:\n" + sites +
         "workloads:\n  w: {kind: training, gpu: H100, gpus: 16, utilization: 70 %}\n"
         "strategies:\n" +
         strategies;
}

}  // namespace

TEST_CASE("relative time: a faster site needs fewer GPU-hours for the same work", "[speed]") {
  auto run = test::run(
      speed_scenario("  cloud: {kind: cloud, provider: acme, region: east}\n"
                     "  fast: {kind: cloud, provider: acme, region: east, relative_time: 0.85}\n"
                     "  own: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0, relative_time: 0.85}\n",
                     "  base: {workloads: {w: cloud}}\n  fast: {workloads: {w: fast}}\n  own: {workloads: {w: own}}\n"
                     "  slow: {workloads: {w: {site: cloud, relative_time: 1.2}}}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  // As stated: 2 instances × 511 h × 10 USD/h = 10,220.
  CHECK(test::cash_in(test::strategy(*run, "base"), 0, Component::compute) == Approx(10220));
  // At 0.85 of the time: 2 instances × 434.35 h × 10 USD/h = 8,687.
  const StrategyResult& fast = test::strategy(*run, "fast");
  CHECK(test::cash_in(fast, 0, Component::compute) == Approx(8687));
  CHECK(test::use_of(fast, "w").allocated_gpu_hours == Approx(8176 * 0.85));
  // The placement's own relative time replaces the site's: 2 × 613.2 h × 10 = 12,264.
  CHECK(test::cash_in(test::strategy(*run, "slow"), 0, Component::compute) == Approx(12264));
  // Owned: the same two boxes, drawing power at a load of 6,949.6 ÷ (16 × 730) = 59.5 %:
  // 2 × (2 + 8 × 0.595) kW × 1.5 × 730 h × 0.10 USD/kWh = 1,480.44.
  const StrategyResult& own = test::strategy(*run, "own");
  CHECK(test::cash_in(own, 0, Component::hardware) == Approx(240000));
  CHECK(test::cash_in(own, 0, Component::power) == Approx(1480.44));
}

TEST_CASE("relative time: a base holds more of the work on a faster site", "[speed]") {
  auto run = test::run(
      speed_scenario("  cloud: {kind: cloud, provider: acme, region: east}\n"
                     "  own: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0, relative_time: 0.8}\n",
                     "  split: {workloads: {w: {base: {site: own, gpus: 8}, burst: cloud}}}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  // The base's 8 GPUs × 730 h hold 5,840 ÷ 0.8 = 7,300 of the workload's GPU-hours; the
  // burst runs the other 876 on 8 GPUs for 109.5 h: 1 instance × 109.5 h × 10 USD/h = 1,095.
  const StrategyResult& split = test::strategy(*run, "split");
  CHECK(test::cash_at_site(split, Component::compute, "cloud") == Approx(1095));
  CHECK(test::use_of(split, "w").allocated_by_site.at("own") == Approx(5840));
}

TEST_CASE("relative time: work that no longer fits in the month on its GPUs holds more of them", "[speed]") {
  auto run = test::run(speed_scenario("  cloud: {kind: cloud, provider: acme, region: east}\n",
                                      "  s: {workloads: {w: {site: cloud, relative_time: 1.5}}}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  // 8,176 × 1.5 = 12,264 GPU-hours, more than 16 GPUs × 730 h: spread over ceil(12,264 ÷
  // 730) = 17 GPUs for 721.41 h, on 3 instances: 3 × 721.41 h × 10 USD/h = 21,642.35.
  CHECK(test::cash_in(test::strategy(*run, "s"), 0, Component::compute) == Approx(3 * 12264.0 / 17 * 10));
  CHECK(test::use_of(test::strategy(*run, "s"), "w").capacity_gpu_hours == Approx(17 * 730));
}

TEST_CASE("a placement may run the workload on another GPU model; one the site does not sell is an error", "[speed]") {
  auto run = test::attempt(speed_scenario("  cloud: {kind: cloud, provider: acme, region: east}\n",
                                          "  s: {workloads: {w: {site: cloud, gpu: A100-80GB}}}\n"));
  REQUIRE(run);
  CHECK_THAT(test::errors(*run), Catch::Contains("no A100-80GB offer priced 'on-demand' in region east") &&
                                     Catch::Contains("offers there: gpu8 (8 x H100: on-demand, spot, 1y)"));
}
