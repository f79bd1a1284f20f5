// The formats of tco exit.
#include "tco/report/exit_report.hpp"

namespace tco {

const Renderers<ExitReport>& exit_renderers() {
  static const Renderers<ExitReport> renderers{{Format::table, render_exit_table},
                                               {Format::json, render_exit_json},
                                               {Format::csv, render_exit_csv},
                                               {Format::markdown, render_exit_markdown},
                                               {Format::html, render_exit_html}};
  return renderers;
}

}  // namespace tco
