#include "tco/core/text.hpp"

#include <array>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

namespace tco {

std::string group_thousands(double value, int decimals) {
  // Round first so "-0.00" never appears.
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0.0) rounded = 0.0;
  std::string text = fmt::format("{:.{}f}", std::fabs(rounded), decimals);
  const auto point = text.find('.');
  std::size_t integer_end = point == std::string::npos ? text.size() : point;
  std::string grouped;
  for (std::size_t i = 0; i < integer_end; ++i) {
    if (i > 0 && (integer_end - i) % 3 == 0) grouped += ',';
    grouped += text[i];
  }
  grouped += text.substr(integer_end);
  return (rounded < 0 ? "-" : "") + grouped;
}

std::string format_money(double amount, std::string_view currency, int decimals) {
  if (currency == "USD") {
    const std::string digits = group_thousands(amount, decimals);
    if (!digits.empty() && digits.front() == '-') return "-$" + digits.substr(1);
    return "$" + digits;
  }
  return group_thousands(amount, decimals) + " " + std::string(currency);
}

std::string format_percent(double fraction, int decimals) {
  return fmt::format("{:.{}f} %", fraction * 100.0, decimals);
}

std::string format_bytes(double bytes, bool binary) {
  static constexpr std::array<const char*, 6> kDecimal{"B", "kB", "MB", "GB", "TB", "PB"};
  static constexpr std::array<const char*, 6> kBinary{"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  const double step = binary ? 1024.0 : 1000.0;
  std::size_t unit = 0;
  double value = bytes;
  while (unit + 1 < kDecimal.size() && std::fabs(value) >= step) {
    value /= step;
    ++unit;
  }
  return fmt::format("{} {}", format_number(std::round(value * 1000.0) / 1000.0),
                     binary ? kBinary[unit] : kDecimal[unit]);
}

std::string format_number(double value) { return fmt::format("{}", value); }

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string trim_trailing_zeros(std::string text) {
  // "5.6e+10" has no trailing zeros to trim: its last digits are the exponent's.
  if (text.find('.') == std::string::npos || text.find_first_of("eE") != std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string to_lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace tco
