// The on-prem catalog's sections of a price sheet: hardware SKUs and site defaults.
#include <fmt/format.h>

#include "hardware_reader.hpp"
#include "price_sheet_format.hpp"
#include "sheet_sections.hpp"
#include "tco/core/text.hpp"
#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/price_sheet.hpp"
#include "tco/inputs/uncertainty.hpp"

namespace tco {
namespace {

using References = SourceReferences;

// The key's value as its section declares it (sheet_format), recorded for the source check.
std::optional<Sourced> sourced(MapReader& reader, const char* key, const std::string& inherited, References& refs) {
  const Shape& shape = reader.shape_of(key);
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return std::nullopt;
  auto value = read_sourced(*node, reader.path(key), shape, inherited, reader.diagnostics());
  if (value) refs.emplace_back(reader.path(key), *value);
  return value;
}

void read_hardware(const YamlEntry& entry, const std::string& path, PriceSheet& sheet, Diagnostics& d,
                   References& refs) {
  MapReader reader(sheet_format::hardware_sku(), entry.value, path, d);
  if (!reader.valid()) return;
  const std::string source = read_source_default(reader, "");
  auto sku = read_hardware_sku(reader, [&](MapReader& r, const char* key) { return sourced(r, key, source, refs); });
  if (!sku) return;
  sku->id = entry.key;
  sku->where = entry.key_where;
  sheet.hardware.emplace(sku->id, std::move(*sku));
}

void read_defaults(const YamlNode& node, SiteDefaults& defaults, Diagnostics& d, References& refs) {
  MapReader reader(sheet_format::site_defaults(), node, "site_defaults", d);
  if (!reader.valid()) return;
  const std::string source = read_source_default(reader, "");
  defaults.pue = sourced(reader, "pue", source, refs);
  defaults.electricity = sourced(reader, "electricity", source, refs);
  defaults.colocation = sourced(reader, "colocation", source, refs);
  defaults.maintenance = sourced(reader, "maintenance", source, refs);
  defaults.depreciation_life = sourced(reader, "depreciation_life", source, refs);
  defaults.residual_value = sourced(reader, "residual_value", source, refs);
  defaults.staff_cost = sourced(reader, "staff_cost", source, refs);
  reader.finish();
  for (const auto& [share, key] :
       {std::pair{&defaults.maintenance, "maintenance"}, std::pair{&defaults.residual_value, "residual_value"}}) {
    if (*share && (*share)->value > 1.0) {
      d.error((*share)->where, std::string("site_defaults.") + key,
              fmt::format("expected at most 100 % of the purchase price, found '{} %'",
                          trim_trailing_zeros(fmt::format("{:.4f}", (*share)->value * 100))));
    }
  }
  if (defaults.pue && defaults.pue->value < 1.0) {
    d.error(defaults.pue->where, "site_defaults.pue",
            fmt::format("a PUE is 1.0 or more, found {}", defaults.pue->value));
  }
}

// A map of sourced values by name, with a `source` key for their default.
void read_by_region(MapReader& top, const char* key, const Section& declared, std::map<std::string, Sourced>& out,
                    References& refs) {
  const YamlNode* node = top.get(key);
  if (node == nullptr) return;
  MapReader reader(declared, *node, key, top.diagnostics());
  if (!reader.valid()) return;
  const std::string source = read_source_default(reader, "");
  for (const auto& entry : node->entries) {
    if (entry.key == "source") continue;
    if (auto value = sourced(reader, entry.key.c_str(), source, refs)) out.emplace(entry.key, *value);
  }
  reader.finish();
}

}  // namespace

std::optional<HardwareSku> read_hardware_sku(MapReader& reader, const HardwareValueReader& read_value) {
  Diagnostics& d = reader.diagnostics();
  HardwareSku sku;
  sku.name = read_text(reader, "name").value_or("");
  sku.gpu = read_enum(reader, "gpu").value_or("");
  sku.gpus = static_cast<int>(read_integer(reader, "gpus").value_or(0));
  sku.rack_units = static_cast<int>(read_integer(reader, "rack_units").value_or(0));
  auto price = read_value(reader, "price");
  auto max_kw = read_value(reader, "max_power");
  auto idle_kw = read_value(reader, "idle_power");
  reader.finish();
  if (!price || !max_kw || !idle_kw) return std::nullopt;
  // With distributions (a scenario's inline hardware), for every value each can take.
  if (highest(*idle_kw) > lowest(*max_kw)) {
    d.error(idle_kw->where, reader.path("idle_power"),
            idle_kw->uncertainty || max_kw->uncertainty
                ? "idle power must not exceed max power, whatever values their distributions take"
                : "idle power must not exceed max power");
  }
  sku.price = *price;
  sku.max_kw = *max_kw;
  sku.idle_kw = *idle_kw;
  return sku;
}

void read_onprem_sections(MapReader& top, PriceSheet& sheet, Diagnostics& d, References& refs) {
  if (const YamlNode* hardware = top.get("hardware")) {
    MapReader reader(sheet_format::hardware(), *hardware, "hardware", d);
    for (const auto& entry : hardware->entries) read_hardware(entry, reader.path(entry.key), sheet, d, refs);
  }
  if (const YamlNode* defaults = top.get("site_defaults")) read_defaults(*defaults, sheet.site_defaults, d, refs);
  read_by_region(top, "electricity_by_region", sheet_format::electricity_by_region(), sheet.electricity_by_region,
                 refs);
  read_by_region(top, "carbon_intensity", sheet_format::carbon_intensity(), sheet.carbon_intensity, refs);
  read_by_region(top, "pue_by_facility", sheet_format::pue_by_facility(), sheet.pue_by_facility, refs);
  for (const auto& [name, pue] : sheet.pue_by_facility) {
    if (pue.value < 1.0)
      d.error(pue.where, "pue_by_facility." + name, fmt::format("a PUE is 1.0 or more, found {}", pue.value));
  }
}

}  // namespace tco
