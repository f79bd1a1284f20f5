#pragma once
// JSON pieces shared by the report layer's documents. Not a public header: nlohmann/json
// stays private to the report layer.
#include <optional>
#include <string>

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

// A value, or null when there is none: the documents never leave a key out.
template <typename T>
nlohmann::ordered_json value_or_null(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}
// A text, or null when it is empty.
inline nlohmann::ordered_json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

}  // namespace tco
