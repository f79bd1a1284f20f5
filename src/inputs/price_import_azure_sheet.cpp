// The Azure rows kept, as a sheet's regions: a GPU offer per VM size and region (on-demand,
// spot, and a 1y and 3y commitment: the reservation, or the savings plan when the pages give
// no reservation), and the internet egress ladder from the tiers' minimums.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "price_import_azure.hpp"
#include "tco/core/text.hpp"

namespace tco::price_import {
namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;  // Azure's billing "GB" (see import_azure)

}  // namespace

bool AzureCollector::ByRank::operator()(const Candidate& a, const Candidate& b) const {
  return std::tie((*rank)[a.page], a.where.line) < std::tie((*rank)[b.page], b.where.line);
}

std::optional<AzureCollector::Candidate> AzureCollector::resolve(const std::vector<Candidate>& candidates,
                                                                 const std::string& what, const std::string& unit) {
  if (candidates.empty()) return std::nullopt;
  const auto first = std::min_element(candidates.begin(), candidates.end(), by_rank_);
  for (const auto& other : candidates) {
    if (other.value == first->value) continue;
    const auto [low, high] = std::minmax(first->value, other.value);
    skip(first->page, first->where, what,
         fmt::format("two rows give it differently ({} and {} {}, the other at {}:{}); tco takes neither",
                     format_number(low), format_number(high), unit, other.where.file, other.where.line));
    return std::nullopt;
  }
  return *first;
}

Sourced AzureCollector::sourced(const Candidate& candidate, double value) {
  cited_.insert(candidate.page);
  Sourced out;
  out.value = value;
  out.source = fmt::format("#{}", candidate.page);
  out.where = candidate.where;
  out.note = candidate.note;
  out.currency = "USD";
  return out;
}

void AzureCollector::taken(const Candidate& candidate) {
  if (candidate.since && (!newest_ || *candidate.since > *newest_)) newest_ = candidate.since;
}

void AzureCollector::finish_vm(const std::string& region, const std::string& sku, const Vm& vm) {
  GpuOffer offer;
  offer.instance = sku;
  offer.gpu = vm.gpu;
  offer.gpus = vm.gpus;
  offer.where = vm.where;
  const auto price = [&](Kind kind, const std::string& what) -> std::optional<Candidate> {
    const auto it = vm.prices.find(kind);
    if (it == vm.prices.end()) return std::nullopt;
    return resolve(it->second, fmt::format("{} in {}, {}", sku, region, what), "USD/h");
  };
  const auto take = [&](PricingModel model, const Candidate& candidate) {
    offer.hourly[model] = sourced(candidate, candidate.value);
    taken(candidate);
  };
  if (const auto on_demand = price(Kind::on_demand, "pay-as-you-go")) take(PricingModel::on_demand, *on_demand);
  if (const auto spot = price(Kind::spot, "spot")) take(PricingModel::spot, *spot);
  // A commitment term: the reservation, a commitment to this size in this region like the
  // AWS importer's Standard RI; the savings plan only when the pages have no reservation.
  for (const auto& [model, reservation_kind, plan_kind, years] :
       {std::tuple{PricingModel::commit_1y, Kind::reservation_1y, Kind::savings_plan_1y, 1},
        std::tuple{PricingModel::commit_3y, Kind::reservation_3y, Kind::savings_plan_3y, 3}}) {
    const bool has_reservation = vm.prices.count(reservation_kind) > 0;
    auto reservation = price(reservation_kind, fmt::format("{}-year reservation", years));
    auto plan = price(plan_kind, fmt::format("{}-year savings plan", years));
    if (reservation) {
      if (plan) {
        reservation->note += fmt::format("; the {}-year savings plan is {} USD/h", years, format_number(plan->value));
      }
      take(model, *reservation);
    } else if (plan && !has_reservation) {
      plan->note += "; the pages give no reservation";
      take(model, *plan);
    }
  }
  if (offer.hourly.empty()) return;  // every price of it was given differently by two rows, and reported
  out_.sheet.regions[region].gpu_offers.push_back(std::move(offer));
}

void AzureCollector::finish_egress(const std::string& region, const std::vector<EgressRow>& rows) {
  const std::string what = fmt::format("internet egress from {}", region);
  if (const auto broken = broken_egress_.find(region); broken != broken_egress_.end()) {
    const Candidate& first = *std::min_element(broken->second.begin(), broken->second.end(), by_rank_);
    return skip(first.page, first.where, what,
                "a tier of its ladder cannot be read (see above); tco takes no ladder for the region");
  }
  // The ladder of each meter, by tier minimum; two meters must agree, or tco takes neither.
  std::map<std::string, std::map<double, std::vector<Candidate>>> meters;
  for (const auto& row : rows) meters[row.meter][row.minimum].push_back(row.price);
  const auto& [meter, tiers] = *meters.begin();
  for (const auto& [other, other_tiers] : meters) {
    const bool same = other_tiers.size() == tiers.size() &&
                      std::equal(tiers.begin(), tiers.end(), other_tiers.begin(), [](const auto& a, const auto& b) {
                        return a.first == b.first && a.second.front().value == b.second.front().value;
                      });
    if (!same) {
      return skip(rows.front().price.page, rows.front().price.where, what,
                  fmt::format("meters {} and {} give it different tiers; tco takes neither", meter, other));
    }
  }
  std::vector<std::pair<double, Candidate>> steps;
  for (const auto& [minimum, candidates] : tiers) {
    const auto price =
        resolve(candidates, fmt::format("{}, the tier from {} GB", what, format_number(minimum)), "USD/GB");
    if (!price) return;
    steps.emplace_back(minimum, *price);
  }
  if (steps.front().first != 0) {
    return skip(steps.front().second.page, steps.front().second.where, what,
                fmt::format("its first tier starts at {} GB, not 0", format_number(steps.front().first)));
  }
  TieredEgress egress;
  // A free first tier is the allowance: Azure's first 100 GB a month.
  std::size_t first_paid = 0;
  if (steps.front().second.value == 0 && steps.size() > 1) {
    first_paid = 1;
    egress.free_bytes = sourced(steps.front().second, steps[1].first * kGiB);
    egress.free_bytes.currency.clear();
    egress.free_bytes.note = fmt::format("the tier from 0 GB priced at 0 (meter {})", meter);
    taken(steps.front().second);
  } else {
    egress.free_bytes = sourced(steps.front().second, 0);
    egress.free_bytes.currency.clear();
    egress.free_bytes.note = "the pages give no free tier";
  }
  for (std::size_t i = first_paid; i < steps.size(); ++i) {
    const Candidate& step = steps[i].second;
    if (step.value == 0) {
      return skip(
          step.page, step.where, what,
          fmt::format("its tier from {} GB is priced 0, which tco reads as missing", format_number(steps[i].first)));
    }
    EgressTier tier;
    if (i + 1 < steps.size()) tier.up_to_bytes = steps[i + 1].first * kGiB;
    tier.price = sourced(step, step.value / kGiB);
    egress.tiers.push_back(tier);
    taken(step);
  }
  out_.sheet.regions[region].network.internet_egress = egress;
}

std::optional<Date> AzureCollector::finish(const std::vector<std::size_t>& rank) {
  rank_ = rank;
  for (const auto& [key, vm] : vms_) finish_vm(key.first, key.second, vm);
  for (const auto& [region, rows] : egress_) finish_egress(region, rows);
  for (auto& [id, region] : out_.sheet.regions) {
    region.id = id;
    if (const auto name = region_names_.find(id); name != region_names_.end()) region.name = name->second;
  }
  // Skipped prices in the pages' order, so the report does not depend on the order given.
  std::stable_sort(skipped_.begin(), skipped_.end(), [&](const Skipped& a, const Skipped& b) {
    return std::tie(rank_[a.page], a.skipped.where.line) < std::tie(rank_[b.page], b.skipped.where.line);
  });
  for (auto& s : skipped_) out_.skipped.push_back(std::move(s.skipped));
  return newest_;
}

}  // namespace tco::price_import
