// The formats of tco sensitivity.
#include "tco/report/sensitivity_report.hpp"

namespace tco {
namespace {

std::string table(const SensitivityReport& report, const RenderOptions& options) {
  return render_sensitivity_table(report, options.rows);
}

std::string markdown(const SensitivityReport& report, const RenderOptions& options) {
  return render_sensitivity_markdown(report, options.rows);
}

}  // namespace

const Renderers<SensitivityReport>& sensitivity_renderers() {
  static const Renderers<SensitivityReport> renderers{{Format::table, table},
                                                      {Format::json, render_sensitivity_json},
                                                      {Format::csv, render_sensitivity_csv},
                                                      {Format::markdown, markdown},
                                                      {Format::html, render_sensitivity_html}};
  return renderers;
}

}  // namespace tco
