// `tco prices diff`: what changed between two versions of a provider's prices.
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"
#include "tco/report/text_table.hpp"

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

std::string render_price_diff_table(const PriceDiffReport& report) {
  std::string out =
      fmt::format("{} ({}) -> {} ({})\n\n", report.before, report.before_file, report.after, report.after_file);
  int changed = 0;
  int added = 0;
  int removed = 0;
  TextTable table;
  table.set_alignment("llllrrr");
  table.add_row({"Region", "Category", "Item", "Unit", "Before", "After", "Change"});
  table.add_rule();
  for (const auto& c : report.changes) {
    std::string change;
    if (!c.before) {
      change = "added";
      ++added;
    } else if (!c.after) {
      change = "removed";
      ++removed;
    } else {
      ++changed;
      const double delta = *c.after - *c.before;
      change = fmt::format("{}{}", delta >= 0 ? "+" : "", format_price(delta));
      if (*c.before != 0) change += fmt::format(" ({}{})", delta >= 0 ? "+" : "", format_percent(delta / *c.before));
    }
    table.add_row({c.region.empty() ? "-" : c.region, c.category, c.item, c.unit,
                   c.before ? format_price(*c.before) : "-", c.after ? format_price(*c.after) : "-", change});
  }
  if (report.changes.empty()) return out + fmt::format("No price changed ({} prices compared).\n", report.unchanged);
  out += table.render();
  out += fmt::format("\n{} changed, {} added, {} removed, {} unchanged.\n", changed, added, removed, report.unchanged);
  return out;
}

std::string render_price_diff_json(const PriceDiffReport& report) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["schema"] = "tco.prices.diff/1";
  doc["before"] = {{"sheet", report.before}, {"file", report.before_file}};
  doc["after"] = {{"sheet", report.after}, {"file", report.after_file}};
  doc["changes"] = ordered_json::array();
  for (const auto& c : report.changes) {
    ordered_json item{{"region", c.region},
                      {"category", c.category},
                      {"item", c.item},
                      {"unit", c.unit},
                      {"before", value_or_null(c.before)},
                      {"after", value_or_null(c.after)}};
    item["change"] = c.before && c.after ? ordered_json(*c.after - *c.before) : ordered_json(nullptr);
    item["change_fraction"] = c.before && c.after && *c.before != 0 ? ordered_json((*c.after - *c.before) / *c.before)
                                                                    : ordered_json(nullptr);
    doc["changes"].push_back(item);
  }
  doc["unchanged"] = report.unchanged;
  return doc.dump(2) + "\n";
}

}  // namespace tco
