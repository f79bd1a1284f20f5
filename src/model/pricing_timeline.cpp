// Which prices apply in each month: the sheet in effect then (or on the pinned date), and
// beyond a provider's newest sheet, its prices projected by the scenario's price trends.
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/text.hpp"
#include "tco/inputs/price_overlay.hpp"

namespace tco::engine {
namespace {

constexpr double kDaysPerYear = 365.2425;

// The trend for a service: its own, else the one for "all".
const Sourced* trend_for(const Scenario& scenario, PriceService service) {
  if (const auto it = scenario.price_trends.find(service); it != scenario.price_trends.end()) return &it->second;
  if (const auto it = scenario.price_trends.find(PriceService::all); it != scenario.price_trends.end())
    return &it->second;
  return nullptr;
}

std::unique_ptr<PriceSheet> project(const Scenario& scenario, const PriceSheet& newest, Date day) {
  const double years = static_cast<double>(days_between(newest.in_effect_from, day)) / kDaysPerYear;
  auto copy = std::make_unique<PriceSheet>(newest);
  for (const PriceService service : kPriceServices) {
    if (service == PriceService::all) continue;  // `all` is the fallback of the others
    const Sourced* trend = trend_for(scenario, service);
    if (trend == nullptr) continue;
    const double factor = std::pow(1.0 + trend->value, years);
    const std::string adjustment =
        fmt::format("{}{} a year for {:.2f} years past {} (price_trends.{})", trend->value >= 0 ? "+" : "",
                    format_percent(trend->value, 1), years, format_date(newest.in_effect_from), to_string(service));
    for_each_price(*copy, service, {}, {}, [&](Sourced& value) {
      if (!value.list_value) value.list_value = value.value;
      value.value *= factor;
      value.adjustments.push_back(adjustment);
    });
  }
  return copy;
}

// A sheet more than a year older than the first day it prices is legal, but its prices may
// have moved since: say so once, at the scenario's start.
void warn_of_old_sheets(const Scenario& scenario, const std::vector<const PriceSheet*>& sheets, Date day,
                        Diagnostics& warnings) {
  std::set<const PriceSheet*> warned;  // a sheet pricing several sites is named once
  for (const PriceSheet* sheet : sheets) {
    if (!warned.insert(sheet).second) continue;
    const auto days = days_between(sheet->in_effect_from, day);
    if (static_cast<double>(days) <= kDaysPerYear) continue;
    warnings.warning(scenario.start_where, "start",
                     fmt::format("{} is priced with its sheet of {}, {} months before {}: its prices may be out of "
                                 "date (tco prices list shows every version)",
                                 sheet->provider, format_date(sheet->in_effect_from),
                                 static_cast<int>(static_cast<double>(days) / (kDaysPerYear / 12)), format_date(day)));
  }
}

}  // namespace

Result<PricingTimeline> resolve_timeline(const Scenario& scenario, const PriceCatalog& catalog,
                                         std::optional<Date> pinned, int months) {
  PricingTimeline timeline;
  Diagnostics warnings;
  timeline.projected.assign(static_cast<std::size_t>(months), false);
  std::map<std::vector<const PriceSheet*>, std::size_t> epoch_by_selection;
  for (int month = 0; month < months; ++month) {
    const Date day = pinned.value_or(scenario.pricing_date(month));
    std::vector<const PriceSheet*> selection;
    bool projected = false;
    std::vector<std::unique_ptr<PriceSheet>> made;
    std::map<std::string, const PriceSheet*> projected_by_provider;
    const SheetSelector select = [&](const std::string& provider) -> Result<const PriceSheet*> {
      if (const auto it = projected_by_provider.find(provider); it != projected_by_provider.end()) return it->second;
      auto view = catalog.select(provider, day);
      if (!view) return view;
      selection.push_back(view.value());
      const auto versions = catalog.timeline(provider);
      const bool beyond_newest = view.value() == versions.back() && day > view.value()->in_effect_from;
      if (pinned || scenario.price_trends.empty() || !beyond_newest) return view;
      projected = true;
      made.push_back(project(scenario, *view.value(), day));
      timeline.base_of[made.back().get()] = view.value();
      projected_by_provider[provider] = made.back().get();
      return static_cast<const PriceSheet*>(made.back().get());
    };
    auto sites = resolve_sites(scenario, select);
    if (!sites) return sites.diagnostics();
    if (month == 0) warn_of_old_sheets(scenario, selection, day, warnings);
    timeline.projected[static_cast<std::size_t>(month)] = projected;
    const auto known = epoch_by_selection.find(selection);
    if (!projected && known != epoch_by_selection.end()) {
      timeline.epoch_of_month.push_back(known->second);
      continue;
    }
    for (auto& copy : made) timeline.projections.push_back(std::move(copy));
    if (!projected) epoch_by_selection.emplace(selection, timeline.epochs.size());
    timeline.epoch_of_month.push_back(timeline.epochs.size());
    timeline.epochs.push_back(std::move(sites).value());
  }
  return Result<PricingTimeline>(std::move(timeline), std::move(warnings));
}

}  // namespace tco::engine
