// `tco check` as a table, JSON (schema "tco.check/1") and Markdown.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "gate_text.hpp"
#include "markdown_common.hpp"
#include "tco/report/gates.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

std::string headline(const CheckReport& report) {
  const std::size_t breached = failed_checks(report.checks);
  if (report.checks.empty()) return fmt::format("{}: no budgets to check", report.scenario_name);
  return fmt::format("{}: {} budget check{}, {}", report.scenario_name, report.checks.size(),
                     report.checks.size() == 1 ? "" : "s",
                     breached == 0 ? std::string("all within budget") : fmt::format("{} breached", breached));
}

}  // namespace

std::string render_check_table(const CheckReport& report) {
  std::string out = headline(report) + "\n";
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

std::string render_check_json(const CheckReport& report) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["schema"] = "tco.check/1";
  doc["scenario"] = {{"name", report.scenario_name}, {"file", report.scenario_file}};
  doc["currency"] = report.currency;
  doc["passed"] = report.passed();
  doc["checks"] = ordered_json::array();
  for (const auto& check : report.checks) {
    doc["checks"].push_back(gate_json(check));
  }
  return doc.dump(2) + "\n";
}

std::string render_check_markdown(const CheckReport& report) {
  std::string out = "### Budgets: " + headline(report) + "\n";
  if (report.checks.empty()) return out;
  std::vector<Row> rows;
  for (const auto& check : report.checks) {
    rows.push_back({describe_scope(check), check.strategy, gate_limit_text(check, report.currency),
                    gate_actual_text(check, report.currency),
                    check.passed ? "✅ ok" : "❌ " + gate_result_text(check, report.currency)});
  }
  return out + "\n" + markdown_table({"Budget", "Strategy", "Limit", "Actual", "Result"}, rows, "llrrl");
}

}  // namespace tco
