#pragma once
// `tco schema`: a JSON Schema (draft-07, which yaml-language-server reads) of an input format,
// rendered from its declarations (tco/inputs/input_format.hpp), so an editor can complete and
// check scenarios, price sheets and overlays as tco reads them.
#include <string>

#include "tco/core/quantity.hpp"
#include "tco/inputs/input_format.hpp"
#include "tco/report/format.hpp"

namespace tco {

// The whole schema, pretty-printed, ending with a newline.
std::string render_input_schema_json(const InputFormat& format);

// The regular expression (ECMAScript and Python alike) a quantity of `dimension` written as
// text matches: a number as parse_number reads it (a leading '-' only when `signed_value`),
// then one of the units parse_quantity accepts, money in the supported currency.
std::string quantity_pattern(Dimension dimension, bool signed_value);

// tco schema's formats (src/report/schema/): JSON only.
const Renderers<InputFormat>& input_schema_renderers();

}  // namespace tco
