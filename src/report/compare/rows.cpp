#include "compare/rows.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {

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

Row header_row(const ComparisonReport& report, const std::string& first) {
  Row row{first};
  for (const auto& column : report.strategies) row.push_back(column.name);
  return row;
}

std::vector<Row> component_rows(const ComparisonReport& report) {
  std::vector<Row> rows;
  for (Component component : kComponents) {
    const auto i = static_cast<std::size_t>(component);
    bool any = false;
    for (const auto& column : report.strategies) any = any || column.cash[i] != 0 || column.amortized[i] != 0;
    if (!any) continue;
    Row row{component_label(component)};
    for (const auto& column : report.strategies) row.push_back(format_money(column.cash[i], report.currency, 0));
    rows.push_back(std::move(row));
  }
  return rows;
}

namespace {

template <typename ValueOf>
Row make_row(const ComparisonReport& report, const std::string& label, ValueOf value_of) {
  Row row{label};
  for (const auto& column : report.strategies) row.push_back(value_of(column));
  return row;
}

}  // namespace

std::vector<Row> total_rows(const ComparisonReport& report) {
  const auto money = [&](double amount) { return format_money(amount, report.currency, 0); };
  std::vector<Row> rows;
  rows.push_back(make_row(report, "Total (cash)", [&](const StrategyColumn& c) { return money(c.total_cash); }));
  rows.push_back(
      make_row(report, "Monthly average", [&](const StrategyColumn& c) { return money(c.monthly_average); }));
  rows.push_back(
      make_row(report, "Total (amortized)", [&](const StrategyColumn& c) { return money(c.total_amortized); }));
  rows.push_back(make_row(report, fmt::format("NPV at {}", format_percent(report.discount_rate)),
                          [&](const StrategyColumn& c) { return money(c.npv); }));
  rows.push_back(make_row(report, "Break-even vs " + report.baseline, [&](const StrategyColumn& c) {
    return c.baseline ? std::string("baseline") : describe_breakeven_month(report, c.breakeven->cash.month);
  }));
  rows.push_back(make_row(report, "Discounted break-even", [&](const StrategyColumn& c) {
    return c.baseline ? std::string("baseline") : describe_breakeven_month(report, c.breakeven->discounted.month);
  }));
  // A strategy that moves: what the move costs once, and when its savings since have repaid it.
  const auto moves = [](const StrategyColumn& c) { return c.payback.has_value(); };
  if (std::any_of(report.strategies.begin(), report.strategies.end(), moves)) {
    rows.push_back(make_row(report, "Migration (one-off)", [&](const StrategyColumn& c) {
      return c.payback ? money(c.payback->cost) : std::string("-");
    }));
    rows.push_back(make_row(report, "Migration paid back", [&](const StrategyColumn& c) {
      return c.payback ? describe_breakeven_month(report, paid_back_month(*c.payback)) : std::string("-");
    }));
  }
  return rows;
}

std::vector<Row> unit_rows(const ComparisonReport& report) {
  const auto money = [&](double amount) { return format_money(amount, report.currency, 0); };
  std::vector<Row> rows;
  rows.push_back(make_row(report, "Cost per used GPU-hour", [&](const StrategyColumn& c) {
    return c.cost_per_used_gpu_hour ? format_money(*c.cost_per_used_gpu_hour, report.currency) : std::string("-");
  }));
  if (report.strategies.empty()) return rows;
  for (std::size_t w = 0; w < report.strategies.front().workloads.size(); ++w) {
    const WorkloadEconomics& first = report.strategies.front().workloads[w];
    if (first.kind == WorkloadKind::training) {
      rows.push_back(make_row(report, "Cost per run of " + first.name, [&](const StrategyColumn& c) {
        const auto& per_run = c.workloads[w].cost_per_run;
        return per_run ? money(*per_run) : std::string("-");
      }));
    } else if (first.tokens) {
      rows.push_back(make_row(report, "Cost per 1M tokens of " + first.name, [&](const StrategyColumn& c) {
        const auto& per_token = c.workloads[w].cost_per_million_tokens;
        return per_token ? format_money(*per_token, report.currency) : std::string("-");
      }));
    }
  }
  rows.push_back(make_row(report, "Egress share of total",
                          [&](const StrategyColumn& c) { return format_percent(c.egress_share); }));
  if (report.strategies.front().transfer_amplification) {
    rows.push_back(make_row(report, "Data moved / dataset size", [&](const StrategyColumn& c) {
      return fmt::format("{:.2f}x", c.transfer_amplification.value_or(0));
    }));
  }
  return rows;
}

}  // namespace tco
