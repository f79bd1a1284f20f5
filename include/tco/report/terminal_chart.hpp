#pragma once
// A line chart drawn with characters, for the terminal: each series its own glyph (so it
// reads without colour), optional ANSI colour, fitted to a given width.
#include <string>
#include <vector>

namespace tco {

struct TerminalSeries {
  std::string name;
  std::vector<double> values;  // one per x index
};

struct TerminalMarker {
  double x = 0;  // index units, may be fractional
  double y = 0;
};

struct TerminalChart {
  std::string title;
  std::vector<std::string> x_labels;  // one per index
  std::vector<TerminalSeries> series;
  std::vector<TerminalMarker> markers;  // drawn as 'X' over the curves
  std::string marker_legend;            // what a marker means, "break-even"
  std::string currency = "USD";
};

// Draws the chart in `width` columns (at least 40) and `height` plot rows.
std::string render_terminal_chart(const TerminalChart& chart, int width, bool color, int height = 16);

}  // namespace tco
