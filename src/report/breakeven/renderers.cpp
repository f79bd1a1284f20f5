// The formats of tco breakeven (and the page of tco report).
#include "tco/report/breakeven_report.hpp"

namespace tco {
namespace {

std::string table(const BreakevenReport& report, const RenderOptions& options) {
  return render_breakeven_table(report, {options.columns, options.color});
}

}  // namespace

const Renderers<BreakevenReport>& breakeven_renderers() {
  static const Renderers<BreakevenReport> renderers{{Format::table, table},
                                                    {Format::json, render_breakeven_json},
                                                    {Format::csv, render_breakeven_csv},
                                                    {Format::markdown, render_breakeven_markdown},
                                                    {Format::html, render_html_report}};
  return renderers;
}

}  // namespace tco
