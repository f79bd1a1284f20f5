#include "tco/report/terminal_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/report/chart_scale.hpp"

namespace tco {
namespace {

constexpr const char* kGlyphs = "*o+#%=";
constexpr const char* kColors[] = {"\033[36m", "\033[33m", "\033[35m", "\033[32m", "\033[34m", "\033[31m"};
constexpr const char* kMarkerColor = "\033[1;31m";
constexpr const char* kReset = "\033[0m";

struct Cell {
  char glyph = ' ';
  int series = -1;  // -1: axis or empty; -2: marker
};

class Canvas {
 public:
  Canvas(int columns, int rows) : columns_(columns), rows_(rows), cells_(static_cast<std::size_t>(columns * rows)) {}
  void put(int column, int row, char glyph, int series) {
    if (column < 0 || column >= columns_ || row < 0 || row >= rows_) return;
    cells_[static_cast<std::size_t>(row * columns_ + column)] = {glyph, series};
  }
  [[nodiscard]] std::string row_text(int row, bool color) const {
    std::string out;
    for (int column = 0; column < columns_; ++column) {
      const Cell& cell = cells_[static_cast<std::size_t>(row * columns_ + column)];
      if (color && cell.series != -1) {
        out += cell.series == -2 ? kMarkerColor : kColors[cell.series % 6];
        out += cell.glyph;
        out += kReset;
      } else {
        out += cell.glyph;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

 private:
  int columns_;
  int rows_;
  std::vector<Cell> cells_;
};

// Labels every 1, 2, 3, 6, 12, 24... points: as many as fit with two spaces between them.
std::size_t label_step(std::size_t points, std::size_t label_width, int columns) {
  const auto fitting = std::max<std::size_t>(1, static_cast<std::size_t>(columns) / (label_width + 2));
  for (const std::size_t step : {1UL, 2UL, 3UL, 6UL, 12UL, 24UL, 36UL, 60UL, 120UL}) {
    if ((points + step - 1) / step <= fitting) return step;
  }
  return std::max<std::size_t>(1, points / fitting);
}

}  // namespace

std::string render_terminal_chart(const TerminalChart& chart, int width, bool color, int height) {
  width = std::max(width, 40);
  std::size_t points = 0;
  double lo = 0;
  double hi = 0;
  for (const auto& series : chart.series) {
    points = std::max(points, series.values.size());
    for (double value : series.values) {
      lo = std::min(lo, value);
      hi = std::max(hi, value);
    }
  }
  const auto ticks = nice_ticks(lo, hi, 5);
  lo = ticks.front();
  hi = ticks.back();
  std::vector<std::string> labels;
  std::size_t label_width = 0;
  for (double tick : ticks) {
    labels.push_back(compact_money(tick, chart.currency));
    label_width = std::max(label_width, labels.back().size());
  }
  const int left = static_cast<int>(label_width) + 2;  // labels, a space and the axis
  const int columns = width - left;
  const auto column_of = [&](double x) {
    return points <= 1 ? 0 : static_cast<int>(std::lround(x / static_cast<double>(points - 1) * (columns - 1)));
  };
  const auto row_of = [&](double y) { return static_cast<int>(std::lround((hi - y) / (hi - lo) * (height - 1))); };

  Canvas canvas(columns, height);
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto& values = chart.series[s].values;
    const char glyph = kGlyphs[s % 6];
    // Each column shows the value at its x, and a vertical stroke joins it to the previous
    // column's so that steps (a purchase) stay visible.
    int previous = -1;
    for (int column = 0; column < columns && !values.empty(); ++column) {
      const double x = columns <= 1 ? 0 : static_cast<double>(column) * static_cast<double>(points - 1) / (columns - 1);
      const auto index = std::min(static_cast<std::size_t>(std::floor(x)), values.size() - 1);
      const auto next = std::min(index + 1, values.size() - 1);
      const double y = values[index] + (values[next] - values[index]) * (x - std::floor(x));
      const int row = row_of(y);
      if (previous >= 0) {
        for (int r = std::min(previous, row) + 1; r < std::max(previous, row); ++r)
          canvas.put(column, r, glyph, static_cast<int>(s));
      }
      canvas.put(column, row, glyph, static_cast<int>(s));
      previous = row;
    }
  }
  for (const auto& marker : chart.markers) canvas.put(column_of(marker.x), row_of(marker.y), 'X', -2);

  std::string out = chart.title.empty() ? "" : chart.title + "\n\n";
  for (int row = 0; row < height; ++row) {
    std::string label;
    for (std::size_t t = 0; t < ticks.size(); ++t) {
      if (row_of(ticks[t]) == row) label = labels[t];
    }
    out += fmt::format("{:>{}} |{}", label, label_width, canvas.row_text(row, color));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  }
  // The x axis: a tick under each labelled month, labels spaced so they never touch.
  std::string axis(static_cast<std::size_t>(columns), '-');
  std::string names(static_cast<std::size_t>(columns) + 8, ' ');
  int free_from = 0;
  const std::size_t step = label_step(points, chart.x_labels.empty() ? 0 : chart.x_labels.front().size(), columns);
  for (std::size_t i = 0; i < points && i < chart.x_labels.size(); i += step) {
    const int column = column_of(static_cast<double>(i));
    const auto& text = chart.x_labels[i];
    if (column < free_from || column + static_cast<int>(text.size()) > columns + 4) break;
    axis[static_cast<std::size_t>(column)] = '+';
    names.replace(static_cast<std::size_t>(column), text.size(), text);
    free_from = column + static_cast<int>(text.size()) + 2;
  }
  while (!names.empty() && names.back() == ' ') names.pop_back();
  out += fmt::format("{:>{}} +{}\n{:>{}}  {}\n", "", label_width, axis, "", label_width, names);

  std::vector<std::string> legend;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const std::string glyph(1, kGlyphs[s % 6]);
    legend.push_back((color ? kColors[s % 6] + glyph + kReset : glyph) + " " + chart.series[s].name);
  }
  if (!chart.markers.empty()) {
    legend.push_back((color ? std::string(kMarkerColor) + "X" + kReset : std::string("X")) + " " + chart.marker_legend);
  }
  std::string line(label_width + 2, ' ');
  for (std::size_t i = 0; i < legend.size(); ++i) line += (i > 0 ? "   " : "") + legend[i];
  out += line + "\n";
  return out;
}

}  // namespace tco
