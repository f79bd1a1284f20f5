// tco simulate for a terminal: a table per figure.
#include <fmt/format.h>

#include "simulation/rows.hpp"
#include "tco/report/text_table.hpp"

namespace tco {

using namespace simulation_text;

std::string render_simulation_table(const SimulationReport& report) {
  std::string out = heading(report) + "\n";
  out += report.inputs.empty() ? "No input is a distribution: every sample is the scenario as written.\n"
                               : fmt::format("Drawn for each sample ({}):\n", report.inputs.size());
  for (const auto& line : input_lines(report)) out += "  " + line + "\n";
  for (const auto& section : sections(report)) {
    TextTable table;
    table.add_row(section.header);
    table.add_rule();
    for (const auto& row : section.rows) table.add_row(row);
    out += "\n" + table.render();
  }
  return out + "\n" + notes(report);
}

}  // namespace tco
