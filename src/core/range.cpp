#include "tco/core/range.hpp"

#include <cmath>

#include "tco/core/text.hpp"

namespace tco {
namespace {

std::vector<std::string_view> parts_of(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(':', start)) != std::string_view::npos; start = at + 1)
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

// The unit of a part ("0.20 USD/kWh" -> "USD/kWh"), or "" for a bare number.
std::string_view unit_of(std::string_view part) { return split_number(trim(part)).second; }

}  // namespace

std::size_t Range::count() const {
  if (!(step > 0) || to < from) return 0;
  return static_cast<std::size_t>(std::floor((to - from) / step + 1e-9)) + 1;
}

std::vector<double> Range::values() const {
  std::vector<double> out;
  const std::size_t n = count();
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(from + static_cast<double>(i) * step);
  return out;
}

std::optional<Range> parse_range(std::string_view text, Dimension dimension, std::string& problem) {
  const auto parts = parts_of(text);
  if (parts.size() != 3) {
    problem = "expected FROM:TO:STEP, such as 30%:100%:10%";
    return std::nullopt;
  }
  std::string_view unit;
  for (const auto part : parts) {
    if (unit.empty()) unit = unit_of(part);
  }
  double numbers[3];
  for (std::size_t i = 0; i < 3; ++i) {
    std::string part(trim(parts[i]));
    if (unit_of(part).empty() && !unit.empty()) part += " " + std::string(unit);
    QuantityError error;
    const auto quantity = parse_quantity(part, dimension, &error);
    if (!quantity) {
      problem = error.message;
      return std::nullopt;
    }
    numbers[i] = quantity->value;
  }
  const Range range{numbers[0], numbers[1], numbers[2]};
  if (!(range.step > 0)) {
    problem = "the STEP must be above zero";
  } else if (range.to < range.from) {
    problem = "TO must not be below FROM";
  }
  if (!problem.empty()) return std::nullopt;
  return range;
}

}  // namespace tco
