// tco exit as Markdown, for a pull-request comment or a wiki page.
#include "common/markdown.hpp"

#include "exit/rows.hpp"

namespace tco {

std::string render_exit_markdown(const ExitReport& report) {
  const ExitTable grid = exit_table(report);
  return "### " + exit_introduction(report) + "\n" + markdown_table(grid.header, grid.rows, grid.alignment) + "\n" +
         exit_notes(report);
}

}  // namespace tco
