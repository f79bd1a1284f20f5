// `tco sensitivity --format html`: the tornado chart of the inputs that move the figure most,
// and every input in a table, in the report's style. Figures read as in the terminal
// (format_measure, the rows' own value texts).
#include "common/html.hpp"

#include <algorithm>

#include "tco/core/text.hpp"
#include "tco/report/sensitivity_report.hpp"
#include "tco/report/svg_chart.hpp"

namespace tco {
namespace {

using html::emit;
using html::esc;

constexpr std::size_t kChartRows = 15;

// The rows that move the figure: they come first, largest effect first.
std::size_t moving_rows(const SensitivityReport& report) {
  return static_cast<std::size_t>(
      std::count_if(report.rows.begin(), report.rows.end(), [](const SensitivityRow& row) { return row.effect > 0; }));
}

std::string swing_text(const SensitivityReport& report) { return "±" + format_percent(report.swing, 0); }

// "sites.dc.depreciation: +$12,374,220 at 4 years, +$3,734,220 at 6 years".
std::string row_summary(const SensitivityReport& report, const SensitivityRow& row) {
  return fmt::format("{}: {} at {}, {} at {}", row.input, format_measure(report, row.low), row.low_value,
                     format_measure(report, row.high), row.high_value);
}

void summary(std::string& out, const SensitivityReport& report) {
  out += "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n";
  emit(out, "<p>As written, <strong>{}</strong> is <strong>{}</strong>.</p>\n", esc(report.measure_label),
       esc(format_measure(report, report.as_written)));
  emit(out,
       "<p>Each input was swung {} of its value, or to its P10 and P90 when the scenario gives it a distribution, "
       "the others as written.</p>\n",
       esc(swing_text(report)));
  const std::size_t moving = moving_rows(report);
  if (moving == 0) {
    emit(out, "<p>No input moves it: each of the {} leaves it {}.</p>\n", report.rows.size(),
         esc(format_measure(report, report.as_written)));
  } else {
    std::vector<std::string> top;
    for (std::size_t i = 0; i < std::min<std::size_t>(moving, 3); ++i)
      top.push_back(row_summary(report, report.rows[i]));
    if (top.size() > 1) top.back() = "and " + top.back();
    emit(out, "<p>It moves most with {}.</p>\n", esc(join(top, "; ")));
  }
  out += "</section>\n";
}

svg::Tornado tornado_of(const SensitivityReport& report, std::size_t bars) {
  const auto& comparison = report.comparison;
  svg::Tornado chart;
  chart.id = "tornado";
  chart.title = "What moves " + report.measure_label;
  chart.x_label = report.measure_is_month ? report.measure_label + " (months from the start)"
                                          : report.measure_label + " (" + comparison.currency + ")";
  chart.y_label = "Input";
  chart.as_written = report.as_written;
  chart.as_written_label = "as written " + format_measure(report, report.as_written);
  chart.x_format = report.measure_is_month ? svg::ValueFormat::months : svg::ValueFormat::money;
  chart.plus_sign = report.measure.kind == Measure::Kind::difference;
  chart.currency = comparison.currency;
  chart.beyond_at = comparison.months;
  chart.beyond_label = "no break-even within the horizon (drawn at its end)";
  std::vector<std::string> described;
  for (std::size_t i = 0; i < bars; ++i) {
    const auto& row = report.rows[i];
    chart.bars.push_back({row.input, row.low, row.high});
    described.push_back(row_summary(report, row));
  }
  chart.description = fmt::format(
      "Tornado chart of {}, as written {}. Each bar is an input, from the figure with the input at the low end of "
      "its swing to the figure at its high end, the largest swing on top: {}.",
      report.measure_label, format_measure(report, report.as_written), join(described, "; "));
  return chart;
}

void tornado_section(std::string& out, const SensitivityReport& report) {
  const std::size_t bars = std::min(moving_rows(report), kChartRows);
  if (bars == 0) return;
  html::open_section(out, "tornado", "Tornado");
  std::string caption = fmt::format(
      "Each bar spans {} with the input at the low end of its swing (blue) to that at its high end (orange); the "
      "line is the figure as written. ",
      report.measure_label);
  if (bars == moving_rows(report)) {
    caption += bars == 1 ? "The one input that moves it." : fmt::format("The {} inputs that move it.", bars);
  } else {
    caption += fmt::format("The {} inputs that move it most.", bars);
  }
  if (report.measure_is_month) caption += " An arrowhead marks an end where there is no break-even within the horizon.";
  out += html::figure(svg::render_tornado(tornado_of(report, bars)), caption);
  out += "</section>\n";
}

// A key path that may wrap after its dots.
std::string breakable(const std::string& path) {
  std::string out;
  for (char c : esc(path)) {
    out += c;
    if (c == '.') out += "<wbr>";
  }
  return out;
}

// Written here rather than with html::render_table, whose cells are plain text: each cell has
// a second line (how the input was swung and where it was read; the input's value at each end),
// so the table fits the page in four columns.
void inputs_section(std::string& out, const SensitivityReport& report) {
  html::open_section(out, "inputs", "Every input");
  emit(out,
       "<table id=\"sensitivity\">\n<caption>Every input, by how far it moves {} (as written {}); with the input "
       "low and high, the figure over the input's value</caption>\n<thead><tr><th scope=\"col\">Input</th>"
       "<th scope=\"col\" class=\"num\">As written</th><th scope=\"col\" class=\"num\">Input low</th>"
       "<th scope=\"col\" class=\"num\">Input high</th></tr></thead>\n",
       esc(report.measure_label), esc(format_measure(report, report.as_written)));
  // Those that move the figure, then those that do not.
  for (const bool moving : {true, false}) {
    std::string body;
    for (const auto& row : report.rows) {
      if ((row.effect > 0) != moving) continue;
      const std::string from = row.location.empty() ? "" : fmt::format(" · <code>{}</code>", esc(row.location));
      emit(body,
           "<tr><th scope=\"row\">{}<br><span class=\"note\">{}{}</span></th><td class=\"num\">{}</td>"
           "<td class=\"num\">{}<br><span class=\"note\">{}</span></td>"
           "<td class=\"num\">{}<br><span class=\"note\">{}</span></td></tr>\n",
           breakable(row.input), esc(row.basis), from, esc(row.as_written_value), esc(format_measure(report, row.low)),
           esc(row.low_value), esc(format_measure(report, row.high)), esc(row.high_value));
    }
    if (!body.empty()) out += "<tbody>\n" + body + "</tbody>\n";
  }
  out += "</table>\n";

  std::vector<std::string> notes;
  const std::size_t moving = moving_rows(report);
  const std::size_t still = report.rows.size() - moving;
  if (moving > kChartRows)
    notes.push_back(fmt::format("The chart shows the {} inputs that move it most; {} more move it less.", kChartRows,
                                moving - kChartRows));
  if (still > 0 && moving > 0)
    notes.push_back(fmt::format("The last {} input{} in the table do{} not move it at all.", still,
                                still == 1 ? "" : "s", still == 1 ? "es" : ""));
  if (report.engine_evaluations > 0)
    notes.push_back(fmt::format(
        "{} swings changed a decision the evaluation plan was recorded with and were priced by the full model.",
        report.engine_evaluations));
  if (!notes.empty()) emit(out, "<p class=\"note\">{}</p>\n", esc(join(notes, " ")));
  out += "</section>\n";
}

void footer(std::string& out, const SensitivityReport& report) {
  std::string command = "tco sensitivity " + html::shell_word(report.comparison.scenario_file) + " " +
                        html::measure_arguments(report.measure);
  if (report.swing != 0.2)
    command += " --swing " + trim_trailing_zeros(fmt::format("{:.4f}", report.swing * 100)) + "%";
  html::reproduce_footer(out, command + " --format html -o sensitivity.html", "price sheets",
                         {"--baseline", "--horizon", "--pricing-dir", "--as-of"});
}

}  // namespace

namespace html {

std::string measure_arguments(const Measure& measure) {
  switch (measure.kind) {
    case Measure::Kind::total:
      return "--measure total --strategy " + shell_word(measure.strategy);
    case Measure::Kind::difference:
      return "--measure difference --strategy " + shell_word(measure.strategy) + " --against " +
             shell_word(measure.against);
    case Measure::Kind::breakeven:
      return "--measure breakeven --strategy " + shell_word(measure.strategy);
  }
  return "";
}

}  // namespace html

std::string render_sensitivity_html(const SensitivityReport& report) {
  std::string out;
  html::open_page(out, "TCO sensitivity: " + report.comparison.scenario_name);
  html::title_block(out, report.comparison, "Sensitivity: what moves a figure",
                    {{"Measure", report.measure_label}, {"Swing", swing_text(report) + ", or P10..P90"}});
  summary(out, report);
  tornado_section(out, report);
  inputs_section(out, report);
  footer(out, report);
  html::close_page(out);
  return out;
}

}  // namespace tco
