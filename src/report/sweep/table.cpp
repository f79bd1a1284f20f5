// tco sweep for a terminal: a grid for two inputs, a column per strategy for one.
#include "sweep/rows.hpp"
#include "tco/report/text_table.hpp"

namespace tco {

std::string render_sweep_table(const SweepReport& report) {
  const SweepGrid grid = sweep_grid(report);
  TextTable table;
  table.add_row(grid.header);
  table.add_rule();
  for (const auto& row : grid.rows) table.add_row(row);
  return sweep_introduction(report) + "\n" + table.render() + "\n" + sweep_footer(report);
}

}  // namespace tco
