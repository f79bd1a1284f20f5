#pragma once
// JSON pieces shared by the report layer's documents. Not a public header: nlohmann/json
// stays private to the report layer.
#include <nlohmann/json.hpp>

#include "tco/core/calendar.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

// A price source as every JSON document names it: id, title, url, retrieved, confidence.
inline nlohmann::ordered_json source_json(const PriceSource& source) {
  return {{"id", source.id},
          {"title", source.title},
          {"url", source.url},
          {"retrieved", format_date(source.retrieved)},
          {"confidence", to_string(source.confidence)}};
}

}  // namespace tco
