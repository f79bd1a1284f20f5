// The formats of tco sweep.
#include "tco/report/sweep_report.hpp"

namespace tco {

const Renderers<SweepReport>& sweep_renderers() {
  static const Renderers<SweepReport> renderers{{Format::table, render_sweep_table},
                                                {Format::json, render_sweep_json},
                                                {Format::csv, render_sweep_csv},
                                                {Format::markdown, render_sweep_markdown},
                                                {Format::html, render_sweep_html}};
  return renderers;
}

}  // namespace tco
