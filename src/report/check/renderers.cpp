// The formats of tco check.
#include "tco/report/gates.hpp"

namespace tco {

const Renderers<CheckReport>& check_renderers() {
  static const Renderers<CheckReport> renderers{{Format::table, render_check_table},
                                                {Format::json, render_check_json},
                                                {Format::markdown, render_check_markdown}};
  return renderers;
}

}  // namespace tco
