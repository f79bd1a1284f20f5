#pragma once
// Writing YAML that tco reads back: numbers without base-unit noise, quoted text, and keys
// plain when they are simple names.
#include <string>
#include <string_view>

namespace tco::yaml {

// Rounded to 10 significant digits, trailing zeros dropped.
std::string number(double value);
// A double-quoted scalar, control bytes escaped.
std::string quoted(std::string_view text);
// Plain when a simple name (letters, digits, '.', '_', '-'), quoted otherwise.
std::string key(std::string_view text);

}  // namespace tco::yaml
