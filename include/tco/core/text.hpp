#pragma once
// Small text helpers shared by every layer.
#include <string>
#include <string_view>
#include <vector>

namespace tco {

// 1234567.891 -> "1,234,567.89" (with `decimals` digits after the point).
std::string group_thousands(double value, int decimals);
// Amount with currency symbol for USD ("$1,234.56"), or "1,234.56 EUR" otherwise.
std::string format_money(double amount, std::string_view currency, int decimals = 2);
// 0.1234 -> "12.3 %"
std::string format_percent(double fraction, int decimals = 1);
// Bytes in the unit that reads best for the base: "150 TiB", "94 TB".
std::string format_bytes(double bytes, bool binary);
// Shortest decimal text that round-trips a number ("0.09", "55.04", "1e-07").
std::string format_number(double value);

// "12.50" -> "12.5", "3.00" -> "3": a fixed-point number without trailing zeros.
std::string trim_trailing_zeros(std::string text);
// Without the white space at either end.
std::string_view trim(std::string_view text);

std::string join(const std::vector<std::string>& parts, std::string_view separator);
// ASCII letters lowered; other bytes as they are (provider names, regions, SKU words).
std::string to_lower(std::string text);

}  // namespace tco
