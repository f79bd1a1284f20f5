// Building the diff report from the two sides' comparison reports.
#include "tco/report/diff_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {
namespace {

const StrategyColumn* find_column(const ComparisonReport& report, const std::string& name) {
  for (const auto& column : report.strategies) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

double months_of(const ComparisonReport& report) { return std::max(1, report.months); }

// A figure of a strategy on each side; a side without the strategy counts as zero.
template <typename Figure>
Change change_of(const StrategyColumn* base, const StrategyColumn* head, const StrategyColumn* repriced,
                 Figure figure) {
  std::optional<double> at_base_prices;
  if (repriced) at_base_prices = figure(*repriced);
  return Change{base ? figure(*base) : 0, head ? figure(*head) : 0, at_base_prices};
}

// A 1-based month of the report's horizon as YYYY-MM; "" for none.
std::string month_label(const ComparisonReport& report, std::optional<int> month) {
  return month ? report.month_labels[static_cast<std::size_t>(*month - 1)] : std::string();
}

std::optional<BreakevenChange> breakeven_change(const ComparisonReport& base, const StrategyColumn* base_column,
                                                const ComparisonReport& head, const StrategyColumn* head_column) {
  const bool base_has = base_column && base_column->breakeven;
  const bool head_has = head_column && head_column->breakeven;
  if (!base_has && !head_has) return std::nullopt;
  BreakevenChange change;
  if (base_has) {
    change.base_month = base_column->breakeven->cash.month;
    change.base_date = month_label(base, change.base_month);
  }
  if (head_has) {
    change.head_month = head_column->breakeven->cash.month;
    change.head_date = month_label(head, change.head_month);
  }
  return change;
}

std::optional<MigrationChange> migration_change(const ComparisonReport& base, const StrategyColumn* base_column,
                                                const ComparisonReport& head, const StrategyColumn* head_column) {
  const bool base_has = base_column && base_column->payback;
  const bool head_has = head_column && head_column->payback;
  if (!base_has && !head_has) return std::nullopt;
  MigrationChange change;
  if (base_has) {
    change.base_cost = base_column->payback->cost;
    change.base_month = paid_back_month(*base_column->payback);
    change.base_date = month_label(base, change.base_month);
  }
  if (head_has) {
    change.head_cost = head_column->payback->cost;
    change.head_month = paid_back_month(*head_column->payback);
    change.head_date = month_label(head, change.head_month);
  }
  return change;
}

// Each cause's cash over the horizon, every component and site summed.
std::map<std::string, double> cash_by_cause(const StrategyColumn* column) {
  std::map<std::string, double> out;
  if (column == nullptr) return out;
  for (const auto& amount : column->by_cause) out[amount.cause] += amount.cash;
  return out;
}

std::vector<CauseChange> cause_changes(const StrategyColumn* b, const StrategyColumn* h, double base_months,
                                       double head_months) {
  const auto base = cash_by_cause(b);
  const auto head = cash_by_cause(h);
  std::map<std::string, CauseChange> out;
  for (const auto& [cause, cash] : base) out[cause].total.base = cash;
  for (const auto& [cause, cash] : head) out[cause].total.head = cash;
  std::vector<CauseChange> changes;
  for (auto& [cause, change] : out) {
    change.cause = cause;
    change.per_month = Change{change.total.base / base_months, change.total.head / head_months, std::nullopt};
    changes.push_back(change);
  }
  std::stable_sort(changes.begin(), changes.end(), [](const CauseChange& x, const CauseChange& y) {
    return std::abs(x.total.delta()) > std::abs(y.total.delta());
  });
  return changes;
}

StrategyChange strategy_change(const std::string& name, const ComparisonReport& base, const ComparisonReport& head,
                               const ComparisonReport* repriced, bool base_saved) {
  const StrategyColumn* b = find_column(base, name);
  const StrategyColumn* h = find_column(head, name);
  const StrategyColumn* r = (repriced && h) ? find_column(*repriced, name) : nullptr;
  StrategyChange out;
  out.name = name;
  out.in_base = b != nullptr;
  out.in_head = h != nullptr;
  out.total = change_of(b, h, r, [](const StrategyColumn& c) { return c.total_cash; });
  out.amortized = change_of(b, h, r, [](const StrategyColumn& c) { return c.total_amortized; });
  out.npv = change_of(b, h, r, [](const StrategyColumn& c) { return c.npv; });
  const double base_months = months_of(base);
  const double head_months = months_of(head);
  auto per_month = [&](const Change& total) {
    std::optional<double> at_base_prices;
    if (total.head_at_base_prices) at_base_prices = *total.head_at_base_prices / head_months;
    return Change{total.base / base_months, total.head / head_months, at_base_prices};
  };
  out.per_month = per_month(out.total);
  for (Component component : kComponents) {
    const auto index = static_cast<std::size_t>(component);
    ComponentChange line;
    line.component = component;
    line.total = change_of(b, h, r, [index](const StrategyColumn& c) { return c.cash[index]; });
    line.per_month = per_month(line.total);
    out.components.push_back(line);
  }
  if (!base_saved) out.causes = cause_changes(b, h, base_months, head_months);
  out.breakeven = breakeven_change(base, b, head, h);
  out.migration = migration_change(base, b, head, h);
  return out;
}

// "provider" -> "2025-06-01 sha256:26f49698973d + acme", one entry per sheet used.
std::map<std::string, std::vector<std::string>> sheets_by_provider(const ComparisonReport& report) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& sheet : report.sheets) {
    std::string text = fmt::format("{} sha256:{}", sheet.effective_date, sheet.sha256.substr(0, 12));
    for (const auto& overlay : sheet.overlays)
      text += fmt::format(" + {}@{}", overlay.name, overlay.content_hash.substr(0, 12));
    out[sheet.provider].push_back(text);
  }
  return out;
}

}  // namespace

std::optional<double> Change::fraction() const {
  if (std::abs(base) < kCentTolerance) return std::nullopt;
  return delta() / std::abs(base);
}

bool Change::changed() const { return std::abs(delta()) >= kCentTolerance; }

std::optional<double> Change::from_scenario() const {
  if (!head_at_base_prices) return std::nullopt;
  return *head_at_base_prices - base;
}

std::optional<double> Change::from_prices() const {
  if (!head_at_base_prices) return std::nullopt;
  return head - *head_at_base_prices;
}

bool StrategyChange::changed() const {
  if (!in_base || !in_head) return true;
  if (total.changed() || amortized.changed() || per_month.changed()) return true;
  if (breakeven && breakeven->changed()) return true;
  if (migration && migration->changed()) return true;
  return std::any_of(components.begin(), components.end(),
                     [](const ComponentChange& line) { return line.total.changed() || line.per_month.changed(); });
}

bool MigrationChange::changed() const {
  const bool costs_differ = base_cost.has_value() != head_cost.has_value() ||
                            (base_cost && std::abs(*head_cost - *base_cost) >= kCentTolerance);
  return costs_differ || base_month != head_month;
}

bool DiffReport::passed() const { return failed_checks(gates) == 0; }

std::vector<SheetChange> sheet_changes(const ComparisonReport& base, const ComparisonReport& head) {
  auto base_sheets = sheets_by_provider(base);
  auto head_sheets = sheets_by_provider(head);
  std::vector<std::string> providers;
  for (const auto& [provider, _] : base_sheets) providers.push_back(provider);
  for (const auto& [provider, _] : head_sheets) {
    if (!base_sheets.count(provider)) providers.push_back(provider);
  }
  std::sort(providers.begin(), providers.end());
  std::vector<SheetChange> out;
  for (const auto& provider : providers) {
    const auto& before = base_sheets[provider];
    const auto& after = head_sheets[provider];
    if (before != after) out.push_back({provider, join(before, ", "), join(after, ", ")});
  }
  return out;
}

DiffReport make_diff_report(const ComparisonReport& base, bool base_saved, const ComparisonReport& head,
                            const ComparisonReport* head_at_base_prices, const std::string& split_note) {
  DiffReport report;
  auto side = [](const ComparisonReport& r, bool saved, const std::string& file) {
    return DiffSide{file, saved, r.scenario_name, r.start, r.end, r.months, r.baseline, r.prices_as_of};
  };
  report.base = side(base, base_saved, base.scenario_file);
  report.head = side(head, false, head.scenario_file);
  report.currency = head.currency;
  report.base_report = base;
  report.head_report = head;
  report.sheet_changes = sheet_changes(base, head);
  const ComparisonReport* repriced = nullptr;
  if (!report.sheet_changes.empty()) {
    repriced = head_at_base_prices;
    report.split = repriced ? PriceSplit::split : PriceSplit::unavailable;
    if (!repriced) report.split_note = split_note;
  }
  for (const auto& column : head.strategies)
    report.strategies.push_back(strategy_change(column.name, base, head, repriced, base_saved));
  for (const auto& column : base.strategies) {
    if (!find_column(head, column.name)) report.strategies.push_back(strategy_change(column.name, base, head, nullptr, base_saved));
  }
  return report;
}

std::string format_change(double delta, std::optional<double> fraction, const std::string& currency) {
  if (std::abs(delta) < kCentTolerance) return "no change";
  // Whole units read best; below one, cents, so a change never reads as "+$0".
  const int decimals = std::abs(delta) < 1 ? 2 : 0;
  std::string text = (delta > 0 ? "+" : "-") + format_money(std::abs(delta), currency, decimals);
  if (fraction) text += fmt::format(" ({}{})", *fraction > 0 ? "+" : "", format_percent(*fraction, 1));
  return text;
}

std::string format_change(const Change& change, const std::string& currency) {
  return format_change(change.delta(), change.fraction(), currency);
}

}  // namespace tco
