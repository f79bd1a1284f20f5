// The formats of tco explain.
#include "tco/report/explain_report.hpp"

namespace tco {

const Renderers<ExplainReport>& explain_renderers() {
  static const Renderers<ExplainReport> renderers{{Format::table, render_explain_table},
                                                  {Format::json, render_explain_json},
                                                  {Format::csv, render_explain_csv},
                                                  {Format::markdown, render_explain_markdown},
                                                  {Format::html, render_explain_html}};
  return renderers;
}

}  // namespace tco
