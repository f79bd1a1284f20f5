// Resolving sites against the price catalog: each cloud site to its sheet and region, each
// on-prem site to its hardware and parameters.
#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/suggest.hpp"

namespace tco::engine {
namespace {

void note_sheet(SitePricing& pricing, const PriceSheet* sheet) {
  for (const auto* known : pricing.sheets) {
    if (known == sheet) return;
  }
  pricing.sheets.push_back(sheet);
}

}  // namespace

Result<SitePricing> resolve_sites(const Scenario& scenario, const SheetSelector& select) {
  SitePricing pricing;
  Diagnostics d;
  for (const auto& site : scenario.sites) {
    const std::string path = "sites." + site.name;
    if (site.kind == SiteKind::cloud) {
      auto sheet = select(site.cloud.provider);
      if (!sheet) {
        for (auto diagnostic : sheet.diagnostics().items()) {
          diagnostic.where = site.at("provider");
          diagnostic.key_path = path + ".provider";
          d.add(diagnostic);
        }
        continue;
      }
      const PriceSheet* s = sheet.value();
      const Region* region = s->find_region(site.cloud.region);
      if (region == nullptr) {
        d.error(site.at("region"), path + ".region",
                fmt::format("region '{}' is not in the {} price sheet ({}){}; its regions are {}", site.cloud.region,
                            s->id(), s->file, did_you_mean(site.cloud.region, keys_of(s->regions)),
                            quoted_list(keys_of(s->regions))));
        continue;
      }
      pricing.cloud[site.name] = CloudPricing{&site, s, region};
      note_sheet(pricing, s);
      continue;
    }
    const OnPremSite& onprem = site.onprem;
    OnPremPricing resolved;
    resolved.site = &site;
    auto catalog_sheet = select("onprem");
    if (catalog_sheet) resolved.catalog = catalog_sheet.value();
    if (onprem.inline_hardware) {
      resolved.hardware = *onprem.inline_hardware;
    } else if (resolved.catalog == nullptr) {
      d.error(site.where, path + ".hardware",
              "hardware '" + onprem.hardware_sku + "' needs the on-prem catalog, and none is in effect");
      continue;
    } else if (auto it = resolved.catalog->hardware.find(onprem.hardware_sku); it != resolved.catalog->hardware.end()) {
      resolved.hardware = it->second;
    } else {
      const auto skus = keys_of(resolved.catalog->hardware);
      d.error(site.at("hardware"), path + ".hardware",
              fmt::format("unknown hardware '{}'{}; the catalog {} has {}", onprem.hardware_sku,
                          did_you_mean(onprem.hardware_sku, skus), resolved.catalog->id(), quoted_list(skus)));
      continue;
    }
    const SiteDefaults* defaults = resolved.catalog ? &resolved.catalog->site_defaults : nullptr;
    auto pick = [&](const std::optional<Sourced>& own, const std::optional<Sourced> SiteDefaults::*fallback) {
      if (own) return own;
      return defaults ? defaults->*fallback : std::optional<Sourced>{};
    };
    resolved.electricity = pick(onprem.electricity, &SiteDefaults::electricity);
    resolved.pue = pick(onprem.pue, &SiteDefaults::pue);
    resolved.colocation = pick(onprem.colocation, &SiteDefaults::colocation);
    resolved.maintenance = pick(onprem.maintenance, &SiteDefaults::maintenance);
    resolved.depreciation_life = pick(onprem.depreciation_life, &SiteDefaults::depreciation_life);
    resolved.residual_value = pick(onprem.residual_value, &SiteDefaults::residual_value);
    resolved.staff_cost = pick(onprem.staff_cost, &SiteDefaults::staff_cost);
    resolved.staff_fte = onprem.staff_fte;
    const bool uses_catalog = !onprem.inline_hardware || !onprem.electricity || !onprem.pue || !onprem.colocation ||
                              !onprem.maintenance || !onprem.depreciation_life || !onprem.residual_value ||
                              (!onprem.staff_cost && onprem.staff_fte && onprem.staff_fte->value > 0);
    if (resolved.catalog && uses_catalog) {
      note_sheet(pricing, resolved.catalog);
    }
    pricing.onprem[site.name] = resolved;
  }
  if (d.has_errors()) return d;
  return pricing;
}

}  // namespace tco::engine
