// Writing YAML that tco reads back (yaml.hpp).
#include "yaml.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace tco::yaml {

std::string number(double value) {
  std::string text = fmt::format("{:.10g}", value);
  if (text.find('e') != std::string::npos) text = fmt::format("{:.12f}", value);
  if (text.find('.') != std::string::npos && text.find('e') == std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
      continue;
    }
    out += c;
  }
  return out + '"';
}

// A key or id as YAML reads it back: plain when it is a simple name, quoted otherwise (a
// provider's region or instance name may hold anything).
std::string key(std::string_view text) {
  const bool plain = !text.empty() &&
                     std::all_of(text.begin(), text.end(),
                                 [](char c) {
                                   return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                          c == '.' || c == '_' || c == '-';
                                 }) &&
                     text.front() != '-' && text.front() != '.';
  return plain ? std::string(text) : quoted(text);
}

}  // namespace tco::yaml
