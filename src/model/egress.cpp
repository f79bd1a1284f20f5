#include "tco/model/egress.hpp"

#include <algorithm>

namespace tco {

EgressQuote quote_tiered_egress(const TieredEgress& table, double bytes) {
  EgressQuote quote;
  const double free_bytes = std::min(bytes, table.free_bytes.value);
  if (table.free_bytes.value > 0) quote.bands.push_back({0, free_bytes, free_bytes, 0, 0, nullptr});
  // The free allowance is the bottom of the first tier: billing starts above it.
  double lower = table.free_bytes.value;
  for (const auto& tier : table.tiers) {
    if (bytes <= lower) break;
    const double upper = tier.up_to_bytes.value_or(bytes);
    if (upper <= lower) continue;
    const double billed = std::min(bytes, upper) - lower;
    const double cost = billed * tier.price.value;
    quote.bands.push_back({lower, lower + billed, billed, tier.price.value, cost, &tier.price});
    quote.total += cost;
    lower = upper;
  }
  return quote;
}

}  // namespace tco
