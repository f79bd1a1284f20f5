#pragma once
// Shared by the CSV renderers. Not a public header.
#include <initializer_list>
#include <optional>
#include <string>

#include "tco/core/text.hpp"

namespace tco {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// One record: the fields, each quoted as it needs.
inline std::string csv_row(std::initializer_list<std::string> fields) {
  std::string out;
  for (const auto& text : fields) out += (out.empty() ? "" : ",") + csv_field(text);
  return out + "\n";
}

// A number as the CSV files write it, or an empty field when there is none.
inline std::string csv_optional(const std::optional<double>& value) { return value ? format_number(*value) : ""; }

}  // namespace tco
