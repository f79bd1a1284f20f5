#pragma once
// The sweep's grid as text cells, shared by the terminal, Markdown and HTML renderers so every
// format shows the same figures, formatted the same way.
#include <string>
#include <vector>

#include "compare/rows.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco {

// Two inputs: a row per value of the first, a column per value of the second, each cell the
// measure. One input: a row per value, each strategy's total, then each break-even month.
struct SweepGrid {
  Row header;
  std::vector<Row> rows;
};
SweepGrid sweep_grid(const SweepReport& report);

// The scenario, each axis's range and what a cell shows.
std::string sweep_introduction(const SweepReport& report);
// "Every other input as written..." and how many points the full model priced.
std::string sweep_footer(const SweepReport& report);
// The value of every axis at point `index` (the first axis slowest), for JSON and CSV.
std::vector<double> sweep_point_values(const SweepReport& report, std::size_t index);

}  // namespace tco
