// `tco sweep --format html`: a grid over two inputs as a heat map of the measure, or over one
// input as a line chart of every strategy's total; then the grid as a table, with the same
// cells as the terminal's (sweep_rows).
#include "common/html.hpp"

#include <cmath>
#include <optional>

#include "sweep/rows.hpp"
#include "tco/core/text.hpp"
#include "tco/report/svg_chart.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco {
namespace {

using html::emit;
using html::esc;

// The measure in a few words, for a legend: "on-prem break-even month", "on-prem total (USD)".
std::string measure_name(const SweepReport& report) {
  const Measure& m = report.measure;
  const std::string& currency = report.comparison.currency;
  switch (m.kind) {
    case Measure::Kind::total:
      return m.strategy + " total (" + currency + ")";
    case Measure::Kind::difference:
      return m.strategy + " minus " + m.against + " (" + currency + ")";
    case Measure::Kind::breakeven:
      return m.strategy + " break-even month";
  }
  return "";
}

// The measure as a phrase: the report's label, without the terminal's key to its dashes.
std::string measure_text(const SweepReport& report) {
  if (!report.measure_is_month) return report.measure_label;
  return fmt::format("months until {} breaks even with {}", report.measure.strategy, report.baseline);
}

// Where `value` falls among ascending `values`, as a fractional index; none outside them.
std::optional<double> index_of(const std::vector<double>& values, double value) {
  if (values.empty()) return std::nullopt;
  const double tolerance = 1e-9 * std::max({1.0, std::fabs(value), std::fabs(values.back() - values.front())});
  if (value < values.front() - tolerance || value > values.back() + tolerance) return std::nullopt;
  for (std::size_t i = 0; i + 1 < values.size(); ++i) {
    if (value <= values[i + 1])
      return static_cast<double>(i) + std::max(0.0, (value - values[i])) / (values[i + 1] - values[i]);
  }
  return static_cast<double>(values.size() - 1);
}

// "utilization 100 %, sites.dc.electricity 0.05 USD/kWh": the point's values.
std::string point_text(const SweepReport& report, std::size_t point) {
  if (report.axes.size() == 1) return report.axes[0].path + " " + report.axes[0].labels[point];
  const std::size_t columns = report.axes[1].values.size();
  return report.axes[0].path + " " + report.axes[0].labels[point / columns] + ", " + report.axes[1].path + " " +
         report.axes[1].labels[point % columns];
}

// Where the measure is lowest and highest, and how many points have none.
std::string range_sentence(const SweepReport& report) {
  std::optional<std::size_t> lowest;
  std::optional<std::size_t> highest;
  std::size_t none = 0;
  for (std::size_t i = 0; i < report.measured.size(); ++i) {
    const auto& value = report.measured[i];
    if (!value) {
      ++none;
      continue;
    }
    if (!lowest || *value < *report.measured[*lowest]) lowest = i;
    if (!highest || *value > *report.measured[*highest]) highest = i;
  }
  const std::size_t count = report.measured.size();
  const auto cell = [&](std::size_t i) { return format_sweep_cell(report, report.measured[i]); };
  if (!report.measure_is_month) {
    if (!lowest) return "";
    return fmt::format("{} ranges from {} ({}) to {} ({}).", measure_name(report), cell(*lowest),
                       point_text(report, *lowest), cell(*highest), point_text(report, *highest));
  }
  const std::string& strategy = report.measure.strategy;
  if (!lowest)
    return fmt::format("{} does not break even with {} within the horizon at any of the {} points.", strategy,
                       report.baseline, count);
  std::string out = fmt::format(
      "{} breaks even with {} within the horizon at {} of the {} points: soonest in month {} ({}), latest in month "
      "{} ({}).",
      strategy, report.baseline, count - none, count, cell(*lowest), point_text(report, *lowest), cell(*highest),
      point_text(report, *highest));
  if (none > 0) out += fmt::format(" At the other {} it does not.", none);
  return out;
}

void summary(std::string& out, const SweepReport& report) {
  out += "<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n";
  if (report.axes.size() == 2) {
    emit(out, "<p>Each point of the grid is <strong>{}</strong>, every other input as written.</p>\n",
         esc(measure_text(report)));
  } else {
    emit(out,
         "<p>Each strategy's total cash over the {} months at each value of {}, every other input as written.</p>\n",
         report.comparison.months, esc(report.axes[0].label));
  }
  const std::string range = range_sentence(report);
  if (!range.empty()) emit(out, "<p>{}</p>\n", esc(range));
  out += "</section>\n";
}

// The scenario's values as written on every axis: "64.13 %, 0.0806 USD/kWh".
std::string as_written_text(const SweepReport& report) {
  std::vector<std::string> values;
  for (const auto& axis : report.axes) values.push_back(axis.as_written);
  return join(values, ", ");
}

void heat_map_section(std::string& out, const SweepReport& report) {
  const auto& rows = report.axes[0];
  const auto& columns = report.axes[1];
  svg::HeatMap chart;
  chart.id = "heatmap";
  chart.title = measure_name(report) + " by " + rows.path + " and " + columns.path;
  chart.x_label = columns.label;
  chart.y_label = rows.label;
  chart.x_labels = columns.labels;
  chart.y_labels = rows.labels;
  chart.values = report.measured;
  for (const auto& value : report.measured) {
    chart.cell_labels.push_back(value ? format_sweep_cell(report, value) : "");
    std::string brief;
    if (value && report.measure_is_month) brief = format_sweep_cell(report, value);
    if (value && !report.measure_is_month) {
      const std::string sign = report.measure.kind == Measure::Kind::difference && *value >= 0 ? "+" : "";
      brief = sign + compact_money(*value, report.comparison.currency);
    }
    chart.short_cell_labels.push_back(brief);
  }
  chart.value_name = measure_name(report);
  chart.missing_name = "no break-even within the horizon";
  chart.scale_format = report.measure_is_month ? svg::ValueFormat::months : svg::ValueFormat::money;
  chart.currency = report.comparison.currency;
  const auto column = index_of(columns.values, columns.as_written_value);
  const auto row = index_of(rows.values, rows.as_written_value);
  if (column && row) chart.marker = std::make_pair(*column, *row);
  chart.marker_label = "as written";
  std::size_t none = 0;
  for (const auto& value : report.measured) none += value ? 0U : 1U;
  chart.description = fmt::format(
      "Heat map of {} over {} values of {} ({} to {}, rows) and {} values of {} ({} to {}, columns); darker cells "
      "are higher.{} {}",
      measure_text(report), rows.values.size(), rows.path, rows.labels.front(), rows.labels.back(),
      columns.values.size(), columns.path, columns.labels.front(), columns.labels.back(),
      none > 0 ? fmt::format(" {} of the {} cells, hatched, have no break-even within the horizon.", none,
                             report.measured.size())
               : "",
      range_sentence(report));

  html::open_section(out, "heatmap", "Heat map");
  std::string caption = fmt::format("Each cell is {} at a value of {} (rows) and of {} (columns); darker is higher.",
                                    measure_text(report), rows.path, columns.path);
  if (none > 0) caption += " Hatched cells do not break even within the horizon.";
  caption += chart.marker ? " Ringed: the scenario's values as written (" + as_written_text(report) + ")."
                          : " The scenario's values as written (" + as_written_text(report) + ") lie outside the grid.";
  out += html::figure(svg::render_heat_map(chart), caption);
  out += "</section>\n";
}

void line_section(std::string& out, const SweepReport& report) {
  const auto& axis = report.axes[0];
  if (axis.values.size() < 2) return;  // one point makes no line; the table has it
  const auto& comparison = report.comparison;
  svg::LineChart chart;
  chart.id = "sweep";
  chart.title = "Total cost over the horizon by " + axis.path + " (cash)";
  chart.x_label = axis.label;
  chart.y_label = "Total cost (" + comparison.currency + ")";
  chart.x_labels = axis.labels;
  chart.currency = comparison.currency;
  for (std::size_t s = 0; s < report.strategies.size(); ++s) {
    svg::Series series{report.strategies[s], {}};
    for (const auto& figures : report.points) series.values.push_back(figures[s].total);
    chart.series.push_back(std::move(series));
  }
  const auto at = index_of(axis.values, axis.as_written_value);
  for (std::size_t s = 0; s < chart.series.size() && at; ++s) {
    if (chart.series[s].name != report.measure.strategy) continue;
    const auto& values = chart.series[s].values;
    const auto i = std::min(static_cast<std::size_t>(*at), values.size() - 2);
    const double y = values[i] + (values[i + 1] - values[i]) * (*at - static_cast<double>(i));
    chart.markers.push_back({report.strategies[s], *at, y, "as written " + axis.as_written});
  }
  chart.description = fmt::format("Total cash cost in {} over the {} months of {} at {} from {} to {}. {}",
                                  comparison.currency, comparison.months, html::and_list(report.strategies), axis.path,
                                  axis.labels.front(), axis.labels.back(), range_sentence(report));
  html::open_section(out, "totals", "Totals");
  out += html::figure(svg::render_line_chart(chart),
                      "Each line is a strategy's total over the horizon at that value of " + axis.path +
                          ", every other input as written." +
                          (chart.markers.empty() ? "" : " Ringed: the scenario's value as written."));
  out += "</section>\n";
}

void grid_section(std::string& out, const SweepReport& report) {
  html::open_section(out, "grid", report.axes.size() == 2 ? "The grid" : "Every point");
  const SweepGrid grid = sweep_grid(report);
  const std::string caption =
      report.axes.size() == 2
          ? fmt::format("{}: {} (rows) by {} (columns)", measure_text(report), report.axes[0].path, report.axes[1].path)
          : fmt::format("Each strategy's total and break-even month by {}", report.axes[0].path);
  out += html::render_table({"sweep", caption, "", grid.header, {grid.rows}});
  std::string notes = "Every other input as written. Break-even: when the cumulative cash comes down to " +
                      report.baseline + "'s and stays there.";
  if (report.measure_is_month && report.axes.size() == 2) notes += " A dash: no break-even within the horizon.";
  if (report.engine_evaluations > 0)
    notes += fmt::format(
        " {} points changed a decision the evaluation plan was recorded with and were priced by the full model.",
        report.engine_evaluations);
  emit(out, "<p class=\"note\">{}</p>\n</section>\n", esc(notes));
}

void footer(std::string& out, const SweepReport& report) {
  html::reproduce_footer(out,
                         "tco sweep " + html::shell_word(report.comparison.scenario_file) + " " +
                             html::measure_arguments(report.measure) + " --format html -o sweep.html",
                         "<code>--vary</code> options and price sheets",
                         {"--baseline", "--horizon", "--pricing-dir", "--as-of"}, "other ");
}

}  // namespace

std::string render_sweep_html(const SweepReport& report) {
  std::string out;
  html::open_page(out, "TCO sweep: " + report.comparison.scenario_name);
  std::vector<std::pair<std::string, std::string>> facts;
  for (const auto& axis : report.axes) {
    facts.emplace_back(axis.path, fmt::format("{} to {}, {} values (as written {})", axis.labels.front(),
                                              axis.labels.back(), axis.values.size(), axis.as_written));
  }
  facts.emplace_back("Measure", measure_text(report));
  html::title_block(out, report.comparison, "Sweep: figures over a grid of inputs", facts);
  summary(out, report);
  if (report.axes.size() == 2) {
    heat_map_section(out, report);
  } else if (report.axes.size() == 1) {
    line_section(out, report);
  }
  grid_section(out, report);
  footer(out, report);
  html::close_page(out);
  return out;
}

}  // namespace tco
