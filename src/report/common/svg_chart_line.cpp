// Line charts: one path per series over a shared x index, with ringed, labelled markers.
#include <algorithm>
#include <array>
#include <cmath>

#include "common/svg.hpp"

namespace tco::svg {
namespace {

using namespace layout;
using namespace detail;

enum class Shape { circle, square, triangle, diamond, triangle_down, plus, cross };

struct LineStyle {
  const char* colour;
  const char* dash;  // stroke-dasharray; empty for a solid line
  Shape shape;       // drawn on the legend's line sample
};

// Okabe-Ito colours ordered so neighbours differ in lightness (L* 46, 71, 0, 54, 70, 58, 61),
// each with its own dash pattern and legend shape so no series relies on colour alone.
// Past seven series the styles repeat.
constexpr std::array<LineStyle, 7> kLineStyles{{
    {"#0072B2", "", Shape::circle},
    {"#E69F00", "10 5", Shape::square},
    {"#000000", "4 4", Shape::triangle},
    {"#D55E00", "12 4 2 4", Shape::diamond},
    {"#56B4E9", "2 3", Shape::triangle_down},
    {"#009E73", "16 4 6 4", Shape::plus},
    {"#CC79A7", "6 3 2 3 2 3", Shape::cross},
}};
constexpr double kLineWidth = 2.5;
constexpr double kMarkerRadius = 6;
constexpr double kMarkerFontSize = 11;

const LineStyle& style_of(std::size_t series_index) { return kLineStyles[series_index % kLineStyles.size()]; }

std::size_t index_count(const LineChart& chart) {
  std::size_t count = chart.x_labels.size();
  for (const auto& series : chart.series) count = std::max(count, series.values.size());
  return count;
}

// Maps a (possibly fractional) x index to a pixel; one point sits in the middle.
struct XScale {
  std::size_t count = 0;
  [[nodiscard]] double last_index() const { return count > 1 ? static_cast<double>(count - 1) : 0.0; }
  [[nodiscard]] double px_per_index() const { return count > 1 ? (kPlotRight - kPlotLeft) / last_index() : 0.0; }
  [[nodiscard]] double to_px(double index) const {
    if (count <= 1) return (kPlotLeft + kPlotRight) / 2;
    return kPlotLeft + std::clamp(index, 0.0, last_index()) * px_per_index();
  }
};

YScale y_scale_for(const LineChart& chart) {
  ValueSpan span;
  auto include = [&](double value) { span.include(value); };
  for (const auto& series : chart.series)
    for (double value : series.values) include(value);
  for (const auto& marker : chart.markers) include(marker.y);
  if (chart.y_from_zero) include(0);
  return make_y_scale(span.lo, span.hi);
}

void draw_shape(std::string& out, Shape shape, double x, double y, const char* colour) {
  switch (shape) {
    case Shape::circle:
      emit(out, "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n", num(x),
           num(y), colour);
      return;
    case Shape::square:
      emit(out,
           "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n",
           num(x - 4), num(y - 4), colour);
      return;
    case Shape::triangle:
    case Shape::triangle_down: {
      const double tip = shape == Shape::triangle ? -5 : 5;
      emit(out, "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n", num(x),
           num(y + tip), num(x + 5), num(y - tip * 0.8), num(x - 5), num(y - tip * 0.8), colour);
      return;
    }
    case Shape::diamond:
      emit(out, "<path d=\"M{0} {1}L{2} {3}L{0} {4}L{5} {3}Z\" fill=\"{6}\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n",
           num(x), num(y - 5.5), num(x + 5.5), num(y), num(y + 5.5), num(x - 5.5), colour);
      return;
    case Shape::plus:
      emit(out, "<path d=\"M{} {}H{}M{} {}V{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>\n", num(x - 5),
           num(y), num(x + 5), num(x), num(y - 5), num(y + 5), colour);
      return;
    case Shape::cross:
      emit(out, "<path d=\"M{0} {1}L{2} {3}M{2} {1}L{0} {3}\" fill=\"none\" stroke=\"{4}\" stroke-width=\"2.5\"/>\n",
           num(x - 4), num(y - 4), num(x + 4), num(y + 4), colour);
      return;
  }
}

std::string dash_attribute(const LineStyle& style) {
  return *style.dash == '\0' ? std::string() : " stroke-dasharray=\"" + std::string(style.dash) + "\"";
}

void draw_series(std::string& out, const Series& series, const LineStyle& style, const XScale& x, const YScale& y) {
  // Non-finite values break the line instead of dragging it to a made-up value. A point
  // with gaps on both sides becomes a short dash, since a lone "M" would draw nothing.
  std::string path;
  std::size_t run_length = 0;
  double run_x = 0;
  double run_y = 0;
  auto end_run = [&] {
    if (run_length == 1) path += "M" + num(run_x - 1.5) + " " + num(run_y) + "h3";
    run_length = 0;
  };
  for (std::size_t i = 0; i < series.values.size(); ++i) {
    const double value = series.values[i];
    if (!std::isfinite(value)) {
      end_run();
      continue;
    }
    const double px = x.to_px(static_cast<double>(i));
    const double py = y.to_px(value);
    if (run_length == 1) path += "M" + num(run_x) + " " + num(run_y);
    if (run_length >= 1) path += "L" + num(px) + " " + num(py);
    run_x = px;
    run_y = py;
    ++run_length;
  }
  end_run();
  emit(out,
       "<path class=\"series\" data-series=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{} "
       "stroke-linejoin=\"round\"/>\n",
       escape_xml(series.name), path, style.colour, num(kLineWidth), dash_attribute(style));
}

struct Box {
  double left, top, right, bottom;
  [[nodiscard]] bool overlaps(const Box& other) const {
    return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
  }
};

void draw_markers(std::string& out, const LineChart& chart, const XScale& x, const YScale& y) {
  // Labels avoid every ring and every label placed before them: above the point first,
  // then below, then further away.
  std::vector<Box> taken;
  for (const auto& marker : chart.markers) {
    const double cx = x.to_px(marker.x);
    const double cy = y.to_px(marker.y);
    taken.push_back({cx - kMarkerRadius, cy - kMarkerRadius, cx + kMarkerRadius, cy + kMarkerRadius});
  }
  for (const auto& marker : chart.markers) {
    const double cx = x.to_px(marker.x);
    const double cy = y.to_px(marker.y);
    const char* colour = "#333333";
    for (std::size_t i = 0; i < chart.series.size(); ++i)
      if (chart.series[i].name == marker.series) colour = style_of(style_slot(chart.series[i], i)).colour;

    const double half = text_width(marker.label, kMarkerFontSize) / 2;
    const double text_x = std::clamp(cx, kPlotLeft + half, std::max(kPlotLeft + half, kPlotRight - half));
    auto box_at = [&](double baseline) { return Box{text_x - half, baseline - 11, text_x + half, baseline + 3}; };
    double baseline = cy - 12;
    for (double offset : {-12.0, 21.0, -28.0, 37.0, -44.0, 53.0}) {
      const Box box = box_at(cy + offset);
      const bool inside = box.top >= kPlotTop - 16 && box.bottom <= kPlotBottom - 2;
      if (inside && std::none_of(taken.begin(), taken.end(), [&](const Box& other) { return box.overlaps(other); })) {
        baseline = cy + offset;
        break;
      }
    }
    if (baseline - 11 < kPlotTop - 16) baseline = cy + 21;  // no free place: at least stay on the chart
    taken.push_back(box_at(baseline));

    emit(out, "<g class=\"marker\" data-series=\"{}\">\n", escape_xml(marker.series));
    emit(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2.5\"/>\n", num(cx),
         num(cy), num(kMarkerRadius), colour);
    // A white outline painted under the glyphs keeps the label legible where it crosses a line.
    emit(out,
         "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"bold\" fill=\"#222222\" "
         "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
         num(text_x), num(baseline), num(kMarkerFontSize), escape_xml(marker.label));
    out += "</g>\n";
  }
}

void draw_legend(std::string& out, const LineChart& chart, const std::vector<LegendSlot>& slots) {
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const LineStyle& style = style_of(style_slot(chart.series[i], i));
    const LegendSlot& slot = slots[i];
    open_legend_item(out, chart.series[i].name);
    emit(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n", num(slot.x),
         num(slot.y_middle), num(slot.x + kLegendSwatchWidth), num(slot.y_middle), style.colour, num(kLineWidth),
         dash_attribute(style));
    draw_shape(out, style.shape, slot.x + kLegendSwatchWidth / 2, slot.y_middle, style.colour);
    legend_text(out, slot, chart.series[i].name);
    out += "</g>\n";
  }
}

}  // namespace

std::string render_line_chart(const LineChart& chart) {
  const XScale x{index_count(chart)};
  const YScale y = y_scale_for(chart);
  const Legend legend = layout_legend(chart.series);
  const Frame frame{chart.id, chart.title, chart.description, chart.x_label, chart.y_label, legend.chart_height};

  std::vector<XTick> x_ticks;
  for (std::size_t i : x_tick_indices(chart.x_labels, x.count, x.count > 1 ? x.px_per_index() : kPlotRight - kPlotLeft))
    x_ticks.push_back({x.to_px(static_cast<double>(i)), x_label_at(chart.x_labels, i)});

  std::string out;
  open_svg(out, frame);
  draw_axes(out, frame, y, chart.y_format, chart.currency, x_ticks);
  for (std::size_t i = 0; i < chart.series.size(); ++i)
    draw_series(out, chart.series[i], style_of(style_slot(chart.series[i], i)), x, y);
  draw_markers(out, chart, x, y);
  draw_legend(out, chart, legend.slots);
  close_svg(out);
  return out;
}

}  // namespace tco::svg
