// PriceCatalog::filtered: the catalog as it stood without some files (tco diff prices one side
// with the other's sheets). Catalogs are built from the test sheets as strings.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

PriceSheet sheet(const std::string& date, const std::string& file) {
  std::string text = test::kAcmeSheet;
  text.replace(text.find("effective_date: 2026-01-01"), 26, "effective_date: " + date);
  auto loaded = load_price_sheet(text, file);
  REQUIRE(loaded);
  return std::move(loaded).value();
}

// 20 % off Acme's compute from 2026-03-01.
PriceSheet discount() {
  auto loaded = load_price_sheet(
      "schema_version: 1\nkind: overlay\nprovider: acme\ncurrency: USD\nbilling_gb: GiB\nname: edp\n"
      "effective_date: 2026-03-01\nsources:\n  - {id: edp-src, title: Contract, url: https://example.org/c, "
      "retrieved: 2026-01-01, confidence: primary}\ndiscounts:\n  - {service: compute, off: 20 %, source: edp-src}\n",
      "edp.yaml");
  REQUIRE(loaded);
  PriceSheet out = std::move(loaded).value();
  out.layer = 1;
  return out;
}

// acme: sheets of 2026-01-01 (a.yaml) and 2026-06-01 (b.yaml), the edp overlay; onprem.
PriceCatalog full() {
  PriceCatalog catalog;
  catalog.add(load_price_sheet(test::kOnPremSheet, "onprem.yaml").value());
  catalog.add(sheet("2026-01-01", "a.yaml"));
  catalog.add(sheet("2026-06-01", "b.yaml"));
  REQUIRE_FALSE(catalog.add(discount()).has_errors());
  return catalog;
}

double on_demand(const PriceSheet& view) {
  return view.find_region("east")->gpu_offers.front().hourly.at(PricingModel::on_demand).value;
}

std::string selected(const PriceCatalog& catalog, const char* day) {
  auto view = catalog.select("acme", *parse_date(day));
  REQUIRE(view);
  return view.value()->label() + " from " + format_date(view.value()->in_effect_from);
}

}  // namespace

TEST_CASE("filtered keeps the files keep accepts and rebuilds the timelines", "[catalog]") {
  const PriceCatalog catalog = full();
  // Views: 01-01 alone, 03-01 with edp, 06-01 with edp.
  REQUIRE(catalog.timeline("acme").size() == 3);
  CHECK(selected(catalog, "2026-07-01") == "acme@2026-06-01 + edp from 2026-06-01");

  const auto before_june = catalog.filtered([](const PriceSheet& s) { return s.file != "b.yaml"; });
  REQUIRE(before_june);
  CHECK(before_june->sheets().size() == 3);
  CHECK(before_june->timeline("acme").size() == 2);
  CHECK(selected(before_june.value(), "2026-07-01") == "acme@2026-01-01 + edp from 2026-03-01");
  CHECK(on_demand(*before_june->select("acme", *parse_date("2026-07-01")).value()) == Approx(8.0));  // 10 - 20 %
  CHECK(before_june->providers() == std::vector<std::string>{"acme", "onprem"});

  // The catalog filtered from is left as it was.
  CHECK(catalog.timeline("acme").size() == 3);
  CHECK(catalog.sheets().size() == 4);
}

TEST_CASE("filtering out an overlay gives the list prices again", "[catalog]") {
  const auto list = full().filtered([](const PriceSheet& s) { return s.kind == SheetKind::sheet; });
  REQUIRE(list);
  CHECK(list->timeline("acme").size() == 2);
  CHECK(selected(list.value(), "2026-04-01") == "acme@2026-01-01 from 2026-01-01");
  CHECK(on_demand(*list->select("acme", *parse_date("2026-04-01")).value()) == Approx(10.0));
}

TEST_CASE("filtering out a provider's sheets drops the provider; an overlay left alone is an error", "[catalog]") {
  const auto acme_only = full().filtered([](const PriceSheet& s) { return s.provider == "acme"; });
  REQUIRE(acme_only);
  CHECK(acme_only->providers() == std::vector<std::string>{"acme"});
  CHECK_FALSE(acme_only->select("onprem", *parse_date("2026-07-01")));
  CHECK(acme_only->timeline("onprem").empty());

  const auto orphan = full().filtered([](const PriceSheet& s) { return s.kind == SheetKind::overlay; });
  REQUIRE_FALSE(orphan);
  REQUIRE(orphan.diagnostics().items().size() == 1);
  CHECK_THAT(orphan.diagnostics().items()[0].message, Catch::Contains("overlay 'edp' has no 'acme' price sheet"));
}
