// Tornado charts: one horizontal bar per input around a vertical line at the figure as
// written, the low end's side in one colour and the high end's in another (dark blue and light
// orange, so they stay apart in greyscale too).
#include <algorithm>
#include <cmath>

#include "common/svg.hpp"

namespace tco::svg {
namespace {

using namespace layout;
using namespace detail;

constexpr const char* kLowColour = "#0072B2";
constexpr const char* kHighColour = "#E69F00";
constexpr double kRowHeight = 24;
constexpr double kBarHeight = 16;
constexpr double kTop = 62;             // the plot's top: room for the title and the as-written label
constexpr double kLabelsFrom = 28;      // left of the row labels: clear of the y axis label
constexpr double kMaxLabelWidth = 350;  // longer input names are shortened
constexpr double kEndLabelFontSize = 10;

// The label as drawn: whole when it fits, else cut with an ellipsis.
std::string fitted(const std::string& label) {
  if (text_width(label, kTickFontSize) <= kMaxLabelWidth) return label;
  std::string cut = label;
  while (!cut.empty() && text_width(cut + "…", kTickFontSize) > kMaxLabelWidth) {
    // The last code point: its continuation bytes, then its first byte.
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0U) == 0x80U) cut.pop_back();
    if (!cut.empty()) cut.pop_back();
  }
  return cut + "…";
}

struct TornadoScale {
  std::vector<double> ticks;
  double left = 0, right = 0;
  [[nodiscard]] double to_px(double value) const {
    const double span = ticks.back() - ticks.front();
    return left + (value - ticks.front()) / span * (right - left);
  }
};

TornadoScale scale_for(const Tornado& chart, double left) {
  ValueSpan span;
  auto include = [&](double value) { span.include(value); };
  bool missing = !chart.as_written.has_value();
  for (const auto& bar : chart.bars) {
    for (const auto& end : {bar.low, bar.high}) {
      if (end) include(*end);
      missing = missing || !end;
    }
  }
  if (chart.as_written) include(*chart.as_written);
  if (missing) include(chart.beyond_at);
  return TornadoScale{nice_ticks(span.lo, span.hi, 6), left, kPlotRight};
}

std::string end_label(const Tornado& chart, double value) {
  if (chart.x_format == ValueFormat::months) return fmt::format("{:.1f} mo", value);
  return (chart.plus_sign && value > 0 ? "+" : "") + compact_money(value, chart.currency);
}

// One bar's segments, in pixels: [from, to] for each end's series (empty when from == to).
struct Segments {
  double low_from, low_to, high_from, high_to;
};

// Each end's part runs from the as-written line to its end. When both ends fall on the same
// side, the farther one's part starts where the nearer one's ends, so neither hides the other.
Segments segments(double base, double low, double high) {
  const double to_low = low - base;
  const double to_high = high - base;
  Segments s{base, low, base, high};
  if (to_low * to_high > 0) {
    if (std::fabs(to_low) < std::fabs(to_high)) {
      s.high_from = low;
    } else {
      s.low_from = high;
    }
  }
  return s;
}

void add_rect(std::string& path, double from, double to, double top) {
  const double left = std::min(from, to);
  const double width = std::fabs(to - from);
  if (width < 0.01) return;
  if (!path.empty()) path += ' ';
  path += fmt::format("M{} {}h{}v{}h-{}z", num(left), num(top), num(width), num(kBarHeight), num(width));
}

void arrowhead(std::string& out, double x, double y_middle) {
  emit(out, "<path class=\"beyond\" d=\"M{} {}l8 {}l-8 {}z\" fill=\"#222222\"/>\n", num(x), num(y_middle - 6), num(6),
       num(6));
}

// The middle of row `i`, counted from the top.
double row_middle(std::size_t i) { return kTop + (static_cast<double>(i) + 0.5) * kRowHeight; }

// Where everything goes: the rows' labels as drawn, the plot's box and x scale, the as-written
// line, and where a figure off the axis is drawn.
struct Layout {
  std::vector<std::string> labels;  // one per bar, shortened to fit
  double plot_left = 0;             // right of the widest label
  double plot_bottom = 0;
  TornadoScale x;
  double beyond_px = 0;  // where a missing figure is drawn
  double base = 0;       // the as-written line
  bool missing = false;  // some figure is off the axis: drawn at beyond_px, with a note in the legend

  [[nodiscard]] double px_of(const std::optional<double>& value) const { return value ? x.to_px(*value) : beyond_px; }
};

Layout layout_for(const Tornado& chart) {
  Layout at;
  double widest = 0;
  for (const auto& bar : chart.bars) {
    at.labels.push_back(fitted(bar.label));
    widest = std::max(widest, text_width(at.labels.back(), kTickFontSize));
  }
  at.plot_left = std::max(kPlotLeft, kLabelsFrom + widest + kTickGap);
  at.plot_bottom = kTop + std::max<double>(static_cast<double>(chart.bars.size()), 1) * kRowHeight;
  at.x = scale_for(chart, at.plot_left);
  at.beyond_px = at.x.to_px(chart.beyond_at);
  at.base = at.px_of(chart.as_written);
  at.missing = !chart.as_written.has_value();
  for (const auto& bar : chart.bars) at.missing = at.missing || !bar.low || !bar.high;
  return at;
}

// The legend's items: the low and high ends' series, then the note on figures off the axis.
Legend legend_for(const Tornado& chart, const Layout& at) {
  std::vector<double> widths{legend_item_width(chart.low_name), legend_item_width(chart.high_name)};
  if (at.missing) widths.push_back(legend_item_width(chart.beyond_label));
  return layout_legend(widths, at.plot_bottom + 60);
}

// The vertical lines behind the bars: the grid at each tick, zero when the axis crosses it,
// and the horizon where a figure off the axis is drawn.
void draw_grid(std::string& out, const Tornado& chart, const Layout& at) {
  const TornadoScale& x = at.x;
  emit(out, "<g class=\"grid\" stroke=\"#e2e2e2\" stroke-width=\"1\">\n");
  for (double tick : x.ticks) {
    const std::string px = num(x.to_px(tick));
    emit(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", px, num(kTop), num(at.plot_bottom));
  }
  out += "</g>\n";
  if (x.ticks.front() < 0 && x.ticks.back() > 0) {
    emit(out,
         "<line class=\"zero\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888888\" stroke-width=\"1\"/>\n",
         num(x.to_px(0)), num(kTop), num(at.plot_bottom));
  }
  if (at.missing && chart.beyond_at < x.ticks.back()) {
    emit(out,
         "<line class=\"horizon\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888888\" stroke-width=\"1\" "
         "stroke-dasharray=\"4 3\"/>\n",
         num(at.beyond_px), num(kTop), num(at.plot_bottom));
  }
}

// The rows' labels (a shortened one with the full label as its tooltip) and the x axis's
// ticks; then the axis lines and labels.
void draw_ticks_and_axes(std::string& out, const Tornado& chart, const Layout& at) {
  emit(out, "<g class=\"ticks\" font-size=\"{}\" fill=\"#444444\">\n", num(kTickFontSize));
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const bool cut = at.labels[i] != chart.bars[i].label;
    if (cut) emit(out, "<g><title>{}</title>", escape_xml(chart.bars[i].label));
    emit(out, "<text class=\"tick y\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(at.plot_left - kTickGap),
         num(row_middle(i) + 4), escape_xml(at.labels[i]));
    out += cut ? "</g>\n" : "\n";
  }
  const YScale labels_of{at.x.ticks};  // for the tick labels' format only
  for (double tick : at.x.ticks) {
    const double px = at.x.to_px(tick);
    const std::string label = y_tick_label(tick, labels_of, chart.x_format, chart.currency);
    const double half = text_width(label, kTickFontSize) / 2;
    emit(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333333\" stroke-width=\"1\"/>\n", num(px),
         num(at.plot_bottom), num(at.plot_bottom + 4));
    emit(out, "<text class=\"tick x\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
         num(std::min(px, kWidth - half - 4)), num(at.plot_bottom + 18), escape_xml(label));
  }
  out += "</g>\n";
  emit(out, "<path class=\"axis\" d=\"M{0} {1}V{2}H{3}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
       num(at.plot_left), num(kTop), num(at.plot_bottom), num(kPlotRight));
  axis_label_x(out, (at.plot_left + kPlotRight) / 2, at.plot_bottom + 44, chart.x_label);
  axis_label_y(out, (kTop + at.plot_bottom) / 2, chart.y_label);
}

// The bars: one path per end's series.
void draw_bars(std::string& out, const Tornado& chart, const Layout& at) {
  std::string low_path;
  std::string high_path;
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const double top = kTop + static_cast<double>(i) * kRowHeight + (kRowHeight - kBarHeight) / 2;
    const Segments s = segments(at.base, at.px_of(chart.bars[i].low), at.px_of(chart.bars[i].high));
    add_rect(low_path, s.low_from, s.low_to, top);
    add_rect(high_path, s.high_from, s.high_to, top);
  }
  const auto series = [&](const std::string& name, const char* colour, const std::string& path) {
    emit(out, "<g class=\"series\" data-series=\"{}\" fill=\"{}\">\n", escape_xml(name), colour);
    if (!path.empty()) emit(out, "<path d=\"{}\"/>\n", path);
    out += "</g>\n";
  };
  series(chart.low_name, kLowColour, low_path);
  series(chart.high_name, kHighColour, high_path);
}

// One bar as drawn, in pixels: its row's middle, its extent (the as-written line included)
// and each end's part.
struct DrawnBar {
  double middle = 0;
  double from = 0, to = 0;
  Segments parts{};
};

// The figure at one end of a bar: beside the bar where there is room, else just inside it
// where that has room, else not at all.
void draw_end_figure(std::string& out, const Tornado& chart, const Layout& at, const DrawnBar& bar, bool low,
                     double value) {
  const double px = at.x.to_px(value);
  const bool left = px <= bar.from && px != bar.to;
  if (!left && !(px >= bar.to && px != bar.from)) return;  // inside the bar: the other end's part covers it
  const std::string label = end_label(chart, value);
  const double width = text_width(label, kEndLabelFontSize);
  const Segments& s = bar.parts;
  const double own = low ? std::fabs(s.low_to - s.low_from) : std::fabs(s.high_to - s.high_from);
  const bool outside = left ? px - 4 - width >= at.plot_left : px + 4 + width <= kWidth - 4;
  if (!outside && own < width + 8) return;
  // Outside: to the left of a left end, right-aligned; inside: the other way round.
  const bool anchor_end = left == outside;
  const double x = left == outside ? px - 4 : px + 4;
  const std::string fill = outside ? "" : low ? " fill=\"#ffffff\"" : " fill=\"#1b1f24\"";
  emit(out, "<text x=\"{}\" y=\"{}\"{}{}>{}</text>\n", num(x), num(bar.middle + 3.5),
       anchor_end ? " text-anchor=\"end\"" : "", fill, escape_xml(label));
}

// Each bar's figures at its outer ends; an arrowhead where an end is off the axis.
void draw_end_labels(std::string& out, const Tornado& chart, const Layout& at) {
  emit(out, "<g class=\"end-labels\" font-size=\"{}\" fill=\"#333333\">\n", num(kEndLabelFontSize));
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& bar = chart.bars[i];
    const double low_px = at.px_of(bar.low);
    const double high_px = at.px_of(bar.high);
    const DrawnBar drawn{row_middle(i), std::min({low_px, high_px, at.base}), std::max({low_px, high_px, at.base}),
                         segments(at.base, low_px, high_px)};
    for (const bool low : {true, false}) {
      const auto& end = low ? bar.low : bar.high;
      if (end) {
        draw_end_figure(out, chart, at, drawn, low, *end);
      } else {
        arrowhead(out, at.beyond_px, drawn.middle);
      }
    }
  }
  out += "</g>\n";
}

// The figure as written: a line across every bar, labelled above the plot.
void draw_as_written(std::string& out, const Tornado& chart, const Layout& at) {
  emit(out,
       "<line class=\"as-written\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#222222\" "
       "stroke-width=\"1.5\"/>\n",
       num(at.base), num(kTop - 6), num(at.plot_bottom));
  const double half = text_width(chart.as_written_label, 11) / 2;
  emit(out,
       "<text class=\"as-written-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" "
       "font-weight=\"bold\" fill=\"#222222\">{}</text>\n",
       num(std::clamp(at.base, at.plot_left + half, std::max(at.plot_left + half, kWidth - half - 4))), num(kTop - 10),
       escape_xml(chart.as_written_label));
}

// The legend: a swatch for each end's series, then (when some figure is off the axis) the note
// on how that is drawn.
void draw_legend(std::string& out, const Tornado& chart, const Legend& legend, bool missing) {
  const std::vector<std::pair<const std::string*, const char*>> items{{&chart.low_name, kLowColour},
                                                                      {&chart.high_name, kHighColour}};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const LegendSlot& slot = legend.slots[i];
    open_legend_item(out, *items[i].first);
    emit(out,
         "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.75\"/>\n",
         num(slot.x), num(slot.y_middle - 7), num(kLegendSwatchWidth), items[i].second);
    legend_text(out, slot, *items[i].first);
    out += "</g>\n";
  }
  if (missing) {
    // Not a series: a note on how a figure off the axis is drawn.
    const LegendSlot& slot = legend.slots[2];
    out += "<g class=\"legend-note\">\n";
    arrowhead(out, slot.x + kLegendSwatchWidth / 2 - 4, slot.y_middle);
    legend_text(out, slot, chart.beyond_label);
    out += "</g>\n";
  }
}

}  // namespace

std::string render_tornado(const Tornado& chart) {
  const Layout at = layout_for(chart);
  const Legend legend = legend_for(chart, at);
  const Frame frame{chart.id, chart.title, chart.description, chart.x_label, chart.y_label, legend.chart_height};

  std::string out;
  open_svg(out, frame);
  draw_grid(out, chart, at);
  draw_ticks_and_axes(out, chart, at);
  draw_bars(out, chart, at);
  draw_end_labels(out, chart, at);
  draw_as_written(out, chart, at);
  draw_legend(out, chart, legend, at.missing);
  close_svg(out);
  return out;
}

}  // namespace tco::svg
