// tco check as a table, and the headline its formats share.
#include <fmt/format.h>

#include "gates/gate_text.hpp"
#include "tco/report/gates.hpp"
#include "tco/report/text_table.hpp"

namespace tco {

std::string check_headline(const CheckReport& report) {
  const std::size_t breached = failed_checks(report.checks);
  if (report.checks.empty()) return fmt::format("{}: no budgets to check", report.scenario_name);
  return fmt::format("{}: {} budget check{}, {}", report.scenario_name, report.checks.size(),
                     report.checks.size() == 1 ? "" : "s",
                     breached == 0 ? std::string("all within budget") : fmt::format("{} breached", breached));
}

std::string render_check_table(const CheckReport& report) {
  std::string out = check_headline(report) + "\n";
  if (report.checks.empty()) return out + "Declare budgets in the scenario (see tco-scenario(5), BUDGETS).\n";
  TextTable table;
  table.set_alignment("llrrl");
  table.add_row({"Budget", "Strategy", "Limit", "Actual", "Result"});
  table.add_rule();
  for (const auto& check : report.checks) {
    table.add_row({describe_scope(check), check.strategy, gate_limit_text(check, report.currency),
                   gate_actual_text(check, report.currency), gate_result_text(check, report.currency)});
  }
  return out + "\n" + table.render();
}

}  // namespace tco
