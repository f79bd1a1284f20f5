// tco explain reads what a line used and at which rate from the ledger.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/report/explain_report.hpp"

using namespace tco;

TEST_CASE("explain shows the price a line was charged as the ledger's rate, with its source", "[explain]") {
  auto scenario = load_scenario(test::header("1 month") +
                                    "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                                    "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                                    "strategies:\n  rent: {workloads: {w: cloud}}\n",
                                "test.yaml");
  REQUIRE(scenario);
  const PriceCatalog prices = test::catalog();
  ModelOptions options;
  options.explain = true;
  auto model = run_model(scenario.value(), prices, options);
  REQUIRE(model);
  ExplainRequest request;
  request.strategy = "rent";
  request.month = 0;

  const auto as_run = make_explain_report(model.value(), request);
  REQUIRE(as_run.causes.size() == 1);
  REQUIRE(as_run.causes[0].terms.size() == 1);
  const auto& price = as_run.causes[0].terms[0].factors.back();
  CHECK(price.name == "price per instance-hour (on-demand)");
  CHECK(price.value == "10 USD/h");
  CHECK(price.sheet == "acme@2026-01-01");
  CHECK(price.source == "list");

  // The same line with another rate in the ledger: explain shows the ledger's.
  auto& line = model.value().strategies[0].lines[0];
  line.rate.value = 12.5;
  line.rate.origin->sheet = "acme@2026-02-01";
  const auto edited = make_explain_report(model.value(), request);
  CHECK(edited.causes[0].terms[0].factors.back().value == "12.5 USD/h");
  CHECK(edited.causes[0].terms[0].factors.back().sheet == "acme@2026-02-01");
  CHECK(edited.causes[0].prices[0].value == "12.5 USD/h");
}
