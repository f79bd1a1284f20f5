// `tco exit --format html`: the exit-cost curve as a line chart (by month), then the table of
// the terminal's cells (exit_table), how the figures were reckoned and each program's terms.
#include "common/html.hpp"

#include <algorithm>

#include "exit/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/exit_report.hpp"
#include "tco/report/svg_chart.hpp"

namespace tco {
namespace {

using html::emit;
using html::esc;

bool any_waived(const ExitReport& report) {
  for (const auto& point : report.result.points) {
    if (!point.waivers.empty()) return true;
  }
  return false;
}

// "$8,161 in 2027-01 and $13,437 in 2031-12 (195.551 TB)": the first and the last month.
std::string summary_sentence(const ExitReport& report) {
  const auto& points = report.result.points;
  const auto at = [&](const ExitAtMonth& point) {
    return fmt::format("{} in {} ({} stored)", exit_money(report, point.total_without_programs()),
                       exit_month_label(report, point.month), format_bytes(point.bytes, false));
  };
  std::string out = fmt::format("Leaving the clouds of {} for {} costs ", report.strategy, report.destination);
  out += points.size() == 1 ? at(points.front()) : at(points.front()) + " and " + at(points.back());
  out += report.result.options.retraining ? ", retraining included." : ".";
  if (!any_waived(report)) return out;
  const double first = points.front().total();
  const double last = points.back().total();
  out += " With the providers' exit programs, if the move meets their conditions: ";
  if (points.size() == 1 || exit_money(report, first) == exit_money(report, last)) {
    out += exit_money(report, last) + (points.size() == 1 ? "." : " in every month.");
  } else {
    out += "from " + exit_money(report, first) + " to " + exit_money(report, last) + ".";
  }
  return out;
}

void curve_section(std::string& out, const ExitReport& report) {
  const auto& points = report.result.points;
  if (!report.by_month || points.size() < 2) return;
  svg::LineChart chart;
  chart.id = "exit";
  chart.title = "The cost of leaving, by the month left in";
  chart.x_label = "Month left in";
  chart.y_label = "Cost of leaving (" + report.comparison.currency + ")";
  chart.currency = report.comparison.currency;
  svg::Series without{"without exit programs", {}};
  svg::Series with{"with exit programs", {}};
  for (const auto& point : points) {
    chart.x_labels.push_back(exit_month_label(report, point.month));
    without.values.push_back(point.total_without_programs());
    with.values.push_back(point.total());
  }
  chart.series.push_back(std::move(without));
  if (any_waived(report)) chart.series.push_back(std::move(with));
  chart.description = summary_sentence(report);
  html::open_section(out, "curve", "The exit-cost curve");
  out += html::figure(svg::render_line_chart(chart),
                      "What leaving costs in each month of the horizon: everything stored in the clouds then, moved "
                      "out" +
                          std::string(any_waived(report) ? "; the lower line with the exit programs applied." : "."));
  out += "</section>\n";
}

void table_section(std::string& out, const ExitReport& report) {
  const ExitTable grid = exit_table(report);
  html::open_section(out, "data", report.by_month ? "Every month" : "What is moved");
  std::vector<std::vector<Row>> groups(1);
  for (std::size_t i = 0; i < grid.rows.size(); ++i) {
    if (i > 0 && std::find(grid.rules_before.begin(), grid.rules_before.end(), i) != grid.rules_before.end())
      groups.emplace_back();
    groups.back().push_back(grid.rows[i]);
  }
  html::Table table{"exit", report.by_month ? "The cost of leaving by month" : "The data moved and what it costs", "",
                    grid.header, groups};
  table.text_columns = report.by_month ? 0 : 1;
  out += html::render_table(table);
  const std::string notes = exit_notes(report);
  for (std::size_t begin = 0, end = 0; begin < notes.size(); begin = end + 1) {
    end = notes.find('\n', begin);
    if (end == std::string::npos) end = notes.size();
    emit(out, "<p class=\"note\">{}</p>\n", esc(notes.substr(begin, end - begin)));
  }
  out += "</section>\n";
}

}  // namespace

std::string render_exit_html(const ExitReport& report) {
  std::string out;
  html::open_page(out, "TCO exit: " + report.comparison.scenario_name);
  const ExitOptions& options = report.result.options;
  std::vector<std::pair<std::string, std::string>> facts{
      {"Strategy", report.strategy},
      {"Its clouds", report.result.clouds.empty() ? "none" : join(report.result.clouds, ", ")},
      {"Data sent to", report.destination},
      {"Exit programs", options.exit_programs ? "applied, as a separate line" : "not applied"}};
  if (options.retraining)
    facts.emplace_back("Retraining", format_percent(*options.retraining, 0) + " of the training compute");
  html::title_block(out, report.comparison, "Leaving: what moving out of the clouds costs", facts);
  out += "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n";
  emit(out, "<p>{}</p>\n</section>\n", esc(summary_sentence(report)));
  curve_section(out, report);
  table_section(out, report);
  html::reproduce_footer(out,
                         "tco exit " + html::shell_word(report.comparison.scenario_file) + " --strategy " +
                             html::shell_word(report.strategy) + " --format html -o exit.html",
                         "price sheets", {"--to", "--at", "--by-month", "--no-exit-programs", "--retraining"});
  html::close_page(out);
  return out;
}

}  // namespace tco
