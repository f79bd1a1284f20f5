// tco sweep in Markdown.
#include "common/markdown.hpp"

#include "sweep/rows.hpp"

namespace tco {

std::string render_sweep_markdown(const SweepReport& report) {
  const SweepGrid grid = sweep_grid(report);
  return "### " + sweep_introduction(report) + "\n" + markdown_table(grid.header, grid.rows) + "\n" +
         sweep_footer(report);
}

}  // namespace tco
