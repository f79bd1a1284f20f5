#include "tco/report/comparison.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "tco/model/finance.hpp"

namespace tco {
namespace {

bool is_fleet_cost(Component component) {
  return component == Component::hardware || component == Component::power || component == Component::space ||
         component == Component::maintenance || component == Component::staff || component == Component::interconnect;
}

// Shares `amount` among `sharers` in proportion to their allocated GPU-hours; false when
// none of them used any.
bool share(double amount, const std::vector<const WorkloadUse*>& sharers, std::map<std::string, double>& cost) {
  double hours = 0;
  for (const WorkloadUse* use : sharers) hours += use->allocated_gpu_hours;
  if (hours <= 0) return false;
  for (const WorkloadUse* use : sharers) cost[use->name] += amount * use->allocated_gpu_hours / hours;
  return true;
}

void add_unit_economics(StrategyColumn& column, const StrategyResult& strategy, const Scenario& scenario) {
  std::map<std::string, double> cost;
  for (const auto& line : strategy.lines) {
    if (!line.workload.empty()) {
      cost[line.workload] += line.amortized;
      continue;
    }
    std::vector<const WorkloadUse*> sharers;
    for (const auto& use : strategy.workloads) {
      const Workload* workload = scenario.find_workload(use.name);
      const bool reads = !line.dataset.empty() && std::find(workload->reads.begin(), workload->reads.end(),
                                                            line.dataset) != workload->reads.end();
      const bool placed = line.dataset.empty() && is_fleet_cost(line.component) && use.site == line.site;
      if (reads || placed) sharers.push_back(&use);
    }
    if (!share(line.amortized, sharers, cost)) column.unattributed_cost += line.amortized;
  }
  for (const auto& use : strategy.workloads) {
    WorkloadEconomics economics{use.name, use.kind,     use.site,   cost[use.name], use.used_gpu_hours,
                                use.runs, std::nullopt, use.tokens, std::nullopt};
    if (use.kind == WorkloadKind::training && use.runs > 0) economics.cost_per_run = economics.cost / use.runs;
    if (use.tokens && *use.tokens > 0) {
      economics.cost_per_million_tokens = economics.cost / (*use.tokens / 1e6);
    }
    column.workloads.push_back(economics);
  }
  double dataset_bytes = 0;
  for (const auto& dataset : scenario.datasets) dataset_bytes += dataset.size_bytes.value;
  column.site_transfer_bytes = strategy.site_transfer_bytes;
  if (dataset_bytes > 0) column.transfer_amplification = strategy.site_transfer_bytes / dataset_bytes;
}

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
  column.monthly_average = model.months > 0 ? column.total_cash / model.months : 0;
  column.monthly_cash = strategy.monthly_cash_totals();
  column.monthly_amortized = strategy.monthly_amortized_totals();
  column.monthly_components_cash = strategy.monthly_cash;
  column.monthly_components_amortized = strategy.monthly_amortized;
  column.npv = net_present_value(column.monthly_cash, model.scenario->discount_rate.value);
  column.breakeven = strategy.breakeven;
  column.used_gpu_hours = strategy.used_gpu_hours;
  if (strategy.used_gpu_hours > 0) column.cost_per_used_gpu_hour = column.total_amortized / strategy.used_gpu_hours;
  column.egress_bytes = strategy.egress_bytes;
  const double egress = column.cash[static_cast<std::size_t>(Component::egress)];
  column.egress_share = column.total_cash != 0 ? egress / column.total_cash : 0;

  std::map<std::tuple<Component, std::string, std::string>, CauseAmount> causes;
  for (const auto& line : strategy.lines) {
    auto& entry = causes[{line.component, line.cause, line.site}];
    entry.component = line.component;
    entry.cause = line.cause;
    entry.site = line.site;
    entry.cash += line.cash;
    entry.amortized += line.amortized;
  }
  for (const auto& [key, amount] : causes) column.by_cause.push_back(amount);
  std::stable_sort(column.by_cause.begin(), column.by_cause.end(),
                   [](const CauseAmount& a, const CauseAmount& b) { return a.amortized > b.amortized; });
  add_unit_economics(column, strategy, *model.scenario);
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
