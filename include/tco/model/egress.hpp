#pragma once
// Tiered internet egress: the month's volume leaving one provider region, walked through
// the free allowance and the tiers, as providers bill it.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "tco/inputs/price_sheet.hpp"

namespace tco {

struct TierCharge {
  double from_bytes = 0;
  double to_bytes = 0;  // the band covers the volume from from_bytes to to_bytes
  double billed_bytes = 0;
  double price_per_byte = 0;
  double cost = 0;
  const Sourced* price = nullptr;  // nullptr for the free allowance
};

struct EgressQuote {
  std::vector<TierCharge> bands;  // the free allowance first, then each tier reached
  double total = 0;
};

// Cost of sending `bytes` in one month through `table`, band by band (for explanations and
// tco egress): sum_tiers on plain numbers, with the table's whole free allowance, or with
// `free_bytes` of it (a region's share of an account-wide allowance, tco-model(7), EGRESS).
EgressQuote quote_tiered_egress(const TieredEgress& table, double bytes);
EgressQuote quote_tiered_egress(const TieredEgress& table, double bytes, double free_bytes);

inline double lesser(double a, double b) { return std::min(a, b); }
inline double greater(double a, double b) { return std::max(a, b); }

// The one tier sum (tco-model(7), EGRESS): the free allowance `free_bytes` (the table's, or a
// region's share of an account-wide one) is the bottom of the first tier, and each tier
// bills the bytes between its bounds (nothing when the volume stays below it) at its price.
// Generic in the value type, so the engine's traced values (model/tape.hpp: lesser and
// greater record the operations) and plain numbers share it: what is charged and what is
// explained are the same sum. `price_of(i)` is tier i's price as a V; `band(lower, billed,
// price, tier)` is told each tier's share in turn.
template <typename V, typename PriceOf, typename Band>
V sum_tiers(const TieredEgress& table, V bytes, V free_bytes, PriceOf&& price_of, Band&& band) {
  V total = 0.0;
  V lower = free_bytes;
  for (std::size_t i = 0; i < table.tiers.size(); ++i) {
    const auto& tier = table.tiers[i];
    // A tier inside the whole allowance is never reached (the loader refuses one).
    if (tier.up_to_bytes && *tier.up_to_bytes <= table.free_bytes.value) continue;
    const V price = price_of(i);
    const V upper = tier.up_to_bytes ? V(*tier.up_to_bytes) : bytes;
    const V billed = greater(0.0, lesser(bytes, upper) - lower);
    total += billed * price;
    band(lower, billed, price, tier);
    if (!tier.up_to_bytes) break;
    lower = V(*tier.up_to_bytes);
  }
  return total;
}

}  // namespace tco
