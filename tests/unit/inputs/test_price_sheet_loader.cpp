#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {
std::vector<std::string> errors_of(const std::string& text) {
  auto sheet = load_price_sheet(text, "sheet.yaml");
  std::vector<std::string> out;
  for (const auto& d : sheet.diagnostics().items()) {
    if (d.severity == Severity::error) out.push_back(format_location(d));
  }
  return out;
}
std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("a valid sheet converts prices to base units and keeps their sources") {
  auto sheet = load_price_sheet(test::kAcmeSheet, "acme.yaml");
  REQUIRE(sheet);
  const Region& east = sheet->regions.at("east");
  REQUIRE(east.gpu_offers.size() == 1);
  CHECK(east.gpu_offers[0].hourly.at(PricingModel::on_demand).value == 10.0);
  CHECK(east.gpu_offers[0].hourly.at(PricingModel::on_demand).source == "list");
  CHECK(east.storage.at(StorageClass::standard).value == Approx(0.02 / 1073741824.0));
  const auto& tiers = east.network.internet_egress->tiers;
  REQUIRE(tiers.size() == 4);
  CHECK(*tiers[0].up_to_bytes == 10 * 1099511627776.0);
  CHECK_FALSE(tiers[3].up_to_bytes);
  CHECK(east.network.inter_zone_both_directions);
  CHECK(sheet->content_hash.size() == 64);
}

TEST_CASE("every error of a sheet is reported at once, with line and key path") {
  std::string text = replace(test::kAcmeSheet, "on-demand: 10 USD/h", "on-demand: 10");
  text = replace(text, "gpus: 8", "gpus: eight");
  text = replace(text, "storage:\n      standard", "storage:\n      standrad");
  const auto errors = errors_of(text);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "sheet.yaml:15:15: regions.east.gpu_instances.gpu8.gpus: expected a whole number, found 'eight'");
  CHECK_THAT(errors[1], Catch::StartsWith(
                            "sheet.yaml:16:20: regions.east.gpu_instances.gpu8.on-demand: expected an hourly price"));
  CHECK(errors[2] == "sheet.yaml:20:7: regions.east.storage: unknown key 'standrad', did you mean 'standard'?");
}

TEST_CASE("a price written in the other byte base is rejected") {
  const auto errors = errors_of(replace(test::kAcmeSheet, "0.02 USD/GiB-month", "0.02 USD/GB-month"));
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Contains("bills a \"GB\" as 2^30 bytes (billing_gb: GiB)"));
}

TEST_CASE("a price without a known source is an error") {
  const auto errors = errors_of(replace(test::kAcmeSheet, "  west:\n    source: list", "  west:\n    source: lsit"));
  REQUIRE_FALSE(errors.empty());
  CHECK_THAT(errors[0], Catch::Contains("unknown source 'lsit', did you mean 'list'?"));
}

TEST_CASE("tiers must increase and only the last may be unbounded") {
  const auto errors = errors_of(
      replace(test::kAcmeSheet, "{up_to: 50 TiB, price: 0.085 USD/GiB}", "{up_to: 5 TiB, price: 0.085 USD/GiB}"));
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Contains("tier bounds must increase"));
}

TEST_CASE("duplicate keys and YAML syntax errors are located") {
  CHECK_THAT(errors_of("schema_version: 1\nschema_version: 1\n")[0],
             Catch::Contains("sheet.yaml:2:1: schema_version: duplicate key (first defined on line 1)"));
  CHECK_THAT(errors_of("a: [1, 2\n")[0], Catch::StartsWith("sheet.yaml:") && Catch::Contains("invalid YAML"));
}

TEST_CASE("the catalog selects the latest sheet on or before a date") {
  PriceCatalog catalog;
  catalog.add(load_price_sheet(test::kAcmeSheet, "a.yaml").value());
  std::string later = replace(test::kAcmeSheet, "effective_date: 2026-01-01", "effective_date: 2026-06-01");
  catalog.add(load_price_sheet(later, "b.yaml").value());
  CHECK(format_date(catalog.select("acme", *parse_date("2026-05-31")).value()->effective) == "2026-01-01");
  CHECK(format_date(catalog.select("acme", *parse_date("2026-06-01")).value()->effective) == "2026-06-01");
  auto before = catalog.select("acme", *parse_date("2025-12-31"));
  REQUIRE_FALSE(before);
  CHECK_THAT(format_location(before.diagnostics().items()[0]), Catch::Contains("its sheets start on 2026-01-01"));
  auto unknown = catalog.select("acmee", *parse_date("2026-06-01"));
  CHECK_THAT(format_location(unknown.diagnostics().items()[0]), Catch::Contains("did you mean 'acme'?"));
}
