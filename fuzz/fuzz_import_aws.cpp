// libFuzzer harness: `tco prices import aws` on arbitrary bytes, read as an AmazonEC2,
// AWSDataTransfer or AmazonS3 offer file (JSON when the first byte is even, CSV when odd),
// through the streaming JSON and CSV readers. A sheet that imports must be one tco can read:
// its prices finite and not negative, each citing one of its sources, and its YAML loading
// back into a sheet with the same prices.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "tco/inputs/price_import.hpp"
#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/report/price_sheet_yaml.hpp"

namespace {

constexpr const char* kHarness = "fuzz_import_aws";

void check_price(const tco::PriceSheet& sheet, const tco::Sourced& price, const std::string& what) {
  TCO_FUZZ_CHECK(kHarness, std::isfinite(price.value) && price.value >= 0, what + " is not a finite price >= 0");
  TCO_FUZZ_CHECK(kHarness, sheet.find_source(price.source) != nullptr, what + " cites no source of the sheet");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool csv = (data[0] & 1U) != 0;
  std::vector<tco::InputStream> files;
  files.push_back(tco::InputStream::from_string(std::string(reinterpret_cast<const char*>(data) + 1, size - 1),
                                                csv ? "fuzz.csv" : "fuzz.json"));
  tco::ImportOptions options;
  options.effective = tco::parse_date("2026-11-01");
  const auto imported = tco::import_prices("aws", files, options);
  tco::fuzz::check_result(kHarness, imported);
  if (!imported) return 0;

  const tco::PriceSheet& sheet = imported->sheet;
  for (const auto& [id, region] : sheet.regions) {
    for (const auto& offer : region.gpu_offers) {
      TCO_FUZZ_CHECK(kHarness, offer.gpus >= 1, "an offer with no whole GPU");
      for (const auto& [model, price] : offer.hourly) check_price(sheet, price, offer.instance);
    }
    for (const auto& [storage_class, price] : region.storage) check_price(sheet, price, "a storage price");
    if (region.network.internet_egress) {
      check_price(sheet, region.network.internet_egress->free_bytes, "the free allowance");
      for (const auto& tier : region.network.internet_egress->tiers) check_price(sheet, tier.price, "a tier");
    }
  }
  const std::string text = tco::render_price_sheet_yaml(sheet, {"fuzz"});
  const auto reloaded = tco::load_price_sheet(text, "fuzz.yaml");
  if (!reloaded) {
    for (const auto& d : reloaded.diagnostics().items()) std::fprintf(stderr, "%s\n", tco::format_location(d).c_str());
    tco::fuzz::violated(kHarness, "an imported sheet does not load back:\n" + text);
  }
  TCO_FUZZ_CHECK(kHarness, reloaded->regions.size() == sheet.regions.size(), "regions lost on the way back");
  return 0;
}
