// libFuzzer harness: the price-sheet loader (tco-prices(5): sheets and overlays) on arbitrary
// text. A sheet that loads is then added to the bundled sheets of its provider, as a file of a
// --pricing-dir would be: an overlay is applied over each of them (discounts, private prices,
// conflicts), a full sheet replaces or extends them, and every view of the timeline is selected.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_catalog.hpp"
#include "fuzz_check.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/price_sheet_loader.hpp"

namespace {

constexpr const char* kHarness = "fuzz_price_sheet";
std::unique_ptr<tco::PriceCatalog> bundled;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  bundled = tco::fuzz::load_bundled_catalog();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto sheet = tco::load_price_sheet(text, "fuzz/2025-01-01.yaml");
  tco::fuzz::check_result(kHarness, sheet);
  if (!sheet) return 0;

  tco::PriceSheet value = std::move(sheet).value();
  value.origin = "fuzz";
  value.layer = 1;  // after the bundled directory, as --pricing-dir
  const std::string provider = value.provider;
  auto catalog = bundled->filtered([&](const tco::PriceSheet& s) { return s.provider == provider; });
  tco::fuzz::check_result(kHarness, catalog);
  if (!catalog) return 0;
  const auto merged = catalog.value().add(std::move(value));
  for (const auto& item : merged.items()) {
    TCO_FUZZ_CHECK(kHarness, !item.message.empty(), "a merge diagnostic without a message");
  }
  for (const auto* view : catalog.value().timeline(provider)) {
    TCO_FUZZ_CHECK(kHarness, view != nullptr, "a null view in the timeline");
    (void)view->label();
    const auto selected = catalog.value().select(provider, view->in_effect_from);
    tco::fuzz::check_result(kHarness, selected);
  }
  (void)catalog.value().select(provider, tco::kNewest);
  return 0;
}
