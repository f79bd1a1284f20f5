// tco prices gpu: every provider's offer for one GPU model, cheapest per GPU-hour first,
// optionally with what it costs to bring a dataset to each offer's region.
#include <algorithm>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/report/egress_quote.hpp"
#include "tco/report/prices_report.hpp"

namespace tco {
namespace {

// The one-time cost of moving the query's data from its source to `provider:region`.
void price_transfer(const PriceCatalog& catalog, const GpuQuery& query, GpuOfferRow& row) {
  if (row.provider == query.from_provider && row.region == query.from_region) {
    row.transfer = 0.0;
    row.transfer_note = "already there";
    return;
  }
  const PriceSheet* from = catalog.select(query.from_provider, query.as_of).value();
  EgressRoute route;
  if (row.provider == query.from_provider) {
    route = {EgressRoute::Kind::region, row.provider, row.region};
  }
  auto quote = make_egress_report(*from, *from->find_region(query.from_region), route, *query.data_bytes);
  if (!quote) {
    row.transfer_note = quote.diagnostics().items().front().message;
    return;
  }
  row.transfer = quote->total;
  row.transfer_note = route.kind == EgressRoute::Kind::internet ? "internet egress" : "inter-region";
}

}  // namespace

Result<GpuRanking> rank_gpu_offers(const PriceCatalog& catalog, const GpuQuery& query) {
  Diagnostics d;
  GpuRanking ranking{query, "USD", {}, {}, {}};
  if (query.data_bytes) {
    auto from = catalog.select(query.from_provider, query.as_of);
    if (!from) {
      for (auto item : from.diagnostics().items()) d.error({}, "", "--from: " + item.message);
      return d;
    }
    if (from.value()->find_region(query.from_region) == nullptr) {
      const auto names = keys_of(from.value()->regions);
      d.error(
          {}, "",
          fmt::format("--from: unknown region '{}' in {}{}; its regions are {}", query.from_region, from.value()->id(),
                      did_you_mean(query.from_region, names), names.empty() ? "none" : quoted_list(names)));
      return d;
    }
  }
  for (const auto& provider : catalog.providers()) {
    const auto versions = catalog.timeline(provider);
    if (versions.empty() || versions.back()->regions.empty()) continue;  // sells no cloud capacity
    auto sheet = catalog.select(provider, query.as_of);
    if (!sheet) {
      ranking.providers_unpriced.push_back(provider);
      continue;
    }
    if (sheet.value()->regions.empty()) continue;
    bool found = false;
    for (const auto& [id, region] : sheet.value()->regions) {
      for (const auto& offer : region.gpu_offers) {
        if (offer.gpu != query.gpu) continue;
        const auto price = offer.hourly.find(query.pricing);
        if (price == offer.hourly.end()) continue;
        found = true;
        GpuOfferRow row;
        row.provider = provider;
        row.sheet = sheet.value()->label();
        row.region = id;
        row.instance = offer.instance;
        row.gpus = offer.gpus;
        row.hourly = price->second.value;
        row.per_gpu_hour = row.hourly / offer.gpus;
        row.source_id = price->second.source;
        row.source = sheet.value()->find_source(price->second.source);
        if (query.data_bytes) {
          price_transfer(catalog, query, row);
          if (row.transfer) row.total = query.gpu_hours * row.per_gpu_hour + *row.transfer;
        }
        ranking.offers.push_back(std::move(row));
      }
    }
    if (!found) ranking.providers_without.push_back(provider);
  }
  // Cheapest first; with data, by the total, and offers whose transfer has no price last.
  std::stable_sort(ranking.offers.begin(), ranking.offers.end(), [&](const GpuOfferRow& a, const GpuOfferRow& b) {
    if (query.data_bytes && a.total.has_value() != b.total.has_value()) return a.total.has_value();
    if (query.data_bytes && a.total && b.total && *a.total != *b.total) return *a.total < *b.total;
    return a.per_gpu_hour < b.per_gpu_hour;
  });
  return ranking;
}

}  // namespace tco
