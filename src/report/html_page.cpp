// The page every HTML rendering shares: head, content security policy and stylesheet.
#include <algorithm>
#include <cctype>

#include "html_common.hpp"
#include "tco/core/text.hpp"

namespace tco::html {
namespace {

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
p.formula code { white-space: normal; }
.term { margin: .4rem 0 .4rem .2rem; padding-left: .9rem; border-left: 2px solid #e1e4e8; }
table.inputs td:last-child { font-size: .85rem; color: #3b4450; }
table.months { width: auto; min-width: 50%; }
section.cause { break-inside: avoid-page; }
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

}  // namespace

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

void open_page(std::string& out, const std::string& title) {
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing but the inline styles and data: images may load; no script could run.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n";
  emit(out, "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n", esc(title), kStyle);
}

void close_page(std::string& out) { out += "</main>\n</body>\n</html>\n"; }

void title_block(std::string& out, const ComparisonReport& comparison, const std::string& kicker,
                 const std::vector<std::pair<std::string, std::string>>& more_facts) {
  emit(out, "<header class=\"title\">\n<p class=\"kicker\">{}</p>\n", esc(kicker));
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
  for (const auto& [name, value] : more_facts) emit(out, "<li><b>{}</b> {}</li>\n", esc(name), esc(value));
  out += "</ul>\n</header>\n";
}

}  // namespace tco::html
