// A free internet egress allowance granted at the scope the sheet declares (tco-prices(5),
// REGIONS; tco-model(7), EGRESS): per region, or once per account, shared by the provider's
// regions in proportion to their volumes. Every expected figure is worked out in its comment.
//
// charlie: two regions, r1 and r2, each with 100 GiB free a month granted once per account,
// then up to 10 TiB at 0.09 and above at 0.085 USD/GiB; r3 grants its 100 GiB per region.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/model/plan.hpp"

using namespace tco;

namespace {

const char* kCharlieSheet = R"(schema_version: 1
provider: charlie
name: Charlie Cloud
effective_date: 2026-01-01
currency: USD
billing_gb: GiB
sources:
  - {id: list, title: Charlie price list, url: https://charlie.example/prices, retrieved: 2026-01-01, confidence: primary}
regions:
  r1:
    source: list
    network:
      internet_egress:
        free: {value: 100 GiB, scope: account}
        tiers: [{up_to: 10 TiB, price: 0.09 USD/GiB}, {price: 0.085 USD/GiB}]
  r2:
    source: list
    network:
      internet_egress:
        free: {value: 100 GiB, scope: account}
        tiers: [{up_to: 10 TiB, price: 0.09 USD/GiB}, {price: 0.085 USD/GiB}]
  r3:
    source: list
    network:
      internet_egress:
        free: 100 GiB
        tiers: [{up_to: 10 TiB, price: 0.09 USD/GiB}, {price: 0.085 USD/GiB}]
)";

PriceCatalog with_charlie() {
  PriceCatalog out = test::catalog();
  out.add(load_price_sheet(kCharlieSheet, "charlie.yaml").value());
  return out;
}

// Sites a (in r1) and b (in `b_region`) each sending a flow to the internet every month.
std::unique_ptr<test::Run> two_regions(const std::string& a_size, const std::string& b_size,
                                       const std::string& b_region = "r2") {
  return test::run(test::header("1 month") +
                       "sites:\n"
                       "  a: {kind: cloud, provider: charlie, region: r1}\n"
                       "  b: {kind: cloud, provider: charlie, region: " +
                       b_region +
                       "}\n"
                       "workloads: {}\n"
                       "flows:\n"
                       "  from-a: {from: a, to: internet, size: " +
                       a_size +
                       ", every: 1 month}\n"
                       "  from-b: {from: b, to: internet, size: " +
                       b_size +
                       ", every: 1 month}\n"
                       "strategies:\n  s: {workloads: {}}\n",
                   with_charlie());
}

double egress_of(const test::Run& run, const std::string& flow) {
  double out = 0;
  for (const auto& line : test::lines(run.model->strategies[0], Component::egress, 0)) {
    if (line.cause == "flow " + flow) out += line.cash;
  }
  return out;
}

}  // namespace

TEST_CASE("an account-wide allowance is granted once across the provider's regions, not in each", "[transfers]") {
  auto run = two_regions("80 GiB", "80 GiB");
  REQUIRE(run);
  REQUIRE(run->model);
  // 160 GiB together: each region's share is 100 × 80 / 160 = 50 GiB, so each bills
  // 80 - 50 = 30 GiB × 0.09 = 2.70: 60 GiB and 5.40 in all (an allowance per region: 0).
  CHECK(egress_of(*run, "from-a") == Approx(2.70));
  CHECK(egress_of(*run, "from-b") == Approx(2.70));
  CHECK(run->model->strategies[0].component_cash(Component::egress) == Approx(5.40));
}

TEST_CASE("an account-wide allowance is shared in proportion to each region's volume", "[transfers]") {
  auto run = two_regions("150 GiB", "50 GiB");
  REQUIRE(run);
  REQUIRE(run->model);
  // 200 GiB together: shares 100 × 150 / 200 = 75 GiB and 100 × 50 / 200 = 25 GiB; billed
  // 75 GiB × 0.09 = 6.75 and 25 GiB × 0.09 = 2.25: 100 GiB, 9.00 in all.
  CHECK(egress_of(*run, "from-a") == Approx(6.75));
  CHECK(egress_of(*run, "from-b") == Approx(2.25));
}

TEST_CASE("regions that send less than an account-wide allowance together send for free", "[transfers]") {
  auto run = two_regions("30 GiB", "40 GiB");
  REQUIRE(run);
  REQUIRE(run->model);
  // 70 GiB together, below 100 GiB: each share is 100 × V_r / max(70, 100) = V_r, all free.
  CHECK(egress_of(*run, "from-a") == 0);
  CHECK(egress_of(*run, "from-b") == 0);
}

TEST_CASE("one region alone has the whole account-wide allowance, as a per-region one", "[transfers]") {
  auto run = test::run(test::header("1 month") +
                           "sites:\n  a: {kind: cloud, provider: charlie, region: r1}\n"
                           "workloads: {}\nflows:\n  from-a: {from: a, to: internet, size: 11 TiB, every: 1 month}\n"
                           "strategies:\n  s: {workloads: {}}\n",
                       with_charlie());
  REQUIRE(run);
  REQUIRE(run->model);
  // (10,240 - 100) GiB × 0.09 + 1,024 GiB × 0.085 = 912.60 + 87.04 = 999.64.
  CHECK(egress_of(*run, "from-a") == Approx(999.64));
}

TEST_CASE("a per-region allowance is not shared with the account's", "[transfers]") {
  auto run = two_regions("80 GiB", "130 GiB", "r3");
  REQUIRE(run);
  REQUIRE(run->model);
  // r1 alone in its account pool keeps all 100 GiB: 80 GiB free. r3 has its own 100 GiB:
  // (130 - 100) × 0.09 = 2.70.
  CHECK(egress_of(*run, "from-a") == 0);
  CHECK(egress_of(*run, "from-b") == Approx(2.70));
}

TEST_CASE("the sheet declares an allowance's scope; a bare size is per region", "[prices]") {
  const PriceSheet sheet = load_price_sheet(kCharlieSheet, "charlie.yaml").value();
  CHECK(sheet.regions.at("r1").network.internet_egress->free_scope == AllowanceScope::account);
  CHECK(sheet.regions.at("r3").network.internet_egress->free_scope == AllowanceScope::region);
  std::string bad = kCharlieSheet;
  bad.replace(bad.find("scope: account"), 14, "scope: acount");
  const auto refused = load_price_sheet(bad, "charlie.yaml");
  REQUIRE_FALSE(refused);
  CHECK(format_location(refused.diagnostics().items().front()) ==
        "charlie.yaml:14:39: regions.r1.network.internet_egress.free.scope: expected one of 'region' or 'account', "
        "found 'acount', did you mean 'account'?");
}

TEST_CASE("an evaluation plan redoes the account-wide shares at other volumes", "[transfers][plan]") {
  // Volumes scaled by the plan change every region's share, as the engine computes it: e.g.
  // 80 and 40 GiB give shares 100 × 80 / 120 and 100 × 40 / 120, 20 GiB billed, 1.80.
  auto scenario = load_scenario(test::header("1 month") +
                                    "sites:\n  a: {kind: cloud, provider: charlie, region: r1}\n"
                                    "  b: {kind: cloud, provider: charlie, region: r2}\n"
                                    "workloads: {}\nflows:\n"
                                    "  from-a: {from: a, to: internet, size: 80 GiB, every: 1 month}\n"
                                    "  from-b: {from: b, to: internet, size: 80 GiB, every: 1 month}\n"
                                    "strategies:\n  s: {workloads: {}}\n",
                                "test.yaml");
  REQUIRE(scenario);
  const PriceCatalog catalog = with_charlie();
  auto prepared = PreparedModel::prepare(scenario.value(), catalog, {});
  REQUIRE(prepared);
  auto plan = prepared->record_plan();
  REQUIRE(plan);
  const CompiledPlan compiled(plan.value(), std::vector<bool>(plan->inputs.size(), true));
  auto scratch = compiled.scratch();
  for (const double b_scale : {0.5, 1.0, 3.0}) {
    std::vector<double> values = plan->nominal_values();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (plan->inputs[i].path == "flows.from-b.size") values[i] *= b_scale;
    }
    std::vector<double> monthly(plan->cells());
    REQUIRE(compiled.evaluate(values, monthly, scratch));
    Variation variation;
    variation.plan = &plan.value();
    variation.values = values;
    const auto model = prepared->run(variation);
    REQUIRE(model);
    INFO("from-b × " << b_scale);
    CHECK(monthly.at(0) == Approx(model->strategies[0].monthly_cash_totals().at(0)));
  }
  // At 80 and 40 GiB: 20 GiB billed × 0.09 = 1.80.
  std::vector<double> values = plan->nominal_values();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (plan->inputs[i].path == "flows.from-b.size") values[i] *= 0.5;
  }
  std::vector<double> monthly(plan->cells());
  REQUIRE(compiled.evaluate(values, monthly, scratch));
  CHECK(monthly.at(0) == Approx(1.80));
}
