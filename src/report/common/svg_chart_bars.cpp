// Stacked bars: one bar per x index, one segment per component, filled with colour and,
// from the second palette slot on, a hatch pattern so segments stay apart in greyscale.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>

#include "common/svg.hpp"

namespace tco::svg {
namespace {

using namespace layout;
using namespace detail;

struct BarColour {
  const char* fill;
  bool dark;  // hatch marks are drawn in white on dark fills, in black on light ones
};

// Okabe-Ito colours ordered so neighbouring segments differ in lightness
// (L* 46, 89, 54, 70, 58, 71, 61), then a grey (L* 63) so eight components need no repeat;
// yellow is fine as a fill though too light for a line.
constexpr std::array<BarColour, 8> kBarColours{{
    {"#0072B2", true},
    {"#F0E442", false},
    {"#D55E00", true},
    {"#56B4E9", false},
    {"#009E73", true},
    {"#E69F00", false},
    {"#CC79A7", false},
    {"#999999", false},
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
constexpr double kCutLabelFontSize = 11;
constexpr double kMinBarWidth = 1;

std::string pattern_id(std::string_view chart_id, std::size_t slot) {
  return escape_xml(chart_id) + "-hatch-" + std::to_string(slot + 1);
}

// The fill of palette slot `slot`: plain colour for the first, a hatch pattern after it.
std::string slot_fill(std::string_view chart_id, std::size_t slot) {
  if (slot == 0) return kBarColours[0].fill;
  return "url(#" + pattern_id(chart_id, slot) + ")";
}

void write_patterns(std::string& out, const StackedBars& chart) {
  std::vector<std::size_t> written;
  for (std::size_t position = 0; position < chart.stacks.size(); ++position) {
    const std::size_t slot = style_slot(chart.stacks[position], position);
    if (slot == 0 || std::find(written.begin(), written.end(), slot) != written.end()) continue;
    if (written.empty()) out += "<defs>\n";
    written.push_back(slot);
    const BarColour& colour = kBarColours[slot % kBarColours.size()];
    emit(out, "<pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">",
         pattern_id(chart.id, slot));
    emit(out, "<rect x=\"0\" y=\"0\" width=\"8\" height=\"8\" fill=\"{}\"/>", colour.fill);
    emit(out, fmt::runtime(kHatchMarks[(slot - 1) % kHatchMarks.size()]), colour.dark ? "#ffffff" : "#000000",
         colour.dark ? "0.75" : "0.5");
    out += "</pattern>\n";
  }
  if (!written.empty()) out += "</defs>\n";
}

double clean(double value) { return std::isfinite(value) && value > 0 ? value : 0.0; }

// One bar as drawn: the height of each segment and, for a bar cut to fit, where its break is.
struct DrawnBar {
  std::vector<double> heights;  // per series, in data units
  double total = 0;             // the bar's real total
  std::optional<double> cut;    // the value at which the break mark is drawn
};

// A bar taller than `limit` loses the excess from its largest segment, so every other
// segment keeps its true height and stays visible; the break goes across the middle of what
// is left of that segment. When the others alone nearly fill the limit, every segment is
// scaled down alike instead and the break goes across the top.
DrawnBar fit_bar(std::vector<double> heights, double limit) {
  DrawnBar bar{std::move(heights), 0, std::nullopt};
  for (double h : bar.heights) bar.total += h;
  if (bar.total <= limit || bar.heights.empty()) return bar;
  const auto largest =
      static_cast<std::size_t>(std::max_element(bar.heights.begin(), bar.heights.end()) - bar.heights.begin());
  const double others = bar.total - bar.heights[largest];
  if (others <= 0.75 * limit) {
    double below = 0;
    for (std::size_t s = 0; s < largest; ++s) below += bar.heights[s];
    bar.heights[largest] = limit - others;
    bar.cut = below + bar.heights[largest] / 2;
  } else {
    for (double& h : bar.heights) h *= limit / bar.total;
    bar.cut = limit * 0.96;
  }
  return bar;
}

// Over each cut bar, a break mark and its real total above it, unless that
// label would overlap the previous one.
void draw_cut_marks(std::string& out, const StackedBars& chart, const std::vector<DrawnBar>& bars, const YScale& y,
                    double band, double bar_width) {
  const double zig = std::min(bar_width / 2, 4.0);
  double free_from = -1e9;  // the x where the previous label ends
  out += "<g class=\"cut-bars\">\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    if (!bars[i].cut) continue;
    const double centre = kPlotLeft + (static_cast<double>(i) + 0.5) * band;
    // A white gap with a slant, edged in dark lines, a little wider than the bar: visible
    // on any fill, in colour or grey.
    const double left = centre - bar_width / 2 - 2;
    const double width = bar_width + 4;
    const double at = y.to_px(*bars[i].cut);
    emit(out, "<path d=\"M{} {}l{} -{}v{}l-{} {}z\" fill=\"#ffffff\"/>\n", num(left), num(at + 2 + zig / 2), num(width),
         num(zig), num(-4), num(width), num(zig));
    emit(out, "<path d=\"M{} {}l{} -{}M{} {}l{} -{}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.75\"/>\n",
         num(left), num(at + 2 + zig / 2), num(width), num(zig), num(left), num(at - 2 + zig / 2), num(width),
         num(zig));
    const std::string label = compact_money(bars[i].total, chart.currency);
    const double half = text_width(label, kCutLabelFontSize) / 2;
    const double x = std::max(centre, kPlotLeft + half + 4);  // clear of the y axis
    if (x - half < free_from) continue;
    free_from = x + half + 4;
    double drawn = 0;
    for (double h : bars[i].heights) drawn += h;
    emit(out,
         "<text class=\"bar-total\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" "
         "font-weight=\"bold\" fill=\"#222222\">{}</text>\n",
         num(x), num(y.to_px(drawn) - 5), num(kCutLabelFontSize), escape_xml(label));
  }
  out += "</g>\n";
}

}  // namespace

std::string render_stacked_bars(const StackedBars& chart) {
  std::size_t count = chart.x_labels.size();
  for (const auto& stack : chart.stacks) count = std::max(count, stack.values.size());
  double highest = 0;
  for (std::size_t i = 0; i < count; ++i) {
    double total = 0;
    for (const auto& stack : chart.stacks) total += i < stack.values.size() ? clean(stack.values[i]) : 0.0;
    highest = std::max(highest, total);
  }
  const bool clipping = chart.clip_at && *chart.clip_at > 0 && highest > *chart.clip_at;
  const double limit = clipping ? *chart.clip_at : highest;
  std::vector<DrawnBar> drawn;
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<double> heights;
    for (const auto& stack : chart.stacks) heights.push_back(i < stack.values.size() ? clean(stack.values[i]) : 0.0);
    drawn.push_back(fit_bar(std::move(heights), limit));
  }
  // A cut bar's total is written above it: leave it room below the top of the scale.
  const YScale y = make_y_scale(0, clipping ? limit * 1.12 : limit);

  // Bars fill their band with a gap while there is room; past that they touch, slightly
  // overlapping so no hairline seams show between neighbours.
  const double band = count == 0 ? 0.0 : (kPlotRight - kPlotLeft) / static_cast<double>(count);
  const double bar_width = band >= 6 ? std::min(band * 0.75, kMaxBarWidth) : std::max(band + 0.4, kMinBarWidth);
  auto band_centre = [&](std::size_t i) { return kPlotLeft + (static_cast<double>(i) + 0.5) * band; };

  const Legend legend = layout_legend(chart.stacks);
  const Frame frame{chart.id, chart.title, chart.description, chart.x_label, chart.y_label, legend.chart_height};

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
         slot_fill(chart.id, style_slot(stack, segment)), edge);
    // One path for the whole series: a browser printing to PDF rasterises each element with a
    // pattern fill on its own, so a rect per bar made a 60-month report weigh tens of MB.
    std::string bars;
    for (std::size_t i = 0; i < count; ++i) {
      const double value = drawn[i].heights[segment];
      if (value == 0) continue;
      const double top = y.to_px(base[i] + value);
      const double bottom = y.to_px(base[i]);
      base[i] += value;
      if (!bars.empty()) bars += ' ';
      bars += fmt::format("M{} {}h{}v{}h-{}z", num(band_centre(i) - bar_width / 2), num(top), num(bar_width),
                          num(bottom - top), num(bar_width));
    }
    if (!bars.empty()) emit(out, "<path d=\"{}\"/>\n", bars);
    out += "</g>\n";
  }
  if (clipping) draw_cut_marks(out, chart, drawn, y, band, bar_width);

  for (std::size_t segment = 0; segment < chart.stacks.size(); ++segment) {
    const LegendSlot& slot = legend.slots[segment];
    open_legend_item(out, chart.stacks[segment].name);
    emit(out,
         "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{}\" stroke=\"#333333\" stroke-width=\"0.75\"/>\n",
         num(slot.x), num(slot.y_middle - 7), num(kLegendSwatchWidth),
         slot_fill(chart.id, style_slot(chart.stacks[segment], segment)));
    legend_text(out, slot, chart.stacks[segment].name);
    out += "</g>\n";
  }
  close_svg(out);
  return out;
}

}  // namespace tco::svg
