// The formats of tco simulate.
#include "tco/report/simulation_report.hpp"

namespace tco {

const Renderers<SimulationReport>& simulation_renderers() {
  static const Renderers<SimulationReport> renderers{{Format::table, render_simulation_table},
                                                     {Format::json, render_simulation_json},
                                                     {Format::csv, render_simulation_csv},
                                                     {Format::markdown, render_simulation_markdown}};
  return renderers;
}

}  // namespace tco
