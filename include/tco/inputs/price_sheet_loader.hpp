#pragma once
#include <string>
#include <string_view>

#include "tco/core/result.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

// Loads a price sheet from its text; `file` names it in diagnostics. Every error in the
// sheet is reported, not just the first.
Result<PriceSheet> load_price_sheet(std::string_view text, const std::string& file);

}  // namespace tco
