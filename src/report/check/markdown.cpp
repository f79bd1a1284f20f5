// tco check in Markdown, for pull-request comments.
#include "common/markdown.hpp"

#include "gates/gate_text.hpp"
#include "tco/report/gates.hpp"

namespace tco {

std::string render_check_markdown(const CheckReport& report) {
  std::string out = "### Budgets: " + check_headline(report) + "\n";
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
