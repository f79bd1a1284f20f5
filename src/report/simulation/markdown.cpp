// tco simulate in Markdown.
#include "common/markdown.hpp"

#include "simulation/rows.hpp"

namespace tco {

using namespace simulation_text;

std::string render_simulation_markdown(const SimulationReport& report) {
  std::string out = "### " + heading(report) + "\n";
  for (const auto& line : input_lines(report)) out += "- " + line + "\n";
  for (const auto& section : sections(report)) out += "\n" + markdown_table(section.header, section.rows);
  return out + "\n" + notes(report);
}

}  // namespace tco
