// Helpers every chart shares: escaping, tick values and labels, the frame and the legend.
#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "common/svg.hpp"
#include "tco/core/text.hpp"

namespace tco::svg {
namespace {

using namespace layout;

// Digits after the point needed to write multiples of `step` exactly (0.25 -> 2, 20000 -> 0).
int decimals_for(double step) {
  for (int decimals = 0; decimals < 6; ++decimals) {
    const double scaled = step * std::pow(10.0, decimals);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::fabs(scaled))) return decimals;
  }
  return 6;
}

}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 has no way to write other control characters, even escaped.
        if (static_cast<unsigned char>(c) < 0x20U && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

namespace detail {

std::string num(double value) {
  if (!std::isfinite(value)) return "0";
  std::string text = trim_trailing_zeros(fmt::format("{:.2f}", value));
  return text == "-0" ? "0" : text;
}

double text_width(std::string_view text, double font_size) {
  // Count code points, not bytes; 0.62 em is a generous average for sans-serif faces.
  const auto code_points =
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; });
  return static_cast<double>(code_points) * 0.62 * font_size;
}

double YScale::to_px(double value) const {
  const double fraction = (value - lo()) / (hi() - lo());
  return kPlotBottom - fraction * (kPlotBottom - kPlotTop);
}

YScale make_y_scale(double data_lo, double data_hi) {
  // nice_ticks handles an empty or flat range (0..1), so the scale never divides by zero.
  return YScale{nice_ticks(data_lo, data_hi, 5)};
}

std::string y_tick_label(double value, const YScale& scale, ValueFormat format, std::string_view currency) {
  const double step = scale.step();
  switch (format) {
    case ValueFormat::money: {
      // Cents only show on small axes, and then on every tick so the labels line up.
      const bool small = std::max(std::fabs(scale.lo()), std::fabs(scale.hi())) < 1000;
      if (small && decimals_for(step) > 0) return format_money(value, currency, 2);
      return compact_money(value, currency);
    }
    case ValueFormat::percent:
      return format_percent(value, decimals_for(step * 100));
    case ValueFormat::number:
      return group_thousands(value, decimals_for(step));
    case ValueFormat::months:
      return group_thousands(value, decimals_for(step)) + " mo";
  }
  return group_thousands(value, decimals_for(step));
}

std::string x_label_at(const std::vector<std::string>& labels, std::size_t index) {
  return index < labels.size() ? labels[index] : std::to_string(index);
}

std::vector<std::size_t> x_tick_indices(const std::vector<std::string>& labels, std::size_t count,
                                        double px_per_index) {
  if (count == 0) return {};
  double widest = 0;
  for (std::size_t i = 0; i < count; ++i) widest = std::max(widest, text_width(x_label_at(labels, i), kTickFontSize));
  constexpr std::size_t kMaxTicks = 12;
  // Month-friendly steps first (quarters, half years, years); past them, whatever fits.
  static constexpr std::array<std::size_t, 16> kSteps{1, 2, 3, 4, 6, 12, 18, 24, 36, 48, 60, 120, 180, 240, 360, 600};
  std::size_t step = 0;
  for (std::size_t candidate : kSteps) {
    const bool few_enough = (count + candidate - 1) / candidate <= kMaxTicks;
    const bool wide_enough = count == 1 || static_cast<double>(candidate) * px_per_index >= widest + 12;
    if (few_enough && wide_enough) {
      step = candidate;
      break;
    }
  }
  if (step == 0) {
    const auto by_count = (count + kMaxTicks - 1) / kMaxTicks;
    const auto by_width = static_cast<std::size_t>(std::ceil((widest + 12) / std::max(px_per_index, 1e-9)));
    step = std::max({std::size_t{1}, by_count, by_width});
  }
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < count; i += step) indices.push_back(i);
  return indices;
}

void open_svg(std::string& out, const Frame& frame) {
  const std::string id = escape_xml(frame.id);
  const std::string height = num(frame.height);
  emit(out,
       "<svg class=\"chart\" data-chart=\"{0}\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" "
       "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {1} {2}\" width=\"100%\" "
       "preserveAspectRatio=\"xMidYMid meet\" font-family=\"sans-serif\">\n",
       id, num(kWidth), height);
  emit(out, "<title id=\"{}-title\">{}</title>\n", id, escape_xml(frame.title));
  emit(out, "<desc id=\"{}-desc\">{}</desc>\n", id, escape_xml(frame.description));
  // An opaque background: the chart reads the same on a dark page and in print.
  emit(out, "<rect class=\"background\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(kWidth),
       height);
  emit(out,
       "<text class=\"chart-title\" x=\"16\" y=\"28\" font-size=\"16\" font-weight=\"bold\" "
       "fill=\"#222222\">{}</text>\n",
       escape_xml(frame.title));
}

void draw_axes(std::string& out, const Frame& frame, const YScale& scale, ValueFormat format, std::string_view currency,
               const std::vector<XTick>& x_ticks) {
  emit(out, "<g class=\"grid\" stroke=\"#e2e2e2\" stroke-width=\"1\">\n");
  for (double tick : scale.ticks) {
    const std::string y = num(scale.to_px(tick));
    emit(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", num(kPlotLeft), y, num(kPlotRight), y);
  }
  emit(out, "</g>\n");
  if (scale.lo() < 0 && scale.hi() > 0) {
    // Where negative values start matters, so zero gets a darker line than the grid.
    const std::string y = num(scale.to_px(0));
    emit(out, "<line class=\"zero\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888888\" stroke-width=\"1\"/>\n",
         num(kPlotLeft), y, num(kPlotRight), y);
  }
  emit(out, "<g class=\"ticks\" font-size=\"{}\" fill=\"#444444\">\n", num(kTickFontSize));
  for (double tick : scale.ticks) {
    emit(out, "<text class=\"tick y\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", num(kPlotLeft - kTickGap),
         num(scale.to_px(tick) + 4), escape_xml(y_tick_label(tick, scale, format, currency)));
  }
  for (const XTick& tick : x_ticks) {
    // Keep the first and last labels inside the drawing rather than clipped by its edge.
    const double half = text_width(tick.label, kTickFontSize) / 2;
    const double x = std::clamp(tick.px, half + 4, std::max(half + 4, kWidth - half - 4));
    emit(out, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
         num(tick.px), num(kPlotBottom), num(kPlotBottom + 4));
    emit(out, "<text class=\"tick x\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", num(x),
         num(kPlotBottom + 18), escape_xml(tick.label));
  }
  emit(out, "</g>\n");
  emit(out, "<path class=\"axis\" d=\"M{0} {1}V{2}H{3}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n",
       num(kPlotLeft), num(kPlotTop), num(kPlotBottom), num(kPlotRight));
  axis_label_x(out, (kPlotLeft + kPlotRight) / 2, kPlotBottom + 44, frame.x_label);
  axis_label_y(out, (kPlotTop + kPlotBottom) / 2, frame.y_label);
}

void axis_label_x(std::string& out, double x_centre, double y, std::string_view label) {
  emit(out,
       "<text class=\"axis-label x\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" "
       "fill=\"#333333\">{}</text>\n",
       num(x_centre), num(y), escape_xml(label));
}

void axis_label_y(std::string& out, double y_centre, std::string_view label) {
  // Rotated about the origin, so x is minus the vertical centre and y the distance from the left.
  emit(out,
       "<text class=\"axis-label y\" transform=\"rotate(-90)\" x=\"{}\" y=\"18\" text-anchor=\"middle\" "
       "font-size=\"12\" fill=\"#333333\">{}</text>\n",
       num(-y_centre), escape_xml(label));
}

void close_svg(std::string& out) { out += "</svg>\n"; }

double legend_item_width(std::string_view name) {
  constexpr double kGapAfterSwatch = 6;
  return kLegendSwatchWidth + kGapAfterSwatch + text_width(name, kLegendFontSize);
}

Legend layout_legend(const std::vector<Series>& series) {
  std::vector<double> widths;
  widths.reserve(series.size());
  for (const auto& one : series) widths.push_back(legend_item_width(one.name));
  return layout_legend(widths, kLegendTop);
}

Legend layout_legend(const std::vector<double>& item_widths, double top) {
  constexpr double kGapBetweenItems = 24;
  constexpr double kRightEdge = kWidth - 16;
  Legend legend;
  double x = kPlotLeft;
  int row = 0;
  for (const double item_width : item_widths) {
    if (x > kPlotLeft && x + item_width > kRightEdge) {
      x = kPlotLeft;
      ++row;
    }
    legend.slots.push_back({x, top + (row + 0.5) * kLegendRowHeight});
    x += item_width + kGapBetweenItems;
  }
  legend.chart_height = top + (row + 1) * kLegendRowHeight + kBottomMargin;
  return legend;
}

void open_legend_item(std::string& out, std::string_view name) {
  emit(out, "<g class=\"legend-item\" data-series=\"{}\">\n", escape_xml(name));
}

void legend_text(std::string& out, const LegendSlot& slot, std::string_view name) {
  emit(out, "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#222222\">{}</text>\n",
       num(slot.x + kLegendSwatchWidth + 6), num(slot.y_middle + 4), num(kLegendFontSize), escape_xml(name));
}

}  // namespace detail
}  // namespace tco::svg
