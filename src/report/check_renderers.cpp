// `tco check` as a table, JSON (schema "tco.check/1") and Markdown.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_common.hpp"
#include "markdown_common.hpp"
#include "tco/core/calendar.hpp"
#include "tco/core/text.hpp"
#include "tco/report/gates.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

std::string limit_text(const GateCheck& check, const std::string& currency) {
  return format_money(check.limit, currency, 0) + (check.per_month ? "/month" : "");
}

std::string actual_text(const GateCheck& check, const std::string& currency) {
  const std::string amount = format_money(check.actual, currency, 0);
  return check.per_month ? amount + " in " + check.actual_month + " (highest)" : amount;
}

// Consecutive months as runs: "2027-01..2027-12, 2029-03"; after six runs, "and N more".
std::string month_runs(const std::vector<std::string>& months) {
  std::vector<std::string> runs;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < months.size();) {
    std::size_t j = i;
    while (j + 1 < months.size()) {
      const auto here = parse_year_month(months[j]);
      const auto next = parse_year_month(months[j + 1]);
      if (!here || !next || add_months(*here, 1) != *next) break;
      ++j;
    }
    if (runs.size() == 6) break;
    runs.push_back(i == j ? months[i] : months[i] + ".." + months[j]);
    shown = j + 1;
    i = j + 1;
  }
  std::string text = join(runs, ", ");
  if (shown < months.size()) text += fmt::format(" and {} more", months.size() - shown);
  return text;
}

std::string result_text(const GateCheck& check, const std::string& currency) {
  if (check.passed) return "ok";
  if (!check.per_month) return "BREACHED by " + format_money(check.actual - check.limit, currency, 0);
  return fmt::format("BREACHED in {} month{}: {}", check.months_over.size(), check.months_over.size() == 1 ? "" : "s",
                     month_runs(check.months_over));
}

std::string headline(const CheckReport& report) {
  std::size_t breached = 0;
  for (const auto& check : report.checks) breached += check.passed ? 0 : 1;
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
    table.add_row({describe_scope(check), check.strategy, limit_text(check, report.currency),
                   actual_text(check, report.currency), result_text(check, report.currency)});
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
    doc["checks"].push_back({{"kind", check.kind},
                             {"name", describe_scope(check)},
                             {"strategy", check.strategy},
                             {"component", check.component ? ordered_json(to_string(*check.component)) : nullptr},
                             {"period", check.per_month ? "month" : "horizon"},
                             {"basis", check.amortized ? "amortized" : "cash"},
                             {"limit", check.limit},
                             {"actual", check.actual},
                             {"actual_month", text_or_null(check.actual_month)},
                             {"months_over", check.months_over},
                             {"where", check.where},
                             {"passed", check.passed}});
  }
  return doc.dump(2) + "\n";
}

std::string render_check_markdown(const CheckReport& report) {
  std::string out = "### Budgets: " + headline(report) + "\n";
  if (report.checks.empty()) return out;
  std::vector<Row> rows;
  for (const auto& check : report.checks) {
    rows.push_back({describe_scope(check), check.strategy, limit_text(check, report.currency),
                    actual_text(check, report.currency),
                    check.passed ? "✅ ok" : "❌ " + result_text(check, report.currency)});
  }
  return out + "\n" + markdown_table({"Budget", "Strategy", "Limit", "Actual", "Result"}, rows);
}

}  // namespace tco
