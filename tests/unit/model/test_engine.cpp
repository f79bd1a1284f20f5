#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {
constexpr double kGiB = 1073741824.0;
const std::string kCloud = "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: PRICING}\n";

std::string with(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}
double total(const test::Run& run, const std::string& strategy, Component component) {
  for (const auto& s : run.model->strategies) {
    if (s.name == strategy) return s.component_cash(component);
  }
  FAIL("no strategy " << strategy);
  return 0;
}
}  // namespace

TEST_CASE("on-demand compute is GPU-hours times the hourly price") {
  auto run =
      test::run(test::header() + with(kCloud, "PRICING", "on-demand") +
                "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\nstrategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  CHECK(total(*run, "s", Component::compute) == Approx(12 * 730 * 10.0));
  CHECK(run->model->strategies[0].used_gpu_hours == Approx(12 * 730 * 8.0));
}

TEST_CASE("committed capacity is paid every hour of its term, used or not") {
  const std::string workloads =
      "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, runs: {per_month: 4, duration: 24 h}}\n"
      "strategies:\n  s: {workloads: {w: cloud}}\n";
  auto on_demand = test::run(test::header() + with(kCloud, "PRICING", "on-demand") + workloads);
  auto committed = test::run(test::header() + with(kCloud, "PRICING", "1y") + workloads);
  REQUIRE(on_demand);
  REQUIRE(committed);
  CHECK(total(*on_demand, "s", Component::compute) == Approx(12 * 4 * 24 * 10.0));  // $11,520
  CHECK(total(*committed, "s", Component::compute) == Approx(12 * 730 * 6.0));      // $52,560
}

TEST_CASE("spot adds the expected rework of each interruption") {
  // One instance, an interruption every 100 h, 1 h restart, checkpoints every 4 h:
  // each interruption loses 1 + 4/2 = 3 h, so hours grow by 1 / (1 - 3/100).
  auto run = test::run(test::header() +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: spot, "
                       "spot: {interruption_every: 100 h, restart: 1 h}}\n"
                       "workloads:\n  w:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
                       "    checkpoints: {parameters: 1e9, every: 4 h}\nstrategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  CHECK(total(*run, "s", Component::compute) == Approx(12 * 730 * 4.0 / 0.97));
}

TEST_CASE("on-prem: capex, straight-line amortization with residual, power with PUE, space, maintenance, staff") {
  auto run = test::run(test::header() +
                       "sites:\n  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 1}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, utilization: 50 %}\n"
                       "strategies:\n  s: {workloads: {w: dc}}\n");
  REQUIRE(run);
  const StrategyResult& s = run->model->strategies[0];
  CHECK(s.monthly_cash[0][static_cast<std::size_t>(Component::hardware)] == 120000);
  CHECK(s.monthly_cash[1][static_cast<std::size_t>(Component::hardware)] == 0);
  // (120,000 - 20 % residual) / 60 months.
  CHECK(s.monthly_amortized[5][static_cast<std::size_t>(Component::hardware)] == Approx(1600));
  // 1 server x (2 kW idle + 8 kW x 50 %) x PUE 1.5 x 730 h x $0.10.
  CHECK(s.monthly_cash[3][static_cast<std::size_t>(Component::power)] == Approx(6 * 1.5 * 730 * 0.10));
  CHECK(s.monthly_cash[3][static_cast<std::size_t>(Component::space)] == Approx(10 * 100.0));
  CHECK(s.monthly_cash[3][static_cast<std::size_t>(Component::maintenance)] == Approx(1000));
  CHECK(s.monthly_cash[3][static_cast<std::size_t>(Component::staff)] == Approx(10000));
}

TEST_CASE("checkpoints: size, retention and replication egress") {
  // 70e9 x 14 B = 980 GB every 4 h: 182.5 a month; 5 kept at the site and the replica.
  auto run = test::run(test::header() +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "  backup: {kind: cloud, provider: acme, region: west}\n"
                       "workloads:\n  w:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
                       "    checkpoints: {parameters: 70e9, every: 4 h, keep: 5, replicate_to: [backup]}\n"
                       "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  const StrategyResult& s = run->model->strategies[0];
  const double retained = 5 * 980e9;
  CHECK(s.monthly_cash[2][static_cast<std::size_t>(Component::storage)] == Approx(2 * retained / kGiB * 0.02));
  CHECK(s.monthly_cash[2][static_cast<std::size_t>(Component::egress)] == Approx(182.5 * 980e9 / kGiB * 0.02));
}

TEST_CASE("internet egress is tiered on the month's total and shared back to its causes") {
  auto run = test::run(test::header("1 month") + with(kCloud, "PRICING", "on-demand") +
                       "workloads: {}\nflows:\n"
                       "  a: {from: cloud, to: internet, size: 5 TiB, every: 1 month}\n"
                       "  b: {from: cloud, to: internet, size: 5 TiB, every: 1 month}\n"
                       "strategies:\n  s: {workloads: {}}\n");
  REQUIRE(run);
  const StrategyResult& s = run->model->strategies[0];
  CHECK(s.component_cash(Component::egress) == Approx((10240 - 100) * 0.09));
  for (const auto& line : s.lines) CHECK(line.cash == Approx((10240 - 100) * 0.09 / 2));
}

TEST_CASE("a missing price is an error naming the sheet and region, never zero") {
  auto scenario = load_scenario(
      test::header() + with(kCloud, "PRICING", "3y") +
          "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\nstrategies:\n  s: {workloads: {w: cloud}}\n",
      "s.yaml");
  REQUIRE(scenario);
  const PriceCatalog catalog = test::catalog();
  auto model = run_model(scenario.value(), catalog, {});
  REQUIRE_FALSE(model);
  CHECK_THAT(format_location(model.diagnostics().items()[0]),
             Catch::Contains("no H100 offer priced '3y' in region east of the acme@2026-01-01 price sheet") &&
                 Catch::Contains("gpu8 (8 x H100: on-demand, spot, 1y)"));
}

TEST_CASE("property: more data moved never costs less, and cumulative cost never falls") {
  double previous = -1;
  for (int tb = 0; tb <= 300; tb += 25) {
    auto run = test::run(test::header("36 months") +
                         "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                         "  dc: {kind: onprem, hardware: box, maintenance: 5 %, staff: 0, depreciation: 1 year, "
                         "egress: 0.01 USD/GB, storage: 0.01 USD/GB-month}\n"
                         "workloads:\n  w: {kind: training, gpu: H100, gpus: 16, reads: [d]}\n"
                         "datasets:\n  d: {size: " +
                         std::to_string(tb) +
                         " TB, origin: cloud, refresh: {every: 1 week, changed: 30 %}}\n"
                         "flows:\n  out: {from: dc, to: internet, size: " +
                         std::to_string(tb) +
                         " TB, every: 1 month}\n"
                         "strategies:\n  hybrid: {workloads: {w: dc}, datasets: {d: cloud}}\n");
    REQUIRE(run);
    const StrategyResult& s = run->model->strategies[0];
    CHECK(s.total_cash() >= previous);
    previous = s.total_cash();
    const auto cumulative = s.cumulative_cash();
    for (std::size_t t = 1; t < cumulative.size(); ++t) CHECK(cumulative[t] >= cumulative[t - 1]);
  }
}
