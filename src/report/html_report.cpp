// `tco report`: the page around the sections: head and stylesheet, title, summary, footer.
#include "tco/report/html_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "html_common.hpp"
#include "tco/core/text.hpp"

namespace tco {
namespace {

using html::emit;
using html::esc;

// Sober and readable on screen and on paper: a system font stack (nothing to download, which
// the CSP would block anyway), dark text, hairline rules, figures in tabular digits. Shades
// are decoration only; the print stylesheet drops them and keeps tables and charts whole.
// Sizes are in rem, so the print stylesheet scales all text by setting the root's size.
constexpr const char* kStyle = R"(:root { color-scheme: light; font-size: 15px; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1b1f24;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Liberation Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2.5rem 2rem 3rem; }
header.title { border-bottom: 2px solid #1b1f24; padding-bottom: .9rem; }
.kicker { margin: 0; font-size: .75rem; letter-spacing: .08em; text-transform: uppercase; color: #4a5562; }
h1 { margin: .2rem 0 .3rem; font-size: 1.9rem; line-height: 1.2; }
.description { margin: 0; font-size: 1.05rem; color: #3b4450; }
.facts { margin: .6rem 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.6rem;
  font-size: .9rem; color: #3b4450; }
.facts b { color: #1b1f24; font-weight: 600; }
h2 { margin: 2.6rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid #c9ced4; font-size: 1.3rem; }
h3 { margin: 1.6rem 0 .4rem; font-size: 1.05rem; }
p { margin: .6rem 0; }
.summary { margin-top: 1.4rem; padding: .9rem 1.1rem; border-left: 4px solid #0072b2; background: #f4f6f8;
  font-size: 1.02rem; }
.summary h2 { margin: 0 0 .3rem; padding: 0; border: 0; font-size: .75rem; letter-spacing: .08em;
  text-transform: uppercase; color: #4a5562; }
.summary p { margin: .3rem 0; }
.note { font-size: .88rem; color: #3b4450; }
table { width: 100%; margin: .4rem 0 1rem; border-collapse: collapse; font-size: .9rem; }
caption { padding: 0 0 .4rem; caption-side: top; text-align: left; font-weight: 600; color: #1b1f24; }
th, td { padding: .32rem .6rem; border-bottom: 1px solid #e1e4e8; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #1b1f24; font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: normal; }
tbody + tbody tr:first-child > * { border-top: 2px solid #1b1f24; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.baseline { background: #f4f6f8; }
.tag { display: block; font-size: .7rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase;
  color: #4a5562; }
table.compact { width: auto; min-width: 60%; }
figure { margin: 1rem 0 1.6rem; }
svg.chart { display: block; width: 100%; height: auto; border: 1px solid #e1e4e8; }
figcaption { margin-top: .4rem; font-size: .88rem; color: #3b4450; }
details { margin-top: .4rem; font-size: .88rem; }
summary { cursor: pointer; color: #1f4e79; }
details table { width: auto; }
dl.assumptions { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; margin: .6rem 0 1rem; }
dl.assumptions dt { font-weight: 600; }
dl.assumptions dd { margin: 0; }
ul.sources { margin: .3rem 0 1rem; padding-left: 1.2rem; font-size: .88rem; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .9em;
  white-space: nowrap; }
table.sheets td:nth-child(-n+5) { white-space: nowrap; }
footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid #c9ced4; font-size: .85rem; color: #3b4450; }
/* A4 with 15 mm margins: the content is 180 mm wide, and charts scale to it. */
@page { size: A4; margin: 15mm; }
@media print {
  :root { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 1.4rem; break-after: avoid; }
  h3 { break-after: avoid; }
  .summary, .baseline { background: none; }
  figure, table, .summary, dl.assumptions { break-inside: avoid; }
  svg.chart { border: 0; }
  thead { display: table-header-group; }
  details { display: none; }
}
)";

// The strategy with the smallest cash total over the horizon.
const StrategyColumn* cheapest(const ComparisonReport& comparison) {
  const auto it =
      std::min_element(comparison.strategies.begin(), comparison.strategies.end(),
                       [](const StrategyColumn& a, const StrategyColumn& b) { return a.total_cash < b.total_cash; });
  return it == comparison.strategies.end() ? nullptr : &*it;
}

// "hybrid does not break even ... dearer at any utilization." for one entry.
std::string entry_sentence(const BreakevenReport& report, const BreakevenEntry& entry) {
  const ComparisonReport& comparison = report.comparison;
  const double gap = entry.cash.crossing.gap_at_end;
  const std::string difference = fmt::format("{} {} at the end", format_money(std::fabs(gap), comparison.currency, 0),
                                             gap <= 0 ? "cheaper" : "dearer");
  std::string sentence = entry.cash.crossing.month
                             ? fmt::format("{} breaks even with {} in month {} ({}) and is {}", entry.strategy,
                                           comparison.baseline, *entry.cash.crossing.month, entry.cash.date, difference)
                             : fmt::format("{} does not break even with {} within the horizon ({})", entry.strategy,
                                           comparison.baseline, difference);
  const auto& solved = entry.by_utilization;
  switch (solved.kind) {
    case UtilizationBreakeven::Kind::crossing:
      sentence += fmt::format("; its break-even utilization is {}: it is the cheaper one {} it",
                              format_percent(solved.utilization), solved.cheaper_above ? "above" : "below");
      break;
    case UtilizationBreakeven::Kind::cheaper_throughout:
      sentence += "; it has no break-even utilization: it is cheaper at any utilization";
      break;
    case UtilizationBreakeven::Kind::dearer_throughout:
      sentence += "; it has no break-even utilization: it is dearer at any utilization";
      break;
  }
  return sentence + ".";
}

void title_and_summary(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  out += "<header class=\"title\">\n<p class=\"kicker\">Total cost of ownership report</p>\n";
  emit(out, "<h1>{}</h1>\n", esc(comparison.scenario_name));
  if (!comparison.description.empty()) emit(out, "<p class=\"description\">{}</p>\n", esc(comparison.description));
  out += "<ul class=\"facts\">\n";
  emit(out, "<li><b>Horizon</b> {} to {} ({} months)</li>\n", esc(comparison.start), esc(comparison.end),
       comparison.months);
  emit(out, "<li><b>Currency</b> {}</li>\n", esc(comparison.currency));
  emit(out, "<li><b>Discount rate</b> {}/year</li>\n", esc(format_percent(comparison.discount_rate)));
  emit(out, "<li><b>Prices</b> {}</li>\n",
       esc(comparison.prices_as_of.empty() ? "in effect each month" : "as of " + comparison.prices_as_of));
  emit(out, "<li><b>Baseline</b> {}</li>\n", esc(comparison.baseline));
  out += "</ul>\n</header>\n";

  out += "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n";
  if (comparison.strategies.size() == 1) {
    const StrategyColumn& only = comparison.strategies.front();
    emit(out, "<p>Over the {} months from {} to {}, <strong>{}</strong> costs {} in cash.</p>\n", comparison.months,
         esc(comparison.start), esc(comparison.end), esc(only.name),
         esc(format_money(only.total_cash, comparison.currency, 0)));
  } else if (const StrategyColumn* best = cheapest(comparison)) {
    std::vector<std::string> others;
    for (const auto& column : comparison.strategies) {
      if (&column != best)
        others.push_back(fmt::format("{} {}", column.name, format_money(column.total_cash, comparison.currency, 0)));
    }
    emit(out,
         "<p>Over the {} months from {} to {}, the cheapest strategy in cash is <strong>{}</strong> at {}{}.</p>\n",
         comparison.months, esc(comparison.start), esc(comparison.end), esc(best->name),
         esc(format_money(best->total_cash, comparison.currency, 0)),
         others.empty() ? "" : esc(" (" + join(others, ", ") + ")"));
  }
  for (const auto& entry : report.entries) emit(out, "<p>{}</p>\n", esc(entry_sentence(report, entry)));
  emit(out, "<p>As written, the scenario holds its GPUs {} of the hours of their active months.</p>\n",
       esc(format_percent(report.declared_utilization)));
  out += "</section>\n";
}

// A path as a shell word: quoted only when it needs to be.
std::string shell_word(const std::string& word) {
  const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '/' || c == '-' || c == '_';
  });
  if (plain) return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

void footer(std::string& out, const BreakevenReport& report) {
  emit(out,
       "<footer>\n<p>Generated by tco from the scenario and the price sheets listed above. To reproduce it, run "
       "<code>tco report {} -o report.html</code> with the same price sheets, adding the options this run was "
       "given, if any (<code>--baseline</code>, <code>--horizon</code>, <code>--utilization</code>, "
       "<code>--pricing-dir</code>, <code>--as-of</code>).</p>\n</footer>\n",
       esc(shell_word(report.comparison.scenario_file)));
}

}  // namespace

std::string render_html_report(const BreakevenReport& report) {
  std::string out;
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing but the inline styles and data: images may load; no script could run.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n";
  emit(out, "<title>TCO report: {}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n",
       esc(report.comparison.scenario_name), kStyle);
  title_and_summary(out, report);
  html::comparison_section(out, report);
  html::unit_economics_section(out, report);
  html::cumulative_section(out, report);
  html::breakeven_section(out, report);
  html::utilization_section(out, report);
  html::monthly_section(out, report);
  html::causes_section(out, report);
  html::assumptions_section(out, report);
  footer(out, report);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace tco
