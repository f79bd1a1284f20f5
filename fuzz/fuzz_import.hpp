#pragma once
// Shared by the importer harnesses (fuzz_import_PROVIDER): import the files, check what
// price_import.hpp promises, and that a sheet that imports is one tco can read: its prices
// finite and not negative, each citing one of its sources, and its YAML loading back into a
// sheet with the same regions.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "tco/inputs/price_import.hpp"
#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/report/price_sheet_yaml.hpp"

namespace tco::fuzz {

inline void check_price(const char* harness, const PriceSheet& sheet, const Sourced& price, const std::string& what) {
  TCO_FUZZ_CHECK(harness, std::isfinite(price.value) && price.value >= 0, what + " is not a finite price >= 0");
  TCO_FUZZ_CHECK(harness, sheet.find_source(price.source) != nullptr, what + " cites no source of the sheet");
}

// Arbitrary bytes as one or two pages, split at the first NUL byte (a second page that would
// be empty is not given), so that what crosses pages is reached too.
inline std::vector<InputStream> two_pages(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto nul = text.find('\0');
  std::vector<InputStream> files;
  files.push_back(InputStream::from_string(std::string(text.substr(0, nul)), "page-1.json"));
  if (nul != std::string_view::npos && nul + 1 < text.size()) {
    files.push_back(InputStream::from_string(std::string(text.substr(nul + 1)), "page-2.json"));
  }
  return files;
}

inline void check_import(const char* harness, const std::string& provider, std::vector<InputStream>& files) {
  ImportOptions options;
  options.effective = parse_date("2026-11-01");
  const auto imported = import_prices(provider, files, options);
  check_result(harness, imported);
  if (!imported) return;

  const PriceSheet& sheet = imported->sheet;
  for (const auto& [id, region] : sheet.regions) {
    for (const auto& offer : region.gpu_offers) {
      TCO_FUZZ_CHECK(harness, offer.gpus >= 1, "an offer with no whole GPU");
      for (const auto& [model, price] : offer.hourly) check_price(harness, sheet, price, offer.instance);
      if (offer.interruption_every) {
        check_price(harness, sheet, *offer.interruption_every, offer.instance);
        TCO_FUZZ_CHECK(harness, offer.interruption_every->value >= 1, "an interruption rate under an hour");
      }
    }
    for (const auto& [storage_class, price] : region.storage) check_price(harness, sheet, price, "a storage price");
    if (region.network.internet_egress) {
      check_price(harness, sheet, region.network.internet_egress->free_bytes, "the free allowance");
      for (const auto& tier : region.network.internet_egress->tiers) check_price(harness, sheet, tier.price, "a tier");
    }
  }
  const std::string text = render_price_sheet_yaml(sheet, {"fuzz"});
  const auto reloaded = load_price_sheet(text, "fuzz.yaml");
  if (!reloaded) {
    for (const auto& d : reloaded.diagnostics().items()) std::fprintf(stderr, "%s\n", format_location(d).c_str());
    violated(harness, "an imported sheet does not load back:\n" + text);
  }
  TCO_FUZZ_CHECK(harness, reloaded->regions.size() == sheet.regions.size(), "regions lost on the way back");
}

}  // namespace tco::fuzz
