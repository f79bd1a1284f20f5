// Pricing the bytes that leave each site. Internet egress is tiered on the month's total
// leaving each provider region, then shared back to the transfers that caused it.
#include <map>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/model/egress.hpp"

namespace tco::engine {
namespace {

struct TierGroup {
  const CloudPricing* cloud = nullptr;
  double bytes = 0;
  std::vector<const Transfer*> members;
};

bool linked(const CloudPricing& cloud, const std::string& to) {
  const auto& link = cloud.site->cloud.interconnect;
  return link && std::find(link->to.begin(), link->to.end(), to) != link->to.end();
}

// A flat per-byte price for a transfer between two sites of one provider, or over a private
// link; nullopt with `tiered` set when it goes out through the internet tiers.
std::optional<double> flat_price(StrategyContext& context, const CloudPricing& from, const Transfer& transfer,
                                 bool& tiered) {
  const Network& network = from.region->network;
  const std::string where =
      fmt::format("region {} of the {} price sheet ({})", from.region->id, from.sheet->id(), from.sheet->file);
  auto missing = [&](const std::string& what) -> std::optional<double> {
    context.error(
        from.site->where, "sites." + from.site->name,
        fmt::format("no {} price in {}, needed for {} to site '{}'", what, where, transfer.cause, transfer.to_site));
    return std::nullopt;
  };
  tiered = false;
  auto cited = [&](const Sourced& price) -> std::optional<double> {
    context.cite(from.sheet, price);
    return price.value;
  };
  if (!transfer.to_site.empty() && linked(from, transfer.to_site)) {
    return network.interconnect_egress ? cited(*network.interconnect_egress) : missing("interconnect_egress");
  }
  const auto& clouds = context.pricing(transfer.month).cloud;
  const auto to = clouds.find(transfer.to_site);
  if (transfer.to_site.empty() || to == clouds.end() || to->second.sheet->provider != from.sheet->provider) {
    tiered = true;
    return std::nullopt;
  }
  const CloudSite& a = from.site->cloud;
  const CloudSite& b = to->second.site->cloud;
  if (a.region == b.region) {
    if (a.zone.empty() || b.zone.empty() || a.zone == b.zone) return 0.0;
    if (!network.inter_zone) return missing("inter_zone");
    return *cited(*network.inter_zone) * (network.inter_zone_both_directions ? 2.0 : 1.0);
  }
  if (const auto it = network.inter_region_to.find(b.region); it != network.inter_region_to.end())
    return cited(it->second);
  if (network.inter_region_default) return cited(*network.inter_region_default);
  return missing("inter_region (to " + b.region + ")");
}

void price_tier_group(StrategyContext& context, int month, const TierGroup& group) {
  const CloudPricing& cloud = *group.cloud;
  if (!cloud.region->network.internet_egress) {
    context.error(cloud.site->where, "sites." + cloud.site->name,
                  fmt::format("no internet_egress price in region {} of the {} price sheet ({})", cloud.region->id,
                              cloud.sheet->id(), cloud.sheet->file));
    return;
  }
  const auto& egress = *cloud.region->network.internet_egress;
  const EgressQuote quote = quote_tiered_egress(egress, group.bytes);
  context.cite(cloud.sheet, egress.free_bytes);
  for (const auto& band : quote.bands) {
    if (band.price != nullptr) context.cite(cloud.sheet, *band.price);
  }
  for (const Transfer* member : group.members) {
    context.add(month, Component::egress, member->cause, member->from_site, quote.total * member->bytes / group.bytes);
  }
}

}  // namespace

void price_transfers(StrategyContext& context) {
  std::map<int, std::map<std::string, TierGroup>> groups;  // month -> "provider/region" -> group
  for (const auto& transfer : context.transfers) {
    context.result.egress_bytes += transfer.bytes;
    const auto& clouds = context.pricing(transfer.month).cloud;
    if (const auto cloud = clouds.find(transfer.from_site); cloud != clouds.end()) {
      bool tiered = false;
      const auto price = flat_price(context, cloud->second, transfer, tiered);
      if (tiered) {
        auto& group = groups[transfer.month][cloud->second.sheet->provider + "/" + cloud->second.region->id];
        group.cloud = &cloud->second;
        group.bytes += transfer.bytes;
        group.members.push_back(&transfer);
      } else if (price) {
        context.add(transfer.month, Component::egress, transfer.cause, transfer.from_site, transfer.bytes * *price);
      }
      continue;
    }
    const Site* site = context.scenario.find_site(transfer.from_site);
    if (!site->onprem.egress) {
      context.error(site->where, "sites." + site->name,
                    fmt::format("missing 'egress' (a price per GB leaving this on-prem site; 0 USD/GB if the uplink is "
                                "flat-rate), needed for {}",
                                transfer.cause));
      continue;
    }
    context.add(transfer.month, Component::egress, transfer.cause, transfer.from_site,
                transfer.bytes * site->onprem.egress->value);
  }
  for (const auto& [month, by_region] : groups) {
    for (const auto& [key, group] : by_region) price_tier_group(context, month, group);
  }
}

}  // namespace tco::engine
