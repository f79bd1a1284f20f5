// tco explain as text: each cause, its formulas, inputs and months.
#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

std::string origin_text(const ExplainedFactor& factor) {
  std::vector<std::string> parts;
  if (!factor.sheet.empty()) {
    parts.push_back(fmt::format("{} source {} ({}, {}, retrieved {})", factor.sheet, factor.source, factor.confidence,
                                factor.url, factor.retrieved));
  } else if (!factor.location.empty()) {
    parts.push_back("stated in the scenario");
  }
  if (!factor.location.empty()) parts.push_back(factor.location);
  if (!factor.adjusted.empty()) parts.push_back(factor.adjusted);
  return join(parts, "; ");
}

void render_factors(std::string& out, const std::vector<ExplainedFactor>& factors, const std::string& indent) {
  for (const auto& factor : factors) {
    const std::string origin = origin_text(factor);
    out += fmt::format("{}{} = {}{}\n", indent, factor.name, factor.value,
                       origin.empty() ? "" : "\n" + indent + "    " + origin);
  }
}

void render_term(std::string& out, const ExplainedTerm& term, const std::string& currency, const std::string& indent) {
  out += fmt::format("{}{}{} = {}\n", indent, term.label.empty() ? "" : term.label + ": ", term.formula,
                     format_money(term.amount, currency, 2));
  render_factors(out, term.factors, indent + "  ");
  for (const auto& part : term.parts) render_term(out, part, currency, indent + "  ");
}

// Per event: what one migration, checkpoint save or flow transfer cost.
void render_events_text(std::string& out, const ExplainReport& report) {
  if (report.events.empty()) return;
  out += fmt::format("\nPer event ({}):\n", per_event_basis(report));
  TextTable table;
  table.set_alignment("lll");
  table.add_row({"Event", "From", "Month", "Events", "Each moves", "Month's cost", "Per event"});
  for (const auto& event : report.events) {
    table.add_row({event.event, join(event.sites, " + "), event.month, format_event_count(event.events),
                   format_bytes(event.bytes_per_event, false), format_money(event.amount, report.currency, 2),
                   format_money(event.per_event, report.currency, 2)});
  }
  const std::string text = table.render();
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    out += "  " + text.substr(start, end - start + 1);
    start = end + 1;
  }
}

}  // namespace

std::string render_explain_table(const ExplainReport& report) {
  const std::string what = report.component ? to_string(*report.component) : std::string("every component");
  std::string out = fmt::format("{}: strategy {}, {} ({}), {}\n\n", report.scenario_name, report.strategy, what,
                                report.basis, report.span);
  out += fmt::format("Total {} = {}.\n", format_money(report.total, report.currency, 2),
                     report.causes.size() == 1 ? std::string("the term below")
                                               : fmt::format("the sum of the {} terms below", report.causes.size()));
  for (const auto& cause : report.causes) {
    out += fmt::format("\n{} {} at {}: {}\n", to_string(cause.component), cause.cause, cause.site,
                       format_money(cause.total, report.currency, 2));
    for (const auto& term : cause.terms) render_term(out, term, report.currency, "  ");
    if (!report.month.empty()) continue;  // the terms above say it all
    for (const auto& formula : cause.formulas) out += "  = " + formula + "\n";
    if (!cause.prices.empty()) {
      out += "  inputs:\n";
      render_factors(out, cause.prices, "    ");
    }
    if (!cause.months.empty()) {
      out += "  months:\n";
      for (const auto& run : cause.months) {
        const std::string span = run.months == 1 ? run.from : run.from + ".." + run.to;
        out += fmt::format("    {:<16} {:>3} x {:>16} = {}\n", span, run.months,
                           format_money(run.each, report.currency, 2),
                           format_money(run.each * run.months, report.currency, 2));
      }
    }
  }
  render_events_text(out, report);
  if (report.month.empty()) out += "\nAdd --month YYYY-MM to see each term of one month in full, tiers included.\n";
  return out;
}

}  // namespace tco
