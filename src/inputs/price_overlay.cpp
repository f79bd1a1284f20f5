// Overlays: reading an overlay's discounts and adjustments, and merging an overlay into a sheet.
#include "tco/inputs/price_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "price_sheet_format.hpp"
#include "sheet_sections.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

namespace tco {
namespace {

// How a change is written in each list: a discount's `off` is a share above 0 % and below
// 100 %; an adjustment's `change` is a signed share, its sign written out so that a raise is
// never a discount read the wrong way round.
struct ChangeList {
  const char* key;       // "discounts", "adjustments"
  const char* value;     // "off", "change"
  const char* expected;  // "a list of discounts"
  const Section& (*section)();
  bool discount;  // the value is a share taken off, not a signed change
};

const ChangeList kDiscounts{"discounts", "off", "a list of discounts", &sheet_format::discount, true};
const ChangeList kAdjustments{"adjustments", "change", "a list of adjustments", &sheet_format::adjustment, false};

// The signed change a discount's `off` or an adjustment's `change` makes; none, reported, when
// it would make no change or a price of zero or less.
std::optional<double> read_change(const ChangeList& list, const YamlNode& node, const std::string& path,
                                  const Shape& shape, Diagnostics& d) {
  auto q = read_quantity(node, path, shape, d);
  if (!q) return std::nullopt;
  if (list.discount) {
    if (q->value > 0 && q->value < 1) return -q->value;
    d.error(node.where, path, fmt::format("expected a discount above 0 % and below 100 %, found '{}'", node.scalar));
    return std::nullopt;
  }
  if (node.scalar.empty() || (node.scalar.front() != '+' && node.scalar.front() != '-')) {
    d.error(node.where, path,
            fmt::format("expected a signed change such as '+40 %' or '-20 %', found '{}'", node.scalar));
    return std::nullopt;
  }
  if (q->value <= -1) {
    d.error(
        node.where, path,
        fmt::format("expected a change above -100 %, found '{}': it would make the prices zero or less", node.scalar));
    return std::nullopt;
  }
  if (q->value == 0) {
    d.error(node.where, path, fmt::format("expected a change other than 0 %, found '{}'", node.scalar));
    return std::nullopt;
  }
  return q->value;
}

// Reads one discount or adjustment into `change`; false, reported, when it is not valid. Its
// source is read either way, so that a refused change still counts as citing it.
bool read_price_change(const ChangeList& list, const YamlNode& node, const std::string& path, Diagnostics& d,
                       OverlayChange& change) {
  MapReader reader(list.section(), node, path, d);
  if (!reader.valid()) return false;
  change.where = node.where;
  change.path = path;
  change.change.where = node.where;
  bool ok = true;
  if (const auto name = read_enum(reader, "service"))
    change.service = *parse_price_service(*name);
  else
    ok = false;
  if (const YamlNode* value = reader.get(list.value)) {
    if (auto signed_change = read_change(list, *value, reader.path(list.value), reader.shape_of(list.value), d)) {
      change.change.value = *signed_change;
      change.change.where = value->where;
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (auto regions = read_string_list(reader, "regions")) change.regions = *regions;
  if (const YamlNode* pricing = reader.get("pricing")) {
    const auto& allowed = reader.shape_of("pricing").allowed;
    const auto names = read_string_list(*pricing, reader.path("pricing"), d).value_or(std::vector<std::string>{});
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (auto model = parse_pricing_model(names[i]);
          model && std::find(allowed.begin(), allowed.end(), names[i]) != allowed.end()) {
        change.pricing.push_back(*model);
      } else {
        d.error(pricing->where, fmt::format("{}[{}]", reader.path("pricing"), i),
                fmt::format("expected one of {}, found '{}'{}", quoted_list(allowed), names[i],
                            did_you_mean(names[i], allowed)));
        ok = false;
      }
    }
  }
  change.change.source = read_source_default(reader, "");
  if (const YamlNode* note = reader.get("note"))
    change.change.note = read_string(*note, reader.path("note"), d).value_or("");
  reader.finish();
  return ok;
}

void read_change_list(const ChangeList& list, MapReader& top, PriceSheet& sheet, Diagnostics& d,
                      SourceReferences& refs) {
  const YamlNode* node = top.get(list.key);
  if (node == nullptr) return;
  if (sheet.kind != SheetKind::overlay) {
    d.error(node->where, list.key, fmt::format("{} belong in an overlay; add 'kind: overlay' to this file", list.key));
    return;
  }
  if (!node->is_sequence()) {
    d.error(node->where, list.key, fmt::format("expected {}, found {}", list.expected, describe(*node)));
    return;
  }
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    const std::string path = fmt::format("{}[{}]", list.key, i);
    OverlayChange change;
    const bool ok = read_price_change(list, node->items[i], path, d, change);
    if (ok || !change.change.source.empty()) refs.emplace_back(path, change.change);
    if (ok) sheet.price_changes.push_back(std::move(change));
  }
}

bool covers(PriceService selected, PriceService service) {
  return selected == PriceService::all || selected == service;
}

bool listed(const std::vector<std::string>& regions, const std::string& region) {
  return regions.empty() || std::find(regions.begin(), regions.end(), region) != regions.end();
}

void visit_network(Network& network, const std::function<void(Sourced&)>& visit) {
  if (network.ingress) visit(*network.ingress);
  if (network.internet_egress) {
    for (auto& tier : network.internet_egress->tiers) visit(tier.price);
  }
  if (network.inter_region_default) visit(*network.inter_region_default);
  for (auto& [to, price] : network.inter_region_to) visit(price);
  if (network.inter_zone) visit(*network.inter_zone);
  if (network.interconnect_egress) visit(*network.interconnect_egress);
}

void change_value(Sourced& value, const OverlayChange& change, const std::string& overlay_name) {
  if (value.value == 0) return;  // a free price stays free, whatever the percentage
  if (!value.list_value) value.list_value = value.value;
  value.value *= 1.0 + change.change.value;
  // "-20.0 % acme-edp", "+40.0 % renewal-2026"
  value.adjustments.push_back(fmt::format("{}{} {}", change.change.value < 0 ? "-" : "+",
                                          format_percent(std::abs(change.change.value)), overlay_name));
}

void check_change_regions(const PriceSheet& view, const OverlayChange& change, Diagnostics& d) {
  auto names = keys_of(view.regions);
  for (const auto& [region, price] : view.electricity_by_region) names.push_back(region);
  for (const auto& region : change.regions) {
    if (std::find(names.begin(), names.end(), region) != names.end()) continue;
    d.error(change.where, change.path + ".regions",
            fmt::format("unknown region '{}' in {}{}; its regions are {}", region, view.id(),
                        did_you_mean(region, names), quoted_list(names)));
  }
}

void merge_offer(Region& region, const GpuOffer& offer, Diagnostics& d, const std::string& path) {
  const auto existing = std::find_if(region.gpu_offers.begin(), region.gpu_offers.end(),
                                     [&](const GpuOffer& o) { return o.instance == offer.instance; });
  if (existing == region.gpu_offers.end()) {
    region.gpu_offers.push_back(offer);
    return;
  }
  if (existing->gpu != offer.gpu || existing->gpus != offer.gpus) {
    d.error(offer.where, path,
            fmt::format("the sheet below sells {} as {} x {}, the overlay says {} x {}; an overlay may change "
                        "prices, not the instance",
                        offer.instance, existing->gpus, existing->gpu, offer.gpus, offer.gpu));
    return;
  }
  for (const auto& [model, price] : offer.hourly) existing->hourly.insert_or_assign(model, price);
}

// An overlay's value, when it sets one, replaces the sheet's.
void take(std::optional<Sourced>& into, const std::optional<Sourced>& from) {
  if (from) into = from;
}

void merge_network(Network& into, const Network& from) {
  take(into.ingress, from.ingress);
  if (from.internet_egress) into.internet_egress = from.internet_egress;
  take(into.inter_region_default, from.inter_region_default);
  for (const auto& [to, price] : from.inter_region_to) into.inter_region_to.insert_or_assign(to, price);
  if (from.inter_zone) {
    into.inter_zone = from.inter_zone;
    into.inter_zone_both_directions = from.inter_zone_both_directions;
  }
  take(into.interconnect_egress, from.interconnect_egress);
  for (const auto& [port, price] : from.interconnect_ports) into.interconnect_ports.insert_or_assign(port, price);
}

void merge_region(PriceSheet& view, const std::string& id, const Region& from, Diagnostics& d) {
  const auto it = view.regions.find(id);
  if (it == view.regions.end()) {
    view.regions.emplace(id, from);
    return;
  }
  Region& into = it->second;
  for (const auto& offer : from.gpu_offers)
    merge_offer(into, offer, d, "regions." + id + ".gpu_instances." + offer.instance);
  for (const auto& [storage_class, price] : from.storage) into.storage.insert_or_assign(storage_class, price);
  merge_network(into.network, from.network);
}

void merge_onprem(PriceSheet& view, const PriceSheet& overlay) {
  for (const auto& [id, sku] : overlay.hardware) view.hardware.insert_or_assign(id, sku);
  SiteDefaults& into = view.site_defaults;
  const SiteDefaults& from = overlay.site_defaults;
  take(into.pue, from.pue);
  take(into.electricity, from.electricity);
  take(into.colocation, from.colocation);
  take(into.maintenance, from.maintenance);
  take(into.depreciation_life, from.depreciation_life);
  take(into.residual_value, from.residual_value);
  take(into.staff_cost, from.staff_cost);
  for (const auto& [k, v] : overlay.electricity_by_region) view.electricity_by_region.insert_or_assign(k, v);
  for (const auto& [k, v] : overlay.carbon_intensity) view.carbon_intensity.insert_or_assign(k, v);
  for (const auto& [k, v] : overlay.pue_by_facility) view.pue_by_facility.insert_or_assign(k, v);
  for (const auto& program : overlay.exit_programs) {
    auto& programs = view.exit_programs;
    programs.erase(
        std::remove_if(programs.begin(), programs.end(), [&](const ExitProgram& p) { return p.id == program.id; }),
        programs.end());
    programs.push_back(program);
  }
}

}  // namespace

void for_each_price(PriceSheet& sheet, PriceService service, const std::vector<std::string>& regions,
                    const std::vector<PricingModel>& pricing, const std::function<void(Sourced&)>& visit) {
  for (auto& [id, region] : sheet.regions) {
    if (!listed(regions, id)) continue;
    if (covers(service, PriceService::compute)) {
      for (auto& offer : region.gpu_offers) {
        for (auto& [model, price] : offer.hourly) {
          if (pricing.empty() || std::find(pricing.begin(), pricing.end(), model) != pricing.end()) visit(price);
        }
      }
    }
    if (covers(service, PriceService::storage)) {
      for (auto& [storage_class, price] : region.storage) visit(price);
    }
    if (covers(service, PriceService::network)) visit_network(region.network, visit);
    if (covers(service, PriceService::interconnect)) {
      for (auto& [port, price] : region.network.interconnect_ports) visit(price);
    }
  }
  if (covers(service, PriceService::hardware)) {
    for (auto& [id, sku] : sheet.hardware) visit(sku.price);
  }
  if (covers(service, PriceService::electricity)) {
    if (regions.empty() && sheet.site_defaults.electricity) visit(*sheet.site_defaults.electricity);
    for (auto& [region, price] : sheet.electricity_by_region) {
      if (listed(regions, region)) visit(price);
    }
  }
  if (covers(service, PriceService::colocation) && sheet.site_defaults.colocation)
    visit(*sheet.site_defaults.colocation);
}

void read_price_changes(MapReader& top, PriceSheet& sheet, Diagnostics& d, SourceReferences& refs) {
  read_change_list(kDiscounts, top, sheet, d, refs);
  read_change_list(kAdjustments, top, sheet, d, refs);
}

void apply_overlay(PriceSheet& view, const PriceSheet& overlay, Diagnostics& d) {
  const SourceLocation top{overlay.file, 0, 0};
  for (const auto& source : overlay.sources) {
    if (const PriceSource* clash = view.find_source(source.id)) {
      d.error(top, "sources",
              fmt::format("source id '{}' is also a source of {} ({}); give the overlay's source "
                          "another id",
                          source.id, view.id(), clash->file));
      continue;
    }
    view.sources.push_back(source);
  }
  if (!overlay.regions.empty() && overlay.billing_gb != view.billing_gb) {
    d.error(top, "billing_gb",
            fmt::format("{} bills a \"GB\" as {}; the overlay must say billing_gb: {} too", view.id(),
                        view.billing_gb == ByteBase::binary ? "GiB" : "GB",
                        view.billing_gb == ByteBase::binary ? "GiB" : "GB"));
  }
  for (const OverlayChange& change : overlay.price_changes) {
    check_change_regions(view, change, d);
    for_each_price(view, change.service, change.regions, change.pricing,
                   [&](Sourced& value) { change_value(value, change, overlay.name); });
  }
  for (const auto& [id, region] : overlay.regions) merge_region(view, id, region, d);
  for (std::size_t i = 0; i < overlay.exit_programs.size(); ++i)
    check_exit_program_regions(view, overlay.exit_programs[i], i, d);
  merge_onprem(view, overlay);
  view.overlays.push_back({overlay.name, overlay.file, overlay.content_hash, overlay.effective});
}

}  // namespace tco
