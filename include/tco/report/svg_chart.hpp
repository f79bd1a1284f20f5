#pragma once
// Inline SVG charts for the self-contained HTML report. Pure functions of their input: the
// output is deterministic, well-formed XML with no scripts, no external resources and no
// dependence on page CSS (fonts, sizes and strokes are set on the elements), so it prints
// to PDF as it shows on screen. Series are told apart by colour, lightness, dash pattern,
// legend shape and (for bars) hatching, so they survive greyscale and colour blindness.
//
// Element conventions the browser tests check (keep them stable):
//   <svg class="chart" data-chart="ID" role="img" aria-labelledby="ID-title ID-desc">
//   line series:     <path class="series" data-series="NAME">
//   stacked series:  <g class="series" data-series="NAME"> with one <path>, a closed subpath
//                    per non-empty bar (one element per series, not per bar, so a hatched
//                    series prints as one pattern fill rather than hundreds)
//   cut bars:        <g class="cut-bars"> with break-mark <path>s per cut bar and <text class="bar-total">
//   markers:         <g class="marker" data-series="NAME"> with a <circle> and a <text>
//   axes:            <text class="axis-label x|y">, <text class="tick x|y">
//   legend:          <g class="legend-item" data-series="NAME"> with the name as <text>
//   tornado:         <line class="as-written">; an end off the axis: <path class="beyond"> (arrowhead)
//   heat map:        <rect class="cell"> per coloured cell, the hatched cells as one <path> (one
//                    pattern fill to print), <text class="cell-value">,
//                    the colour scale inside the value series' legend item
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tco/report/chart_scale.hpp"

namespace tco::svg {

struct Series {
  Series() = default;
  Series(std::string series_name, std::vector<double> series_values, std::optional<std::size_t> slot = {})
      : name(std::move(series_name)), values(std::move(series_values)), style(slot) {}

  std::string name;
  std::vector<double> values;  // values[i] is at x index i; NaN/inf leave a gap
  // The look (colour, dash or hatch, legend shape) by palette slot. Unset, a series takes
  // the slot of its position in the chart; set it when the same names appear in several
  // charts with different subsets, so each name keeps one look across them.
  std::optional<std::size_t> style;
};

struct Marker {
  std::string series;  // colour is taken from the series of this name
  double x = 0;        // index units, may be fractional (a break-even between two months)
  double y = 0;
  std::string label;
};

// How y tick labels are written. `percent` expects fractions (0.25 -> "25 %").
enum class ValueFormat { money, percent, number, months };

struct LineChart {
  std::string id;           // unique in the page, a plain token: element ids are built from it
  std::string title;        // visible heading inside the SVG and its <title>
  std::string description;  // <desc>: a sentence summarising what the chart shows
  std::string x_label, y_label;
  std::vector<std::string> x_labels;  // one per index; a readable subset is shown as ticks
  std::vector<Series> series;
  std::vector<Marker> markers;  // e.g. break-even points, drawn as a ring + label
  ValueFormat y_format = ValueFormat::money;
  std::string currency = "USD";
  bool y_from_zero = true;  // include 0 in the y range even when every value is far from it
};

// One bar per x index, one stack segment per series (component), bottom to top in order.
struct StackedBars {
  std::string id, title, description, x_label, y_label;
  std::vector<std::string> x_labels;
  std::vector<Series> stacks;  // all the same length as x_labels; negative values treated as 0
  std::string currency = "USD";
  // Bars taller than this are cut to it (the excess taken out of their largest segment, a
  // break mark where it was taken, their total written above), so one huge month (hardware
  // bought) does not flatten every other bar. Unset: the scale fits every bar.
  std::optional<double> clip_at;
};

// A tornado: one horizontal bar per input, largest swing on top, spanning the figure with the
// input at its low end to the figure at its high end, around a line at the figure as written.
// The part of a bar on the low end's side is series `low_name`, the high end's `high_name`
// (<g class="series"> each, one path of a rectangle per bar); the rows are labelled as y ticks.
struct TornadoBar {
  std::string label;  // the input; shortened with an ellipsis when too long, in full as a tooltip
  // The figure at each end; none: off the axis, e.g. no break-even within the horizon, drawn to
  // `beyond_at` with an arrowhead.
  std::optional<double> low, high;
};

struct Tornado {
  std::string id, title, description, x_label, y_label;
  std::vector<TornadoBar> bars;               // top to bottom
  std::optional<double> as_written;           // the vertical line; none: beyond, at `beyond_at`
  std::string as_written_label;               // written above the line: "as written +$3,734,220"
  ValueFormat x_format = ValueFormat::money;  // money or months
  bool plus_sign = false;                     // the figure is a difference: "+$1.5M" at a bar's end
  std::string currency = "USD";
  double beyond_at = 0;      // where a missing figure is drawn (the horizon, in months)
  std::string beyond_label;  // what a missing figure means, for the note under the legend
  std::string low_name = "input low";
  std::string high_name = "input high";
};

// A heat map of a grid over two inputs: a cell per pair, coloured on a sequential scale by its
// value. Cells without a value (no break-even within the horizon) are hatched grey instead.
// Series: `value_name` (<g class="series"> of the coloured cells; its legend item holds the
// colour scale) and `missing_name` (the hatched cells, when there are any).
struct HeatMap {
  std::string id, title, description, x_label, y_label;
  std::vector<std::string> x_labels;  // one per column, left to right
  std::vector<std::string> y_labels;  // one per row, drawn bottom to top
  // Row-major, [row * columns + column]; none: a missing value.
  std::vector<std::optional<double>> values;
  // Printed in a cell when it fits, else the short form when that fits; empty: nothing printed.
  std::vector<std::string> cell_labels, short_cell_labels;
  std::string value_name;
  std::string missing_name;
  ValueFormat scale_format = ValueFormat::number;  // the colour scale's tick labels
  std::string currency = "USD";
  // A point ringed on the map (the scenario as written), in fractional column and row indices.
  std::optional<std::pair<double, double>> marker;
  std::string marker_label;
};

std::string render_line_chart(const LineChart& chart);
std::string render_stacked_bars(const StackedBars& chart);
std::string render_tornado(const Tornado& chart);
std::string render_heat_map(const HeatMap& chart);

// & < > " ' escaped; characters XML 1.0 forbids (control characters) dropped.
std::string escape_xml(std::string_view text);

// The axis helpers, shared with the terminal chart (chart_scale.hpp).
using tco::compact_money;
using tco::nice_ticks;

// Geometry shared by both charts, in viewBox units. Exposed so tests can work out by hand
// where a value lands. The height grows by kLegendRowHeight per extra legend row.
namespace layout {
inline constexpr double kWidth = 860;
inline constexpr double kPlotLeft = 100;   // room for "-$1.25M" tick labels and the y label
inline constexpr double kPlotRight = 828;  // room for the last x tick label
inline constexpr double kPlotTop = 56;     // below the title, with room for marker labels
inline constexpr double kPlotBottom = 296;
inline constexpr double kLegendTop = 356;
inline constexpr double kLegendRowHeight = 24;
inline constexpr double kBottomMargin = 20;  // one legend row: 356 + 24 + 20 = 400
}  // namespace layout

}  // namespace tco::svg
