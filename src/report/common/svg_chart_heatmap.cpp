// Heat maps: a grid of cells coloured on a sequential scale (viridis, reversed: low values
// light, high values dark; even in greyscale the order reads), missing values hatched grey,
// the value printed in each cell that has room for it.
#include <algorithm>
#include <array>
#include <cmath>

#include "common/svg.hpp"

namespace tco::svg {
namespace {

using namespace layout;
using namespace detail;

// Viridis at nine even steps, light (yellow) first: perceptually even, and readable in greyscale
// and with every common colour blindness.
constexpr std::array<std::array<int, 3>, 9> kScale{{
    {0xfd, 0xe7, 0x25},
    {0xad, 0xdc, 0x30},
    {0x5e, 0xc9, 0x62},
    {0x28, 0xae, 0x80},
    {0x21, 0x91, 0x8c},
    {0x2c, 0x72, 0x8e},
    {0x3b, 0x52, 0x8b},
    {0x47, 0x2d, 0x7b},
    {0x44, 0x01, 0x54},
}};
constexpr double kTop = 56;
constexpr double kLabelsFrom = 28;  // left of the row labels: clear of the y axis label
constexpr double kRowPx = 30;       // a row's height while the plot is between these
constexpr double kMinPlotHeight = 150;
constexpr double kMaxPlotHeight = 400;
constexpr double kScaleWidth = 240;
constexpr double kScaleHeight = 12;
constexpr double kCellFontSize = 11;

struct Rgb {
  double r, g, b;
};

// The colour at `t` in 0..1 along the scale, interpolated in sRGB as an SVG gradient is.
Rgb colour_at(double t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * static_cast<double>(kScale.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(t), kScale.size() - 2);
  const double f = t - static_cast<double>(i);
  const auto mix = [&](std::size_t c) { return kScale[i][c] + (kScale[i + 1][c] - kScale[i][c]) * f; };
  return {mix(0), mix(1), mix(2)};
}

std::string hex(const Rgb& c) {
  const auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))); };
  return fmt::format("#{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b));
}

// Dark text on light cells, white on dark ones (relative luminance, WCAG).
const char* text_colour(const Rgb& c) {
  const auto linear = [](double v) {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  const double luminance = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  return luminance > 0.2 ? "#1b1f24" : "#ffffff";
}

std::string missing_pattern_id(std::string_view chart_id) { return escape_xml(chart_id) + "-missing"; }

// The chart's values as a grid of rows × columns (row-major, row 0 at the bottom), and the
// span of the values it has.
struct Grid {
  const HeatMap* chart = nullptr;
  std::size_t columns = 1, rows = 1;
  bool any_value = false;
  bool any_missing = false;
  double lo = 0, hi = 0;

  [[nodiscard]] std::optional<double> value_at(std::size_t index) const {
    return index < chart->values.size() ? chart->values[index] : std::optional<double>{};
  }
  // The value at `index` when it has one that can be coloured: the rest are drawn as missing.
  [[nodiscard]] std::optional<double> finite_at(std::size_t index) const {
    const auto value = value_at(index);
    return value && std::isfinite(*value) ? value : std::nullopt;
  }
};

Grid grid_of(const HeatMap& chart) {
  Grid grid{&chart, std::max<std::size_t>(chart.x_labels.size(), 1), std::max<std::size_t>(chart.y_labels.size(), 1)};
  for (std::size_t i = 0; i < grid.rows * grid.columns; ++i) {
    const auto value = grid.finite_at(i);
    if (!value) {
      grid.any_missing = true;
      continue;
    }
    grid.lo = grid.any_value ? std::min(grid.lo, *value) : *value;
    grid.hi = grid.any_value ? std::max(grid.hi, *value) : *value;
    grid.any_value = true;
  }
  return grid;
}

// Maps values onto the colour scale. It spans round values, as an axis does, so its labels
// are round too.
struct ColourScale {
  std::vector<double> ticks;
  [[nodiscard]] double t_of(double value) const { return (value - ticks.front()) / (ticks.back() - ticks.front()); }
  [[nodiscard]] Rgb colour_of(double value) const { return colour_at(t_of(value)); }
};

// Where the plot, its cells and the legend go.
struct Layout {
  double left = 0;  // the plot's left edge: right of the widest row label
  double bottom = 0;
  double cell_w = 0, cell_h = 0;
  // A thin white edge separates the cells while they are big enough to spare it; without
  // it, cells overlap a little so no hairline seams show between them.
  std::string edge;
  double overlap = 0;
  // The legend: the colour scale with its name and labels on one row, the missing cells'
  // swatch on the next.
  double legend_top = 0;
  double scale_row = 0;  // the colour scale row's height: none without values
  double height = 0;     // the whole chart's

  [[nodiscard]] double cell_x(double column) const { return left + column * cell_w; }
  [[nodiscard]] double cell_y(double row) const { return bottom - (row + 1) * cell_h; }  // row 0 at the bottom
  // A cell's box, widened by the overlap.
  [[nodiscard]] double box_y(std::size_t row) const { return cell_y(static_cast<double>(row)) - overlap; }
  [[nodiscard]] double box_w() const { return cell_w + overlap; }
  [[nodiscard]] double box_h() const { return cell_h + overlap; }
};

Layout layout_for(const HeatMap& chart, const Grid& grid) {
  Layout at;
  double widest = 0;
  for (const auto& label : chart.y_labels) widest = std::max(widest, text_width(label, kTickFontSize));
  at.left = std::max(kPlotLeft, kLabelsFrom + widest + kTickGap);
  const double plot_height = std::clamp(static_cast<double>(grid.rows) * kRowPx, kMinPlotHeight, kMaxPlotHeight);
  at.bottom = kTop + plot_height;
  at.cell_w = (kPlotRight - at.left) / static_cast<double>(grid.columns);
  at.cell_h = plot_height / static_cast<double>(grid.rows);
  at.edge = at.cell_w >= 8 && at.cell_h >= 8 ? " stroke=\"#ffffff\" stroke-width=\"1\"" : "";
  at.overlap = at.edge.empty() ? 0.5 : 0.0;
  at.legend_top = at.bottom + 60;
  at.scale_row = grid.any_value ? 40 : 0;
  const double missing_row = grid.any_missing ? kLegendRowHeight : 0;
  at.height = at.legend_top + at.scale_row + missing_row + kBottomMargin;
  return at;
}

// The colour scale's gradient and the missing cells' hatch pattern.
void write_defs(std::string& out, const HeatMap& chart) {
  out += "<defs>\n";
  emit(out, "<linearGradient id=\"{}-scale\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">", escape_xml(chart.id));
  for (std::size_t i = 0; i < kScale.size(); ++i) {
    const auto& c = kScale[i];
    emit(out, "<stop offset=\"{}\" stop-color=\"{}\"/>", num(static_cast<double>(i) / (kScale.size() - 1)),
         hex({static_cast<double>(c[0]), static_cast<double>(c[1]), static_cast<double>(c[2])}));
  }
  out += "</linearGradient>\n";
  emit(out,
       "<pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect x=\"0\" y=\"0\" "
       "width=\"8\" height=\"8\" fill=\"#e4e4e4\"/><path d=\"M-2 2L2 -2M0 8L8 0M6 10L10 6\" fill=\"none\" "
       "stroke=\"#8a8a8a\" stroke-width=\"1.5\"/></pattern>\n</defs>\n",
       missing_pattern_id(chart.id));
}

// The cells with a value, each filled with its colour.
void draw_value_cells(std::string& out, const Grid& grid, const Layout& at, const ColourScale& scale) {
  emit(out, "<g class=\"series\" data-series=\"{}\"{}>\n", escape_xml(grid.chart->value_name), at.edge);
  for (std::size_t row = 0; row < grid.rows; ++row) {
    for (std::size_t column = 0; column < grid.columns; ++column) {
      const auto value = grid.finite_at(row * grid.columns + column);
      if (!value) continue;
      emit(out, "<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
           num(at.cell_x(static_cast<double>(column))), num(at.box_y(row)), num(at.box_w()), num(at.box_h()),
           hex(scale.colour_of(*value)));
    }
  }
  out += "</g>\n";
}

// The cells without a value, hatched, as one path: a browser printing to PDF rasterises each
// element with a pattern fill on its own.
void draw_missing_cells(std::string& out, const Grid& grid, const Layout& at) {
  std::string cells;
  for (std::size_t row = 0; row < grid.rows; ++row) {
    for (std::size_t column = 0; column < grid.columns; ++column) {
      if (grid.finite_at(row * grid.columns + column)) continue;
      if (!cells.empty()) cells += ' ';
      cells += fmt::format("M{} {}h{}v{}h-{}z", num(at.cell_x(static_cast<double>(column))), num(at.box_y(row)),
                           num(at.box_w()), num(at.box_h()), num(at.box_w()));
    }
  }
  emit(out, "<g class=\"series\" data-series=\"{}\" fill=\"url(#{})\"{}>\n<path d=\"{}\"/>\n</g>\n",
       escape_xml(grid.chart->missing_name), missing_pattern_id(grid.chart->id), at.edge, cells);
}

// The labels printed in the cells: the full ones when all fit, else the short ones when all
// fit, else none (nullptr).
const std::vector<std::string>* cell_labels_that_fit(const HeatMap& chart, const Layout& at) {
  const auto all_fit = [&](const std::vector<std::string>& labels) {
    return !labels.empty() && at.cell_h >= 15 &&
           std::all_of(labels.begin(), labels.end(),
                       [&](const std::string& label) { return text_width(label, kCellFontSize) + 6 <= at.cell_w; });
  };
  if (all_fit(chart.cell_labels)) return &chart.cell_labels;
  if (all_fit(chart.short_cell_labels)) return &chart.short_cell_labels;
  return nullptr;
}

// The values, in every cell or none, so no cell looks different for want of room; each in a
// colour that reads on its cell's.
void draw_cell_values(std::string& out, const Grid& grid, const Layout& at, const ColourScale& scale) {
  const std::vector<std::string>* labels = cell_labels_that_fit(*grid.chart, at);
  emit(out, "<g class=\"cell-values\" font-size=\"{}\" text-anchor=\"middle\">\n", num(kCellFontSize));
  for (std::size_t i = 0; labels != nullptr && i < std::min(labels->size(), grid.rows * grid.columns); ++i) {
    if ((*labels)[i].empty()) continue;
    const auto value = grid.finite_at(i);
    const char* fill = value ? text_colour(scale.colour_of(*value)) : "#1b1f24";
    emit(out, "<text class=\"cell-value\" x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n",
         num(at.cell_x(static_cast<double>(i % grid.columns) + 0.5)),
         num(at.cell_y(static_cast<double>(i / grid.columns)) + at.cell_h / 2 + 4), fill, escape_xml((*labels)[i]));
  }
  out += "</g>\n";
}

// Ticks: a readable subset of each axis's values, at the middle of their cells; then the axis
// lines and labels.
void draw_ticks_and_axes(std::string& out, const Grid& grid, const Layout& at) {
  const HeatMap& chart = *grid.chart;
  emit(out, "<g class=\"ticks\" font-size=\"{}\" fill=\"#444444\">\n", num(kTickFontSize));
  for (std::size_t column : x_tick_indices(chart.x_labels, grid.columns, at.cell_w)) {
    const double px = at.cell_x(static_cast<double>(column) + 0.5);
    const std::string label = x_label_at(chart.x_labels, column);
    const double half = text_width(label, kTickFontSize) / 2;
    emit(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333333\" stroke-width=\"1\"/>\n", num(px),
         num(at.bottom), num(at.bottom + 4));
    emit(out, "<text class=\"tick x\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
         num(std::min(px, kWidth - half - 4)), num(at.bottom + 18), escape_xml(label));
  }
  const auto row_step = static_cast<std::size_t>(std::max(1.0, std::ceil(16 / at.cell_h)));
  for (std::size_t row = 0; row < grid.rows; row += row_step) {
    emit(out, "<text class=\"tick y\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", num(at.left - kTickGap),
         num(at.cell_y(static_cast<double>(row)) + at.cell_h / 2 + 4), escape_xml(x_label_at(chart.y_labels, row)));
  }
  out += "</g>\n";
  emit(out, "<path class=\"axis\" d=\"M{0} {1}V{2}H{3}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
       num(at.left), num(kTop), num(at.bottom), num(kPlotRight));
  axis_label_x(out, (at.left + kPlotRight) / 2, at.bottom + 44, chart.x_label);
  axis_label_y(out, (kTop + at.bottom) / 2, chart.y_label);
}

// The marked point: guides to both axes and a ring, labelled above (or below, at the top).
void draw_marker(std::string& out, const Grid& grid, const Layout& at) {
  const HeatMap& chart = *grid.chart;
  const double mx = at.cell_x(chart.marker->first + 0.5);
  const double my = at.cell_y(chart.marker->second) + at.cell_h / 2;
  emit(out, "<g class=\"marker\" data-series=\"{}\">\n",
       escape_xml(grid.any_value ? chart.value_name : chart.missing_name));
  emit(out, "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"5\"/>\n", num(mx),
       num(my));
  emit(out, "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2\"/>\n", num(mx),
       num(my));
  emit(out,
       "<path class=\"guide\" d=\"M{} {}H{}M{} {}V{}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\" "
       "stroke-dasharray=\"3 3\"/>\n",
       num(at.left), num(my), num(mx - 7), num(mx), num(my + 7), num(at.bottom));
  const double half = text_width(chart.marker_label, 11) / 2;
  const double label_y = my - 12 - 11 < kTop - 14 ? my + 22 : my - 12;
  emit(out,
       "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#222222\" "
       "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
       num(std::clamp(mx, at.left + half, std::max(at.left + half, kPlotRight - half))), num(label_y),
       escape_xml(chart.marker_label));
  out += "</g>\n";
}

// The value series' legend item: its name, then the scale from light (low) to dark (high).
void draw_scale_legend(std::string& out, const HeatMap& chart, const Layout& at, const ColourScale& scale) {
  const double name_width = text_width(chart.value_name, kLegendFontSize);
  const double bar_x = at.left + name_width + 12;
  const double bar_y = at.legend_top + 4;
  open_legend_item(out, chart.value_name);
  emit(out, "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#222222\">{}</text>\n", num(at.left), num(bar_y + 10),
       num(kLegendFontSize), escape_xml(chart.value_name));
  emit(out,
       "<rect class=\"scale\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{}-scale)\" "
       "stroke=\"#333333\" stroke-width=\"0.75\"/>\n",
       num(bar_x), num(bar_y), num(kScaleWidth), num(kScaleHeight), escape_xml(chart.id));
  const YScale labels_of{scale.ticks};  // for the labels' format only
  for (double tick : scale.ticks) {
    const double px = bar_x + scale.t_of(tick) * kScaleWidth;
    emit(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333333\" stroke-width=\"1\"/>\n", num(px),
         num(bar_y + kScaleHeight), num(bar_y + kScaleHeight + 3));
    emit(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#444444\">{}</text>\n", num(px),
         num(bar_y + kScaleHeight + 14), escape_xml(y_tick_label(tick, labels_of, chart.scale_format, chart.currency)));
  }
  out += "</g>\n";
}

// The missing cells' legend item: their hatch and name, on the row below the scale.
void draw_missing_legend(std::string& out, const HeatMap& chart, const Layout& at) {
  const LegendSlot slot{at.left, at.legend_top + at.scale_row + kLegendRowHeight / 2};
  open_legend_item(out, chart.missing_name);
  emit(out,
       "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"url(#{})\" stroke=\"#333333\" "
       "stroke-width=\"0.75\"/>\n",
       num(slot.x), num(slot.y_middle - 7), num(kLegendSwatchWidth), missing_pattern_id(chart.id));
  legend_text(out, slot, chart.missing_name);
  out += "</g>\n";
}

}  // namespace

std::string render_heat_map(const HeatMap& chart) {
  const Grid grid = grid_of(chart);
  const ColourScale scale{nice_ticks(grid.lo, grid.hi, 5)};
  const Layout at = layout_for(chart, grid);
  const Frame frame{chart.id, chart.title, chart.description, chart.x_label, chart.y_label, at.height};

  std::string out;
  open_svg(out, frame);
  write_defs(out, chart);
  if (grid.any_value) draw_value_cells(out, grid, at, scale);
  if (grid.any_missing) draw_missing_cells(out, grid, at);
  draw_cell_values(out, grid, at, scale);
  draw_ticks_and_axes(out, grid, at);
  if (chart.marker && (grid.any_value || grid.any_missing)) draw_marker(out, grid, at);
  if (grid.any_value) draw_scale_legend(out, chart, at, scale);
  if (grid.any_missing) draw_missing_legend(out, chart, at);
  close_svg(out);
  return out;
}

}  // namespace tco::svg
