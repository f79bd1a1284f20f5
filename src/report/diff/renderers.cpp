// The formats of tco diff.
#include "tco/report/diff_report.hpp"

namespace tco {
namespace {

std::string table(const DiffReport& report, const RenderOptions& options) {
  return render_diff_table(report, DiffRenderOptions{options.all});
}

std::string markdown(const DiffReport& report, const RenderOptions& options) {
  return render_diff_markdown(report, DiffRenderOptions{options.all});
}

std::string infracost(const DiffReport& report) {
  return render_diff_infracost(report.base_report, report.head_report);
}

}  // namespace

const Renderers<DiffReport>& diff_renderers() {
  static const Renderers<DiffReport> renderers{{Format::table, table},
                                               {Format::json, render_diff_json},
                                               {Format::markdown, markdown},
                                               {Format::infracost_json, infracost}};
  return renderers;
}

}  // namespace tco
