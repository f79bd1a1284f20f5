// The kept SKUs as a sheet's regions: each machine type's price per pricing model, the sum of
// its components (tco-prices(5), IMPORTING); the internet egress ladder to the region's own
// group; the storage classes of a regional bucket. A machine missing a component in a region
// is not priced there, and says which.
#include <algorithm>

#include <fmt/format.h>

#include "price_import_gcp.hpp"
#include "tco/core/quantity.hpp"
#include "tco/core/text.hpp"

namespace tco::price_import {
namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

bool same_prices(const std::vector<GcpTier>& a, const std::vector<GcpTier>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const GcpTier& x, const GcpTier& y) { return x.start == y.start && x.price == y.price; });
}

// A part a machine needs, and how much of it.
struct Need {
  GcpPart part;
  std::string name;
  double quantity;
  std::string what;  // "its GPU (nvidia-h100-80gb)"
  bool own;          // no machine type with other GPUs needs it: its price says the machine is sold there
};

// Whether a vCPU and memory family is the family of `accelerator`'s machines only (A3Plus),
// not shared with machines of other GPUs (A2: A100 40GB and 80GB).
bool family_of_one_gpu(std::string_view family, std::string_view accelerator) {
  const auto machines = gcp_machine_types();
  return std::none_of(machines.begin(), machines.end(),
                      [&](const GcpMachineType& m) { return m.family == family && m.accelerator != accelerator; });
}

std::vector<Need> needs_of(const GcpMachineType& m) {
  std::vector<Need> needs{{GcpPart::gpu, std::string(m.accelerator), static_cast<double>(m.gpus),
                           fmt::format("its GPU ({})", m.accelerator), true}};
  if (!m.family.empty()) {
    const std::string family(m.family);
    const bool own = family_of_one_gpu(m.family, m.accelerator);
    needs.push_back({GcpPart::core, family, static_cast<double>(m.vcpus), fmt::format("its {} vCPUs", family), own});
    needs.push_back({GcpPart::ram, family, static_cast<double>(m.ram_gib), fmt::format("its {} memory", family), own});
  }
  if (m.local_ssd_gib > 0) {
    needs.push_back({GcpPart::local_ssd, "", m.local_ssd_gib / kHoursPerMonth, "its local SSD", false});
  }
  return needs;
}

// "8 x 9.796550569 per GPU + 208 vCPU x 0.02521 + 1872 GiB x 0.002253 + 6000 GiB local SSD
// x 0.08 / 730 h (SKUs A, B, C, D)", of the parts in the order needs_of gives them.
template <typename Part>
std::string combination(const GcpMachineType& m, const std::vector<const Part*>& parts) {
  const auto price = [&](std::size_t i) { return format_number(parts[i]->tiers.front().price); };
  if (m.family.empty()) {
    return fmt::format("{} x {} per GPU slice, which includes its share of the vCPUs and memory (SKU {})", m.gpus,
                       price(0), parts[0]->sku);
  }
  std::string out = fmt::format("{} x {} per GPU + {} vCPU x {} + {} GiB x {}", m.gpus, price(0), m.vcpus, price(1),
                                m.ram_gib, price(2));
  if (m.local_ssd_gib > 0) {
    out += fmt::format(" + {} GiB local SSD x {} / {} h", m.local_ssd_gib, price(3), format_number(kHoursPerMonth));
  }
  std::vector<std::string> skus;
  for (const auto* part : parts) skus.push_back(part->sku);
  return out + fmt::format(" (SKUs {})", join(skus, ", "));
}

std::string models_text(const std::vector<PricingModel>& models) {
  std::vector<std::string> names;
  for (const auto model : models) names.push_back(to_string(model));
  if (names.size() == 1) return names.front();
  const std::string last = names.back();
  names.pop_back();
  return join(names, ", ") + " or " + last;
}

}  // namespace

void GcpCollector::finish_machines(const std::string& region, RegionPrices& prices, Region& out) {
  // Machines a region cannot price, grouped by what they miss: one line for the A2 family.
  std::map<std::string, std::vector<std::string>> unpriced;
  std::map<std::string, SourceLocation> unpriced_where;
  for (const auto& machine : gcp_machine_types()) {
    const std::vector<Need> needs = needs_of(machine);
    GpuOffer offer;
    // What it lacks (two SKUs for a part, or none; the part), by the pricing models lacking it.
    std::map<std::pair<bool, std::string>, std::vector<PricingModel>> missing;
    SourceLocation where;
    for (const PricingModel model : kPricingModels) {
      std::vector<const Component*> found;
      std::vector<std::pair<bool, std::string>> lacking;
      bool own = false;  // a part of its own is priced: the machine is sold here on these terms
      for (const auto& need : needs) {
        const auto it = prices.components.find({need.part, need.name, model});
        if (it == prices.components.end()) {
          lacking.emplace_back(false, need.what);
          continue;
        }
        own = own || need.own;
        if (where.file.empty()) where = it->second.priced.where;
        if (it->second.ambiguous) {
          lacking.emplace_back(true, need.what);
          continue;
        }
        found.push_back(&it->second);
      }
      if (!own) continue;
      if (!lacking.empty()) {
        for (const auto& what : lacking) missing[what].push_back(model);
        continue;
      }
      double total = 0;
      std::vector<const Priced*> parts;
      for (std::size_t i = 0; i < needs.size(); ++i) {
        total += needs[i].quantity * found[i]->priced.tiers.front().price;
        parts.push_back(&found[i]->priced);
      }
      offer.hourly[model] = priced_value(total, parts, combination(machine, parts));
      offer.where = found[0]->priced.where;
    }
    if (!missing.empty()) {
      std::vector<std::string> parts;
      for (const auto& [what, models] : missing) {
        parts.push_back(what.first ? fmt::format("two SKUs give the {} price of {}", models_text(models), what.second)
                                   : fmt::format("no {} price of {}", models_text(models), what.second));
      }
      const std::string reason =
          join(parts, "; ") + (offer.hourly.empty() ? "; not priced there" : "; those pricing models are left out");
      unpriced[reason].push_back(std::string(machine.name));
      unpriced_where.emplace(reason, where);
    }
    if (offer.hourly.empty()) continue;
    offer.instance = std::string(machine.name);
    offer.gpu = std::string(gcp_accelerator_gpu(machine.accelerator)->gpu);
    offer.gpus = machine.gpus;
    out.gpu_offers.push_back(std::move(offer));
  }
  for (const auto& [reason, machines] : unpriced) {
    unpriced_.push_back({unpriced_where[reason], fmt::format("{} in {}", join(machines, ", "), region), reason});
  }
}

void GcpCollector::finish_egress(const std::string& region, const RegionPrices& prices, Region& out) {
  if (prices.egress.empty()) return;
  const std::string group(gcp_region_group(region));
  const std::string what = "internet egress from " + region;
  if (group.empty()) {
    unpriced_.push_back({prices.egress.front().where, what,
                         "tco does not know the region's group (Americas, EMEA or APAC), so not which ladder is its "
                         "own"});
    return;
  }
  // The ladder to the region's own group; the most specific SKU (fewest regions) wins.
  const Priced* chosen = nullptr;
  const Priced* rival = nullptr;
  for (const auto& e : prices.egress) {
    if (e.item.name != group) continue;
    if (chosen == nullptr || e.regions < chosen->regions) {
      chosen = &e;
      rival = nullptr;
    } else if (e.regions == chosen->regions && e.sku != chosen->sku && !same_prices(e.tiers, chosen->tiers)) {
      rival = &e;
    }
  }
  if (chosen == nullptr) {
    unpriced_.push_back({prices.egress.front().where, what,
                         fmt::format("no SKU prices it to {}, the ladder tco takes; not priced there", group)});
    return;
  }
  if (rival != nullptr) {
    unpriced_.push_back(
        {rival->where, what,
         fmt::format("SKUs {} and {} price it to {} differently; tco takes neither", chosen->sku, rival->sku, group)});
    return;
  }
  const auto& tiers = chosen->tiers;
  // A first tier priced 0 is the free allowance, the bottom of the first priced tier.
  const std::size_t first = tiers.size() > 1 && tiers[0].price == 0 ? 1 : 0;
  if (std::any_of(tiers.begin() + static_cast<long>(first), tiers.end(),
                  [](const GcpTier& t) { return t.price == 0; })) {
    unpriced_.push_back({chosen->where, what,
                         fmt::format("SKU {} prices a tier after the first at 0; tco takes no ladder", chosen->sku)});
    return;
  }
  TieredEgress egress;
  for (std::size_t i = first; i < tiers.size(); ++i) {
    EgressTier tier;
    if (i + 1 < tiers.size()) tier.up_to_bytes = tiers[i + 1].start * kGiB;
    tier.price = priced_value(tiers[i].price / kGiB, {chosen}, "");
    egress.tiers.push_back(std::move(tier));
  }
  std::set<std::string> others;  // destinations priced otherwise, left out of the one ladder
  for (const auto& e : prices.egress) {
    if (e.item.name != group && !same_prices(e.tiers, chosen->tiers)) others.insert(e.item.name);
  }
  std::string note = fmt::format("Premium Tier from {} to {} (SKU {}); ", chosen->item.location, group, chosen->sku);
  note += first == 1 ? fmt::format("the SKU prices the first {} GiB a month at 0", format_number(tiers[1].start))
                     : std::string("the SKU has no free tier");
  if (!others.empty()) {
    note += "; priced otherwise and not in this ladder: to " +
            join(std::vector<std::string>(others.begin(), others.end()), ", to ");
  }
  egress.free_bytes = priced_value(first == 1 ? tiers[1].start * kGiB : 0, {chosen}, note);
  out.network.internet_egress = std::move(egress);
}

void GcpCollector::finish_storage(const std::string& region, const RegionPrices& prices, Region& out) {
  for (const auto& [storage_class, candidates] : prices.storage) {
    const Priced* chosen = nullptr;
    const Priced* rival = nullptr;
    for (const auto& c : candidates) {
      if (chosen == nullptr || c.regions < chosen->regions) {
        chosen = &c;
        rival = nullptr;
      } else if (c.regions == chosen->regions && c.sku != chosen->sku && !same_prices(c.tiers, chosen->tiers)) {
        rival = &c;
      }
    }
    if (rival != nullptr) {
      unpriced_.push_back(
          {rival->where, fmt::format("{} storage in {}", to_string(storage_class), region),
           fmt::format("SKUs {} and {} price it differently; tco takes neither", chosen->sku, rival->sku)});
      continue;
    }
    // A sheet holds one price per class: the first priced tier; the note says the rest.
    const auto& tiers = chosen->tiers;
    const std::size_t first = tiers.size() > 1 && tiers[0].price == 0 ? 1 : 0;
    std::vector<std::string> notes;
    if (first == 1) notes.push_back(fmt::format("the first {} GiB a month at 0", format_number(tiers[1].start)));
    for (std::size_t i = first + 1; i < tiers.size(); ++i) {
      notes.push_back(
          fmt::format("{} USD/GiB-month from {} GiB", format_number(tiers[i].price), format_number(tiers[i].start)));
    }
    std::string note = fmt::format("SKU {}", chosen->sku);
    if (!notes.empty()) note += ": " + join(notes, "; then ");
    out.storage[storage_class] = priced_value(tiers[first].price / kGiB, {chosen}, note);
  }
}

}  // namespace tco::price_import
