// What an imported sheet keeps from the provider's previous sheet. Price files hold list
// prices; they have no exit programs, no spot prices, and cover the regions the user
// downloaded. Without this, importing one region's file would drop every other region a
// scenario uses and every exit program from the provider's newest sheet.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "tco/inputs/price_import.hpp"

namespace tco {
namespace {

class Keeper {
 public:
  Keeper(PriceSheet& imported, const PriceSheet& previous) : imported_(imported), previous_(previous) {}

  // Copies `value` into `target` when the import has none, noting where it came from.
  void keep(std::optional<Sourced>& target, const std::optional<Sourced>& value, const std::string& what) {
    if (target || !value) return;
    target = noted(*value);
    count(what);
  }
  void keep(std::optional<Sourced>& target, const Sourced& value, const std::string& what) {
    keep(target, std::optional<Sourced>(value), what);
  }
  template <typename Key>
  void keep_all(std::map<Key, Sourced>& target, const std::map<Key, Sourced>& values, const std::string& what) {
    for (const auto& [key, value] : values) {
      if (target.count(key) == 0) {
        target[key] = noted(value);
        count(what);
      }
    }
  }

  Sourced noted(const Sourced& value) {
    Sourced out = value;
    const std::string from = fmt::format("kept from {}", previous_.id());
    out.note = out.note.empty() ? from : from + "; " + out.note;
    cite(out.source);
    return out;
  }

  void cite(const std::string& id) {
    if (id.empty() || imported_.find_source(id) != nullptr) return;
    if (const PriceSource* source = previous_.find_source(id)) imported_.sources.push_back(*source);
  }

  void keep_region(Region& region, const Region& old) {
    if (region.name.empty()) region.name = old.name;
    for (const auto& offer : old.gpu_offers) {
      auto it = std::find_if(region.gpu_offers.begin(), region.gpu_offers.end(),
                             [&](const GpuOffer& o) { return o.instance == offer.instance; });
      if (it == region.gpu_offers.end()) continue;  // the file lists what the region offers
      for (const auto& [model, price] : offer.hourly) {
        if (it->hourly.count(model) == 0) {
          it->hourly[model] = noted(price);
          count(to_string(model) + " prices of GPU instances");
        }
      }
      keep(it->interruption_every, offer.interruption_every, "spot interruption rates of GPU instances");
    }
    if (region.gpu_offers.empty() && !old.gpu_offers.empty()) {
      for (const auto& offer : old.gpu_offers) {
        GpuOffer copy = offer;
        for (auto& [model, price] : copy.hourly) price = noted(price);
        if (copy.interruption_every) copy.interruption_every = noted(*copy.interruption_every);
        region.gpu_offers.push_back(std::move(copy));
        count("GPU instances of regions no compute file covers");
      }
    }
    keep_all(region.storage, old.storage, "storage prices");
    Network& n = region.network;
    const Network& o = old.network;
    keep(n.ingress, o.ingress, "ingress prices");
    if (!n.internet_egress && o.internet_egress) {
      n.internet_egress = *o.internet_egress;
      n.internet_egress->free_bytes = noted(n.internet_egress->free_bytes);
      for (auto& tier : n.internet_egress->tiers) tier.price = noted(tier.price);
      count("internet egress ladders");
    }
    if (!n.inter_region_default && n.inter_region_to.empty()) {
      keep(n.inter_region_default, o.inter_region_default, "inter-region prices");
      keep_all(n.inter_region_to, o.inter_region_to, "inter-region prices");
    }
    if (!n.inter_zone && o.inter_zone) n.inter_zone_both_directions = o.inter_zone_both_directions;
    keep(n.inter_zone, o.inter_zone, "inter-zone prices");
    keep(n.interconnect_egress, o.interconnect_egress, "interconnect egress prices");
    keep_all(n.interconnect_ports, o.interconnect_ports, "interconnect port prices");
  }

  void keep_exit_programs() {
    for (ExitProgram program : previous_.exit_programs) {
      if (!program.regions.empty()) {
        std::erase_if(program.regions, [&](const std::string& r) { return imported_.regions.count(r) == 0; });
        if (program.regions.empty()) continue;
      }
      program.refund = noted(program.refund);
      if (program.window) program.window = noted(*program.window);
      imported_.exit_programs.push_back(std::move(program));
      count("exit programs");
    }
  }

  void run() {
    for (const auto& [id, old] : previous_.regions) {
      const bool known = imported_.regions.count(id) > 0;
      Region& region = imported_.regions[id];
      if (!known) {
        region.id = id;
        count("regions the files do not cover");
      }
      keep_region(region, old);
    }
    if (imported_.exit_programs.empty()) keep_exit_programs();
  }

  std::vector<std::string> summary() const {
    std::vector<std::string> lines;
    for (const auto& [what, n] : counts_) lines.push_back(fmt::format("{} {}", n, what));
    return lines;
  }

 private:
  void count(const std::string& what) { ++counts_[what]; }

  PriceSheet& imported_;
  const PriceSheet& previous_;
  std::map<std::string, int> counts_;
};

}  // namespace

std::vector<std::string> keep_from_previous(PriceSheet& imported, const PriceSheet& previous) {
  Keeper keeper(imported, previous);
  keeper.run();
  return keeper.summary();
}

}  // namespace tco
