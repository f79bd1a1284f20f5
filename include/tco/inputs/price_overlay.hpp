#pragma once
// Applying an overlay (a user's private prices, discounts and adjustments, tco-prices(5)
// OVERLAYS) to a provider's price sheet.
#include <functional>
#include <string>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

// Calls `visit` on every price of `sheet` that `service` covers, in the given cloud regions
// (all when empty; for electricity, the electricity_by_region keys) and, for compute, under
// the given pricing models (all when empty). Overlays' price changes and price trends both use it.
void for_each_price(PriceSheet& sheet, PriceService service, const std::vector<std::string>& regions,
                    const std::vector<PricingModel>& pricing, const std::function<void(Sourced&)>& visit);

// Applies `overlay` on top of `view` (a sheet of the same provider, possibly with earlier
// overlays applied): first its discounts and adjustments, to the prices already in `view`,
// then the prices it sets itself, which replace or extend `view`'s. Records the overlay in view.overlays.
// Conflicts (a source id used by both, an instance whose GPU differs, another billing_gb)
// are errors at the overlay's location.
void apply_overlay(PriceSheet& view, const PriceSheet& overlay, Diagnostics& d);

}  // namespace tco
