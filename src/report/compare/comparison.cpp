#include "tco/report/comparison.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tco/model/figures.hpp"

namespace tco {
namespace {

StrategyColumn make_column(const StrategyResult& strategy, const ModelResult& model) {
  StrategyColumn column;
  column.name = strategy.name;
  column.description = strategy.description;
  column.baseline = strategy.name == model.baseline;
  for (Component component : kComponents) {
    const auto i = static_cast<std::size_t>(component);
    column.cash[i] = strategy.component_cash(component);
    column.amortized[i] = strategy.component_amortized(component);
  }
  column.total_cash = strategy.total_cash();
  column.total_amortized = strategy.total_amortized();
  column.monthly_average = per_month(column.total_cash, model.months);
  column.monthly_cash = strategy.monthly_cash_totals();
  column.monthly_amortized = strategy.monthly_amortized_totals();
  column.monthly_components_cash = strategy.monthly_cash;
  column.monthly_components_amortized = strategy.monthly_amortized;
  column.npv = net_present_value(column.monthly_cash, model.scenario->discount_rate.value);
  column.breakeven = strategy.breakeven;
  column.payback = strategy.payback;
  column.used_gpu_hours = strategy.used_gpu_hours;
  column.egress_bytes = strategy.egress_bytes;
  column.site_transfer_bytes = strategy.site_transfer_bytes;
  auto economics = unit_economics(strategy, *model.scenario);
  column.workloads = std::move(economics.workloads);
  column.unattributed_cost = economics.unattributed_cost;
  column.cost_per_used_gpu_hour = economics.cost_per_used_gpu_hour;
  column.egress_share = economics.egress_share;
  column.transfer_amplification = economics.transfer_amplification;

  column.by_cause = amounts_by_cause(strategy.lines);
  column.citations = strategy.citations;
  for (const auto& citation : column.citations) {
    if (citation.source.confidence == Confidence::secondhand) column.secondhand_prices += citation.prices;
  }
  return column;
}

}  // namespace

ComparisonReport make_comparison_report(const ModelResult& model) {
  const Scenario& scenario = *model.scenario;
  ComparisonReport report;
  report.scenario_name = scenario.name;
  report.description = scenario.description;
  report.scenario_file = scenario.file;
  report.start = format_year_month(scenario.start);
  report.end = format_year_month(add_months(scenario.start, model.months - 1));
  report.months = model.months;
  report.hours_per_month = scenario.hours == HoursConvention::calendar ? "calendar" : "730";
  report.currency = scenario.currency;
  report.discount_rate = scenario.discount_rate.value;
  if (model.pinned) report.prices_as_of = format_date(*model.pinned);
  report.baseline = model.baseline;
  for (int month = 0; month < model.months; ++month) {
    report.month_labels.push_back(format_year_month(add_months(scenario.start, month)));
    if (model.projected_months[static_cast<std::size_t>(month)])
      report.projected_months.push_back(report.month_labels.back());
  }
  for (const auto& strategy : model.strategies) report.strategies.push_back(make_column(strategy, model));
  for (const SheetUse& use : model.sheet_uses) {
    const PriceSheet& sheet = *use.sheet;
    report.sheets.push_back(
        {sheet.provider, sheet.name, format_date(sheet.effective), sheet.file, sheet.content_hash, sheet.origin,
         sheet.overlays, report.month_labels[static_cast<std::size_t>(use.first_month)],
         report.month_labels[static_cast<std::size_t>(use.last_month)], use.projected, sheet.sources});
  }
  return report;
}

std::string month_span(const std::vector<std::string>& months) {
  if (months.empty()) return "";
  return months.size() == 1 ? months.front() : months.front() + ".." + months.back();
}

std::vector<std::string> strategies_on_secondhand_prices(const ComparisonReport& report) {
  std::vector<std::string> out;
  for (const auto& column : report.strategies) {
    if (column.secondhand_prices > 0) out.push_back(column.name);
  }
  return out;
}

std::string describe_breakeven_month(const ComparisonReport& report, const std::optional<int>& month) {
  if (!month) return "not within the horizon";
  return fmt::format("month {} ({})", *month, report.month_labels[static_cast<std::size_t>(*month - 1)]);
}

}  // namespace tco
