// Leaving a strategy's clouds in one month: what each cloud site stores then, sent away as
// transfers that price_transfers() bills like any other (tco-model(7), LEAVING).
#include <map>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/calendar.hpp"

namespace tco::engine {

void add_exit_transfers(StrategyContext& context, int month, const std::string& to_site) {
  const auto& clouds = context.pricing(month).cloud;
  // Bytes stored per site and cause, in the order the storage lines were added.
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, const CostLine*> first;
  std::map<std::pair<std::string, std::string>, double> bytes;
  for (const auto& line : context.result.lines) {
    if (line.component != Component::storage || line.month != month || line.site == to_site) continue;
    if (clouds.find(line.site) == clouds.end()) continue;  // an owned site is not left
    const auto key = std::make_pair(line.site, line.cause);
    if (first.emplace(key, &line).second) order.push_back(key);
    bytes[key] += line.usage.quantity;  // a month's byte-months are the bytes held that month
  }
  const std::string when = format_year_month(add_months(context.scenario.start, month));
  for (const auto& key : order) {
    const CostLine& line = *first.at(key);
    const Site* site = context.scenario.find_site(key.first);
    Volume volume{bytes.at(key), fmt::format("bytes stored at {} in {}", key.first, when),
                  site != nullptr ? site->where : SourceLocation{}, ByteBase::decimal};
    context.transfers.push_back({month, key.first, to_site, volume, std::string(kExitCause) + key.second, line.workload,
                                 line.dataset, line.flow});
  }
}

}  // namespace tco::engine
