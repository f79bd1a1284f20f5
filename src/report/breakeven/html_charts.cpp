// The HTML report's charts: cumulative cost with its break-even points, totals by
// utilization, and each strategy's monthly cost by component. Series keep the comparison's
// strategy order in every line chart, so a strategy has the same colour and dash throughout.
#include <algorithm>
#include <cmath>
#include <optional>

#include "breakeven/sections.hpp"
#include "tco/core/text.hpp"
#include "tco/report/svg_chart.hpp"

namespace tco::html {

namespace {

std::vector<std::string> strategy_names(const ComparisonReport& comparison) {
  std::vector<std::string> names;
  for (const auto& column : comparison.strategies) names.push_back(column.name);
  return names;
}

// "30 %", or "32.5 %" when the level is not a whole percent.
std::string level_label(double level) {
  const double percent = level * 100;
  return format_percent(level, std::fabs(percent - std::round(percent)) < 1e-6 ? 0 : 1);
}

// The rows of a data table: a label, then one formatted value per series, at `indices`.
Table data_table(const std::string& caption, const std::string& first, const std::vector<std::string>& labels,
                 const std::vector<svg::Series>& series, const std::vector<std::size_t>& indices,
                 const std::string& currency) {
  Row header{first};
  for (const auto& s : series) header.push_back(s.name);
  std::vector<Row> rows;
  for (std::size_t i : indices) {
    Row row{labels[i]};
    for (const auto& s : series) row.push_back(i < s.values.size() ? format_money(s.values[i], currency, 0) : "-");
    rows.push_back(std::move(row));
  }
  return Table{"", caption, "data", header, {rows}};
}

// Break-even points ringed on the cumulative curves, where the terminal chart puts its X.
std::vector<svg::Marker> breakeven_markers(const BreakevenReport& report) {
  std::vector<svg::Marker> markers;
  for (const auto& point : breakeven_points(report))
    markers.push_back({point.strategy, point.x, point.y, point.strategy + " breaks even " + point.date});
  return markers;
}

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// A month far above the others (hardware bought) would flatten the rest of its chart: bars
// more than this many times the median month are cut, the others drawn to fill the plot.
constexpr double kCutAboveMedian = 8;

// Where to cut the bars of `totals`, if any is that far above the median month.
std::optional<double> cut_level(const std::vector<double>& totals) {
  if (totals.size() < 2) return std::nullopt;
  const double ordinary_limit = kCutAboveMedian * std::max(median_of(totals), 0.0);
  double highest_ordinary = 0;
  for (double total : totals)
    if (total <= ordinary_limit) highest_ordinary = std::max(highest_ordinary, total);
  // The ordinary months fill most of the plot; a month over the limit but under this is
  // drawn whole.
  const double level = highest_ordinary * 1.2;
  const bool cuts_a_bar = std::any_of(totals.begin(), totals.end(), [&](double total) { return total > level; });
  if (highest_ordinary <= 0 || !cuts_a_bar) return std::nullopt;
  return level;
}

// Says what the largest month is and what a typical month pays, so both can be read.
std::string peak_note(const StrategyColumn& column, const ComparisonReport& comparison, bool cut) {
  const auto& totals = column.monthly_cash;
  if (!cut || column.monthly_components_cash.size() != totals.size()) return "";
  const auto peak = static_cast<std::size_t>(std::max_element(totals.begin(), totals.end()) - totals.begin());
  const auto& amounts = column.monthly_components_cash[peak];
  const auto largest = static_cast<std::size_t>(std::max_element(amounts.begin(), amounts.end()) - amounts.begin());
  return fmt::format(
      " The largest month, {}, pays {} ({} of it {}); the median month pays {}. Bars broken by a white slanted gap go "
      "off "
      "the scale; their totals are written above them.",
      comparison.month_labels[peak], format_money(totals[peak], comparison.currency, 0),
      format_money(amounts[largest], comparison.currency, 0), to_string(kComponents[largest]),
      format_money(median_of(totals), comparison.currency, 0));
}

}  // namespace

void cumulative_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  // A line needs two points: over a single month the comparison table says it all.
  if (comparison.strategies.empty() || comparison.month_labels.size() < 2) return;
  open_section(out, "cumulative", "Cumulative cost");
  svg::LineChart chart;
  chart.id = "cumulative";
  chart.title = "Cumulative cost (cash)";
  chart.x_label = "Month";
  chart.y_label = "Cumulative cost (" + comparison.currency + ")";
  chart.x_labels = comparison.month_labels;
  chart.currency = comparison.currency;
  for (std::size_t s = 0; s < comparison.strategies.size(); ++s)
    chart.series.push_back({comparison.strategies[s].name, report.cumulative[s]});
  chart.markers = breakeven_markers(report);
  chart.description =
      fmt::format("Cumulative cash cost in {} of {}, month by month from {} to {}.", comparison.currency,
                  and_list(strategy_names(comparison)), comparison.start, comparison.end);
  for (const auto& entry : report.entries) {
    chart.description +=
        entry.cash.crossing.month
            ? fmt::format(" {} breaks even with {} on {}.", entry.strategy, comparison.baseline, entry.cash.date)
            : fmt::format(" {} does not break even with {} within the horizon.", entry.strategy, comparison.baseline);
  }

  // Year ends and the last month are enough to read the curves by.
  std::vector<std::size_t> yearly;
  const auto months = comparison.month_labels.size();
  for (std::size_t i = 11; i < months; i += 12) yearly.push_back(i);
  if (yearly.empty() || yearly.back() != months - 1) yearly.push_back(months - 1);
  const Table data = data_table("Cumulative cost at the end of each year", "End of", comparison.month_labels,
                                chart.series, yearly, comparison.currency);
  out += figure(svg::render_line_chart(chart),
                "Each line adds up a strategy's cash as it is paid. A strategy breaks even (ringed) where its line "
                "comes down to " +
                    comparison.baseline + "'s and stays below it.",
                render_table(data));
  out += "</section>\n";
}

void utilization_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  if (report.levels.empty() || report.entries.empty()) return;
  open_section(out, "utilization", "Utilization sensitivity");

  Row header{"Utilization"};
  for (const auto& entry : report.entries) header.push_back(entry.strategy);
  std::vector<Row> rows;
  std::vector<std::string> labels;
  for (const auto& level : report.levels) {
    labels.push_back(level_label(level.utilization));
    Row row{labels.back()};
    for (const auto& crossing : level.crossings) row.push_back(describe_breakeven_month(comparison, crossing.month));
    rows.push_back(std::move(row));
  }
  out += render_table(
      {"utilization", "Break-even month against " + comparison.baseline + " by utilization", "", header, {rows}});
  if (report.levels.size() < 2) {
    out += "</section>\n";  // one level makes no line
    return;
  }

  // Totals by level. The baseline's is not stored, but each entry's gap is its total minus
  // the baseline's at the same level, so any entry gives it.
  svg::LineChart chart;
  chart.id = "utilization";
  chart.title = "Total cost over the horizon by utilization (cash)";
  chart.x_label = "Utilization (share of every hour the GPUs are held)";
  chart.y_label = "Total cost (" + comparison.currency + ")";
  chart.x_labels = labels;
  chart.currency = comparison.currency;
  for (const auto& column : comparison.strategies) {
    svg::Series series{column.name, {}};
    const auto entry = std::find_if(report.entries.begin(), report.entries.end(),
                                    [&](const BreakevenEntry& e) { return e.strategy == column.name; });
    const bool is_baseline = entry == report.entries.end();
    // The baseline's total at a level: the first entry's total less its gap to the baseline.
    const auto e = is_baseline ? std::size_t{0} : static_cast<std::size_t>(entry - report.entries.begin());
    for (const auto& level : report.levels)
      series.values.push_back(is_baseline ? level.totals[e] - level.crossings[e].gap_at_end : level.totals[e]);
    chart.series.push_back(std::move(series));
  }
  // The break-even utilization, where it falls within the levels shown, on its strategy's line.
  for (std::size_t e = 0; e < report.entries.size(); ++e) {
    const auto& solved = report.entries[e].by_utilization;
    if (solved.kind != UtilizationBreakeven::Kind::crossing) continue;
    for (std::size_t i = 0; i + 1 < report.levels.size(); ++i) {
      const double lo = report.levels[i].utilization;
      const double hi = report.levels[i + 1].utilization;
      if (solved.utilization < lo || solved.utilization > hi || hi <= lo) continue;
      const double fraction = (solved.utilization - lo) / (hi - lo);
      const double y0 = report.levels[i].totals[e];
      const double y1 = report.levels[i + 1].totals[e];
      chart.markers.push_back(
          {report.entries[e].strategy, static_cast<double>(i) + fraction, y0 + (y1 - y0) * fraction,
           fmt::format("{} cheaper {} {}", report.entries[e].strategy, solved.cheaper_above ? "above" : "below",
                       format_percent(solved.utilization))});
      break;
    }
  }
  chart.description =
      fmt::format("Total cash cost in {} over the {} months of {} at utilization {} to {}.", comparison.currency,
                  comparison.months, and_list(strategy_names(comparison)), labels.front(), labels.back());
  std::vector<std::size_t> all(labels.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  out += figure(svg::render_line_chart(chart),
                "Each line is a strategy's total over the horizon were the workloads to hold their GPUs that share "
                "of the time; a ring marks a break-even utilization.",
                render_table(data_table("Total cost by utilization", "Utilization", labels, chart.series, all,
                                        comparison.currency)));
  out += "</section>\n";
}

void monthly_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  if (comparison.month_labels.size() < 2) return;  // one bar is the comparison table's column
  open_section(out, "monthly", "Monthly cost by component");
  out +=
      "<p class=\"note\">Cash paid each month under each strategy. Hardware is paid when it is bought, so those "
      "months stand out.</p>\n";
  for (const auto& column : comparison.strategies) {
    svg::StackedBars chart;
    chart.id = "monthly-" + column.name;
    chart.title = "Monthly cost of " + column.name + " (cash)";
    chart.x_label = "Month";
    chart.y_label = "Cost per month (" + comparison.currency + ")";
    chart.x_labels = comparison.month_labels;
    chart.currency = comparison.currency;
    chart.clip_at = cut_level(column.monthly_cash);
    std::vector<std::string> names;
    std::vector<std::string> credits;  // negative amounts, which a stack cannot show
    for (Component component : kComponents) {
      const auto c = static_cast<std::size_t>(component);
      // Components keep their palette slot in every strategy's chart, whichever are present.
      svg::Series series{to_string(component), {}, c};
      bool positive = false;
      bool negative = false;
      for (const auto& month : column.monthly_components_cash) {
        series.values.push_back(month[c]);
        positive = positive || month[c] > 0;
        negative = negative || month[c] < 0;
      }
      if (negative) credits.push_back(series.name);
      // A series that draws nothing would only add a legend entry for nothing.
      if (!positive) continue;
      names.push_back(series.name);
      chart.stacks.push_back(std::move(series));
    }
    if (chart.stacks.empty()) continue;
    chart.description =
        fmt::format("Cash cost in {} of {} each month from {} to {}, stacked by component: {}.", comparison.currency,
                    column.name, comparison.start, comparison.end, and_list(names));
    if (chart.clip_at) {
      std::vector<std::string> cut;
      for (std::size_t i = 0; i < column.monthly_cash.size(); ++i)
        if (column.monthly_cash[i] > *chart.clip_at)
          cut.push_back(comparison.month_labels[i] + " (" +
                        format_money(column.monthly_cash[i], comparison.currency, 0) + ")");
      chart.description += fmt::format(" The scale stops at {}; {} {} beyond it and {} cut short.",
                                       format_money(*chart.clip_at, comparison.currency, 0), and_list(cut),
                                       cut.size() == 1 ? "goes" : "go", cut.size() == 1 ? "is" : "are");
    }
    std::string caption = column.name + (column.baseline ? " (baseline)" : "") + ": " +
                          format_money(column.total_cash, comparison.currency, 0) + " over the horizon, " +
                          format_money(column.monthly_average, comparison.currency, 0) + " a month on average.";
    if (!credits.empty()) caption += " Credits (negative amounts) of " + and_list(credits) + " are not drawn.";
    caption += peak_note(column, comparison, chart.clip_at.has_value());
    out += figure(svg::render_stacked_bars(chart), caption);
  }
  out += "</section>\n";
}

}  // namespace tco::html
