// Monte Carlo, sensitivity and sweeps on scenarios whose answers are known in closed form.
#include <algorithm>
#include <cmath>
#include <set>

#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/analysis/sensitivity.hpp"
#include "tco/analysis/simulation.hpp"
#include "tco/analysis/sweep.hpp"
#include "tco/inputs/file.hpp"

namespace tco {
namespace {

// Rented GPU-hours at $10 an 8-GPU instance-hour: each month costs X ÷ 8 × $10 = $1.25 X for
// X GPU-hours, so 12 months cost $15 X — a linear cost of one input. Plus 1 TiB stored at
// $0.02/GiB-month: $245.76 over the year.
std::string linear(const std::string& gpu_hours) {
  return test::header() +
         "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: on-demand}\n"
         "workloads:\n  w: {kind: training, gpu: H100, gpu_hours_per_month: " +
         gpu_hours +
         "}\n"
         "datasets:\n  d: {size: 1 TiB, origin: cloud}\n"
         "strategies:\n  rent: {workloads: {w: cloud}}\n";
}

struct Prepared {
  std::unique_ptr<test::Run> run;
  std::unique_ptr<PreparedModel> prepared;
};

Prepared prepare(const std::string& text) {
  Prepared out{test::run(text), nullptr};
  REQUIRE(out.run);
  auto prepared = PreparedModel::prepare(out.run->scenario, out.run->prices, {});
  REQUIRE(prepared);
  out.prepared = std::make_unique<PreparedModel>(std::move(prepared).value());
  return out;
}

constexpr double kStorage = 1024 * 0.02 * 12;

}  // namespace

TEST_CASE("a uniform input over a linear cost gives the closed-form mean and percentiles") {
  const auto p = prepare(linear("{range: [100, 300]}"));
  const auto result = simulate(p.run->scenario, *p.prepared, {20000, 7, 2});
  REQUIRE(result);
  const auto& total = result->strategies.at(0).total;
  // X ~ U(100, 300): E = 200, P10 = 120, P50 = 200, P90 = 280; the total is 15 X + storage.
  CHECK(total.as_written == Approx(15 * 200 + kStorage));
  CHECK(std::abs(total.moments.mean - (15 * 200 + kStorage)) < 4 * total.moments.standard_error());
  CHECK(total.moments.stddev() == Approx(15 * 200 / std::sqrt(12.0)).epsilon(0.02));  // (b − a) ÷ √12
  // Sample percentiles wander by about 0.5 / √n of the range ($10.6 here): four times that.
  CHECK(total.quantiles.quantile(0.1) == Approx(15 * 120 + kStorage).margin(45));
  CHECK(total.quantiles.quantile(0.5) == Approx(15 * 200 + kStorage).margin(45));
  CHECK(total.quantiles.quantile(0.9) == Approx(15 * 280 + kStorage).margin(45));
  CHECK(result->strategies.at(0).cheapest == 20000);
  CHECK(result->engine_samples == 0);
}

TEST_CASE("the same seed gives the same numbers whatever the thread count") {
  const std::string root = TCO_SOURCE_DIR;
  auto text = read_text_file(root + "/scenarios/llm-70b.yaml");
  REQUIRE(text);
  auto scenario = load_scenario(text.value(), "llm-70b.yaml");
  REQUIRE(scenario);
  auto catalog = PriceCatalog::load({{root + "/pricing-data", "bundled"}});
  REQUIRE(catalog);
  auto prepared = PreparedModel::prepare(scenario.value(), catalog.value(), {});
  REQUIRE(prepared);
  std::vector<SimulationResult> runs;
  for (const unsigned threads : {1u, 2u, 3u}) {
    auto result = simulate(scenario.value(), prepared.value(), {3000, 42, threads});
    REQUIRE(result);
    runs.push_back(std::move(result).value());
  }
  for (std::size_t r = 1; r < runs.size(); ++r) {
    for (std::size_t s = 0; s < runs[0].strategies.size(); ++s) {
      const auto& a = runs[0].strategies[s];
      const auto& b = runs[r].strategies[s];
      CHECK(a.total.moments.mean == b.total.moments.mean);  // to the bit
      CHECK(a.total.moments.m2 == b.total.moments.m2);
      CHECK(a.npv.moments.mean == b.npv.moments.mean);
      for (const double q : {0.1, 0.5, 0.9}) CHECK(a.total.quantiles.quantile(q) == b.total.quantiles.quantile(q));
      CHECK(a.cheapest == b.cheapest);
      CHECK(a.breakeven.none() == b.breakeven.none());
    }
  }
  // Another seed draws other values.
  auto other = simulate(scenario.value(), prepared.value(), {3000, 43, 2});
  REQUIRE(other);
  CHECK(other->strategies[0].total.moments.mean != runs[0].strategies[0].total.moments.mean);
}

TEST_CASE("a tornado ranks inputs by how far they move the figure") {
  const auto p = prepare(linear("{range: [150, 350]}"));
  SensitivityOptions options;
  options.measure = {Measure::Kind::total, "rent", ""};
  const auto result = analyse_sensitivity(p.run->scenario, *p.prepared, p.run->model.value(), options);
  REQUIRE(result);
  const auto& swings = result->swings;
  REQUIRE(swings.size() >= 5);
  // The GPU-hours swing to their P10 and P90 (170 and 330): 15 × 160 = $2,400.
  CHECK(swings[0].path == "workloads.w.gpu_hours_per_month");
  CHECK(swings[0].effect == Approx(2400));
  CHECK(swings[0].low_value == Approx(170));
  // The instance price and the sustained utilization, each ±20 % of a $3,750 compute cost.
  CHECK(swings[1].effect == Approx(0.4 * 15 * 250));
  CHECK(swings[2].effect == Approx(0.4 * 15 * 250));
  CHECK(std::set<std::string>{swings[1].path, swings[2].path} ==
        std::set<std::string>{"prices.acme.east.gpu8.on-demand", "utilization"});
  // Then the dataset's size and its storage price, ±20 % of the storage cost each.
  CHECK(swings[3].effect == Approx(0.4 * kStorage));
  CHECK(swings[4].effect == Approx(0.4 * kStorage));
  CHECK(*result->as_written == Approx(15 * 250 + kStorage));
}

TEST_CASE("a sweep gives the engine's figures at every point") {
  const auto p = prepare(linear("200"));
  auto prepared = Sweep::prepare(*p.prepared, p.run->model.value(), false);
  REQUIRE(prepared);
  Sweep& grid = prepared.value();
  const auto hours = grid.input("workloads.w.gpu_hours_per_month");
  const auto price = grid.input("prices.acme.east.gpu8.on-demand");
  REQUIRE(hours);
  REQUIRE(price);
  CHECK(price->as_written == Approx(10));  // the first month's price, in USD/h
  const auto result = grid.run({{hours->path, hours->dimension, {100, 200, 300}, hours->as_written},
                                {price->path, price->dimension, {5, 10, 15}, price->as_written}});
  REQUIRE(result);
  REQUIRE(result->points.size() == 9);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 3; ++j) {
      const double gpu_hours = 100.0 * static_cast<double>(i + 1);
      const double hourly = 5.0 * static_cast<double>(j + 1);
      CHECK(result->points[i * 3 + j][0].total == Approx(12 * gpu_hours / 8 * hourly + kStorage));
    }
  }
  // A path nothing reads is no input (tco sweep names the nearest one: bad-usage-sweep-unknown-input).
  CHECK_FALSE(grid.input("workloads.w.gpu_hour"));
}

}  // namespace tco

namespace tco {

TEST_CASE("samples that change a recorded decision give the same numbers on any thread count") {
  // A depreciation life of 4 or 5 years: the shorter one replaces the server within the
  // horizon, a decision the first plan was not recorded with.
  auto scenario_text = test::rent_or_own();
  const std::string own = "  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 1}\n";
  REQUIRE(scenario_text.find(own) != std::string::npos);
  scenario_text.replace(scenario_text.find(own), own.size(),
                        "  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 1,\n"
                        "       depreciation: {choice: [6 months, 5 years]}}\n");
  const auto q = prepare(scenario_text);
  std::vector<SimulationResult> runs;
  for (const unsigned threads : {1u, 3u}) {
    auto result = simulate(q.run->scenario, *q.prepared, {4000, 9, threads});
    REQUIRE(result);
    runs.push_back(std::move(result).value());
  }
  CHECK(runs[0].engine_samples > 1000);
  CHECK(runs[0].engine_samples == runs[1].engine_samples);
  for (std::size_t s = 0; s < runs[0].strategies.size(); ++s) {
    CHECK(runs[0].strategies[s].total.moments.mean == runs[1].strategies[s].total.moments.mean);
    CHECK(runs[0].strategies[s].total.quantiles.quantile(0.9) == runs[1].strategies[s].total.quantiles.quantile(0.9));
  }
  // Half the samples rebuy the box every 6 months: the owned strategy's P90 is the engine's
  // figure for a 6-month life.
  auto shorter = scenario_text;
  shorter.replace(shorter.find("{choice: [6 months, 5 years]}"), 29, "6 months");
  const auto engine = test::run(shorter);
  REQUIRE(engine);
  const auto& own_total = runs[0].strategies[1].total;
  CHECK(own_total.quantiles.quantile(0.9) == Approx(engine->model->strategies[1].total_cash()).epsilon(1e-3));
}

TEST_CASE("strategies with the same total in a sample are tied, and neither counts it as a win") {
  // "copy" places w as "rent" does; "commit" holds a 1-year instance instead, dearer in every
  // sample.
  const auto p = prepare(test::header() +
                         "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: on-demand}\n"
                         "  committed: {kind: cloud, provider: acme, region: east, pricing: 1y}\n"
                         "workloads:\n  w: {kind: training, gpu: H100, gpu_hours_per_month: {range: [100, 300]}}\n"
                         "strategies:\n  rent: {workloads: {w: cloud}}\n  copy: {workloads: {w: cloud}}\n"
                         "  commit: {workloads: {w: committed}}\n");
  const auto result = simulate(p.run->scenario, *p.prepared, {2000, 7, 2});
  REQUIRE(result);
  // Renting X GPU-hours costs 1.25 X a month; committing one instance 730 h × 6 USD = 4,380,
  // more than 1.25 × 300 = 375: rent and copy share the lowest total in every sample.
  for (const char* tied : {"rent", "copy"}) {
    const auto& s = *std::find_if(result->strategies.begin(), result->strategies.end(),
                                  [&](const StrategySimulation& x) { return x.name == tied; });
    CHECK(s.cheapest == 0);
    CHECK(s.tied == 2000);
  }
  CHECK(result->strategies.at(2).cheapest == 0);
  CHECK(result->strategies.at(2).tied == 0);
}

}  // namespace tco
