// `tco diff` as a terminal table (Markdown is in markdown.cpp).
#include <fmt/format.h>

#include "diff/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

std::string sides(const DiffReport& report) {
  return fmt::format("base: {}\nhead: {}\n", describe_side(report.base), describe_side(report.head));
}

// The causes of each listed strategy, the strategy's name a row above its own. A table of
// its own, after the summary: cause names (Terraform addresses) are long, and the causes
// split the same total the components do, so one column of both would read as one sum.
std::string cause_table(const DiffReport& report, bool all) {
  TextTable table;
  table.add_row({"Cause", "Base", "Head", "Change", "Per month"});
  table.add_rule();
  bool any = false;
  for (const auto& strategy : report.strategies) {
    if (!all && !strategy.changed()) continue;
    auto rows = cause_rows(strategy, report.currency, all);
    if (rows.empty()) continue;  // a saved base keeps no causes
    any = true;
    table.add_row({strategy.name});
    for (auto& row : rows) {
      row.front() = "  " + row.front();
      table.add_row(std::move(row));
    }
  }
  return any ? "\nBy cause, the largest change first:\n" + table.render() : "";
}

}  // namespace

std::string render_diff_table(const DiffReport& report, const DiffRenderOptions& options) {
  std::string out = diff_headline(report) + "\n" + sides(report) + diff_conventions(report) + "\n";
  const auto rows = summary_rows(report, options.all);
  if (!rows.empty()) {
    TextTable table;
    table.add_row(summary_header());
    table.add_rule();
    for (const auto& strategy : report.strategies) {
      if (!options.all && !strategy.changed()) continue;
      table.add_row(strategy_row(strategy, report.currency));
      for (auto row : component_rows(strategy, report.currency, options.all)) {
        row.front() = "  " + row.front();
        table.add_row(std::move(row));
      }
    }
    out += "\n" + table.render();
  }
  if (const auto unchanged = unchanged_strategies(report); !unchanged.empty() && !options.all)
    out += "\nUnchanged: " + join(unchanged, ", ") + " (--all shows them).\n";
  out += cause_table(report, options.all);
  if (const auto lines = breakeven_lines(report, options.all); !lines.empty()) {
    out += "\nBreak-even against " + report.head.baseline + ":\n";
    for (const auto& line : lines) out += "  " + line + "\n";
  }
  if (const auto lines = migration_lines(report, options.all); !lines.empty()) {
    out += "\nMigration (one-off), paid back against " + report.head.baseline + ":\n";
    for (const auto& line : lines) out += "  " + line + "\n";
  }
  out += "\n";
  for (const auto& line : price_lines(report)) out += line + "\n";
  if (const auto split = split_rows(report, options.all); !split.empty()) {
    TextTable table;
    table.add_row(split_header());
    table.add_rule();
    for (const auto& row : split) table.add_row(row);
    out += "\n" + table.render();
  }
  if (!report.gates.empty()) {
    TextTable table;
    table.set_alignment("llrrl");
    table.add_row(gate_header());
    table.add_rule();
    const auto listed = listed_gates(report, options.all);
    for (const auto* check : listed) table.add_row(gate_row(*check, report.currency));
    out += "\nGates:\n" + table.render();
    if (const auto note = unlisted_gates_note(report, listed.size()); !note.empty()) out += note + "\n";
  }
  return out;
}

}  // namespace tco
