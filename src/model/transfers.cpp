// Pricing the bytes that leave each site. Internet egress is tiered on the month's total
// leaving each provider region, then shared back to the transfers that caused it; a free
// allowance granted per account is shared first among the provider's regions.
#include <map>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/text.hpp"
#include "tco/model/egress.hpp"

namespace tco::engine {
namespace {

// The regions of one provider that share an account-wide free allowance in a month.
struct AccountPool {
  Val bytes = 0;  // every byte they send through the internet tiers
  int regions = 0;
};

struct TierGroup {
  const CloudPricing* cloud = nullptr;
  std::string account;  // the provider, and "/exit" for leaving: who an account allowance is granted to
  Val bytes = 0;
  std::vector<const Transfer*> members;
  Val free_bytes = 0;                 // the free allowance it is granted (grant_allowances)
  const AccountPool* pool = nullptr;  // for an account-wide allowance, the regions sharing it
};

bool linked(const CloudPricing& cloud, const std::string& to) {
  const auto& link = cloud.site->cloud.interconnect;
  return link && std::find(link->to.begin(), link->to.end(), to) != link->to.end();
}

// A flat per-byte price: what it is and where it came from.
struct FlatPrice {
  Val value = 0;
  std::string name;                // "inter-region price (to us-west-2)"
  const Sourced* price = nullptr;  // nullptr for a free transfer within a zone
  double multiplier = 1;           // 2 when a provider bills both directions
  std::string offer;               // what the ledger says was bought: "inter-region transfer"
};

// A flat per-byte price for a transfer between two sites of one provider, or over a private
// link; nullopt with `tiered` set when it goes out through the internet tiers.
std::optional<FlatPrice> flat_price(StrategyContext& context, const CloudPricing& from, const Transfer& transfer,
                                    bool& tiered) {
  const Network& network = from.region->network;
  const std::string where =
      fmt::format("region {} of the {} price sheet ({})", from.region->id, from.sheet->id(), from.sheet->file);
  auto missing = [&](const std::string& what) -> std::optional<FlatPrice> {
    context.error(
        from.site->where, "sites." + from.site->name,
        fmt::format("no {} price in {}, needed for {} to site '{}'", what, where, transfer.cause, transfer.to_site));
    return std::nullopt;
  };
  tiered = false;
  auto cited = [&](const Sourced& price, const std::string& key, std::string name, std::string offer,
                   double multiplier = 1) -> std::optional<FlatPrice> {
    context.cite(from.sheet, price);
    const Val value = context.in(
        price, [&] { return fmt::format("prices.{}.{}.network.{}", from.sheet->provider, from.region->id, key); },
        {Dimension::money_per_byte, 0, kNoLimit, PriceService::network});
    return FlatPrice{value * multiplier, std::move(name), &price, multiplier, std::move(offer)};
  };
  if (!transfer.to_site.empty() && linked(from, transfer.to_site)) {
    return network.interconnect_egress
               ? cited(*network.interconnect_egress, "interconnect_egress", "price over the private interconnect",
                       "transfer over the private interconnect")
               : missing("interconnect_egress");
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
    if (a.zone.empty() || b.zone.empty() || a.zone == b.zone)
      return FlatPrice{0.0, "free within a zone", nullptr, 1, "transfer within a zone"};
    if (!network.inter_zone) return missing("inter_zone");
    const bool both = network.inter_zone_both_directions;
    return cited(*network.inter_zone, "inter_zone",
                 both ? "inter-zone price, billed in both directions (× 2)" : "inter-zone price",
                 "transfer between zones", both ? 2.0 : 1.0);
  }
  if (const auto it = network.inter_region_to.find(b.region); it != network.inter_region_to.end())
    return cited(it->second, "inter_region." + b.region, "inter-region price to " + b.region,
                 "transfer to " + b.region);
  if (network.inter_region_default)
    return cited(*network.inter_region_default, "inter_region", "inter-region price", "transfer to " + b.region);
  return missing("inter_region (to " + b.region + ")");
}

// The free band of a month's tiers: the allowance, or the region's share of an account-wide
// one when other regions of the provider share it.
void explain_free_band(const StrategyContext& context, const CloudPricing& cloud, const TierGroup& group,
                       Derivation& part) {
  const auto& allowance = cloud.region->network.internet_egress->free_bytes;
  if (group.pool == nullptr || group.pool->regions == 1) {
    part.formula = "free allowance";
    part.factors = {context.factor("bytes free each month", cloud.sheet, allowance, Dimension::bytes)};
    return;
  }
  part.formula =
      "free allowance, the region's share of the account's: allowance × bytes sent from the region ÷ max(bytes sent "
      "from the regions sharing it, allowance)";
  part.factors = {context.factor("bytes free each month, once per account", cloud.sheet, allowance, Dimension::bytes),
                  Factor{"bytes sent from the region", group.bytes.v, Dimension::bytes, cloud.sheet->billing_gb},
                  Factor{fmt::format("bytes sent from the {} regions sharing it", cloud.sheet->provider),
                         group.pool->bytes.v, Dimension::bytes, cloud.sheet->billing_gb}};
}

// The tiers a month's internet egress from one region went through, each with its price.
Derivation tier_breakdown(const StrategyContext& context, const CloudPricing& cloud, const TierGroup& group,
                          const EgressQuote& quote) {
  Derivation out;
  out.label =
      fmt::format("internet egress from {} {}, tiered on the month's total", cloud.sheet->provider, cloud.region->id);
  out.formula = "sum over the tiers reached of bytes billed in the tier × its price";
  out.factors.push_back(Factor{"all bytes sent", group.bytes.v, Dimension::bytes, cloud.sheet->billing_gb});
  out.amount = quote.total;
  for (const auto& band : quote.bands) {
    Derivation part;
    part.label = fmt::format("{} to {}", format_bytes(band.from_bytes, cloud.sheet->billing_gb == ByteBase::binary),
                             format_bytes(band.to_bytes, cloud.sheet->billing_gb == ByteBase::binary));
    part.amount = band.cost;
    if (band.price == nullptr) {
      explain_free_band(context, cloud, group, part);
    } else {
      part.formula = "bytes billed in the tier × price per byte";
      part.factors = {Factor{"bytes billed in the tier", band.billed_bytes, Dimension::bytes, cloud.sheet->billing_gb},
                      context.factor("tier price", cloud.sheet, *band.price, Dimension::money_per_byte)};
    }
    out.parts.push_back(std::make_shared<const Derivation>(std::move(part)));
  }
  return out;
}

// The month's tiered charge as arithmetic the plan can redo at any volume: the one tier sum,
// on traced values, each tier's price read as an input.
Val tiered_total(const StrategyContext& context, const CloudPricing& cloud, const TieredEgress& egress, Val bytes,
                 Val free_bytes) {
  return sum_tiers(
      egress, bytes, free_bytes,
      [&](std::size_t i) {
        return context.in(egress.tiers[i].price,
                          [&] {
                            return fmt::format("prices.{}.{}.internet_egress.tier{}", cloud.sheet->provider,
                                               cloud.region->id, i + 1);
                          },
                          {Dimension::money_per_byte, 0, kNoLimit, PriceService::network});
      },
      [](Val, Val, Val, const EgressTier&) {});
}

// Grants each group of a month its free allowance. A per-region allowance is the table's. An
// account-wide one is granted once across the provider's regions (leaving, billed as a month
// of its own, has its own): each region gets allowance × its bytes ÷ max(all their bytes,
// allowance), a share in proportion to its bytes, or all its bytes when together they stay
// within the allowance (tco-model(7), EGRESS).
void grant_allowances(std::map<std::string, TierGroup>& groups, std::map<std::string, AccountPool>& pools) {
  auto account_wide = [](const TierGroup& group) {
    const auto& egress = group.cloud->region->network.internet_egress;
    return egress && egress->free_scope == AllowanceScope::account;
  };
  for (auto& [key, group] : groups) {
    if (!account_wide(group)) continue;
    AccountPool& pool = pools[group.account];
    pool.bytes += group.bytes;
    ++pool.regions;
  }
  for (auto& [key, group] : groups) {
    const auto& egress = group.cloud->region->network.internet_egress;
    if (!egress) continue;  // reported when the group is priced
    const double allowance = egress->free_bytes.value;
    if (!account_wide(group)) {
      group.free_bytes = allowance;
      continue;
    }
    group.pool = &pools.at(group.account);
    // An allowance of 0 grants nothing (and 0 ÷ 0 bytes is no share).
    group.free_bytes = allowance > 0 ? allowance * group.bytes / greater(group.pool->bytes, allowance) : Val(0.0);
  }
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
  const EgressQuote quote = quote_tiered_egress(egress, group.bytes.v, group.free_bytes.v);
  const Val total = tiered_total(context, cloud, egress, group.bytes, group.free_bytes);
  context.cite(cloud.sheet, egress.free_bytes);
  for (const auto& band : quote.bands) {
    if (band.price != nullptr) context.cite(cloud.sheet, *band.price);
  }
  // One breakdown of the month's tiered charge, shared by every transfer that took part.
  const auto tiers = context.derive([&] { return tier_breakdown(context, cloud, group, quote); });
  // Each transfer pays the month's charge in proportion to its bytes: at the month's
  // average rate, the charge spread over every byte that went through the tiers.
  Rate average{total.v / group.bytes.v, Dimension::money_per_byte, cloud.sheet->billing_gb, std::nullopt,
               "the month's tiered internet egress charge ÷ all bytes sent from the region"};
  for (const Transfer* member : group.members) {
    const Val amount = total * member->volume.bytes / group.bytes;
    context.add({month,
                 Component::egress,
                 member->cause,
                 member->from_site,
                 member->workload,
                 amount,
                 amount,
                 member->dataset,
                 "internet egress",
                 Usage{member->volume.bytes.v, UsageUnit::bytes},
                 average,
                 {},
                 member->flow},
                context.derive([&] {
                  return Derivation{"the month's tiered internet egress charge × bytes sent ÷ all bytes sent",
                                    {
                                        Factor{"the month's tiered charge (below)", quote.total, Dimension::money},
                                        member->volume.factor(),
                                        Factor{fmt::format("all bytes leaving {} {} to the internet that month",
                                                           cloud.sheet->provider, cloud.region->id),
                                               group.bytes.v, Dimension::bytes, member->volume.base},
                                    },
                                    {tiers},
                                    "",
                                    amount.v};
                }));
  }
}

}  // namespace

void price_transfers(StrategyContext& context) {
  std::map<int, std::map<std::string, TierGroup>> groups;  // month -> "provider/region" -> group
  for (const auto& transfer : context.transfers) {
    context.result.egress_bytes += transfer.volume.bytes.v;
    if (!transfer.to_site.empty()) context.result.site_transfer_bytes += transfer.volume.bytes.v;
    const auto& clouds = context.pricing(transfer.month).cloud;
    if (const auto cloud = clouds.find(transfer.from_site); cloud != clouds.end()) {
      bool tiered = false;
      const auto price = flat_price(context, cloud->second, transfer, tiered);
      if (tiered) {
        // Leaving (exit_transfers.cpp) is billed as a month's egress of its own: the tiers from
        // the first, as tco egress quotes a volume, whatever else the month sends.
        const bool leaving = transfer.cause.starts_with(kExitCause);
        const std::string account = cloud->second.sheet->provider + (leaving ? "/exit" : "");
        auto& group = groups[transfer.month]
                            [cloud->second.sheet->provider + "/" + cloud->second.region->id + (leaving ? "/exit" : "")];
        group.cloud = &cloud->second;
        group.account = account;
        group.bytes += transfer.volume.bytes;
        group.members.push_back(&transfer);
      } else if (price) {
        const Val amount = transfer.volume.bytes * price->value;
        Rate rate{price->value.v, Dimension::money_per_byte, ByteBase::none, std::nullopt, ""};
        if (price->price != nullptr)
          rate = context.rate(cloud->second.sheet, *price->price, Dimension::money_per_byte, price->value);
        context.add({transfer.month,
                     Component::egress,
                     transfer.cause,
                     transfer.from_site,
                     transfer.workload,
                     amount,
                     amount,
                     transfer.dataset,
                     price->offer,
                     Usage{transfer.volume.bytes.v, UsageUnit::bytes},
                     rate,
                     {},
                     transfer.flow},
                    context.derive([&] {
                      return Derivation{"bytes sent × price per byte",
                                        {transfer.volume.factor(), Factor::line_rate(price->name)},
                                        {},
                                        "",
                                        amount.v};
                    }));
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
    const Val price = context.in(*site->onprem.egress, [&] { return "sites." + site->name + ".egress"; },
                                 {Dimension::money_per_byte, 0, kNoLimit, PriceService::network});
    const Val amount = transfer.volume.bytes * price;
    context.add({transfer.month,
                 Component::egress,
                 transfer.cause,
                 transfer.from_site,
                 transfer.workload,
                 amount,
                 amount,
                 transfer.dataset,
                 "egress from the owned site",
                 Usage{transfer.volume.bytes.v, UsageUnit::bytes},
                 context.rate(nullptr, *site->onprem.egress, Dimension::money_per_byte, price),
                 {},
                 transfer.flow},
                context.derive([&] {
                  return Derivation{"bytes sent × price per byte leaving the owned site",
                                    {transfer.volume.factor(), Factor::line_rate("egress price")},
                                    {},
                                    "",
                                    amount.v};
                }));
  }
  for (auto& [month, by_region] : groups) {
    std::map<std::string, AccountPool> pools;  // by account, for this month
    grant_allowances(by_region, pools);
    for (const auto& [key, group] : by_region) price_tier_group(context, month, group);
  }
}

}  // namespace tco::engine
