#include "diff/rows.hpp"

#include <fmt/format.h>

#include "gates/gate_text.hpp"
#include "tco/core/text.hpp"

namespace tco {
namespace {

constexpr const char* kAbsent = "—";

std::string money(double amount, const std::string& currency) { return format_money(amount, currency, 0); }

// Base, Head, Change and Per month cells of one figure; a side without it shows a dash.
Row figure_cells(std::string label, const Change& total, const Change& per_month, bool in_base, bool in_head,
                 const std::string& currency) {
  Row row{std::move(label)};
  row.push_back(in_base ? money(total.base, currency) : kAbsent);
  row.push_back(in_head ? money(total.head, currency) : kAbsent);
  if (!in_base || !in_head) {
    row.push_back(in_base ? "removed" : "new");
    row.push_back(kAbsent);
    return row;
  }
  row.push_back(format_change(total, currency));
  row.push_back(format_change(per_month, currency));
  return row;
}

std::string breakeven_text(const std::optional<int>& month, const std::string& date) {
  return month ? fmt::format("month {} ({})", *month, date) : std::string("not within the horizon");
}

}  // namespace

std::string diff_headline(const DiffReport& report) {
  std::size_t changed = 0;
  for (const auto& strategy : report.strategies) changed += strategy.changed() ? 1U : 0U;
  std::string text = changed == 0 ? "no change in cost"
                                  : fmt::format("{} of {} strateg{} changed", changed, report.strategies.size(),
                                                report.strategies.size() == 1 ? "y" : "ies");
  if (!report.gates.empty()) {
    const std::size_t failed = failed_checks(report.gates);
    text += failed == 0
                ? fmt::format("; {} gate check{} passed", report.gates.size(), report.gates.size() == 1 ? "" : "s")
                : fmt::format("; {} of {} gate checks FAILED", failed, report.gates.size());
  }
  return report.head.scenario_name + ": " + text;
}

std::string describe_side(const DiffSide& side) { return side.file + " " + describe_side_span(side); }

std::string describe_side_span(const DiffSide& side) {
  return fmt::format("({}{}..{}, {} months{})", side.saved ? "a saved result, " : "", side.start, side.end, side.months,
                     side.prices_as_of.empty() ? "" : ", prices as of " + side.prices_as_of);
}

std::string diff_conventions(const DiffReport& report) {
  std::string text =
      fmt::format("Cash in {}; per month is the horizon's total divided by its months.", report.currency);
  if (report.base.baseline != report.head.baseline) {
    text +=
        fmt::format(" Break-even is against {} in base and {} in head.", report.base.baseline, report.head.baseline);
  }
  return text;
}

Row summary_header() { return {"Strategy", "Base", "Head", "Change", "Per month"}; }

Row strategy_row(const StrategyChange& strategy, const std::string& currency) {
  return figure_cells(strategy.name, strategy.total, strategy.per_month, strategy.in_base, strategy.in_head, currency);
}

std::vector<Row> summary_rows(const DiffReport& report, bool all) {
  std::vector<Row> rows;
  for (const auto& strategy : report.strategies) {
    if (all || strategy.changed()) rows.push_back(strategy_row(strategy, report.currency));
  }
  return rows;
}

std::vector<Row> component_rows(const StrategyChange& strategy, const std::string& currency, bool all) {
  std::vector<Row> rows;
  for (const auto& line : strategy.components) {
    const bool present = line.total.base != 0 || line.total.head != 0;
    if (!(all ? present : line.total.changed() || line.per_month.changed())) continue;
    rows.push_back(figure_cells(component_label(line.component), line.total, line.per_month, strategy.in_base,
                                strategy.in_head, currency));
  }
  return rows;
}

std::vector<Row> cause_rows(const StrategyChange& strategy, const std::string& currency, bool all) {
  std::vector<Row> rows;
  for (const auto& line : strategy.causes) {
    if (!all && !line.total.changed() && !line.per_month.changed()) continue;
    // A cause on one side only: what it costs a month is the point of the line.
    const bool in_base = strategy.in_base && line.total.base != 0;
    const bool in_head = strategy.in_head && line.total.head != 0;
    Row row = figure_cells(line.cause, line.total, line.per_month, in_base, in_head, currency);
    if (in_base != in_head) {
      row.back() = format_change(line.per_month.delta(), std::nullopt, currency);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> breakeven_lines(const DiffReport& report, bool all) {
  std::vector<std::string> lines;
  for (const auto& strategy : report.strategies) {
    if (!strategy.breakeven || (!all && !strategy.breakeven->changed())) continue;
    const auto& b = *strategy.breakeven;
    std::string line = strategy.name + ": ";
    if (!strategy.in_head) {
      line += breakeven_text(b.base_month, b.base_date) + " → not in head";
    } else if (!strategy.in_base) {
      line += "not in base → " + breakeven_text(b.head_month, b.head_date);
    } else if (!b.changed()) {
      line += breakeven_text(b.head_month, b.head_date) + ", unchanged";
    } else {
      line += breakeven_text(b.base_month, b.base_date) + " → " + breakeven_text(b.head_month, b.head_date);
      if (b.base_month && b.head_month) {
        const int shift = *b.head_month - *b.base_month;
        line += fmt::format(", {} month{} {}", std::abs(shift), std::abs(shift) == 1 ? "" : "s",
                            shift < 0 ? "earlier" : "later");
      }
    }
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> migration_lines(const DiffReport& report, bool all) {
  std::vector<std::string> lines;
  const auto side = [&](const std::optional<double>& cost, const std::optional<int>& month, const std::string& date) {
    if (!cost) return std::string("no migration");
    return fmt::format("{}, paid back {}", format_money(*cost, report.currency, 0),
                       month ? fmt::format("in month {} ({})", *month, date) : std::string("not within the horizon"));
  };
  for (const auto& strategy : report.strategies) {
    if (!strategy.migration || (!all && !strategy.migration->changed())) continue;
    const auto& m = *strategy.migration;
    std::string line = strategy.name + ": ";
    if (!m.changed())
      line += side(m.head_cost, m.head_month, m.head_date) + ", unchanged";
    else
      line += side(m.base_cost, m.base_month, m.base_date) + " → " + side(m.head_cost, m.head_month, m.head_date);
    lines.push_back(line);
  }
  return lines;
}

Row split_header() { return {"Strategy", "Change", "From the scenario", "From prices"}; }

std::vector<Row> split_rows(const DiffReport& report, bool all) {
  std::vector<Row> rows;
  if (report.split != PriceSplit::split) return rows;
  for (const auto& strategy : report.strategies) {
    if (!strategy.in_base || !strategy.in_head || (!all && !strategy.total.changed())) continue;
    const auto& total = strategy.total;
    rows.push_back({strategy.name, format_change(total, report.currency),
                    format_change(*total.from_scenario(), std::nullopt, report.currency),
                    format_change(*total.from_prices(), std::nullopt, report.currency)});
  }
  return rows;
}

Row gate_header() { return {"Gate", "Checked", "Limit", "Actual", "Result"}; }

Row gate_row(const GateCheck& check, const std::string& currency) {
  std::string checked = check.strategy;
  if (check.kind == "increase") checked += check.component ? " " + to_string(*check.component) : " total";
  // A budget is named as declared; "budget:" keeps it apart from the options' gates.
  const std::string name = check.kind == "budget" ? "budget: " + gate_name(check) : gate_name(check);
  return {name, checked, gate_limit_text(check, currency), gate_actual_text(check, currency),
          gate_result_text(check, currency)};
}

std::vector<const GateCheck*> listed_gates(const DiffReport& report, bool all) {
  std::vector<const GateCheck*> listed;
  for (const auto& check : report.gates) {
    if (all || !check.passed || check.kind != "increase" || !check.component) listed.push_back(&check);
  }
  return listed;
}

std::string unlisted_gates_note(const DiffReport& report, std::size_t listed) {
  const std::size_t hidden = report.gates.size() - listed;
  if (hidden == 0) return "";
  return fmt::format("{} more component check{} passed (--all lists them).", hidden, hidden == 1 ? "" : "s");
}

std::vector<std::string> unchanged_strategies(const DiffReport& report) {
  std::vector<std::string> names;
  for (const auto& strategy : report.strategies) {
    if (!strategy.changed()) names.push_back(strategy.name);
  }
  return names;
}

std::vector<std::string> price_lines(const DiffReport& report) {
  if (report.sheet_changes.empty()) return {"Both sides were priced with the same price sheets."};
  std::vector<std::string> lines{"The sides were priced with different price sheets:"};
  for (const auto& change : report.sheet_changes) {
    lines.push_back(fmt::format("  {}: {} → {}", change.provider, change.base.empty() ? "not used" : change.base,
                                change.head.empty() ? "not used" : change.head));
  }
  if (report.split == PriceSplit::split) {
    lines.push_back("Head was priced again with base's sheets to split each change into what the scenario changed");
    lines.push_back("and what the prices changed.");
  } else {
    lines.push_back("The change cannot be split into the scenario's and the prices': " + report.split_note);
  }
  return lines;
}

}  // namespace tco
