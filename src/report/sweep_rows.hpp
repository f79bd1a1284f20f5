#pragma once
// The sweep's grid as text cells, shared by the terminal, Markdown and HTML renderers so every
// format shows the same figures, formatted the same way.
#include <vector>

#include "compare_rows.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco {

// Two inputs: a row per value of the first, a column per value of the second, each cell the
// measure. One input: a row per value, each strategy's total, then each break-even month.
struct SweepGrid {
  Row header;
  std::vector<Row> rows;
};
SweepGrid sweep_grid(const SweepReport& report);

}  // namespace tco
