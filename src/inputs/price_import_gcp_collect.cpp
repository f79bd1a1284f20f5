// The SKUs the Google Cloud importer keeps as the pages go by: each machine component, egress
// ladder and storage price by the regions it applies to. Nothing else is kept, so memory
// follows what tco prices, not the size of the Catalog (Compute Engine alone has tens of
// thousands of SKUs).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "price_import_gcp.hpp"

namespace tco::price_import {
namespace {

const char* unit_of(GcpPart part) {
  switch (part) {
    case GcpPart::gpu:
    case GcpPart::core:
      return "h";
    case GcpPart::ram:
      return "GiBy.h";
    case GcpPart::egress:
      return "GiBy";
    default:  // local SSD, storage
      return "GiBy.mo";
  }
}

bool is_component(GcpPart part) { return part != GcpPart::egress && part != GcpPart::storage; }

bool same_prices(const std::vector<GcpTier>& a, const std::vector<GcpTier>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const GcpTier& x, const GcpTier& y) { return x.start == y.start && x.price == y.price; });
}

bool is_group(std::string_view location) { return location == "Americas" || location == "EMEA" || location == "APAC"; }

}  // namespace

GcpPage& GcpCollector::begin_file(std::size_t index) {
  file_ = index;
  if (pages_.size() <= index) pages_.resize(index + 1);
  return pages_[index];
}

bool GcpCollector::wanted_region(const std::string& region) const {
  return options_.regions.empty() ||
         std::find(options_.regions.begin(), options_.regions.end(), region) != options_.regions.end();
}

void GcpCollector::skip(const SourceLocation& where, const GcpSku& sku, std::string reason) {
  out_.skipped.push_back({where, fmt::format("'{}' (SKU {})", sku.description, sku.id), std::move(reason)});
}

void GcpCollector::sku(const GcpSku& sku) {
  GcpPage& page = pages_[file_];
  page.newest = std::max(page.newest, sku.effective);
  const GcpReading reading = read_gcp_item(sku);
  if (!reading.item && reading.skip.empty()) return;
  // A SKU of regions not asked for is passed over, reported or not.
  const bool names_regions =
      std::any_of(sku.regions.begin(), sku.regions.end(), [](const std::string& r) { return r != "global"; });
  if (names_regions && std::none_of(sku.regions.begin(), sku.regions.end(),
                                    [&](const std::string& r) { return r != "global" && wanted_region(r); })) {
    return;
  }
  if (const auto [first, fresh] = seen_.emplace(sku.id, sku.where); !fresh) {
    return skip(sku.where, sku,
                fmt::format("it was read before, at {}:{}; the first is kept", first->second.file, first->second.line));
  }
  if (!reading.item) return skip(sku.where, sku, reading.skip);
  const GcpItem& item = *reading.item;
  if (sku.unit != unit_of(item.part)) {
    return skip(sku.where, sku, fmt::format("its usage unit is '{}', not {}", sku.unit, unit_of(item.part)));
  }
  GcpTiers tiers = read_gcp_tiers(sku);
  if (!tiers.problem.empty()) return skip(sku.where, sku, tiers.problem);
  if (is_component(item.part) && tiers.tiers.size() != 1) {
    return skip(sku.where, sku, fmt::format("it has {} tiers; a machine's part has one price", tiers.tiers.size()));
  }
  if (std::all_of(tiers.tiers.begin(), tiers.tiers.end(), [](const GcpTier& t) { return t.price == 0; })) {
    return skip(sku.where, sku, "its price is 0, which tco reads as missing");
  }
  Priced priced{item,      std::move(tiers.tiers), sku.id, sku.description, sku.regions.size(), file_,
                sku.where, sku.effective};
  if (!names_regions) {
    // An egress SKU may name its region group only; it applies to that group's regions.
    if (item.part == GcpPart::egress && is_group(item.location)) {
      group_egress_.push_back(std::move(priced));
      return;
    }
    return skip(sku.where, sku, "it names no region (serviceRegions and geoTaxonomy.regions are empty)");
  }
  for (const auto& region : sku.regions) {
    if (region == "global" || !wanted_region(region)) continue;
    if (sku.regions.size() == 1 && !item.location.empty() && !is_group(item.location)) {
      region_names_.emplace(region, item.location);
    }
    RegionPrices& prices = regions_[region];
    if (is_component(item.part)) {
      keep_component(region, priced);
    } else if (item.part == GcpPart::egress) {
      prices.egress.push_back(priced);
    } else {
      prices.storage[*parse_storage_class(item.name)].push_back(priced);
    }
  }
}

void GcpCollector::keep_component(const std::string& region, const Priced& priced) {
  auto& components = regions_[region].components;
  const ComponentKey key{priced.item.part, priced.item.name, priced.item.model};
  const auto [it, fresh] = components.emplace(key, Component{priced});
  if (fresh) return;
  Component& held = it->second;
  // Of two SKUs for the same part, the one listing fewer regions is the more specific.
  if (priced.regions < held.priced.regions) {
    held = Component{priced};
    return;
  }
  if (priced.regions > held.priced.regions || same_prices(priced.tiers, held.priced.tiers)) return;
  held.ambiguous = true;
  if (conflicts_.emplace(held.priced.sku, priced.sku).second) {
    out_.skipped.push_back({priced.where, fmt::format("'{}' (SKU {})", priced.description, priced.sku),
                            fmt::format("SKU {} ('{}') prices the same part in {} differently; tco takes neither",
                                        held.priced.sku, held.priced.description, region)});
  }
}

Sourced GcpCollector::priced_value(double value, const std::vector<const Priced*>& parts, std::string note) {
  std::set<std::size_t> files;
  for (const Priced* part : parts) {
    GcpPage& page = pages_[part->file];
    page.newest_taken = std::max(page.newest_taken, part->effective);
    if (files.insert(part->file).second) ++page.prices;
  }
  Sourced out;
  out.value = value;
  out.source = out_.files[parts.front()->file].source_id;
  out.where = parts.front()->where;
  out.note = std::move(note);
  out.currency = "USD";
  return out;
}

void GcpCollector::finish() {
  // Egress SKUs that name only their region group apply to the group's regions the import
  // has other prices for, and to the regions asked for.
  for (const auto& region : options_.regions) regions_[region];
  for (const auto& priced : group_egress_) {
    for (auto& [region, prices] : regions_) {
      if (gcp_region_group(region) == priced.item.location) prices.egress.push_back(priced);
    }
  }
  for (auto& [region, prices] : regions_) {
    Region out;
    out.id = region;
    finish_machines(region, prices, out);
    finish_egress(region, prices, out);
    finish_storage(region, prices, out);
    if (out.gpu_offers.empty() && out.storage.empty() && !out.network.internet_egress) continue;
    if (const auto name = region_names_.find(region); name != region_names_.end()) out.name = name->second;
    out_.sheet.regions[region] = std::move(out);
  }
  out_.skipped.insert(out_.skipped.end(), unpriced_.begin(), unpriced_.end());
}

}  // namespace tco::price_import
