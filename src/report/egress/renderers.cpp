// The formats of tco egress.
#include "tco/report/egress_quote.hpp"

namespace tco {

const Renderers<EgressReport>& egress_renderers() {
  static const Renderers<EgressReport> renderers{{Format::table, render_egress_table},
                                                 {Format::json, render_egress_json}};
  return renderers;
}

}  // namespace tco
