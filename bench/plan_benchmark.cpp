// Monte Carlo throughput on llm-70b (60 months, 4 strategies, its 8 distributions):
//   BM_Simulate       tco simulate's loop: draw, evaluate the compiled plan, summarise
//   BM_PlanEvaluate   the compiled plan alone, at fixed values
//   BM_EngineRun      the same samples through the engine `tco compare` runs (prepared once,
//                     so without re-reading the files: the plain path at its fastest)
// items_per_second is samples per second; the ratio of BM_Simulate to BM_EngineRun is what
// the plan buys.
#include <cstdlib>
#include <memory>

#include "tco/analysis/simulation.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/model/engine.hpp"
#include <benchmark/benchmark.h>

namespace {

using namespace tco;

struct Loaded {
  Scenario scenario;
  PriceCatalog catalog;
  std::unique_ptr<PreparedModel> prepared;
};

const Loaded& llm_70b() {
  static const Loaded loaded = [] {
    const std::string root = TCO_SOURCE_DIR;
    const std::string file = root + "/scenarios/llm-70b.yaml";
    Loaded out;
    auto scenario = load_scenario(read_text_file(file).value(), file);
    auto catalog = PriceCatalog::load({{root + "/pricing-data", "bundled"}});
    if (!scenario || !catalog) std::abort();
    out.scenario = std::move(scenario).value();
    out.catalog = std::move(catalog).value();
    auto prepared = PreparedModel::prepare(out.scenario, out.catalog, {});
    if (!prepared) std::abort();
    out.prepared = std::make_unique<PreparedModel>(std::move(prepared).value());
    return out;
  }();
  return loaded;
}

void BM_Simulate(benchmark::State& state) {
  const Loaded& run = llm_70b();
  const auto samples = static_cast<std::uint64_t>(state.range(0));
  const auto threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    auto result = simulate(run.scenario, *run.prepared, {samples, 1, threads});
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(samples));
}
BENCHMARK(BM_Simulate)->Args({100000, 1})->Args({100000, 2})->Unit(benchmark::kMillisecond)->UseRealTime();

// The values of simulate's first sample, for the two single-sample benchmarks.
std::vector<double> varied_values(const EvaluationPlan& plan) {
  std::vector<double> values = plan.nominal_values();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (plan.inputs[i].uncertainty || plan.inputs[i].service) values[i] *= 1.05;
  }
  return values;
}

void BM_PlanEvaluate(benchmark::State& state) {
  const Loaded& run = llm_70b();
  const auto plan = run.prepared->record_plan().value();
  std::vector<bool> varying(plan.inputs.size());
  for (std::size_t i = 0; i < varying.size(); ++i)
    varying[i] = plan.inputs[i].uncertainty != nullptr || plan.inputs[i].service.has_value();
  const CompiledPlan compiled(plan, varying);
  auto scratch = compiled.scratch();
  std::vector<double> monthly(plan.cells());
  const auto values = varied_values(plan);
  for (auto _ : state) {
    benchmark::DoNotOptimize(compiled.evaluate(values, monthly, scratch));
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["instructions"] = static_cast<double>(compiled.instructions());
}
BENCHMARK(BM_PlanEvaluate);

void BM_EngineRun(benchmark::State& state) {
  const Loaded& run = llm_70b();
  const auto plan = run.prepared->record_plan().value();
  const auto values = varied_values(plan);
  Variation variation;
  variation.plan = &plan;
  variation.values = values;
  for (auto _ : state) {
    auto model = run.prepared->run(variation);
    benchmark::DoNotOptimize(model);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EngineRun)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
