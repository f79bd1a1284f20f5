// libFuzzer harness: the whole model on a fuzzed scenario, priced with the bundled sheets.
// Finds crashes and undefined behaviour of the engine on inputs the loader accepts: odd
// horizons and dates, extreme but finite quantities, unusual combinations of sections.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_catalog.hpp"
#include "fuzz_check.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/model/engine.hpp"
#include "tco/model/plan.hpp"

namespace {

constexpr const char* kHarness = "fuzz_model";
std::unique_ptr<tco::PriceCatalog> bundled;

void check_model(const tco::ModelResult& model) {
  const int months = model.months;
  TCO_FUZZ_CHECK(kHarness, months >= 1, "a model of no months");
  const auto count = static_cast<std::size_t>(months);
  for (const auto& strategy : model.strategies) {
    const std::string& name = strategy.name;
    TCO_FUZZ_CHECK(kHarness, strategy.monthly_cash.size() == count && strategy.monthly_amortized.size() == count,
                   "the monthly series of " + name + " do not have one entry per month");
    for (std::size_t t = 0; t < count; ++t) {
      for (std::size_t c = 0; c < tco::kComponentCount; ++c) {
        TCO_FUZZ_CHECK(kHarness,
                       std::isfinite(strategy.monthly_cash[t][c]) && std::isfinite(strategy.monthly_amortized[t][c]),
                       "a non-finite cost in " + name + ", month " + std::to_string(t + 1) + ", component " +
                           tco::to_string(tco::kComponents[c]));
      }
    }
    for (const auto& line : strategy.lines) {
      TCO_FUZZ_CHECK(kHarness, line.month >= 0 && line.month < months, "a cost line outside the horizon in " + name);
      TCO_FUZZ_CHECK(kHarness, std::isfinite(line.cash) && std::isfinite(line.amortized),
                     "a non-finite cost line in " + name + " (" + line.cause + ")");
    }
    if (strategy.breakeven) {
      for (const auto* crossing : {&strategy.breakeven->cash, &strategy.breakeven->discounted}) {
        if (crossing->month) {
          TCO_FUZZ_CHECK(kHarness, *crossing->month >= 1 && *crossing->month <= months,
                         "a break-even month outside the horizon in " + name);
        }
      }
    }
  }
}

// The evaluation plan recorded from the same run, with every input varying, must give the
// engine's monthly cash at the inputs as written: simulate, sensitivity and sweep rest on it.
void check_plan(const tco::PreparedModel& prepared, const tco::ModelResult& model) {
  const auto plan = prepared.record_plan();
  TCO_FUZZ_CHECK(kHarness, plan.ok(), "a scenario the engine prices could not be recorded as a plan");
  const tco::CompiledPlan compiled(plan.value(), std::vector<bool>(plan->inputs.size(), true));
  auto scratch = compiled.scratch();
  std::vector<double> monthly(plan->cells());
  TCO_FUZZ_CHECK(kHarness, compiled.evaluate(plan->nominal_values(), monthly, scratch),
                 "a plan refuses the values it was recorded at");
  std::size_t cell = 0;
  for (const auto& strategy : model.strategies) {
    for (const double cash : strategy.monthly_cash_totals()) {
      const double planned = monthly[cell++];
      TCO_FUZZ_CHECK(kHarness, std::abs(planned - cash) <= 1e-9 * std::max(1.0, std::abs(cash)),
                     "the plan gives " + std::to_string(planned) + " where the engine gives " + std::to_string(cash) +
                         " (" + strategy.name + ")");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  bundled = tco::fuzz::load_bundled_catalog();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto scenario = tco::load_scenario(text, "fuzz.yaml");
  if (!scenario) return 0;
  tco::ModelOptions options;
  options.explain = size % 2 == 1;  // both paths, chosen by the input so it replays the same
  const auto prepared = tco::PreparedModel::prepare(scenario.value(), *bundled, options);
  tco::fuzz::check_result(kHarness, prepared);
  if (!prepared) return 0;
  const auto model = prepared.value().run();
  tco::fuzz::check_result(kHarness, model);
  if (!model) return 0;
  check_model(model.value());
  check_plan(prepared.value(), model.value());
  return 0;
}
