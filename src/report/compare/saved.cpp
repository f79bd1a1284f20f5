// A comparison report rebuilt from a saved `tco compare --format json` result: the base side
// of `tco diff`. Only what a diff reads is filled in (totals, components, months, break-even
// and price sheets); what the document does not keep (causes, monthly components) stays empty.
#include "tco/report/comparison.hpp"

namespace tco {
namespace {

Crossing crossing(const std::optional<SavedMonth>& month) {
  Crossing out;
  if (month) out.month = month->month;
  return out;
}

}  // namespace

ComparisonReport comparison_from_saved(const SavedComparison& saved) {
  ComparisonReport report;
  report.scenario_name = saved.scenario_name;
  report.description = saved.description;
  report.scenario_file = saved.file;  // where the figures come from: the saved document
  report.start = saved.start;
  report.end = saved.end;
  report.months = saved.months;
  report.hours_per_month = saved.hours_per_month;
  report.currency = saved.currency;
  report.discount_rate = saved.discount_rate;
  report.prices_as_of = saved.prices_as_of;
  report.projected_months = saved.projected_months;
  report.baseline = saved.baseline;
  report.month_labels = saved.month_labels;
  for (const auto& strategy : saved.strategies) {
    StrategyColumn column;
    column.name = strategy.name;
    column.description = strategy.description;
    column.baseline = strategy.baseline;
    column.cash = strategy.components_cash;
    column.amortized = strategy.components_amortized;
    column.total_cash = strategy.total_cash;
    column.total_amortized = strategy.total_amortized;
    column.monthly_average = strategy.monthly_average;
    column.npv = strategy.npv;
    if (strategy.has_breakeven)
      column.breakeven = Breakeven{crossing(strategy.breakeven), crossing(strategy.breakeven_discounted)};
    column.monthly_cash = strategy.monthly_cash;
    column.monthly_amortized = strategy.monthly_amortized;
    report.strategies.push_back(std::move(column));
  }
  for (const auto& sheet : saved.sheets) {
    SheetInfo info;
    info.provider = sheet.provider;
    info.name = sheet.name;
    info.effective_date = sheet.effective_date;
    info.file = sheet.file;
    info.sha256 = sheet.sha256;
    info.origin = sheet.origin;
    for (const auto& overlay : sheet.overlays) {
      AppliedOverlay applied;
      applied.name = overlay.name;
      applied.file = overlay.file;
      applied.content_hash = overlay.sha256;
      if (auto day = parse_date(overlay.effective_date)) applied.effective = *day;
      info.overlays.push_back(std::move(applied));
    }
    info.from_month = sheet.from_month;
    info.to_month = sheet.to_month;
    info.projected = sheet.projected;
    report.sheets.push_back(std::move(info));
  }
  return report;
}

}  // namespace tco
