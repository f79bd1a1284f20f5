// An evaluation plan must give the engine's figures: at the inputs as written, and at any
// other values of them (compared with the engine run at those values).
#include <algorithm>
#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "tco/inputs/file.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/model/engine.hpp"
#include "tco/model/plan.hpp"

namespace tco {
namespace {

struct Bundled {
  Scenario scenario;
  PriceCatalog catalog;
  std::unique_ptr<PreparedModel> prepared;
};

std::unique_ptr<Bundled> bundled(const std::string& name) {
  const std::string root = TCO_SOURCE_DIR;
  auto out = std::make_unique<Bundled>();
  const std::string file = root + "/scenarios/" + name + ".yaml";
  auto text = read_text_file(file);
  REQUIRE(text);
  auto scenario = load_scenario(text.value(), file);
  REQUIRE(scenario);
  out->scenario = std::move(scenario).value();
  auto catalog = PriceCatalog::load({{root + "/pricing-data", "bundled"}});
  REQUIRE(catalog);
  out->catalog = std::move(catalog).value();
  auto prepared = PreparedModel::prepare(out->scenario, out->catalog, {});
  REQUIRE(prepared);
  out->prepared = std::make_unique<PreparedModel>(std::move(prepared).value());
  return out;
}

// Each strategy's monthly cash, strategy-major, as the plan lays it out.
std::vector<double> engine_monthly(const ModelResult& model) {
  std::vector<double> out;
  for (const auto& strategy : model.strategies) {
    const auto monthly = strategy.monthly_cash_totals();
    out.insert(out.end(), monthly.begin(), monthly.end());
  }
  return out;
}

void require_close(const std::vector<double>& plan, const std::vector<double>& engine) {
  REQUIRE(plan.size() == engine.size());
  for (std::size_t i = 0; i < plan.size(); ++i) {
    INFO("cell " << i);
    REQUIRE(plan[i] == Approx(engine[i]).epsilon(1e-12).margin(1e-6));
  }
}

}  // namespace

TEST_CASE("a plan evaluated at the inputs as written gives the engine's monthly cash") {
  for (const char* name : {"llm-70b", "research-team", "delta-sync"}) {
    INFO(name);
    const auto run = bundled(name);
    auto plan = run->prepared->record_plan();
    REQUIRE(plan);
    const auto model = run->prepared->run();
    REQUIRE(model);
    CHECK(plan->strategies.size() == model->strategies.size());
    CHECK(plan->months == model->months);
    for (const bool all : {false, true}) {
      const CompiledPlan compiled(plan.value(), std::vector<bool>(plan->inputs.size(), all));
      auto scratch = compiled.scratch();
      std::vector<double> monthly(plan->cells());
      REQUIRE(compiled.evaluate(plan->nominal_values(), monthly, scratch));
      require_close(monthly, engine_monthly(model.value()));
    }
  }
}

TEST_CASE("a plan evaluated at other input values gives what the engine gives at them") {
  for (const char* name : {"llm-70b", "research-team", "delta-sync"}) {
    INFO(name);
    const auto run = bundled(name);
    auto plan = run->prepared->record_plan();
    REQUIRE(plan);
    const CompiledPlan compiled(plan.value(), std::vector<bool>(plan->inputs.size(), true));
    auto scratch = compiled.scratch();
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> scale(0.7, 1.3);
    int evaluated = 0;
    for (int sample = 0; sample < 20; ++sample) {
      std::vector<double> values = plan->nominal_values();
      for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& input = plan->inputs[i];
        if (input.path.ends_with(".depreciation")) continue;  // moves replacements: below
        if (input.whole) continue;  // a GPU count shapes the plan: always the engine's (test_sizes.cpp)
        values[i] = std::clamp(values[i] * scale(random), input.lowest, input.highest);
      }
      std::vector<double> monthly(plan->cells());
      const bool planned = compiled.evaluate(values, monthly, scratch);
      Variation variation;
      variation.plan = &plan.value();
      variation.values = values;
      const auto model = run->prepared->run(variation);
      if (!model) continue;  // values the engine refuses (spot could not finish, say)
      if (!planned) continue;
      ++evaluated;
      require_close(monthly, engine_monthly(model.value()));
    }
    CHECK(evaluated > 0);
  }
}

}  // namespace tco

namespace tco {

TEST_CASE("a plan refuses values that would change a decision it was recorded with") {
  const auto run = bundled("llm-70b");
  auto plan = run->prepared->record_plan();
  REQUIRE(plan);
  const CompiledPlan compiled(plan.value(), std::vector<bool>(plan->inputs.size(), true));
  auto scratch = compiled.scratch();
  std::vector<double> values = plan->nominal_values();
  const auto life = plan->find_input("sites.dc.depreciation");
  REQUIRE(life);
  values[*life] = 0.6;  // three years of five: the hardware is replaced within the horizon
  std::vector<double> monthly(plan->cells());
  CHECK_FALSE(compiled.evaluate(values, monthly, scratch));
  Variation variation;
  variation.plan = &plan.value();
  variation.values = values;
  const auto shorter = run->prepared->run(variation);
  REQUIRE(shorter);
  const auto written = run->prepared->run();
  REQUIRE(written);
  // A second fleet is bought in month 37: the on-prem strategy pays for hardware twice.
  CHECK(shorter->strategies[2].component_cash(Component::hardware) ==
        Approx(2 * written->strategies[2].component_cash(Component::hardware)));
}

}  // namespace tco
