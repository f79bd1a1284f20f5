// The collected AWS prices as a sheet's regions: GPU offers, the internet egress ladder and
// its free allowance, inter-region prices as a default and its exceptions, storage, ingress.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "price_import_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::price_import {
namespace {

struct Step {
  double begin = 0;
  double end = 0;  // infinity for the last
  double price = 0;
  SourceLocation where;
};

std::optional<double> range_value(std::string_view text) {
  if (text == "Inf") return std::numeric_limits<double>::infinity();
  return parse_price_text(text);
}

// A ladder's steps in order, or nothing when they do not run from 0 to Inf without a gap.
std::optional<std::vector<Step>> ladder_steps(const std::vector<AwsPriceDimension>& dimensions) {
  std::vector<Step> steps;
  for (const auto& d : dimensions) {
    const auto begin = range_value(d.begin_range);
    const auto end = range_value(d.end_range);
    const auto price = parse_price_text(d.usd);
    if (!begin || !end || !price || d.unit != "GB" || *end <= *begin) return std::nullopt;
    steps.push_back({*begin, *end, *price, d.where});
  }
  std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.begin < b.begin; });
  if (steps.empty() || steps.front().begin != 0) return std::nullopt;
  for (std::size_t i = 1; i < steps.size(); ++i) {
    if (steps[i].begin != steps[i - 1].end) return std::nullopt;
  }
  return steps;
}

bool all_free(const std::vector<Step>& steps) {
  return std::all_of(steps.begin(), steps.end(), [](const Step& s) { return s.price == 0; });
}

}  // namespace

void AwsCollector::finish_egress(const std::string& region, Region& out) {
  const auto it = egress_.find(region);
  if (it == egress_.end()) return;
  // Several SKUs share the attributes of "internet egress from this region": the tiered price,
  // a free-tier SKU at 0 up to the allowance, sometimes more. Never take the cheapest: the
  // ladder is the one that runs to Inf and charges something; the allowance is the one that
  // is free and ends.
  const Ladder* ladder = nullptr;
  std::optional<std::vector<Step>> ladder_of;
  const Ladder* allowance = nullptr;
  double free_gb = 0;
  for (const auto& candidate : it->second) {
    const auto steps = ladder_steps(candidate.dimensions);
    const std::string what = fmt::format("internet egress from {} (SKU {})", region, candidate.sku);
    if (!steps) {
      skip(candidate.where, what, "its ranges do not run from 0 to Inf in GB without a gap");
      continue;
    }
    if (all_free(*steps) && std::isfinite(steps->back().end)) {
      allowance = &candidate;
      free_gb = steps->back().end;
    } else if (!all_free(*steps) && !std::isfinite(steps->back().end)) {
      if (ladder != nullptr) {
        skip(candidate.where, what,
             fmt::format("a second tiered price (after SKU {}); tco takes neither", ladder->sku));
        return;
      }
      ladder = &candidate;
      ladder_of = steps;
    } else {
      skip(candidate.where, what, "it is neither a tiered price nor a free allowance");
    }
  }
  if (ladder == nullptr) return;
  TieredEgress egress;
  const std::string source = ladder->source_id;
  for (const auto& step : *ladder_of) {
    EgressTier tier;
    if (std::isfinite(step.end)) tier.up_to_bytes = step.end * kGiB;
    tier.price.value = step.price / kGiB;
    tier.price.source = source;
    tier.price.where = step.where;
    tier.price.currency = "USD";
    egress.tiers.push_back(tier);
  }
  egress.free_bytes.source = source;
  egress.free_bytes.where = ladder->where;
  if (allowance != nullptr) {
    egress.free_bytes.value = free_gb * kGiB;
    egress.free_bytes.where = allowance->where;
    egress.free_bytes.note = fmt::format(
        "the global free tier (SKU {}): AWS counts it once per account a month, "
        "across all regions",
        allowance->sku);
    if (!global_free_) global_free_ = egress.free_bytes;
  } else {
    egress.free_bytes.note = "the file holds no free-tier SKU";
  }
  out.network.internet_egress = egress;
}

void AwsCollector::finish_inter_region(const std::string& region, Region& out) {
  const auto it = inter_region_.find(region);
  if (it == inter_region_.end() || it->second.empty()) return;
  // The price to most destinations is the default; the others are its exceptions.
  std::map<double, int> counts;
  for (const auto& [to, price] : it->second) ++counts[price.value];
  const auto mode =
      std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (const auto& [to, price] : it->second) {
    if (price.value == mode->first && !out.network.inter_region_default) {
      out.network.inter_region_default = price;
      out.network.inter_region_default->note =
          fmt::format("the price to {} of the {} destinations in the file", mode->second, it->second.size());
    }
    if (price.value != mode->first) out.network.inter_region_to[to] = price;
  }
}

void AwsCollector::finish() {
  // Savings Plans rates stand in for commitments no reserved instance prices.
  for (const auto& [key, rates] : plan_rates_) {
    const auto offer = offers_.find(key);
    if (offer == offers_.end()) {
      skip(rates.begin()->second.commitment.where, fmt::format("{} in {}", key.second, key.first),
           "a Savings Plans rate, but no AmazonEC2 file given prices this instance type in the region");
      continue;
    }
    for (const auto& [model, rate] : rates) {
      auto& commitments = offer->second.commitments;
      const auto existing = commitments.find(model);
      if (existing == commitments.end() || rate.commitment.rank < existing->second.rank) {
        commitments[model] = rate.commitment;
        commitments[model].source_id = rate.source_id;
      }
    }
  }
  for (auto& [key, offer] : offers_) {
    const auto& [region, instance] = key;
    if (offer.ambiguous) continue;
    if (!offer.on_demand && offer.commitments.empty()) {
      skip(offer.where, fmt::format("{} in {}", instance, region), "the files give it no price");
      continue;
    }
    GpuOffer out;
    out.instance = instance;
    out.gpu = offer.gpu;
    out.gpus = offer.gpus;
    out.where = offer.where;
    if (offer.on_demand) out.hourly[PricingModel::on_demand] = *offer.on_demand;
    for (const auto& [model, commitment] : offer.commitments) {
      Sourced price;
      price.value = commitment.hourly;
      price.source = commitment.source_id.empty() ? offer.source_id : commitment.source_id;
      price.where = commitment.where;
      price.note = commitment.note;
      price.currency = "USD";
      out.hourly[model] = price;
    }
    if (const auto rate = interruptions_.find(key); rate != interruptions_.end()) {
      out.interruption_every = rate->second;
      interruptions_.erase(rate);
    }
    out_.sheet.regions[region].gpu_offers.push_back(std::move(out));
  }
  // The Spot Advisor lists every region; its rates of instances no file prices are not
  // prices, and are counted in one line rather than one per instance.
  if (!interruptions_.empty()) {
    const auto& [key, first] = *interruptions_.begin();
    skip(first.where, fmt::format("Spot Advisor rates of {} GPU instance types and regions", interruptions_.size()),
         fmt::format("no AmazonEC2 file given prices them (the first: {} in {})", key.second, key.first));
  }
  for (auto& [region, classes] : storage_) out_.sheet.regions[region].storage = classes;
  for (auto& [region, price] : ingress_) out_.sheet.regions[region].network.ingress = price;
  for (const auto& [region, ladders] : egress_) finish_egress(region, out_.sheet.regions[region]);
  // AWS's free tier is global: the file may state it under one region, but it applies to the
  // internet egress of every region, counted once per account.
  for (auto& [id, region] : out_.sheet.regions) {
    auto& egress = region.network.internet_egress;
    if (global_free_ && egress && egress->free_bytes.value == 0) egress->free_bytes = *global_free_;
    if (global_free_ && egress) egress->free_scope = AllowanceScope::account;
  }
  for (const auto& [region, prices] : inter_region_) finish_inter_region(region, out_.sheet.regions[region]);
  for (auto& [id, region] : out_.sheet.regions) {
    region.id = id;
    const auto name = region_names_.find(id);
    if (name != region_names_.end() && region.name.empty()) region.name = name->second;
  }
}

}  // namespace tco::price_import
