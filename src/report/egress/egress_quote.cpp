#include "tco/report/egress_quote.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/model/egress.hpp"

namespace tco {
namespace {

EgressBand flat_band(const PriceSheet& sheet, const std::string& label, const Sourced& price, double bytes,
                     double unit_bytes, double multiplier) {
  EgressBand band;
  band.label = label;
  band.billed_units = bytes / unit_bytes;
  band.price_per_unit = price.value * unit_bytes * multiplier;
  band.cost = bytes * price.value * multiplier;
  band.source_id = price.source;
  band.source = sheet.find_source(price.source);
  return band;
}

}  // namespace

Result<EgressReport> make_egress_report(const PriceSheet& sheet, const Region& region, const EgressRoute& route,
                                        double bytes) {
  EgressReport report;
  const bool binary = sheet.billing_gb == ByteBase::binary;
  const double unit_bytes = bytes_per_gb(sheet.billing_gb);
  report.bytes = bytes;
  report.from = sheet.provider + ":" + region.id;
  report.sheet_id = sheet.label();
  report.sheet_file = sheet.file;
  report.sheet_sha256 = sheet.content_hash;
  report.billing_unit = gb_name(sheet.billing_gb);
  report.currency = sheet.currency;
  const Network& network = region.network;
  Diagnostics d;
  auto missing = [&](const std::string& what) {
    d.error(
        {}, "",
        fmt::format("no {} price in region {} of the {} price sheet ({})", what, region.id, sheet.id(), sheet.file));
    return d;
  };
  const bool same_provider = route.kind == EgressRoute::Kind::region && route.to_provider == sheet.provider;
  if (same_provider && route.to_region == region.id) {
    d.error({}, "",
            fmt::format("--to: {}:{} is the source region; use '--to zone' for another zone of it", route.to_provider,
                        route.to_region));
    return d;
  }
  if (route.kind == EgressRoute::Kind::zone) {
    report.to = "another zone of " + region.id;
    if (!network.inter_zone) return missing("inter_zone");
    const double multiplier = network.inter_zone_both_directions ? 2.0 : 1.0;
    report.bands.push_back(flat_band(sheet, multiplier > 1 ? "inter-zone (charged out and in)" : "inter-zone",
                                     *network.inter_zone, bytes, unit_bytes, multiplier));
  } else if (same_provider && route.to_region != region.id) {
    report.to = route.to_provider + ":" + route.to_region;
    const auto it = network.inter_region_to.find(route.to_region);
    const Sourced* price = it != network.inter_region_to.end() ? &it->second
                           : network.inter_region_default      ? &*network.inter_region_default
                                                               : nullptr;
    if (price == nullptr) return missing("inter_region (to " + route.to_region + ")");
    report.bands.push_back(flat_band(sheet, "inter-region to " + route.to_region, *price, bytes, unit_bytes, 1.0));
  } else {
    report.to = route.kind == EgressRoute::Kind::internet ? "internet" : route.to_provider + ":" + route.to_region;
    if (route.kind == EgressRoute::Kind::region)
      report.note = "another provider is reached over the internet: internet egress tiers apply";
    if (!network.internet_egress) return missing("internet_egress");
    // The quote is of one region's month alone; say when other regions' egress would share the allowance.
    if (network.internet_egress->free_scope == AllowanceScope::account &&
        network.internet_egress->free_bytes.value > 0) {
      if (!report.note.empty()) report.note += "; ";
      report.note +=
          "the free allowance is granted once a month per account: egress from the provider's other "
          "regions that month shares it";
    }
    const EgressQuote quote = quote_tiered_egress(*network.internet_egress, bytes);
    for (const auto& charge : quote.bands) {
      EgressBand band;
      band.billed_units = charge.billed_bytes / unit_bytes;
      band.price_per_unit = charge.price_per_byte * unit_bytes;
      band.cost = charge.cost;
      if (charge.price == nullptr) {
        band.label = "free allowance";
        band.source_id = network.internet_egress->free_bytes.source;
      } else {
        band.label =
            fmt::format("{} to {}", format_bytes(charge.from_bytes, binary), format_bytes(charge.to_bytes, binary));
        band.source_id = charge.price->source;
      }
      band.source = sheet.find_source(band.source_id);
      report.bands.push_back(band);
    }
  }
  for (const auto& band : report.bands) report.total += band.cost;
  return report;
}

}  // namespace tco
