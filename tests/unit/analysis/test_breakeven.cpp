#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/analysis/breakeven.hpp"
#include "tco/model/figures.hpp"

using namespace tco;

namespace {
// An 8-GPU box bought for $120,000 with every running cost stated as zero, against the same
// GPUs rented at $10 an instance-hour: on-prem costs $120,000 at any utilization, the
// cloud 36 × 730 h × $10 × u = $262,800 u over 36 months.
const std::string kBoxOrRent =
    "sites:\n"
    "  cloud: {kind: cloud, provider: acme, region: east, pricing: on-demand}\n"
    "  dc: {kind: onprem, hardware: box, electricity: 0 USD/kWh, pue: 1, colocation: 0 USD/kW-month,\n"
    "       maintenance: 0 %, staff: 0}\n"
    "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, runs: {per_month: 2, duration: 73 h}}\n"
    "strategies:\n  rent: {workloads: {w: cloud}}\n  own: {workloads: {w: dc}}\n"
    "baseline: rent\n";
}  // namespace

TEST_CASE("a crossing is placed within its month and the gap at the end is kept") {
  // Gaps 60, 20, -20: crossed halfway through month 3.
  auto crossing = find_crossing({100, 0, 0}, {40, 40, 40});
  CHECK(crossing.month == 3);
  CHECK(crossing.fraction == Approx(0.5));
  CHECK(crossing.gap_at_end == Approx(-20));
  crossing = find_crossing({100, 10}, {10, 10});
  CHECK_FALSE(crossing.month);
  CHECK(crossing.gap_at_end == Approx(90));
  crossing = find_crossing({10, 10}, {20, 20});  // cheaper from the start
  CHECK(crossing.month == 1);
  CHECK(crossing.fraction == 0);
  // The research-team figures meet exactly at the end of month 40.
  std::vector<double> owned(60, 5000.0 / 12);
  owned[0] += 50000;
  crossing = find_crossing(owned, std::vector<double>(60, 20000.0 / 12));
  CHECK(crossing.month == 40);
  CHECK(crossing.fraction == Approx(1.0));
}

TEST_CASE("the break-even utilization equalizes the horizon totals") {
  auto scenario = load_scenario(test::header("36 months") + kBoxOrRent, "t.yaml");
  REQUIRE(scenario);
  const auto prices = test::catalog();
  auto prepared = PreparedModel::prepare(scenario.value(), prices, {});
  REQUIRE(prepared);
  auto analysis = analyse_breakeven(prepared.value(), {0.5, 1.0});
  REQUIRE(analysis);
  // As written: 2 runs × 73 h of 730 h = 20 % of the hours.
  CHECK(analysis->declared_utilization == Approx(0.2));
  REQUIRE(analysis->strategies == std::vector<std::string>{"own"});
  const auto& solved = analysis->solved[0];
  CHECK(solved.kind == UtilizationBreakeven::Kind::crossing);
  CHECK(solved.cheaper_above);
  CHECK(solved.utilization == Approx(120000.0 / 262800.0).epsilon(1e-4));
  // At 100 %: $7,300 a month of rent passes $120,000 during month 17, 3,200 / 7,300 into it.
  const auto& full = analysis->levels[1];
  CHECK(full.utilization == 1.0);
  CHECK(full.crossings[0].month == 17);
  CHECK(full.crossings[0].fraction == Approx(3200.0 / 7300.0));
  CHECK(full.totals[0] == Approx(120000));
  // At 50 % rent is $131,400 over 36 months: owning breaks even in month 33.
  CHECK(analysis->levels[0].crossings[0].month == 33);
}

TEST_CASE("owning that never pays is dearer at any utilization") {
  auto scenario = load_scenario(test::header("12 months") + kBoxOrRent, "t.yaml");
  REQUIRE(scenario);
  const auto prices = test::catalog();
  auto prepared = PreparedModel::prepare(scenario.value(), prices, {});
  REQUIRE(prepared);
  auto analysis = analyse_breakeven(prepared.value(), {});
  REQUIRE(analysis);
  CHECK(analysis->solved[0].kind == UtilizationBreakeven::Kind::dearer_throughout);
  CHECK(analysis->solved[0].gap_at_full == Approx(120000 - 12 * 7300.0));
}

TEST_CASE("tokens served follow the used GPU-hours and the stated throughput") {
  auto run = test::run(test::header() +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: on-demand}\n"
                       "workloads:\n  serve: {kind: inference, gpu: H100, gpus: 8, utilization: 50 %,\n"
                       "                      tokens_per_second_per_gpu: 1000}\n"
                       "strategies:\n  s: {workloads: {serve: cloud}}\n");
  REQUIRE(run);
  const auto& use = run->model->strategies[0].workloads.at(0);
  CHECK(use.used_gpu_hours == Approx(12 * 730 * 8 * 0.5));
  REQUIRE(use.tokens);
  CHECK(*use.tokens == Approx(12 * 730 * 8 * 0.5 * 3600 * 1000.0));
}

TEST_CASE("a throughput on a training workload without a token volume is an error") {
  auto scenario = load_scenario(test::header() +
                                    "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                                    "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, "
                                    "tokens_per_second_per_gpu: 10}\nstrategies:\n  s: {workloads: {w: cloud}}\n",
                                "t.yaml");
  CHECK_FALSE(scenario);
}

TEST_CASE("property: every line's recorded derivation gives its amount, and tiers add up to the charge") {
  auto scenario = load_scenario(test::header("12 months") +
                                    "sites:\n"
                                    "  cloud: {kind: cloud, provider: acme, region: east, pricing: on-demand}\n"
                                    "  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 1,\n"
                                    "       storage: 0.01 USD/GB-month, egress: 0 USD/GB}\n"
                                    "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, reads: [data],\n"
                                    "      checkpoints: {parameters: 1e9, every: 24 h, replicate_to: [cloud]}}\n"
                                    "datasets:\n  data: {size: 60 TiB, origin: cloud}\n"
                                    "flows:\n  out: {from: workload:w, to: internet, size: 20 TiB, every: 1 month}\n"
                                    "strategies:\n  rent: {workloads: {w: cloud}}\n  own: {workloads: {w: dc}}\n",
                                "t.yaml");
  REQUIRE(scenario);
  const auto prices = test::catalog();
  ModelOptions options;
  options.explain = true;
  auto model = run_model(scenario.value(), prices, options);
  REQUIRE(model);
  int tiered = 0;
  for (const auto& strategy : model->strategies) {
    for (const auto& line : strategy.lines) {
      REQUIRE(line.derivation != nullptr);
      const double amount = line.cash != 0 ? line.cash : line.amortized;
      CHECK(line.derivation->amount == Approx(amount));
      for (const auto& part : line.derivation->parts) {
        double sum = 0;
        for (const auto& tier : part->parts) sum += tier->amount;
        CHECK(sum == Approx(part->amount));
        ++tiered;
      }
    }
  }
  CHECK(tiered > 0);
}
