#include "tco/model/egress.hpp"

#include <algorithm>

namespace tco {

EgressQuote quote_tiered_egress(const TieredEgress& table, double bytes) {
  EgressQuote quote;
  const double free_bytes = std::min(bytes, table.free_bytes.value);
  if (table.free_bytes.value > 0) quote.bands.push_back({0, free_bytes, free_bytes, 0, 0, nullptr});
  quote.total = sum_tiers(
      table, bytes, [&](std::size_t i) { return table.tiers[i].price.value; },
      [&](double lower, double billed, double price, const EgressTier& tier) {
        if (billed > 0) quote.bands.push_back({lower, lower + billed, billed, price, billed * price, &tier.price});
      });
  return quote;
}

}  // namespace tco
