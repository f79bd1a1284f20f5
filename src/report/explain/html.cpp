// `tco explain --format html`: the terms behind a figure as a page, in the report's style.
// Each input names its price sheet and source (linked) or the scenario line it was stated on.
#include "common/html.hpp"

#include <cctype>

#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"

namespace tco {
namespace {

using html::emit;
using html::esc;

std::string what_of(const ExplainReport& report) {
  return report.component ? component_label(*report.component) : std::string("every component");
}

// "2027-01..2031-12" as prose: "2027-01 to 2031-12".
std::string span_text(const std::string& span) {
  const auto dots = span.find("..");
  return dots == std::string::npos ? span : span.substr(0, dots) + " to " + span.substr(dots + 2);
}

// Where an input came from: "aws@2025-06-01 · aws-free-dto (secondhand, retrieved 2021-12-01)"
// with the source linked, and the file:line it was read from. Links are navigation only: the
// page's security policy still lets it load nothing.
std::string origin_cell(const ExplainedFactor& factor) {
  std::string cell;
  if (!factor.sheet.empty()) {
    const std::string source = factor.url.empty() ? esc(factor.source)
                                                  : fmt::format("<a href=\"{}\" rel=\"noreferrer\">{}</a>",
                                                                esc(factor.url), esc(factor.source));
    cell = fmt::format("{} · {} ({}, retrieved {})", esc(factor.sheet), source, esc(factor.confidence),
                       esc(factor.retrieved));
  } else if (!factor.location.empty()) {
    cell = "stated in the scenario";
  } else {
    cell = "worked out";
  }
  if (!factor.location.empty()) cell += fmt::format("<br><code>{}</code>", esc(factor.location));
  if (!factor.adjusted.empty()) cell += "<br>" + esc(factor.adjusted);
  return cell;
}

void factors_table(std::string& out, const std::vector<ExplainedFactor>& factors, const std::string& caption) {
  if (factors.empty()) return;
  out += "<table class=\"inputs\">\n";
  if (!caption.empty()) emit(out, "<caption>{}</caption>\n", esc(caption));
  out +=
      "<thead><tr><th scope=\"col\">Input</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">From</th>"
      "</tr></thead>\n<tbody>\n";
  for (const auto& factor : factors) {
    emit(out, "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td></tr>\n", esc(factor.name),
         esc(factor.value), origin_cell(factor));
  }
  out += "</tbody>\n</table>\n";
}

// A term of one month: its formula and amount, its inputs, then its parts (egress tiers).
void term_block(std::string& out, const ExplainedTerm& term, const std::string& currency) {
  out += "<div class=\"term\">\n";
  emit(out, "<p class=\"formula\">{}<code>{}</code> = <strong>{}</strong></p>\n",
       term.label.empty() ? "" : esc(term.label) + ": ", esc(term.formula),
       esc(format_money(term.amount, currency, 2)));
  factors_table(out, term.factors, "");
  for (const auto& part : term.parts) term_block(out, part, currency);
  out += "</div>\n";
}

void causes_overview(std::string& out, const ExplainReport& report) {
  out +=
      "<table id=\"causes\">\n<caption>The causes, largest first</caption>\n<thead><tr><th scope=\"col\">Cause</th>"
      "<th scope=\"col\">Component</th><th scope=\"col\">Site</th><th scope=\"col\" class=\"num\">Amount</th>"
      "<th scope=\"col\" class=\"num\">Share</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < report.causes.size(); ++i) {
    const auto& cause = report.causes[i];
    const std::string share = report.total > 0 ? format_percent(cause.total / report.total) : "-";
    emit(out,
         "<tr><th scope=\"row\"><a href=\"#cause-{}\">{}</a></th><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
         "<td class=\"num\">{}</td></tr>\n",
         i + 1, esc(cause.cause), esc(component_label(cause.component)), esc(cause.site),
         esc(format_money(cause.total, report.currency, 2)), esc(share));
  }
  emit(out,
       "</tbody>\n<tbody>\n<tr><th scope=\"row\">Total</th><td></td><td></td><td class=\"num\">{}</td>"
       "<td class=\"num\"></td></tr>\n</tbody>\n</table>\n",
       esc(format_money(report.total, report.currency, 2)));
}

void cause_section(std::string& out, const ExplainReport& report, const ExplainedCause& cause, std::size_t number) {
  emit(out,
       "<section class=\"cause\" aria-labelledby=\"cause-{0}\">\n<h3 id=\"cause-{0}\">{1} · {2} at {3}: {4}</h3>\n",
       number, esc(component_label(cause.component)), esc(cause.cause), esc(cause.site),
       esc(format_money(cause.total, report.currency, 2)));
  if (!report.month.empty()) {
    for (const auto& term : cause.terms) term_block(out, term, report.currency);
    out += "</section>\n";
    return;
  }
  for (const auto& formula : cause.formulas) emit(out, "<p class=\"formula\"><code>= {}</code></p>\n", esc(formula));
  factors_table(out, cause.prices, "Inputs, across the months");
  if (!cause.months.empty()) {
    out +=
        "<table class=\"months\">\n<caption>Months</caption>\n<thead><tr><th scope=\"col\">Months</th>"
        "<th scope=\"col\" class=\"num\">Count</th><th scope=\"col\" class=\"num\">Each</th>"
        "<th scope=\"col\" class=\"num\">Amount</th></tr></thead>\n<tbody>\n";
    for (const auto& run : cause.months) {
      emit(out,
           "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
           "</tr>\n",
           esc(run.months == 1 ? run.from : run.from + " to " + run.to), run.months,
           esc(format_money(run.each, report.currency, 2)),
           esc(format_money(run.each * run.months, report.currency, 2)));
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

// Per event: what one migration, checkpoint save or flow transfer cost, in the month priced.
void events_section(std::string& out, const ExplainReport& report) {
  if (report.events.empty()) return;
  html::open_section(out, "per-event", "Per event");
  std::string basis = per_event_basis(report);
  basis[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(basis[0])));
  emit(out, "<p>{}.</p>\n", esc(basis));
  out +=
      "<table id=\"events\">\n<caption>The cost of one event</caption>\n<thead><tr><th scope=\"col\">Event</th>"
      "<th scope=\"col\">From</th><th scope=\"col\">Month</th><th scope=\"col\" class=\"num\">Events</th>"
      "<th scope=\"col\" class=\"num\">Each moves</th><th scope=\"col\" class=\"num\">Month's cost</th>"
      "<th scope=\"col\" class=\"num\">Per event</th></tr></thead>\n<tbody>\n";
  for (const auto& event : report.events) {
    emit(out,
         "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
         "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
         esc(event.event), esc(join(event.sites, " + ")), esc(event.month), esc(format_event_count(event.events)),
         esc(format_bytes(event.bytes_per_event, false)), esc(format_money(event.amount, report.currency, 2)),
         esc(format_money(event.per_event, report.currency, 2)));
  }
  out += "</tbody>\n</table>\n</section>\n";
}

// The command that makes this page again.
void footer(std::string& out, const ExplainReport& report) {
  std::string command =
      "tco explain " + html::shell_word(report.scenario_file) + " --strategy " + html::shell_word(report.strategy);
  if (report.component) command += " --component " + to_string(*report.component);
  if (!report.month.empty()) command += " --month " + report.month;
  if (report.basis != "cash") command += " --basis " + report.basis;
  html::reproduce_footer(out, command + " --format html", "price sheets", {"--horizon", "--pricing-dir", "--as-of"});
}

}  // namespace

std::string render_explain_html(const ExplainReport& report) {
  std::string out;
  html::open_page(out,
                  fmt::format("TCO explanation: {}, {}, {}", report.scenario_name, report.strategy, what_of(report)));
  out += "<header class=\"title\">\n<p class=\"kicker\">Where a figure comes from</p>\n";
  emit(out, "<h1>{}: {}</h1>\n", esc(report.scenario_name), esc(report.strategy));
  out += "<ul class=\"facts\">\n";
  emit(out, "<li><b>Component</b> {}</li>\n", esc(what_of(report)));
  emit(out, "<li><b>Basis</b> {}</li>\n", esc(report.basis));
  emit(out, "<li><b>{}</b> {}</li>\n", report.month.empty() ? "Months" : "Month", esc(span_text(report.span)));
  emit(out, "<li><b>Currency</b> {}</li>\n", esc(report.currency));
  emit(out, "<li><b>Scenario</b> <code>{}</code></li>\n", esc(report.scenario_file));
  out += "</ul>\n</header>\n";

  out += "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Total</h2>\n";
  emit(out, "<p><strong>{}</strong>, the sum of {}.</p>\n", esc(format_money(report.total, report.currency, 2)),
       report.causes.size() == 1 ? std::string("the cause below")
                                 : fmt::format("the {} causes below", report.causes.size()));
  if (report.month.empty()) {
    out +=
        "<p>Each cause lists its formulas, every input with its source, and its amount month by month. Add "
        "<code>--month YYYY-MM</code> to see each term of one month in full, tiers included.</p>\n";
  }
  out += "</section>\n";

  html::open_section(out, "causes", "Causes");
  causes_overview(out, report);
  for (std::size_t i = 0; i < report.causes.size(); ++i) cause_section(out, report, report.causes[i], i + 1);
  out += "</section>\n";
  events_section(out, report);
  footer(out, report);
  html::close_page(out);
  return out;
}

}  // namespace tco
