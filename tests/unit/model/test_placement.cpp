// Resolving sites against the price sheets (src/model/placement.cpp), through the public
// API. Formulas: tco-model(7), ON-PREM COSTS; values and defaults: tco-scenario(5), SITES.
// Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

double amortized_at_site(const StrategyResult& s, Component component, const std::string& site, int month = 0) {
  double total = 0;
  for (const auto& line : test::lines(s, component, month, site)) total += line.amortized;
  return total;
}

// The test catalog without its on-prem sheet.
PriceCatalog cloud_only() {
  PriceCatalog out;
  out.add(load_price_sheet(test::kAcmeSheet, "acme.yaml").value());
  return out;
}

const std::string kOneWorkload =
    "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\nstrategies:\n  s: {workloads: {w: site}}\n";

}  // namespace

TEST_CASE("placement: an unknown region is an error naming the sheet and its regions, with a suggestion",
          "[placement]") {
  auto run = test::attempt(test::header("1 month") + "sites:\n  site: {kind: cloud, provider: acme, region: eats}\n" +
                           kOneWorkload);
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run), Catch::Contains("sites.site.region: region 'eats' is not in the acme@2026-01-01 "
                                                 "price sheet (acme.yaml), did you mean 'east'?; its regions are "
                                                 "'east' or 'west'"));
}

TEST_CASE("placement: an unknown provider is an error listing the providers there are", "[placement]") {
  auto run = test::attempt(test::header("1 month") + "sites:\n  site: {kind: cloud, provider: acmee, region: east}\n" +
                           kOneWorkload);
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run), Catch::Contains("sites.site.provider: no price sheet for provider 'acmee', did you "
                                                 "mean 'acme'?; known providers: 'acme' or 'onprem'"));
}

TEST_CASE("placement: an unknown hardware SKU is an error listing the catalog's, and a SKU needs a catalog",
          "[placement]") {
  auto unknown =
      test::attempt(test::header("1 month") +
                    "sites:\n  site: {kind: onprem, hardware: bx, maintenance: 10 %, staff: 0}\n" + kOneWorkload);
  REQUIRE(unknown);
  REQUIRE_FALSE(unknown->model);
  CHECK_THAT(test::errors(*unknown), Catch::Contains("sites.site.hardware: unknown hardware 'bx', did you mean "
                                                     "'box'?; the catalog onprem@2026-01-01 has 'box'"));

  auto no_catalog =
      test::attempt(test::header("1 month") +
                        "sites:\n  site: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0}\n" + kOneWorkload,
                    cloud_only());
  REQUIRE(no_catalog);
  REQUIRE_FALSE(no_catalog->model);
  CHECK_THAT(test::errors(*no_catalog),
             Catch::Contains("sites.site.hardware: hardware 'box' needs the on-prem catalog, and none is in effect"));
}

TEST_CASE("placement: an on-prem site's own values override the catalog's site_defaults, left out ones fall back",
          "[placement]") {
  auto run = test::run(test::header("1 month") +
                       "sites:\n"
                       "  own: {kind: onprem, hardware: box, pue: 1.2, electricity: 0.20 USD/kWh, "
                       "colocation: 50 USD/kW-month, maintenance: 5 %, depreciation: 2 years, residual_value: 0 %, "
                       "staff: 1, staff_cost: 60000 USD/year}\n"
                       "  defaults: {kind: onprem, hardware: box, maintenance: 10 %, staff: 1}\n"
                       "  quote:\n    kind: onprem\n"
                       "    hardware: {name: Vendor quote, gpu: H100, gpus: 4, price: 50000 USD, max_power: 5 kW, "
                       "idle_power: 1 kW}\n"
                       "    maintenance: 10 %\n    staff: 0\n"
                       "workloads:\n"
                       "  a: {kind: training, gpu: H100, gpus: 8}\n"
                       "  b: {kind: training, gpu: H100, gpus: 8}\n"
                       "  c: {kind: training, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s: {workloads: {a: own, b: defaults, c: quote}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];

  // Stated values: power 1 × 10 kW × PUE 1.2 × 730 h × 0.20 USD/kWh = 1,752;
  // space 10 kW × 50 = 500; maintenance 120,000 × 5 % / 12 = 500;
  // amortized 120,000 × (1 - 0 %) / 24 months = 5,000; staff 1 × 60,000 / 12 = 5,000.
  CHECK(test::cash_at_site(s, Component::power, "own") == Approx(1752));
  CHECK(test::cash_at_site(s, Component::space, "own") == Approx(500));
  CHECK(test::cash_at_site(s, Component::maintenance, "own") == Approx(500));
  CHECK(amortized_at_site(s, Component::hardware, "own") == Approx(5000));
  CHECK(test::cash_at_site(s, Component::staff, "own") == Approx(5000));

  // Catalog defaults: power 10 kW × 1.5 × 730 h × 0.10 = 1,095; space 10 × 100 = 1,000;
  // amortized 120,000 × (1 - 20 %) / 60 = 1,600; staff 1 × 120,000 / 12 = 10,000.
  CHECK(test::cash_at_site(s, Component::power, "defaults") == Approx(1095));
  CHECK(test::cash_at_site(s, Component::space, "defaults") == Approx(1000));
  CHECK(test::cash_at_site(s, Component::maintenance, "defaults") == Approx(1000));
  CHECK(amortized_at_site(s, Component::hardware, "defaults") == Approx(1600));
  CHECK(test::cash_at_site(s, Component::staff, "defaults") == Approx(10000));

  // Inline hardware, catalog defaults for the rest: ceil(8 / 4) = 2 servers,
  // capex 2 × 50,000 = 100,000; power 2 × 5 kW × 1.5 × 730 h × 0.10 = 1,095;
  // space 2 × 5 kW × 100 = 1,000; maintenance 100,000 × 10 % / 12 = 833.33;
  // amortized 100,000 × (1 - 20 %) / 60 = 1,333.33.
  CHECK(test::cash_at_site(s, Component::hardware, "quote") == 100000);
  CHECK(test::cash_at_site(s, Component::power, "quote") == Approx(1095));
  CHECK(test::cash_at_site(s, Component::space, "quote") == Approx(1000));
  CHECK(test::cash_at_site(s, Component::maintenance, "quote") == Approx(100000 * 0.10 / 12));
  CHECK(amortized_at_site(s, Component::hardware, "quote") == Approx(80000.0 / 60));
  CHECK(test::lines(s, Component::staff, 0, "quote").empty());
}
