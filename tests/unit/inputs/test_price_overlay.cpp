// Overlays: discounts, private prices, precedence between directories, and conflicts.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/inputs/price_overlay.hpp"

using namespace tco;

namespace {

const char* kOverlayHead = R"(schema_version: 1
kind: overlay
provider: acme
currency: USD
billing_gb: GiB
)";

PriceSheet overlay(const std::string& name, const std::string& date, const std::string& body, int layer = 1) {
  const std::string text = std::string(kOverlayHead) + "name: " + name + "\neffective_date: " + date +
                           "\nsources:\n  - {id: " + name +
                           "-src, title: Contract, url: https://example.org/c, retrieved: 2026-01-01, "
                           "confidence: primary}\n" +
                           body;
  auto sheet = load_price_sheet(text, name + ".yaml");
  for (const auto& d : sheet.diagnostics().items()) INFO(format_location(d));
  REQUIRE(sheet);
  PriceSheet out = std::move(sheet).value();
  out.layer = layer;
  out.origin = "dir" + std::to_string(layer);
  return out;
}

PriceSheet acme() {
  PriceSheet sheet = load_price_sheet(test::kAcmeSheet, "acme.yaml").value();
  sheet.origin = "bundled";
  return sheet;
}

double on_demand(const PriceSheet& sheet) {
  return sheet.find_region("east")->gpu_offers.front().hourly.at(PricingModel::on_demand).value;
}
double storage(const PriceSheet& sheet) { return sheet.find_region("east")->storage.at(StorageClass::standard).value; }

}  // namespace

TEST_CASE("a discount on one service changes that service's prices and records the list price") {
  PriceSheet view = acme();
  Diagnostics d;
  apply_overlay(view, overlay("edp", "2026-01-01", "discounts:\n  - {service: compute, off: 20 %, source: edp-src}\n"),
                d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(on_demand(view) == Approx(8.0));
  const Sourced& price = view.find_region("east")->gpu_offers.front().hourly.at(PricingModel::on_demand);
  CHECK(price.list_value == Approx(10.0));
  CHECK(price.adjustments == std::vector<std::string>{"-20.0 % edp"});
  CHECK(storage(view) == Approx(0.02 / 1073741824.0));  // storage untouched
  CHECK(view.label() == "acme@2026-01-01 + edp");
}

TEST_CASE("a discount can be limited to regions and pricing models") {
  PriceSheet view = acme();
  Diagnostics d;
  apply_overlay(view,
                overlay("spot-deal", "2026-01-01",
                        "discounts:\n  - {service: compute, off: 50 %, regions: [east], pricing: [spot], "
                        "source: spot-deal-src}\n"),
                d);
  REQUIRE_FALSE(d.has_errors());
  const auto& hourly = view.find_region("east")->gpu_offers.front().hourly;
  CHECK(hourly.at(PricingModel::spot).value == Approx(2.0));
  CHECK(hourly.at(PricingModel::on_demand).value == Approx(10.0));
}

TEST_CASE("an overlay's own prices replace the sheet's and are not discounted by it") {
  PriceSheet view = acme();
  Diagnostics d;
  apply_overlay(view,
                overlay("private", "2026-01-01",
                        "discounts:\n  - {service: all, off: 10 %, source: private-src}\n"
                        "regions:\n  east:\n    gpu_instances:\n      gpu8: {gpu: H100, gpus: 8, source: private-src, "
                        "on-demand: 7 USD/h}\n"),
                d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(on_demand(view) == Approx(7.0));
  CHECK(view.find_region("east")->gpu_offers.front().hourly.at(PricingModel::spot).value == Approx(3.6));
  CHECK(storage(view) == Approx(0.018 / 1073741824.0));
}

TEST_CASE("the catalog applies overlays from their date on, later directories last") {
  PriceCatalog catalog;
  catalog.add(acme());
  catalog.add(overlay("first", "2026-03-01",
                      "regions:\n  east:\n    gpu_instances:\n      gpu8: {gpu: H100, gpus: 8, source: first-src, "
                      "on-demand: 9 USD/h}\n",
                      1));
  const auto diagnostics = catalog.add(overlay("second", "2026-02-01",
                                               "regions:\n  east:\n    gpu_instances:\n      gpu8: {gpu: H100, gpus: "
                                               "8, source: second-src, on-demand: 8 USD/h}\n",
                                               2));
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(on_demand(*catalog.select("acme", *parse_date("2026-01-15")).value()) == Approx(10.0));
  CHECK(on_demand(*catalog.select("acme", *parse_date("2026-02-15")).value()) == Approx(8.0));
  // Both apply from March; the later directory's wins even though its overlay is older.
  const PriceSheet* march = catalog.select("acme", *parse_date("2026-03-15")).value();
  CHECK(on_demand(*march) == Approx(8.0));
  CHECK(march->label() == "acme@2026-01-01 + first + second");
  CHECK(catalog.timeline("acme").size() == 3);
}

TEST_CASE("a sheet from a later directory replaces one with the same provider and date") {
  PriceCatalog catalog;
  catalog.add(acme());
  PriceSheet mine = acme();
  mine.layer = 1;
  mine.origin = "mine";
  mine.regions.at("east").gpu_offers.front().hourly.at(PricingModel::on_demand).value = 5.0;
  catalog.add(mine);
  CHECK(catalog.sheets().size() == 1);
  CHECK(on_demand(*catalog.select("acme", *parse_date("2026-06-01")).value()) == Approx(5.0));
  CHECK(catalog.select("acme", *parse_date("2026-06-01")).value()->origin == "mine");
}

TEST_CASE("an overlay may not change what an instance is, nor reuse a source id") {
  PriceSheet view = acme();
  Diagnostics d;
  PriceSheet clash = overlay(
      "bad", "2026-01-01",
      "regions:\n  east:\n    gpu_instances:\n      gpu8: {gpu: H200, gpus: 8, source: bad-src, on-demand: 7 USD/h}\n");
  clash.sources.front().id = "list";
  for (auto& offer : clash.regions.at("east").gpu_offers) offer.hourly.at(PricingModel::on_demand).source = "list";
  apply_overlay(view, clash, d);
  REQUIRE(d.items().size() == 2);
  CHECK_THAT(d.items()[0].message, Catch::Contains("source id 'list' is also a source of acme@2026-01-01"));
  CHECK_THAT(d.items()[1].message, Catch::Contains("sells gpu8 as 8 x H100, the overlay says 8 x H200"));
}

TEST_CASE("an overlay without a sheet to extend is an error") {
  PriceCatalog catalog;
  PriceSheet orphan = overlay("lost", "2026-01-01", "discounts:\n  - {service: all, off: 5 %, source: lost-src}\n");
  orphan.provider = "nobody";
  const auto d = catalog.add(orphan);
  REQUIRE(d.has_errors());
  CHECK_THAT(d.items().front().message, Catch::Contains("has no 'nobody' price sheet to extend"));
}

TEST_CASE("discounts belong only in overlays, and are between 0 and 100 %") {
  std::string text = test::kAcmeSheet;
  text += "discounts:\n  - {service: compute, off: 150 %, source: list}\n";
  const auto sheet = load_price_sheet(text, "acme.yaml");
  REQUIRE_FALSE(sheet);
  CHECK_THAT(format_location(sheet.diagnostics().items().back()), Catch::Contains("add 'kind: overlay'"));
  const auto bad = load_price_sheet(std::string(kOverlayHead) +
                                        "name: x\neffective_date: 2026-01-01\nsources:\n  - {id: s, title: t, url: u, "
                                        "retrieved: 2026-01-01, confidence: primary}\n"
                                        "discounts:\n  - {service: compute, off: 150 %, source: s}\n",
                                    "x.yaml");
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.diagnostics().items().front().message, Catch::Contains("above 0 % and below 100 %"));
}

TEST_CASE("an adjustment raises a price and records the list price and the change") {
  // A renewal 40 % higher on 1y compute: 6 USD/h x 1.40 = 8.40 USD/h; on-demand stays at 10.
  PriceSheet view = acme();
  Diagnostics d;
  apply_overlay(view,
                overlay("renewal", "2026-01-01",
                        "adjustments:\n  - {service: compute, change: +40 %, pricing: [1y], source: renewal-src}\n"),
                d);
  REQUIRE_FALSE(d.has_errors());
  const auto& hourly = view.find_region("east")->gpu_offers.front().hourly;
  CHECK(hourly.at(PricingModel::commit_1y).value == Approx(8.4));
  CHECK(hourly.at(PricingModel::commit_1y).list_value == Approx(6.0));
  CHECK(hourly.at(PricingModel::commit_1y).adjustments == std::vector<std::string>{"+40.0 % renewal"});
  CHECK(on_demand(view) == Approx(10.0));
  CHECK_FALSE(hourly.at(PricingModel::on_demand).list_value);
}

TEST_CASE("an overlay's discounts and adjustments compound, discounts listed first") {
  // On-demand 10 x (1 - 0.20) x (1 + 0.05) = 8.40 USD/h; storage 0.02 x 0.80 = 0.016 USD/GiB-month
  // (the markup is on compute only); an adjustment of -10 % lowers spot 4 x 0.80 x 0.90 = 2.88.
  PriceSheet view = acme();
  Diagnostics d;
  apply_overlay(
      view,
      overlay("reseller", "2026-01-01",
              "adjustments:\n  - {service: compute, change: +5 %, pricing: [on-demand], source: reseller-src}\n"
              "  - {service: compute, change: -10 %, pricing: [spot], source: reseller-src}\n"
              "discounts:\n  - {service: all, off: 20 %, source: reseller-src}\n"),
      d);
  REQUIRE_FALSE(d.has_errors());
  const auto& hourly = view.find_region("east")->gpu_offers.front().hourly;
  CHECK(on_demand(view) == Approx(8.4));
  CHECK(hourly.at(PricingModel::on_demand).adjustments ==
        std::vector<std::string>{"-20.0 % reseller", "+5.0 % reseller"});
  CHECK(hourly.at(PricingModel::spot).value == Approx(2.88));
  CHECK(hourly.at(PricingModel::spot).adjustments == std::vector<std::string>{"-20.0 % reseller", "-10.0 % reseller"});
  CHECK(storage(view) == Approx(0.016 / 1073741824.0));
}

TEST_CASE("an adjustment needs its sign, stays above -100 % and changes something; errors are located") {
  const std::string head = std::string(kOverlayHead) +
                           "name: x\neffective_date: 2026-01-01\nsources:\n  - {id: s, title: t, url: u, "
                           "retrieved: 2026-01-01, confidence: primary}\nadjustments:\n";
  auto first_error = [&](const std::string& change) {
    const auto sheet = load_price_sheet(head + "  - {service: compute, change: " + change + ", source: s}\n", "x.yaml");
    REQUIRE_FALSE(sheet);
    return format_location(sheet.diagnostics().items().front());
  };
  CHECK(first_error("-100 %") ==
        "x.yaml:11:32: adjustments[0].change: expected a change above -100 %, found '-100 %': it would make the "
        "prices zero or less");
  CHECK_THAT(first_error("-150 %"), Catch::Contains("expected a change above -100 %"));
  CHECK(first_error("40 %") ==
        "x.yaml:11:32: adjustments[0].change: expected a signed change such as '+40 %' or '-20 %', found '40 %'");
  CHECK(first_error("+0 %") == "x.yaml:11:32: adjustments[0].change: expected a change other than 0 %, found '+0 %'");
  CHECK_THAT(first_error("+40"), Catch::Contains("adjustments[0].change"));
}

TEST_CASE("adjustments belong only in overlays") {
  std::string text = test::kAcmeSheet;
  text += "adjustments:\n  - {service: compute, change: +40 %, source: list}\n";
  const auto sheet = load_price_sheet(text, "acme.yaml");
  REQUIRE_FALSE(sheet);
  CHECK_THAT(format_location(sheet.diagnostics().items().back()),
             Catch::Contains("adjustments: adjustments belong in an overlay; add 'kind: overlay'"));
}
