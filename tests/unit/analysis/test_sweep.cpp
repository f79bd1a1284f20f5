// Sweeps and swings of the sizes a scenario decides (src/analysis/sweep.cpp,
// src/analysis/sensitivity.cpp): a workload's GPUs, a split's base, a committed size. A count
// shapes the computation (instances, servers, what a base holds), so each point is priced by
// the full model: it must give what the scenario written with that count gives.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/analysis/sensitivity.hpp"
#include "tco/analysis/sweep.hpp"
#include "tco/model/figures.hpp"

using namespace tco;

namespace {

// 16 H100s busy 70 % of one 730-hour month (8,176 GPU-hours) rented on demand (acme: an
// 8-GPU instance at 10 USD/h), on owned 8-GPU boxes (120,000 USD each), or split into a base
// of `base` GPUs (owned or committed for a year at 6 USD/h) and an on-demand burst.
std::string sized(int gpus, int base) {
  const std::string b = std::to_string(base);
  return test::header_v2("1 month") +
         "sites:\n  demand: {kind: cloud, provider: acme, region: east}\n"
         "  commit: {kind: cloud, provider: acme, region: east, pricing: 1y}\n"
         "  own: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n"
         "workloads:\n  w: {kind: training, gpu: H100, gpus: " +
         std::to_string(gpus) +
         ", utilization: 70 %}\n"
         "strategies:\n"
         "  all-demand: {workloads: {w: demand}}\n  all-own: {workloads: {w: own}}\n"
         "  owned-base: {workloads: {w: {base: {site: own, gpus: " +
         b +
         "}, burst: demand}}}\n"
         "  committed-base: {workloads: {w: {base: {site: commit, gpus: " +
         b + "}, burst: demand}}}\nbaseline: all-demand\n";
}

// Each strategy's total as the scenario's own run gives it, in scenario order.
std::vector<double> engine_totals(const std::string& text) {
  auto run = test::run(text);
  REQUIRE(run);
  REQUIRE(run->model);
  std::vector<double> out;
  for (const auto& strategy : run->model->strategies) {
    double total = 0;
    for (const auto& line : strategy.lines) total += line.cash;
    out.push_back(total);
  }
  return out;
}

// A sweep of `path` over `values` on the scenario sized(16, 8): each point's totals.
std::vector<std::vector<double>> swept_totals(const std::string& path, const std::vector<double>& values) {
  auto run = test::run(sized(16, 8));
  REQUIRE(run);
  auto prepared = PreparedModel::prepare(run->scenario, run->prices, {});
  REQUIRE(prepared);
  auto sweep = Sweep::prepare(prepared.value(), run->model.value(), false);
  REQUIRE(sweep);
  const auto input = sweep->input(path);
  REQUIRE(input);
  CHECK(input->whole);
  auto result = sweep.value().run({SweepAxis{path, Dimension::count, values, input->as_written}});
  REQUIRE(result);
  std::vector<std::vector<double>> out;
  for (const auto& point : result->points) {
    std::vector<double> totals;
    for (const auto& figures : point) totals.push_back(figures.total);
    out.push_back(totals);
  }
  return out;
}

}  // namespace

TEST_CASE("a sweep of a workload's GPUs gives, at each count, the scenario written with that count", "[sizes]") {
  const std::vector<double> counts{1, 4, 8, 9, 16, 24, 40};
  const auto swept = swept_totals("workloads.w.gpus", counts);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    INFO(counts[i] << " GPUs");
    const auto expected = engine_totals(sized(static_cast<int>(counts[i]), 8));
    REQUIRE(swept[i].size() == expected.size());
    for (std::size_t s = 0; s < expected.size(); ++s) CHECK(swept[i][s] == Approx(expected[s]).margin(1e-6));
  }
  // On demand, 16 GPUs are two instances for 511 h (70 % of 730): 2 × 511 × 10 = 10,220;
  // 8 GPUs one instance, 5,110.
  CHECK(swept[4][0] == Approx(10220));
  CHECK(swept[2][0] == Approx(5110));
}

TEST_CASE("a sweep of a split's base gives, at each size, the scenario written with that base", "[sizes]") {
  const std::vector<double> bases{0, 1, 7, 8, 9, 16, 20};
  const auto as_written = engine_totals(sized(16, 8));
  for (const std::size_t swept_strategy : {std::size_t{2}, std::size_t{3}}) {
    const std::string name = swept_strategy == 2 ? "owned-base" : "committed-base";
    INFO(name);
    const auto swept = swept_totals("strategies." + name + ".workloads.w.base.gpus", bases);
    for (std::size_t i = 0; i < bases.size(); ++i) {
      INFO("base " << bases[i]);
      const auto written = engine_totals(sized(16, static_cast<int>(bases[i])));
      CHECK(swept[i][swept_strategy] == Approx(written[swept_strategy]).margin(1e-6));
      // The other strategies keep their own sizes as written.
      for (std::size_t s = 0; s < as_written.size(); ++s) {
        if (s != swept_strategy) CHECK(swept[i][s] == Approx(as_written[s]).margin(1e-6));
      }
    }
  }
  // The two ends of the split, to the cent: a base of 0 is all on demand, a base at the peak
  // (16) all owned.
  const auto owned = swept_totals("strategies.owned-base.workloads.w.base.gpus", {0, 16});
  CHECK(std::abs(owned[0][2] - owned[0][0]) < 0.005);
  CHECK(std::abs(owned[1][2] - owned[1][1]) < 0.005);
}

TEST_CASE("cost is continuous in the base size where the fleet does not step", "[sizes][property]") {
  // A GPU more in the base moves the bill by at most one instance held for the whole horizon
  // (10 USD/h × 730 h = 7,300) while neither the base's servers or instances (8 GPUs each)
  // nor the burst's instances change in number; where they do, a box (120,000) may be bought.
  constexpr double kOneInstanceForTheHorizon = 7300;
  std::vector<double> bases;
  for (int b = 0; b <= 24; ++b) bases.push_back(b);
  const auto units = [](double gpus) { return std::ceil(std::max(0.0, gpus) / 8 - 1e-9); };
  for (const std::size_t strategy : {std::size_t{2}, std::size_t{3}}) {
    const auto swept = swept_totals(strategy == 2 ? "strategies.owned-base.workloads.w.base.gpus"
                                                  : "strategies.committed-base.workloads.w.base.gpus",
                                    bases);
    bool stepped = false;
    for (std::size_t b = 0; b + 1 < bases.size(); ++b) {
      const double jump = std::abs(swept[b + 1][strategy] - swept[b][strategy]);
      const bool fleet_steps =
          units(bases[b]) != units(bases[b + 1]) || units(16 - bases[b]) != units(16 - bases[b + 1]);
      INFO("strategy " << strategy << ", base " << bases[b] << " to " << bases[b + 1] << ": " << jump);
      if (!fleet_steps) CHECK(jump <= kOneInstanceForTheHorizon);
      stepped = stepped || jump > kOneInstanceForTheHorizon;
    }
    if (strategy == 2) CHECK(stepped);  // the bound tells a step from a slope: buying a box is a jump
  }
}

TEST_CASE("more GPUs never cost less", "[sizes][property]") {
  std::vector<double> counts;
  for (int g = 1; g <= 40; ++g) counts.push_back(g);
  const auto swept = swept_totals("workloads.w.gpus", counts);
  for (std::size_t i = 0; i + 1 < counts.size(); ++i) {
    for (std::size_t s = 0; s < swept[i].size(); ++s) {
      INFO(counts[i] << " GPUs, strategy " << s);
      CHECK(swept[i + 1][s] >= swept[i][s] - 1e-6);
    }
  }
}

TEST_CASE("sizes are swung only when asked, outward to whole GPUs", "[sizes]") {
  auto run = test::run(sized(16, 8));
  REQUIRE(run);
  auto prepared = PreparedModel::prepare(run->scenario, run->prices, {});
  REQUIRE(prepared);
  SensitivityOptions options;
  options.measure = Measure{Measure::Kind::total, "owned-base", ""};
  const auto find = [](const SensitivityResult& result, const std::string& path) {
    return std::find_if(result.swings.begin(), result.swings.end(),
                        [&](const Swing& swing) { return swing.path == path; });
  };
  auto without = analyse_sensitivity(run->scenario, prepared.value(), run->model.value(), options);
  REQUIRE(without);
  CHECK(find(without.value(), "workloads.w.gpus") == without->swings.end());
  options.sizes = true;
  auto with = analyse_sensitivity(run->scenario, prepared.value(), run->model.value(), options);
  REQUIRE(with);
  const auto gpus = find(with.value(), "workloads.w.gpus");
  REQUIRE(gpus != with->swings.end());
  // 16 ± 20 % = 12.8 and 19.2, outward: 12 and 20.
  CHECK(gpus->low_value == 12);
  CHECK(gpus->high_value == 20);
  const auto base = find(with.value(), "strategies.owned-base.workloads.w.base.gpus");
  REQUIRE(base != with->swings.end());
  // 8 ± 20 % = 6.4 and 9.6: 6 and 10.
  CHECK(base->low_value == 6);
  CHECK(base->high_value == 10);
  REQUIRE(base->low);
  CHECK(*base->low == Approx(engine_totals(sized(16, 6))[2]));
}
