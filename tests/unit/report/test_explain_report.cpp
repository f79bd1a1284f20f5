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

TEST_CASE("explain's per-event section: egress only, the first month or the month asked for", "[explain][per_event]") {
  // 1 GiB checkpoints every 73 h (10 a month) copied east -> west at 0.02 USD/GiB: 0.02 USD a
  // save; a flow of 5 GiB once in the second month, east -> west: 0.10 USD.
  auto scenario = load_scenario(test::header("3 months") +
                                    "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                                    "  west: {kind: cloud, provider: acme, region: west}\n"
                                    "workloads:\n  w:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
                                    "    checkpoints: {parameters: 1073741824, bytes_per_parameter: 1, every: 73 h,"
                                    " replicate_to: west}\n"
                                    "flows:\n  release: {from: cloud, to: west, size: 5 GiB, once: 2027-02}\n"
                                    "strategies:\n  rent: {workloads: {w: cloud}}\n",
                                "test.yaml");
  REQUIRE(scenario);
  const PriceCatalog prices = test::catalog();
  auto model = run_model(scenario.value(), prices, {});
  REQUIRE(model);
  ExplainRequest request;
  request.strategy = "rent";

  const auto all = make_explain_report(model.value(), request);
  REQUIRE(all.events.size() == 2);
  CHECK(all.events[0].kind == "checkpoint_save");
  CHECK(all.events[0].event == "checkpoint save of w");
  CHECK(all.events[0].cause == "workload w (checkpoints)");
  CHECK(all.events[0].sites == std::vector<std::string>{"cloud"});
  CHECK(all.events[0].month == "2027-01");
  CHECK(all.events[0].events == Approx(10.0));
  CHECK(all.events[0].amount == Approx(0.2));
  CHECK(all.events[0].per_event == Approx(0.02));
  CHECK(all.events[1].event == "transfer of flow release");
  CHECK(all.events[1].month == "2027-02");
  CHECK(all.events[1].per_event == Approx(0.1));

  // Only when the figure includes egress.
  request.component = Component::compute;
  CHECK(make_explain_report(model.value(), request).events.empty());
  request.component = Component::egress;
  CHECK(make_explain_report(model.value(), request).events.size() == 2);
  // With a month, the events of that month: the third has the saves, not the release.
  request.month = 2;
  const auto third = make_explain_report(model.value(), request);
  REQUIRE(third.events.size() == 1);
  CHECK(third.events[0].month == "2027-03");
  CHECK(third.events[0].per_event == Approx(0.02));
}
