#include "tco/model/egress.hpp"

#include <algorithm>

namespace tco {

EgressQuote quote_tiered_egress(const TieredEgress& table, double bytes) {
  return quote_tiered_egress(table, bytes, table.free_bytes.value);
}

EgressQuote quote_tiered_egress(const TieredEgress& table, double bytes, double free_bytes) {
  EgressQuote quote;
  const double free_used = std::min(bytes, free_bytes);
  if (free_bytes > 0) quote.bands.push_back({0, free_used, free_used, 0, 0, nullptr});
  quote.total = sum_tiers(
      table, bytes, free_bytes, [&](std::size_t i) { return table.tiers[i].price.value; },
      [&](double lower, double billed, double price, const EgressTier& tier) {
        if (billed > 0) quote.bands.push_back({lower, lower + billed, billed, price, billed * price, &tier.price});
      });
  return quote;
}

}  // namespace tco
