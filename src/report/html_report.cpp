// `tco report`: the title, summary and footer around the sections.
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
  html::open_page(out, "TCO report: " + report.comparison.scenario_name);
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
  html::close_page(out);
  return out;
}

}  // namespace tco
