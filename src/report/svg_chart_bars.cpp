// Stacked bars: one bar per x index, one segment per component, filled with colour and,
// from the second component on, a hatch pattern so segments stay apart in greyscale.
#include <algorithm>
#include <array>
#include <cmath>

#include "svg_common.hpp"

namespace tco::svg {
namespace {

using namespace layout;
using namespace detail;

struct BarColour {
  const char* fill;
  bool dark;  // hatch marks are drawn in white on dark fills, in black on light ones
};

// Okabe-Ito colours ordered so neighbouring segments differ in lightness
// (L* 46, 89, 54, 70, 58, 71, 61); yellow is fine as a fill though too light for a line.
constexpr std::array<BarColour, 7> kBarColours{{
    {"#0072B2", true},
    {"#F0E442", false},
    {"#D55E00", true},
    {"#56B4E9", false},
    {"#009E73", true},
    {"#E69F00", false},
    {"#CC79A7", false},
}};

// Marks drawn over the fill in an 8x8 tile, one kind per segment after the first. The tile
// is in user space, so dense bars that touch show one continuous hatch across them.
constexpr std::array<const char*, 7> kHatchMarks{{
    "<path d=\"M-2 2L2 -2M0 8L8 0M6 10L10 6\" fill=\"none\" stroke=\"{0}\" stroke-opacity=\"{1}\" "
    "stroke-width=\"1.5\"/>",  // diagonal
    "<circle cx=\"2\" cy=\"2\" r=\"1.4\" fill=\"{0}\" fill-opacity=\"{1}\"/>"
    "<circle cx=\"6\" cy=\"6\" r=\"1.4\" fill=\"{0}\" fill-opacity=\"{1}\"/>",  // dots
    "<path d=\"M-2 2L2 -2M0 8L8 0M6 10L10 6M-2 6L2 10M0 0L8 8M6 -2L10 2\" fill=\"none\" stroke=\"{0}\" "
    "stroke-opacity=\"{1}\" stroke-width=\"1\"/>",                                                    // cross-hatch
    "<path d=\"M0 4H8\" fill=\"none\" stroke=\"{0}\" stroke-opacity=\"{1}\" stroke-width=\"1.5\"/>",  // horizontal
    "<path d=\"M-2 6L2 10M0 0L8 8M6 -2L10 2\" fill=\"none\" stroke=\"{0}\" stroke-opacity=\"{1}\" "
    "stroke-width=\"1.5\"/>",  // back diagonal
    "<path d=\"M0 4H8M4 0V8\" fill=\"none\" stroke=\"{0}\" stroke-opacity=\"{1}\" stroke-width=\"1\"/>",  // grid
    "<path d=\"M4 0V8\" fill=\"none\" stroke=\"{0}\" stroke-opacity=\"{1}\" stroke-width=\"1.5\"/>",      // vertical
}};

constexpr double kMaxBarWidth = 64;
constexpr double kMinBarWidth = 1;

std::string pattern_id(std::string_view chart_id, std::size_t segment) {
  return escape_xml(chart_id) + "-hatch-" + std::to_string(segment + 1);
}

// The fill of segment `segment` (0-based): plain colour for the first, its pattern after.
std::string segment_fill(std::string_view chart_id, std::size_t segment) {
  if (segment == 0) return kBarColours[0].fill;
  return "url(#" + pattern_id(chart_id, segment) + ")";
}

void write_patterns(std::string& out, const StackedBars& chart) {
  if (chart.stacks.size() < 2) return;
  out += "<defs>\n";
  for (std::size_t segment = 1; segment < chart.stacks.size(); ++segment) {
    const BarColour& colour = kBarColours[segment % kBarColours.size()];
    emit(out, "<pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">",
         pattern_id(chart.id, segment));
    emit(out, "<rect x=\"0\" y=\"0\" width=\"8\" height=\"8\" fill=\"{}\"/>", colour.fill);
    emit(out, fmt::runtime(kHatchMarks[(segment - 1) % kHatchMarks.size()]), colour.dark ? "#ffffff" : "#000000",
         colour.dark ? "0.75" : "0.5");
    out += "</pattern>\n";
  }
  out += "</defs>\n";
}

double clean(double value) { return std::isfinite(value) && value > 0 ? value : 0.0; }

}  // namespace

std::string render_stacked_bars(const StackedBars& chart) {
  std::size_t count = chart.x_labels.size();
  for (const auto& stack : chart.stacks) count = std::max(count, stack.values.size());
  std::vector<double> totals(count, 0.0);
  for (const auto& stack : chart.stacks)
    for (std::size_t i = 0; i < stack.values.size(); ++i) totals[i] += clean(stack.values[i]);
  const double highest = totals.empty() ? 0.0 : *std::max_element(totals.begin(), totals.end());
  const YScale y = make_y_scale(0, highest);

  // Bars fill their band with a gap while there is room; past that they touch, slightly
  // overlapping so no hairline seams show between neighbours.
  const double band = count == 0 ? 0.0 : (kPlotRight - kPlotLeft) / static_cast<double>(count);
  const double bar_width = band >= 6 ? std::min(band * 0.75, kMaxBarWidth) : std::max(band + 0.4, kMinBarWidth);
  auto band_centre = [&](std::size_t i) { return kPlotLeft + (static_cast<double>(i) + 0.5) * band; };

  std::vector<std::string> names;
  for (const auto& stack : chart.stacks) names.push_back(stack.name);
  int legend_rows = 1;
  const auto slots = layout_legend(names, legend_rows);
  const Frame frame{chart.id, chart.title, chart.description, chart.x_label, chart.y_label, chart_height(legend_rows)};

  std::vector<XTick> x_ticks;
  for (std::size_t i : x_tick_indices(chart.x_labels, count, band))
    x_ticks.push_back({band_centre(i), x_label_at(chart.x_labels, i)});

  std::string out;
  open_svg(out, frame);
  write_patterns(out, chart);
  draw_axes(out, frame, y, ValueFormat::money, chart.currency, x_ticks);

  // Separate segments with a thin white edge when bars are wide enough to spare it.
  const std::string edge = band >= 6 ? " stroke=\"#ffffff\" stroke-width=\"0.75\"" : "";
  std::vector<double> base(count, 0.0);
  for (std::size_t segment = 0; segment < chart.stacks.size(); ++segment) {
    const Series& stack = chart.stacks[segment];
    emit(out, "<g class=\"series\" data-series=\"{}\" fill=\"{}\"{}>\n", escape_xml(stack.name),
         segment_fill(chart.id, segment), edge);
    for (std::size_t i = 0; i < stack.values.size(); ++i) {
      const double value = clean(stack.values[i]);
      if (value == 0) continue;
      const double top = y.to_px(base[i] + value);
      const double bottom = y.to_px(base[i]);
      base[i] += value;
      emit(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", num(band_centre(i) - bar_width / 2), num(top),
           num(bar_width), num(bottom - top));
    }
    out += "</g>\n";
  }

  for (std::size_t segment = 0; segment < chart.stacks.size(); ++segment) {
    const LegendSlot& slot = slots[segment];
    open_legend_item(out, chart.stacks[segment].name);
    emit(out,
         "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.75\"/>\n",
         num(slot.x), num(slot.y_middle - 7), num(kLegendSwatchWidth), segment_fill(chart.id, segment));
    legend_text(out, slot, chart.stacks[segment].name);
    out += "</g>\n";
  }
  close_svg(out);
  return out;
}

}  // namespace tco::svg
