// The formats of tco schema.
#include "tco/report/input_schema_json.hpp"

namespace tco {

const Renderers<InputFormat>& input_schema_renderers() {
  static const Renderers<InputFormat> renderers{{Format::json, render_input_schema_json}};
  return renderers;
}

}  // namespace tco
