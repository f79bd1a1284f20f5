// tco prices diff: what changed between two versions of a provider's prices.
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"

namespace tco {
namespace {

bool same(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b)); }

}  // namespace

PriceDiffReport diff_prices(const PriceSheet& before, const PriceSheet& after) {
  PriceDiffReport report{before.label(), after.label(), before.file, after.file, {}, 0};
  std::map<std::string, PriceRow> old_rows;
  for (auto& row : price_rows(before)) old_rows.emplace(row.key, std::move(row));
  std::map<std::string, bool> seen;
  for (const auto& row : price_rows(after)) {
    seen[row.key] = true;
    const auto old = old_rows.find(row.key);
    if (old == old_rows.end()) {
      report.changes.push_back({row.region, row.category, row.item, row.unit, std::nullopt, row.value});
    } else if (!same(old->second.value, row.value)) {
      report.changes.push_back({row.region, row.category, row.item, row.unit, old->second.value, row.value});
    } else {
      ++report.unchanged;
    }
  }
  for (const auto& [key, row] : old_rows) {
    if (!seen.count(key))
      report.changes.push_back({row.region, row.category, row.item, row.unit, row.value, std::nullopt});
  }
  std::stable_sort(report.changes.begin(), report.changes.end(), [](const PriceChange& a, const PriceChange& b) {
    return std::tie(a.region, a.category, a.item) < std::tie(b.region, b.category, b.item);
  });
  return report;
}

}  // namespace tco
