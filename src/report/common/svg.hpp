#pragma once
// Pieces shared by the chart renderers (svg_chart_{line,bars,heatmap,tornado}.cpp): number
// formatting, scales, the chart frame (root, title, axes, ticks) and the legend layout.
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "tco/report/svg_chart.hpp"

namespace tco::svg::detail {

// Appends formatted text to the document being built.
template <typename... Args>
void emit(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
}

// A coordinate with at most 2 decimals and no trailing zeros: 12.5 -> "12.5", 3 -> "3".
// Non-finite values become "0" so a bug upstream never writes "nan" into the document.
std::string num(double value);

// Rough width of text in sans-serif at `font_size`: enough to keep labels apart.
double text_width(std::string_view text, double font_size);

// Maps data values to y pixels over the ticks chosen for them.
struct YScale {
  std::vector<double> ticks;  // at least 2, ascending
  [[nodiscard]] double lo() const { return ticks.front(); }
  [[nodiscard]] double hi() const { return ticks.back(); }
  [[nodiscard]] double step() const { return ticks[1] - ticks[0]; }
  [[nodiscard]] double to_px(double value) const;
};
YScale make_y_scale(double data_lo, double data_hi);

std::string y_tick_label(double value, const YScale& scale, ValueFormat format, std::string_view currency);

// What every chart has around its data.
struct Frame {
  std::string_view id, title, description, x_label, y_label;
  double height = 0;
};

struct XTick {
  double px = 0;
  std::string label;
};

// Which x indices get a tick label: evenly spaced (every 1, 2, 3, 6, 12, 24… indices),
// at most about 12, and far enough apart that the widest label fits between them.
std::vector<std::size_t> x_tick_indices(const std::vector<std::string>& labels, std::size_t count, double px_per_index);
std::string x_label_at(const std::vector<std::string>& labels, std::size_t index);

inline constexpr double kTickFontSize = 11;
inline constexpr double kTickGap = 8;  // between the plot edge and a tick label

void open_svg(std::string& out, const Frame& frame);
// The x axis label centred on `x_centre` with its baseline at `y`; the y axis label turned a
// quarter left, centred on `y_centre`, 18 units from the left edge.
void axis_label_x(std::string& out, double x_centre, double y, std::string_view label);
void axis_label_y(std::string& out, double y_centre, std::string_view label);
// Grid lines and tick labels for y, tick labels for x, the axis lines and axis labels.
void draw_axes(std::string& out, const Frame& frame, const YScale& scale, ValueFormat format, std::string_view currency,
               const std::vector<XTick>& x_ticks);
void close_svg(std::string& out);

// The palette slot of the series at `position`: its own when set, else its position.
inline std::size_t style_slot(const Series& series, std::size_t position) { return series.style.value_or(position); }

// Legend entries flow left to right and wrap; each entry is a swatch then the name.
inline constexpr double kLegendSwatchWidth = 34;
inline constexpr double kLegendFontSize = 12;
struct LegendSlot {
  double x = 0;         // left of the swatch
  double y_middle = 0;  // vertical centre of the row
};
// Where each series' legend entry goes, and how tall the chart is with that many rows.
struct Legend {
  std::vector<LegendSlot> slots;  // one per series, in order
  double chart_height = 0;
};
Legend layout_legend(const std::vector<Series>& series);
// The same for entries of the given widths (swatch and text), rows starting at `top`.
Legend layout_legend(const std::vector<double>& item_widths, double top);
// The width of a legend entry: the swatch, then the name.
double legend_item_width(std::string_view name);
void legend_text(std::string& out, const LegendSlot& slot, std::string_view name);

// Writes `<g class="legend-item" data-series="NAME">` (the caller closes it).
void open_legend_item(std::string& out, std::string_view name);

}  // namespace tco::svg::detail
