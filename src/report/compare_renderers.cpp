// `tco compare` as a terminal table.
#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

const char* component_label(Component component) {
  switch (component) {
    case Component::compute:
      return "GPU compute";
    case Component::hardware:
      return "Hardware (capex)";
    case Component::power:
      return "Power";
    case Component::space:
      return "Space (colocation)";
    case Component::maintenance:
      return "Maintenance";
    case Component::staff:
      return "Staff";
    case Component::storage:
      return "Storage";
    case Component::egress:
      return "Egress";
    case Component::interconnect:
      return "Interconnect ports";
  }
  return "?";
}

}  // namespace

std::string render_compare_table(const ComparisonReport& report) {
  const auto money = [&](double amount) { return format_money(amount, report.currency, 0); };
  std::string out =
      fmt::format("{}{}\n", report.scenario_name, report.description.empty() ? "" : ": " + report.description);
  out += fmt::format("{} to {} ({} months), {} h/month, {}, discount rate {}/year, prices as of {}\n\n", report.start,
                     report.end, report.months, report.hours_per_month, report.currency,
                     format_percent(report.discount_rate), report.prices_as_of);
  TextTable table;
  std::vector<std::string> header{"Component"};
  for (const auto& column : report.strategies) header.push_back(column.name);
  table.add_row(header);
  table.add_rule();
  for (Component component : kComponents) {
    const auto i = static_cast<std::size_t>(component);
    bool any = false;
    for (const auto& column : report.strategies) any = any || column.cash[i] != 0 || column.amortized[i] != 0;
    if (!any) continue;
    std::vector<std::string> row{component_label(component)};
    for (const auto& column : report.strategies) row.push_back(money(column.cash[i]));
    table.add_row(row);
  }
  table.add_rule();
  auto add = [&](const std::string& label, auto value_of) {
    std::vector<std::string> row{label};
    for (const auto& column : report.strategies) row.push_back(value_of(column));
    table.add_row(row);
  };
  add("Total (cash)", [&](const StrategyColumn& c) { return money(c.total_cash); });
  add("Monthly average", [&](const StrategyColumn& c) { return money(c.monthly_average); });
  add("Total (amortized)", [&](const StrategyColumn& c) { return money(c.total_amortized); });
  add(fmt::format("NPV at {}", format_percent(report.discount_rate)),
      [&](const StrategyColumn& c) { return money(c.npv); });
  add("Break-even vs " + report.baseline, [&](const StrategyColumn& c) {
    return c.baseline ? std::string("baseline") : describe_breakeven_month(report, c.breakeven->month);
  });
  add("Discounted break-even", [&](const StrategyColumn& c) {
    return c.baseline ? std::string("baseline") : describe_breakeven_month(report, c.breakeven->discounted_month);
  });
  add("Cost per used GPU-hour", [&](const StrategyColumn& c) {
    return c.cost_per_used_gpu_hour ? format_money(*c.cost_per_used_gpu_hour, report.currency) : std::string("-");
  });
  add("Egress share of total", [&](const StrategyColumn& c) { return format_percent(c.egress_share); });
  out += table.render();
  out += "\nCash totals count hardware when bought; amortized totals spread it over its depreciation life.\n";

  out += "\nPrice sheets used:\n";
  for (const auto& sheet : report.sheets) {
    out += fmt::format("  {:<10} {}  sha256:{}  {}\n", sheet.provider, sheet.effective_date, sheet.sha256.substr(0, 12),
                       sheet.file);
  }
  return out;
}

}  // namespace tco
