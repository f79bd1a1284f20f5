// What a Cloud Billing Catalog SKU prices, read from its category and description, and its
// price from units and nanos. The Catalog names one thing many ways ("Spot Preemptible A3
// Instance Core", "Nvidia H100 80GB GPU attached to Spot Preemptible VMs", "Commitment v1: A3
// Cpu in Americas for 1 Year"), and prices things tco does not model next to those it does
// (DWS, Calendar Mode reservations, sole tenancy): those are reported, never taken as a price.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "price_import_gcp.hpp"

namespace tco::price_import {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// A description taken apart: "Commitment v1: Nvidia H100 80GB GPU running in Americas for 1
// Year" is the name "Nvidia H100 80GB GPU", the location "Americas", a commitment of 1 year.
struct Wording {
  std::string_view name;
  std::string_view location;
  bool commitment = false;
  int years = 0;
  bool spot = false;
};

Wording take_apart(std::string_view d) {
  Wording w;
  for (const std::string_view prefix : {"Commitment v1: ", "Commitment: "}) {
    if (starts_with(d, prefix)) {
      w.commitment = true;
      d.remove_prefix(prefix.size());
    }
  }
  for (const std::string_view prefix : {"Spot Preemptible ", "Preemptible "}) {
    if (starts_with(d, prefix)) {
      w.spot = true;
      d.remove_prefix(prefix.size());
    }
  }
  if (const auto at = d.rfind(" for "); w.commitment && at != std::string_view::npos) {
    const std::string_view term = d.substr(at + 5);
    std::from_chars(term.data(), term.data() + term.size(), w.years);
    d = d.substr(0, at);
  }
  if (const auto at = d.find(" attached to "); at != std::string_view::npos) {
    const std::string_view tail = d.substr(at);
    w.spot = w.spot || contains(tail, "Preemptible VMs");
    if (const auto in = tail.find(" running in "); in != std::string_view::npos) w.location = tail.substr(in + 12);
    d = d.substr(0, at);
  } else if (const auto running = d.find(" running in "); running != std::string_view::npos) {
    w.location = d.substr(running + 12);
    d = d.substr(0, running);
  } else {
    auto in = d.rfind(" in ");
    const auto in_capital = d.rfind(" In ");  // "Commitment v1: Local SSD In Americas"
    if (in == std::string_view::npos || (in_capital != std::string_view::npos && in_capital > in)) in = in_capital;
    if (in != std::string_view::npos) {
      w.location = d.substr(in + 4);
      d = d.substr(0, in);
    }
  }
  w.name = d;
  return w;
}

// Why a SKU of something tco prices is a price of another kind, or "".
std::string special(std::string_view d) {
  if (contains(d, "DWS")) return "a Dynamic Workload Scheduler (DWS) price, not an on-demand, spot or committed one";
  if (starts_with(d, "Reserved ") || contains(d, "Calendar Mode")) {
    return "a reservation (Calendar Mode) price, not an on-demand, spot or committed one";
  }
  if (contains(d, "Sole Tenancy")) return "a sole-tenancy price; tco prices VMs on shared hosts";
  if (contains(d, "Preview")) return "a preview price, which tco reads as missing";
  if (contains(d, "Premium for ")) return "a premium on top of another price, not a price of its own";
  if (contains(d, "Custom")) return "a custom machine's price; tco prices predefined machine types";
  return "";
}

// The pricing model of a SKU, by its usage type and its wording, which must agree; or why not.
std::string model_of(const GcpSku& sku, const Wording& w, PricingModel& model) {
  const std::string& usage = sku.usage_type;
  if (w.commitment) {
    const int years = usage == "Commit1Yr" ? 1 : usage == "Commit3Yr" ? 3 : 0;
    if (years == 0) {
      return fmt::format("its usage type '{}' is not Commit1Yr or Commit3Yr; tco takes 1- and 3-year commitments",
                         usage);
    }
    if (w.years != 0 && w.years != years) {
      return fmt::format("its usage type {} disagrees with its description ({} years)", usage, w.years);
    }
    model = years == 1 ? PricingModel::commit_1y : PricingModel::commit_3y;
    return "";
  }
  if (w.spot || usage == "Preemptible") {
    // Some spot SKUs are filed as OnDemand; their wording says what they are.
    if (usage != "OnDemand" && usage != "Preemptible") {
      return fmt::format("its description says spot but its usage type is '{}'", usage);
    }
    model = PricingModel::spot;
    return "";
  }
  if (usage == "OnDemand") {
    model = PricingModel::on_demand;
    return "";
  }
  return fmt::format("its usage type '{}' is not OnDemand, Preemptible, Commit1Yr or Commit3Yr", usage);
}

bool machine_uses(std::string_view accelerator) {
  const auto machines = gcp_machine_types();
  return std::any_of(machines.begin(), machines.end(),
                     [&](const GcpMachineType& m) { return m.accelerator == accelerator; });
}

// The vCPU and memory family a name mentions ("A3" in "Reserved A3 Core"), if tco prices it.
std::string_view family_in(std::string_view name) {
  for (std::size_t begin = 0; begin <= name.size();) {
    const std::size_t end = std::min(name.find(' ', begin), name.size());
    const std::string_view word = name.substr(begin, end - begin);
    for (const auto& machine : gcp_machine_types()) {
      if (!machine.family.empty() && machine.family == word) return machine.family;
    }
    begin = end + 1;
  }
  return {};
}

GcpReading with_model(const GcpSku& sku, const Wording& w, GcpItem item) {
  GcpReading out;
  if (std::string why = model_of(sku, w, item.model); !why.empty()) {
    out.skip = std::move(why);
    return out;
  }
  item.location = std::string(w.location);
  out.item = std::move(item);
  return out;
}

GcpReading skipped(std::string reason) { return {std::nullopt, std::move(reason)}; }

GcpReading read_gpu(const GcpSku& sku, const Wording& w) {
  if (std::string why = special(sku.description); !why.empty()) return skipped(std::move(why));
  const auto gpu = gcp_sku_gpu(w.name);
  if (!gpu) return skipped(fmt::format("its GPU, '{}', is not in tco's GPU map; nothing is priced for it", w.name));
  if (!gpu->identity.modelled) {
    return skipped(fmt::format("its GPU, {}, is not one of tco's GPU models", gpu->identity.gpu));
  }
  if (!machine_uses(gpu->accelerator)) return skipped("no machine type tco prices carries its GPU");
  return with_model(sku, w, {GcpPart::gpu, std::string(gpu->accelerator), PricingModel::on_demand, ""});
}

GcpReading read_host(const GcpSku& sku, const Wording& w) {
  const std::string_view family = family_in(w.name);
  const bool local_ssd = sku.resource_group == "LocalSSD" &&
                         (w.name == "SSD backed Local Storage" || (w.commitment && w.name == "Local SSD"));
  if (family.empty() && !local_ssd) return {};  // not a part of a machine tco prices
  if (std::string why = special(sku.description); !why.empty()) return skipped(std::move(why));
  if (local_ssd) return with_model(sku, w, {GcpPart::local_ssd, "", PricingModel::on_demand, ""});
  const std::string f(family);
  GcpPart part;
  if (w.name == f + " Instance Core" || (w.commitment && (w.name == f + " Cpu" || w.name == f + " Core"))) {
    part = GcpPart::core;
  } else if (w.name == f + " Instance Ram" || (w.commitment && w.name == f + " Ram")) {
    part = GcpPart::ram;
  } else {
    return skipped("its description is not one tco reads as the vCPU or memory price of a predefined machine");
  }
  const char* group = part == GcpPart::core ? "CPU" : "RAM";
  if (sku.resource_group != group) {
    return skipped(fmt::format("its resource group is '{}', not {}", sku.resource_group, group));
  }
  return with_model(sku, w, {part, f, PricingModel::on_demand, ""});
}

// "Network Internet Egress from Americas to EMEA", or in newer wording "Network Internet Data
// Transfer Out from Frankfurt to EMEA".
GcpReading read_egress(const GcpSku& sku, std::string_view route) {
  const auto to = route.rfind(" to ");
  if (to == std::string_view::npos) return skipped("its description names no destination");
  if (std::string why = special(sku.description); !why.empty()) return skipped(std::move(why));
  if (sku.usage_type != "OnDemand") {
    return skipped(fmt::format("its usage type is '{}', not OnDemand", sku.usage_type));
  }
  GcpReading out;
  out.item = GcpItem{GcpPart::egress, std::string(route.substr(to + 4)), PricingModel::on_demand,
                     std::string(route.substr(0, to))};
  return out;
}

// "Standard Storage Iowa", "Nearline Storage Iowa": a regional bucket's storage class.
GcpReading read_storage(const GcpSku& sku) {
  constexpr std::array<std::pair<std::string_view, StorageClass>, 4> kClasses{{
      {"Standard Storage ", StorageClass::standard},
      {"Nearline Storage ", StorageClass::infrequent},
      {"Coldline Storage ", StorageClass::cold},
      {"Archive Storage ", StorageClass::archive},
  }};
  const std::string_view d = sku.description;
  for (const auto& [prefix, storage_class] : kClasses) {
    if (!starts_with(d, prefix)) continue;
    // Multi- and dual-region buckets and early-deletion fees are not a region's class price.
    if (contains(d, "Multi-region") || contains(d, "Dual-region") || contains(d, "Early Delete")) return {};
    if (std::string why = special(d); !why.empty()) return skipped(std::move(why));
    if (sku.usage_type != "OnDemand") {
      return skipped(fmt::format("its usage type is '{}', not OnDemand", sku.usage_type));
    }
    GcpReading out;
    out.item = GcpItem{GcpPart::storage, to_string(storage_class), PricingModel::on_demand,
                       std::string(d.substr(prefix.size()))};
    return out;
  }
  return {};
}

// An int64 written as a string (units) or a number (nanos); empty is 0.
std::optional<std::int64_t> whole(std::string_view text) {
  if (text.empty()) return 0;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

GcpReading read_gcp_item(const GcpSku& sku) {
  if (sku.service == kGcpCloudStorage.id) return read_storage(sku);
  const std::string_view d = sku.description;
  for (const std::string_view prefix : {"Network Internet Egress from ", "Network Internet Data Transfer Out from "}) {
    if (starts_with(d, prefix)) return read_egress(sku, d.substr(prefix.size()));
  }
  const Wording w = take_apart(d);
  if (sku.resource_group == "GPU") return read_gpu(sku, w);
  return read_host(sku, w);
}

GcpTiers read_gcp_tiers(const GcpSku& sku) {
  GcpTiers out;
  if (sku.rates.empty()) {
    out.problem = "it has no price (no tieredRates)";
    return out;
  }
  for (const auto& rate : sku.rates) {
    if (!rate.currency.empty() && rate.currency != "USD") {
      return {{},
              fmt::format("its price is in {}; tco imports USD prices (fetch the pages without currencyCode)",
                          rate.currency)};
    }
    const auto units = whole(rate.units);
    const auto nanos = whole(rate.nanos);
    const auto start = rate.start.empty() ? std::optional<double>(0.0) : parse_price_text(rate.start);
    if (!units || !nanos || *units < 0 || *nanos < 0 || *nanos > 999'999'999) {
      return {{}, fmt::format("its price (units '{}', nanos '{}') is not a price", rate.units, rate.nanos)};
    }
    if (!start) return {{}, fmt::format("its tier start '{}' is not a number", rate.start)};
    // The decimal the SKU states, read as one number: units + nanos / 1e9 summed in binary
    // could differ from it in the last digit.
    out.tiers.push_back({*start, *parse_price_text(fmt::format("{}.{:09}", *units, *nanos))});
  }
  std::sort(out.tiers.begin(), out.tiers.end(), [](const GcpTier& a, const GcpTier& b) { return a.start < b.start; });
  if (out.tiers.front().start != 0) return {{}, "its tiers do not start at 0"};
  for (std::size_t i = 1; i < out.tiers.size(); ++i) {
    if (out.tiers[i].start == out.tiers[i - 1].start) return {{}, "two of its tiers start at the same amount"};
  }
  return out;
}

std::string_view gcp_region_group(std::string_view region) {
  for (const std::string_view prefix : {"us-", "northamerica-", "southamerica-"}) {
    if (starts_with(region, prefix)) return "Americas";
  }
  for (const std::string_view prefix : {"europe-", "me-", "africa-"}) {
    if (starts_with(region, prefix)) return "EMEA";
  }
  for (const std::string_view prefix : {"asia-", "australia-"}) {
    if (starts_with(region, prefix)) return "APAC";
  }
  return {};
}

}  // namespace tco::price_import
