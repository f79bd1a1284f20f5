#pragma once
// Tiered internet egress: the month's volume leaving one provider region, walked through
// the free allowance and the tiers, as providers bill it.
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

// Cost of sending `bytes` in one month through `table`.
EgressQuote quote_tiered_egress(const TieredEgress& table, double bytes);

}  // namespace tco
