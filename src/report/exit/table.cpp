// tco exit for a terminal.
#include <algorithm>

#include "exit/rows.hpp"
#include "tco/report/text_table.hpp"

namespace tco {

std::string render_exit_table(const ExitReport& report) {
  const ExitTable grid = exit_table(report);
  TextTable table;
  table.set_alignment(grid.alignment);
  table.add_row(grid.header);
  table.add_rule();
  for (std::size_t i = 0; i < grid.rows.size(); ++i) {
    if (std::find(grid.rules_before.begin(), grid.rules_before.end(), i) != grid.rules_before.end()) table.add_rule();
    table.add_row(grid.rows[i]);
  }
  return exit_introduction(report) + "\n" + table.render() + "\n" + exit_notes(report);
}

}  // namespace tco
