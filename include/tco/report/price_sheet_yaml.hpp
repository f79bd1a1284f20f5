#pragma once
// A price sheet written back as tco-prices(5) YAML: what `tco prices import` saves. Every
// price is written with its source (and note), so the file loads back into the same sheet.
#include <string>
#include <vector>

#include "tco/inputs/price_sheet.hpp"

namespace tco {

// `comment` lines open the file as YAML comments ("# ..."); each is one line of text.
std::string render_price_sheet_yaml(const PriceSheet& sheet, const std::vector<std::string>& comment);

}  // namespace tco
