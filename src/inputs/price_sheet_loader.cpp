// Reads a price sheet (tco-prices(5)) field by field into a PriceSheet.
#include "tco/inputs/price_sheet_loader.hpp"

#include <fmt/format.h>

#include "price_sheet_format.hpp"
#include "sheet_sections.hpp"
#include "tco/core/sha256.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/inputs/field_reader.hpp"

namespace tco {
namespace {

// State shared while one sheet is read: its diagnostics, its byte base, and every source
// reference seen, checked against the declared sources at the end.
struct SheetReader {
  Diagnostics& d;
  ByteBase billing_gb = ByteBase::binary;
  struct Reference {
    std::string source;
    SourceLocation where;
    std::string path;
  };
  std::vector<Reference> references;

  std::optional<Sourced> value(const YamlNode& node, const std::string& path, const Shape& shape,
                               const std::string& inherited) {
    auto sourced = read_sourced(node, path, shape, inherited, d);
    if (!sourced) return std::nullopt;
    references.push_back({sourced->source, sourced->where, path});
    check_byte_base(*sourced, path);
    return sourced;
  }

  void check_byte_base(const Sourced& sourced, const std::string& path) {
    if (sourced.byte_base == ByteBase::none || sourced.byte_base == billing_gb) return;
    const bool binary = billing_gb == ByteBase::binary;
    d.error(sourced.where, path,
            fmt::format("this provider bills a \"GB\" as {} (billing_gb: {}); write sizes and prices in {} units "
                        "({}), found a {} unit",
                        binary ? "2^30 bytes" : "10^9 bytes", binary ? "GiB" : "GB", binary ? "binary" : "decimal",
                        binary ? "GiB, TiB" : "GB, TB", binary ? "decimal" : "binary"));
  }
};

std::optional<PriceSource> read_source(const YamlNode& node, const std::string& path, Diagnostics& d) {
  MapReader reader(sheet_format::source(), node, path, d);
  PriceSource source;
  bool complete = reader.valid();
  complete = read_text_field(reader, "id", source.id) && complete;
  complete = read_text_field(reader, "title", source.title) && complete;
  complete = read_text_field(reader, "url", source.url) && complete;
  complete = read_text_field(reader, "note", source.note) && complete;
  if (const YamlNode* retrieved = reader.get("retrieved")) {
    if (auto day = read_date(*retrieved, reader.path("retrieved"), d))
      source.retrieved = *day;
    else
      complete = false;
  } else {
    complete = false;
  }
  if (auto value = read_enum(reader, "confidence")) {
    source.confidence = *value == "primary" ? Confidence::primary : Confidence::secondhand;
  } else {
    complete = false;
  }
  reader.finish();
  if (!complete) return std::nullopt;
  return source;
}

void read_gpu_offer(SheetReader& sheet, const YamlEntry& entry, const std::string& path, const std::string& inherited,
                    Region& region) {
  MapReader reader(sheet_format::gpu_offer(), entry.value, path, sheet.d);
  if (!reader.valid()) return;
  GpuOffer offer;
  offer.instance = entry.key;
  offer.where = entry.key_where;
  offer.gpu = read_enum(reader, "gpu").value_or("");
  offer.gpus = static_cast<int>(read_integer(reader, "gpus").value_or(0));
  const std::string source = read_source_default(reader, inherited);
  bool priced = false;
  for (PricingModel model : kPricingModels) {
    const std::string key = to_string(model);
    if (const YamlNode* price = reader.get(key)) {
      priced = true;
      if (auto value = sheet.value(*price, reader.path(key), reader.shape_of(key), source)) {
        offer.hourly.emplace(model, *value);
      }
    }
  }
  if (const YamlNode* every = reader.get("interruption_every")) {
    const std::string every_path = reader.path("interruption_every");
    offer.interruption_every = sheet.value(*every, every_path, reader.shape_of("interruption_every"), source);
    if (offer.interruption_every && !(offer.interruption_every->value > 0)) {
      sheet.d.error(offer.interruption_every->where, every_path, "expected a duration above zero");
      offer.interruption_every.reset();
    }
  }
  reader.finish();
  if (!priced) {
    sheet.d.error(entry.key_where, path, "an offer needs at least one price: " + quoted_list(pricing_model_names()));
  }
  region.gpu_offers.push_back(std::move(offer));
}

std::optional<TieredEgress> read_tiers(SheetReader& sheet, const YamlNode& node, const std::string& path,
                                       const std::string& inherited) {
  MapReader reader(sheet_format::internet_egress(), node, path, sheet.d);
  if (!reader.valid()) return std::nullopt;
  const std::string source = read_source_default(reader, inherited);
  TieredEgress out;
  bool ok = true;
  if (const YamlNode* free = reader.get("free")) {
    if (auto value = sheet.value(*free, reader.path("free"), reader.shape_of("free"), source))
      out.free_bytes = *value;
    else
      ok = false;
    // Its mapping declares scope too, read here from the same mapping.
    if (const YamlNode* scope = free->is_mapping() ? free->find("scope") : nullptr) {
      const auto name = read_enum(*scope, join_path(reader.path("free"), "scope"), {"region", "account"}, sheet.d);
      if (name == "account") out.free_scope = AllowanceScope::account;
      ok = ok && name.has_value();
    }
  } else {
    ok = false;
  }
  const YamlNode* tiers = reader.get("tiers");
  reader.finish();
  if (tiers == nullptr) return std::nullopt;
  if (!tiers->is_sequence() || tiers->items.empty()) {
    sheet.d.error(tiers->where, reader.path("tiers"),
                  fmt::format("expected a list of tiers, found {}", describe(*tiers)));
    return std::nullopt;
  }
  double previous_bound = 0;
  for (std::size_t i = 0; i < tiers->items.size(); ++i) {
    const std::string tier_path = fmt::format("{}[{}]", reader.path("tiers"), i);
    MapReader tier_reader(sheet_format::tier(), tiers->items[i], tier_path, sheet.d);
    if (!tier_reader.valid()) {
      ok = false;
      continue;
    }
    const std::string tier_source = read_source_default(tier_reader, source);
    EgressTier tier;
    const bool last = i + 1 == tiers->items.size();
    if (const YamlNode* bound = tier_reader.get("up_to")) {
      if (last) {
        sheet.d.error(bound->where, tier_reader.path("up_to"),
                      "the last tier must have no 'up_to': it covers everything above");
        ok = false;
      } else if (auto value =
                     sheet.value(*bound, tier_reader.path("up_to"), tier_reader.shape_of("up_to"), tier_source)) {
        if (i > 0 && value->value <= previous_bound) {
          sheet.d.error(value->where, tier_reader.path("up_to"),
                        fmt::format("tier bounds must increase from one tier to the next, found '{}' after {}",
                                    bound->scalar, format_bytes(previous_bound, value->byte_base == ByteBase::binary)));
          ok = false;
        } else if (i == 0 && value->value <= out.free_bytes.value) {
          // The allowance is billed before the tiers: a first tier inside it would never apply.
          sheet.d.error(value->where, tier_reader.path("up_to"),
                        fmt::format("the first tier ends at '{}', within the free allowance ({}): tiers must begin "
                                    "above it",
                                    bound->scalar,
                                    format_bytes(out.free_bytes.value, out.free_bytes.byte_base == ByteBase::binary)));
          ok = false;
        }
        previous_bound = value->value;
        tier.up_to_bytes = value->value;
      } else {
        ok = false;
      }
    } else if (!last) {
      sheet.d.error(tiers->items[i].where, tier_path, "missing required key 'up_to' (only the last tier is unbounded)");
      ok = false;
    }
    if (const YamlNode* price = tier_reader.get("price")) {
      // The tier's price is read like any sourced value; its mapping is the tier itself.
      auto value = sheet.value(*price, tier_reader.path("price"), tier_reader.shape_of("price"), tier_source);
      if (value)
        tier.price = *value;
      else
        ok = false;
    } else {
      ok = false;
    }
    tier_reader.get("note");
    tier_reader.finish();
    out.tiers.push_back(tier);
  }
  if (!ok) return std::nullopt;
  return out;
}

void read_network(SheetReader& sheet, const YamlNode& node, const std::string& path, const std::string& inherited,
                  Network& network) {
  MapReader reader(sheet_format::network(), node, path, sheet.d);
  if (!reader.valid()) return;
  const std::string source = read_source_default(reader, inherited);
  auto per_byte = [&](const char* key) -> std::optional<Sourced> {
    const YamlNode* value = reader.get(key);
    return value ? sheet.value(*value, reader.path(key), reader.shape_of(key), source) : std::nullopt;
  };
  network.ingress = per_byte("ingress");
  if (const YamlNode* internet = reader.get("internet_egress")) {
    network.internet_egress = read_tiers(sheet, *internet, reader.path("internet_egress"), source);
  }
  if (const YamlNode* inter_region = reader.get("inter_region")) {
    MapReader sub(sheet_format::inter_region(), *inter_region, reader.path("inter_region"), sheet.d);
    const std::string sub_source = read_source_default(sub, source);
    if (const YamlNode* fallback = sub.get("default")) {
      network.inter_region_default = sheet.value(*fallback, sub.path("default"), sub.shape_of("default"), sub_source);
    }
    if (const YamlNode* to = sub.get("to")) {
      MapReader targets(sheet_format::inter_region_to(), *to, sub.path("to"), sheet.d);
      for (const auto& entry : to->entries) {
        if (auto value = sheet.value(entry.value, targets.path(entry.key), targets.shape_of(entry.key), sub_source)) {
          network.inter_region_to.emplace(entry.key, *value);
        }
      }
    }
    sub.finish();
  }
  if (const YamlNode* zone = reader.get("inter_zone")) {
    // Its mapping declares both_directions too, read here from the same mapping.
    network.inter_zone = sheet.value(*zone, reader.path("inter_zone"), reader.shape_of("inter_zone"), source);
    if (zone->is_mapping()) {
      if (const YamlNode* both = zone->find("both_directions")) {
        network.inter_zone_both_directions =
            read_bool(*both, join_path(reader.path("inter_zone"), "both_directions"), sheet.d).value_or(false);
      }
    }
  }
  network.interconnect_egress = per_byte("interconnect_egress");
  if (const YamlNode* ports = reader.get("interconnect_ports")) {
    MapReader port_reader(sheet_format::interconnect_ports(), *ports, reader.path("interconnect_ports"), sheet.d);
    const std::string port_source = read_source_default(port_reader, source);
    for (const auto& entry : ports->entries) {
      if (entry.key == "source") continue;
      if (auto value =
              sheet.value(entry.value, port_reader.path(entry.key), port_reader.shape_of(entry.key), port_source)) {
        network.interconnect_ports.emplace(entry.key, *value);
      }
    }
  }
  reader.finish();
}

void read_region(SheetReader& sheet, const YamlEntry& entry, const std::string& path, Region& region) {
  MapReader reader(sheet_format::region(), entry.value, path, sheet.d);
  if (!reader.valid()) return;
  region.id = entry.key;
  if (const YamlNode* name = reader.get("name"))
    region.name = read_string(*name, reader.path("name"), sheet.d).value_or("");
  const std::string source = read_source_default(reader, "");
  if (const YamlNode* offers = reader.get("gpu_instances")) {
    MapReader offer_reader(sheet_format::gpu_instances(), *offers, reader.path("gpu_instances"), sheet.d);
    for (const auto& offer : offers->entries)
      read_gpu_offer(sheet, offer, offer_reader.path(offer.key), source, region);
  }
  if (const YamlNode* storage = reader.get("storage")) {
    MapReader storage_reader(sheet_format::storage(), *storage, reader.path("storage"), sheet.d);
    const std::string storage_source = read_source_default(storage_reader, source);
    for (const std::string& name : storage_class_names()) {
      if (const YamlNode* price = storage_reader.get(name)) {
        if (auto value =
                sheet.value(*price, storage_reader.path(name), storage_reader.shape_of(name), storage_source)) {
          region.storage.emplace(*parse_storage_class(name), *value);
        }
      }
    }
    storage_reader.finish();
  }
  if (const YamlNode* network = reader.get("network"))
    read_network(sheet, *network, reader.path("network"), source, region.network);
  reader.finish();
}

}  // namespace

Result<PriceSheet> load_price_sheet(std::string_view text, const std::string& file) {
  auto parsed = parse_yaml(text, file);
  if (!parsed) return parsed.diagnostics();
  Diagnostics d = parsed.diagnostics();
  PriceSheet sheet;
  sheet.file = file;
  sheet.content_hash = sha256_hex(text);
  MapReader top(sheet_format::top(), parsed.value(), "", d);
  if (!top.valid()) return d;

  read_integer(top, "schema_version");
  if (read_enum(top, "kind") == "overlay") sheet.kind = SheetKind::overlay;
  sheet.provider = read_text(top, "provider").value_or("");
  sheet.name = read_text(top, "name").value_or("");
  if (const YamlNode* effective = top.get("effective_date")) {
    if (auto day = read_date(*effective, "effective_date", d)) sheet.effective = *day;
  }
  if (auto currency = read_enum(top, "currency")) sheet.currency = *currency;
  SheetReader reader{d, ByteBase::binary, {}};
  // Required with regions: the declaration reports it missing.
  if (auto value = read_enum(top, "billing_gb")) {
    sheet.billing_gb = *value == "GiB" ? ByteBase::binary : ByteBase::decimal;
  }
  reader.billing_gb = sheet.billing_gb;
  if (const YamlNode* sources = top.get("sources")) {
    if (!sources->is_sequence()) {
      d.error(sources->where, "sources", fmt::format("expected a list of sources, found {}", describe(*sources)));
    } else {
      for (std::size_t i = 0; i < sources->items.size(); ++i) {
        if (auto source = read_source(sources->items[i], fmt::format("sources[{}]", i), d)) {
          source->file = file;
          if (sheet.find_source(source->id) != nullptr) {
            d.error(sources->items[i].where, fmt::format("sources[{}].id", i),
                    "duplicate source id '" + source->id + "'");
          }
          sheet.sources.push_back(*source);
        }
      }
    }
  }
  if (const YamlNode* regions = top.get("regions")) {
    MapReader region_reader(sheet_format::regions(), *regions, "regions", d);
    for (const auto& entry : regions->entries) {
      Region region;
      read_region(reader, entry, region_reader.path(entry.key), region);
      sheet.regions.emplace(entry.key, std::move(region));
    }
  }
  SourceReferences section_refs;
  read_onprem_sections(top, sheet, d, section_refs);
  read_price_changes(top, sheet, d, section_refs);
  read_exit_programs(top, sheet, d, section_refs);
  for (auto& [path, sourced] : section_refs) reader.references.push_back({sourced.source, sourced.where, path});
  top.finish();

  // Every price names a declared source; every declared source is used.
  std::vector<std::string> ids;
  for (const auto& source : sheet.sources) ids.push_back(source.id);
  std::vector<bool> used(sheet.sources.size(), false);
  for (const auto& ref : reader.references) {
    if (ref.source.empty()) {
      d.error(ref.where, ref.path, "this value names no source; add 'source: ID' here or on an enclosing mapping");
      continue;
    }
    bool found = false;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == ref.source) used[i] = found = true;
    }
    if (!found) {
      d.error(ref.where, ref.path, fmt::format("unknown source '{}'{}", ref.source, did_you_mean(ref.source, ids)));
    }
  }
  for (std::size_t i = 0; i < used.size(); ++i) {
    if (!used[i])
      d.warning({file, 0, 0}, fmt::format("sources[{}]", i), "source '" + ids[i] + "' is not used by any price");
  }
  if (d.has_errors()) return d;
  return {std::move(sheet), std::move(d)};
}

}  // namespace tco
