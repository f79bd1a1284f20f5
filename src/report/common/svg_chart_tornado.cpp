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

struct XScale {
  std::vector<double> ticks;
  double left = 0, right = 0;
  [[nodiscard]] double to_px(double value) const {
    const double span = ticks.back() - ticks.front();
    return left + (value - ticks.front()) / span * (right - left);
  }
};

XScale scale_for(const Tornado& chart, double left) {
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
  return XScale{nice_ticks(span.lo, span.hi, 6), left, kPlotRight};
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

}  // namespace

std::string render_tornado(const Tornado& chart) {
  std::vector<std::string> labels;
  double widest = 0;
  for (const auto& bar : chart.bars) {
    labels.push_back(fitted(bar.label));
    widest = std::max(widest, text_width(labels.back(), kTickFontSize));
  }
  const double plot_left = std::max(kPlotLeft, kLabelsFrom + widest + kTickGap);
  const double plot_bottom = kTop + std::max<double>(static_cast<double>(chart.bars.size()), 1) * kRowHeight;
  const XScale x = scale_for(chart, plot_left);
  const double beyond_px = x.to_px(chart.beyond_at);
  const auto px_of = [&](const std::optional<double>& value) { return value ? x.to_px(*value) : beyond_px; };
  const double base = px_of(chart.as_written);
  bool missing = !chart.as_written.has_value();
  for (const auto& bar : chart.bars) missing = missing || !bar.low || !bar.high;

  std::vector<double> widths{legend_item_width(chart.low_name), legend_item_width(chart.high_name)};
  if (missing) widths.push_back(legend_item_width(chart.beyond_label));
  const Legend legend = layout_legend(widths, plot_bottom + 60);
  const Frame frame{chart.id, chart.title, chart.description, chart.x_label, chart.y_label, legend.chart_height};

  std::string out;
  open_svg(out, frame);
  emit(out, "<g class=\"grid\" stroke=\"#e2e2e2\" stroke-width=\"1\">\n");
  for (double tick : x.ticks) {
    const std::string at = num(x.to_px(tick));
    emit(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", at, num(kTop), num(plot_bottom));
  }
  out += "</g>\n";
  if (x.ticks.front() < 0 && x.ticks.back() > 0) {
    emit(out,
         "<line class=\"zero\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888888\" stroke-width=\"1\"/>\n",
         num(x.to_px(0)), num(kTop), num(plot_bottom));
  }
  if (missing && chart.beyond_at < x.ticks.back()) {
    emit(out,
         "<line class=\"horizon\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888888\" stroke-width=\"1\" "
         "stroke-dasharray=\"4 3\"/>\n",
         num(beyond_px), num(kTop), num(plot_bottom));
  }

  // The rows' labels and the x axis's ticks.
  emit(out, "<g class=\"ticks\" font-size=\"{}\" fill=\"#444444\">\n", num(kTickFontSize));
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const double middle = kTop + (static_cast<double>(i) + 0.5) * kRowHeight;
    const bool cut = labels[i] != chart.bars[i].label;
    if (cut) emit(out, "<g><title>{}</title>", escape_xml(chart.bars[i].label));
    emit(out, "<text class=\"tick y\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(plot_left - kTickGap),
         num(middle + 4), escape_xml(labels[i]));
    out += cut ? "</g>\n" : "\n";
  }
  const YScale labels_of{x.ticks};  // for the tick labels' format only
  for (double tick : x.ticks) {
    const double px = x.to_px(tick);
    const std::string label = y_tick_label(tick, labels_of, chart.x_format, chart.currency);
    const double half = text_width(label, kTickFontSize) / 2;
    emit(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333333\" stroke-width=\"1\"/>\n", num(px),
         num(plot_bottom), num(plot_bottom + 4));
    emit(out, "<text class=\"tick x\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
         num(std::min(px, kWidth - half - 4)), num(plot_bottom + 18), escape_xml(label));
  }
  out += "</g>\n";
  emit(out, "<path class=\"axis\" d=\"M{0} {1}V{2}H{3}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
       num(plot_left), num(kTop), num(plot_bottom), num(kPlotRight));
  axis_label_x(out, (plot_left + kPlotRight) / 2, plot_bottom + 44, chart.x_label);
  axis_label_y(out, (kTop + plot_bottom) / 2, chart.y_label);

  // The bars: one path per end's series.
  std::string low_path;
  std::string high_path;
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const double top = kTop + static_cast<double>(i) * kRowHeight + (kRowHeight - kBarHeight) / 2;
    const Segments s = segments(base, px_of(chart.bars[i].low), px_of(chart.bars[i].high));
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

  // Each bar's figures at its outer ends: beside the bar where there is room, else just inside
  // it where that has room; an arrowhead where an end is off the axis.
  emit(out, "<g class=\"end-labels\" font-size=\"{}\" fill=\"#333333\">\n", num(kEndLabelFontSize));
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& bar = chart.bars[i];
    const double middle = kTop + (static_cast<double>(i) + 0.5) * kRowHeight;
    const double from = std::min({px_of(bar.low), px_of(bar.high), base});
    const double to = std::max({px_of(bar.low), px_of(bar.high), base});
    const Segments s = segments(base, px_of(bar.low), px_of(bar.high));
    for (const bool low : {true, false}) {
      const auto& end = low ? bar.low : bar.high;
      if (!end) {
        arrowhead(out, beyond_px, middle);
        continue;
      }
      const double px = x.to_px(*end);
      const bool left = px <= from && px != to;
      if (!left && !(px >= to && px != from)) continue;  // inside the bar: the other end's part covers it
      const std::string label = end_label(chart, *end);
      const double width = text_width(label, kEndLabelFontSize);
      const double own = low ? std::fabs(s.low_to - s.low_from) : std::fabs(s.high_to - s.high_from);
      const bool outside = left ? px - 4 - width >= plot_left : px + 4 + width <= kWidth - 4;
      if (!outside && own < width + 8) continue;
      // Outside: to the left of a left end, right-aligned; inside: the other way round.
      const bool anchor_end = left == outside;
      const double at = left == outside ? px - 4 : px + 4;
      const std::string fill = outside ? "" : low ? " fill=\"#ffffff\"" : " fill=\"#1b1f24\"";
      emit(out, "<text x=\"{}\" y=\"{}\"{}{}>{}</text>\n", num(at), num(middle + 3.5),
           anchor_end ? " text-anchor=\"end\"" : "", fill, escape_xml(label));
    }
  }
  out += "</g>\n";

  // The figure as written: a line across every bar, labelled above the plot.
  emit(out,
       "<line class=\"as-written\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#222222\" "
       "stroke-width=\"1.5\"/>\n",
       num(base), num(kTop - 6), num(plot_bottom));
  const double half = text_width(chart.as_written_label, 11) / 2;
  emit(out,
       "<text class=\"as-written-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" "
       "font-weight=\"bold\" fill=\"#222222\">{}</text>\n",
       num(std::clamp(base, plot_left + half, std::max(plot_left + half, kWidth - half - 4))), num(kTop - 10),
       escape_xml(chart.as_written_label));

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
  close_svg(out);
  return out;
}

}  // namespace tco::svg
