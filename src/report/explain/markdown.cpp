// An explanation in Markdown.
#include "common/markdown.hpp"

#include <cctype>

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"

namespace tco {

std::string render_explain_markdown(const ExplainReport& report) {
  const std::string what = report.component ? to_string(*report.component) : std::string("every component");
  std::string out =
      fmt::format("## {}: {}, {} ({}), {}\n\nTotal **{}**, the sum of the terms below.\n", report.scenario_name,
                  report.strategy, what, report.basis, report.span, format_money(report.total, report.currency, 2));
  for (const auto& cause : report.causes) {
    out += fmt::format("\n### {} {} at {}: {}\n\n", to_string(cause.component), cause.cause, cause.site,
                       format_money(cause.total, report.currency, 2));
    for (const auto& formula : cause.formulas) out += "- = " + formula + "\n";
    std::vector<Row> inputs;
    for (const auto& price : cause.prices) {
      inputs.push_back({price.name, price.value, price.sheet.empty() ? "scenario" : price.sheet + " " + price.source,
                        price.location});
    }
    if (!inputs.empty()) out += "\n" + markdown_table({"Input", "Value", "Source", "Where"}, inputs);
    std::vector<Row> months;
    for (const auto& run : cause.months) {
      months.push_back({run.months == 1 ? run.from : run.from + ".." + run.to, std::to_string(run.months),
                        format_money(run.each, report.currency, 2),
                        format_money(run.each * run.months, report.currency, 2)});
    }
    if (!months.empty()) out += "\n" + markdown_table({"Months", "Count", "Each", "Amount"}, months);
  }
  if (!report.events.empty()) {
    std::string basis = per_event_basis(report);
    basis[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(basis[0])));
    out += fmt::format("\n### Per event\n\n{}.\n\n", basis);
    std::vector<Row> events;
    for (const auto& event : report.events) {
      events.push_back({event.event, join(event.sites, " + "), event.month, format_event_count(event.events),
                        format_bytes(event.bytes_per_event, false), format_money(event.amount, report.currency, 2),
                        format_money(event.per_event, report.currency, 2)});
    }
    out +=
        markdown_table({"Event", "From", "Month", "Events", "Each moves", "Month's cost", "Per event"}, events, "lll");
  }
  return out;
}

}  // namespace tco
