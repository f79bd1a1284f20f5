// tco prices list and tco prices show: the catalog's sheets, and one sheet's prices.
#include <algorithm>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"

namespace tco {
std::vector<SheetSummary> list_sheets(const PriceCatalog& catalog) {
  std::vector<SheetSummary> out;
  for (const auto& sheet : catalog.sheets()) {
    SheetSummary summary{sheet.provider,
                         sheet.kind == SheetKind::sheet ? "sheet" : "overlay",
                         sheet.name,
                         format_date(sheet.effective),
                         sheet.file,
                         sheet.content_hash,
                         sheet.origin,
                         static_cast<int>(sheet.regions.size()),
                         0,
                         0,
                         0,
                         static_cast<int>(sheet.sources.size())};
    for (const auto& [id, region] : sheet.regions) summary.gpu_offers += static_cast<int>(region.gpu_offers.size());
    for (const auto& row : price_rows(sheet)) {
      ++summary.prices;
      if (row.source != nullptr && row.source->confidence == Confidence::secondhand) ++summary.secondhand_prices;
    }
    if (sheet.kind == SheetKind::overlay) summary.prices += static_cast<int>(sheet.price_changes.size());
    out.push_back(std::move(summary));
  }
  return out;
}

Result<PriceShowReport> show_prices(const PriceSheet& sheet, const PriceShowFilter& filter) {
  Diagnostics d;
  if (!filter.region.empty() && sheet.find_region(filter.region) == nullptr &&
      sheet.electricity_by_region.count(filter.region) == 0 && sheet.carbon_intensity.count(filter.region) == 0) {
    auto names = keys_of(sheet.regions);
    for (const auto& [region, price] : sheet.electricity_by_region) names.push_back(region);
    d.error({}, "",
            fmt::format("--region: unknown region '{}' in {}{}; its regions are {}", filter.region, sheet.id(),
                        did_you_mean(filter.region, names), names.empty() ? "none" : quoted_list(names)));
    return d;
  }
  PriceShowReport report{sheet.label(),
                         sheet.file,
                         sheet.content_hash,
                         format_date(sheet.in_effect_from),
                         sheet.billing_gb == ByteBase::binary ? "GiB" : "GB",
                         {},
                         {},
                         {}};
  if (filter.region.empty() && filter.gpu.empty()) report.exit_programs = sheet.exit_programs;
  for (auto& row : price_rows(sheet)) {
    if (!filter.region.empty() && row.region != filter.region) continue;
    if (!filter.gpu.empty() && row.gpu != filter.gpu) continue;
    if (row.source != nullptr && std::none_of(report.sources.begin(), report.sources.end(),
                                              [&](const PriceSource& s) { return s.id == row.source->id; }))
      report.sources.push_back(*row.source);
    report.rows.push_back(std::move(row));
  }
  std::sort(report.sources.begin(), report.sources.end(),
            [](const PriceSource& a, const PriceSource& b) { return a.id < b.id; });
  return report;
}

}  // namespace tco
