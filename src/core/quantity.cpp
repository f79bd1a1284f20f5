#include "tco/core/quantity.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {
namespace {

struct SizeUnit {
  std::string_view name;
  double bytes;
  ByteBase base;
};

constexpr std::array<SizeUnit, 11> kSizeUnits{{
    {"B", 1.0, ByteBase::decimal},
    {"kB", 1e3, ByteBase::decimal},
    {"MB", 1e6, ByteBase::decimal},
    {"GB", 1e9, ByteBase::decimal},
    {"TB", 1e12, ByteBase::decimal},
    {"PB", 1e15, ByteBase::decimal},
    {"KiB", 1024.0, ByteBase::binary},
    {"MiB", 1048576.0, ByteBase::binary},
    {"GiB", 1073741824.0, ByteBase::binary},
    {"TiB", 1099511627776.0, ByteBase::binary},
    {"PiB", 1125899906842624.0, ByteBase::binary},
}};

struct DurationUnit {
  std::string_view name;
  double hours;
};

constexpr std::array<DurationUnit, 16> kDurationUnits{{
    {"s", 1.0 / 3600},
    {"min", 1.0 / 60},
    {"minutes", 1.0 / 60},
    {"h", 1.0},
    {"hour", 1.0},
    {"hours", 1.0},
    {"day", 24.0},
    {"days", 24.0},
    {"week", 168.0},
    {"weeks", 168.0},
    {"month", kHoursPerMonth},
    {"months", kHoursPerMonth},
    {"year", kHoursPerYear},
    {"years", kHoursPerYear},
    {"minute", 1.0 / 60},
    {"second", 1.0 / 3600},
}};

std::optional<SizeUnit> find_size_unit(std::string_view name) {
  for (const auto& unit : kSizeUnits) {
    if (unit.name == name) return unit;
  }
  return std::nullopt;
}

std::optional<double> find_duration_hours(std::string_view name) {
  for (const auto& unit : kDurationUnits) {
    if (unit.name == name) return unit.hours;
  }
  return std::nullopt;
}

bool is_currency_code(std::string_view text) {
  if (text.size() != 3) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Interprets the unit text for the dimension; returns false if it does not fit.
bool apply_unit(std::string_view unit, Dimension dimension, Quantity& q) {
  using D = Dimension;
  auto money_over = [&](std::string_view denominator) -> std::optional<std::string_view> {
    const auto slash = unit.find('/');
    if (slash == std::string_view::npos || !is_currency_code(unit.substr(0, slash))) return std::nullopt;
    q.currency = std::string(unit.substr(0, slash));
    const auto rest = unit.substr(slash + 1);
    if (!denominator.empty() && rest != denominator) return std::nullopt;
    return rest;
  };
  switch (dimension) {
    case D::count:
      return unit.empty();
    case D::fraction:
      if (unit != "%") return false;
      q.value /= 100.0;
      return true;
    case D::bytes: {
      const auto size = find_size_unit(unit);
      if (!size) return false;
      q.value *= size->bytes;
      q.byte_base = size->base;
      return true;
    }
    case D::hours: {
      const auto hours = find_duration_hours(unit);
      if (!hours) return false;
      q.value *= *hours;
      return true;
    }
    case D::money:
      if (!is_currency_code(unit)) return false;
      q.currency = std::string(unit);
      return true;
    case D::money_per_hour:
      return money_over("h").has_value();
    case D::money_per_year:
      return money_over("year").has_value();
    case D::money_per_month:
      return money_over("month").has_value();
    case D::money_per_kwh:
      return money_over("kWh").has_value();
    case D::money_per_kw_month:
      return money_over("kW-month").has_value();
    case D::money_per_byte:
    case D::money_per_byte_month: {
      const auto rest = money_over("");
      if (!rest) return false;
      std::string_view size_name = *rest;
      if (dimension == D::money_per_byte_month) {
        constexpr std::string_view suffix = "-month";
        if (size_name.size() <= suffix.size() || size_name.substr(size_name.size() - suffix.size()) != suffix)
          return false;
        size_name.remove_suffix(suffix.size());
      }
      const auto size = find_size_unit(size_name);
      if (!size) return false;
      q.value /= size->bytes;
      q.byte_base = size->base;
      return true;
    }
    case D::kilowatts:
      if (unit == "kW") return true;
      if (unit == "W") {
        q.value /= 1000.0;
        return true;
      }
      if (unit == "MW") {
        q.value *= 1000.0;
        return true;
      }
      return false;
    case D::grams_co2_per_kwh:
      return unit == "gCO2e/kWh";
  }
  return false;
}

constexpr std::array<Dimension, 14> kDimensions{
    Dimension::count,         Dimension::fraction,           Dimension::bytes,          Dimension::hours,
    Dimension::money,         Dimension::money_per_hour,     Dimension::money_per_byte, Dimension::money_per_byte_month,
    Dimension::money_per_kwh, Dimension::money_per_kw_month, Dimension::money_per_year, Dimension::money_per_month,
    Dimension::kilowatts,     Dimension::grams_co2_per_kwh};

// "nan", ".NaN", "-inf", "Infinity", ".inf": the spellings of YAML, C and JSON tools.
bool spells_non_finite(std::string_view number) {
  std::string word;
  for (char c : number) {
    if (c != '+' && c != '-' && c != '.') word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return word == "nan" || word == "inf" || word == "infinity";
}

// What a unit measures when it is not what was expected: "a duration" for "5 hours" where a
// price was expected. Empty when no dimension knows the unit.
std::string dimension_of_unit(std::string_view unit, Dimension expected) {
  for (Dimension other : kDimensions) {
    Quantity probe;
    probe.value = 1;
    if (other != expected && other != Dimension::count && apply_unit(unit, other, probe)) return dimension_name(other);
  }
  return "";
}

// The largest magnitude each dimension accepts, in its base unit, and how it reads. Beyond
// these a figure is a typo, and the sums of a 30-year horizon could no longer be represented.
struct Ceiling {
  double value;
  const char* text;
};

Ceiling ceiling(Dimension dimension) {
  switch (dimension) {
    case Dimension::count:
      return {1e15, "10^15"};
    case Dimension::fraction:
      return {1e6, "100,000,000 %"};
    case Dimension::bytes:
      return {1e24, "10^24 bytes (a billion PB)"};
    case Dimension::hours:
      return {1e7, "10,000,000 h (about 1,140 years)"};
    case Dimension::money:
    case Dimension::money_per_year:
    case Dimension::money_per_month:
      return {1e15, "10^15 in its currency"};
    case Dimension::money_per_hour:
    case Dimension::money_per_kw_month:
      return {1e9, "10^9 in its currency per unit"};
    case Dimension::money_per_byte:
    case Dimension::money_per_byte_month:
      return {1e3, "10^12 in its currency per GB"};
    case Dimension::money_per_kwh:
      return {1e6, "10^6 in its currency per kWh"};
    case Dimension::kilowatts:
      return {1e9, "10^9 kW"};
    case Dimension::grams_co2_per_kwh:
      return {1e6, "10^6 gCO2e/kWh"};
  }
  return {1e15, "10^15"};
}

}  // namespace

bool within_ceiling(double base_value, Dimension dimension) {
  return std::isfinite(base_value) && std::abs(base_value) <= ceiling(dimension).value;
}

std::string ceiling_text(Dimension dimension) { return ceiling(dimension).text; }

std::pair<std::string_view, std::string_view> split_number(std::string_view text) {
  std::size_t i = 0;
  auto digit = [&](std::size_t k) { return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  while (digit(i) || (i < text.size() && (text[i] == '.' || text[i] == '_'))) ++i;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t k = i + 1;
    if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
    if (digit(k)) {
      i = k;
      while (digit(i)) ++i;
    }
  }
  return {text.substr(0, i), trim(text.substr(i))};
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;  // 1_000_000 reads better than 1000000
  }
  if (!digits.empty() && digits.front() == '+') digits.erase(0, 1);
  double value = 0;
  const char* end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  if (digits.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::count:
      return "a number";
    case Dimension::fraction:
      return "a percentage";
    case Dimension::bytes:
      return "a size";
    case Dimension::hours:
      return "a duration";
    case Dimension::money:
      return "an amount of money";
    case Dimension::money_per_hour:
      return "an hourly price";
    case Dimension::money_per_byte:
      return "a price per byte";
    case Dimension::money_per_byte_month:
      return "a storage price";
    case Dimension::money_per_kwh:
      return "an electricity price";
    case Dimension::money_per_kw_month:
      return "a price per kW-month";
    case Dimension::money_per_year:
      return "a yearly cost";
    case Dimension::money_per_month:
      return "a monthly cost";
    case Dimension::kilowatts:
      return "a power";
    case Dimension::grams_co2_per_kwh:
      return "a carbon intensity";
  }
  return "a value";
}

std::vector<std::string> unit_spellings(Dimension dimension, std::string_view currency) {
  const std::string money(currency);
  std::vector<std::string> sizes;
  for (const auto& unit : kSizeUnits) sizes.emplace_back(unit.name);
  switch (dimension) {
    case Dimension::count:
      return {};
    case Dimension::fraction:
      return {"%"};
    case Dimension::bytes:
      return sizes;
    case Dimension::hours: {
      std::vector<std::string> out;
      for (const auto& unit : kDurationUnits) out.emplace_back(unit.name);
      return out;
    }
    case Dimension::money:
      return {money};
    case Dimension::money_per_hour:
      return {money + "/h"};
    case Dimension::money_per_byte:
    case Dimension::money_per_byte_month: {
      const std::string suffix = dimension == Dimension::money_per_byte_month ? "-month" : "";
      std::vector<std::string> out;
      for (const auto& size : sizes) out.push_back(money + "/" + size + suffix);
      return out;
    }
    case Dimension::money_per_kwh:
      return {money + "/kWh"};
    case Dimension::money_per_kw_month:
      return {money + "/kW-month"};
    case Dimension::money_per_year:
      return {money + "/year"};
    case Dimension::money_per_month:
      return {money + "/month"};
    case Dimension::kilowatts:
      return {"W", "kW", "MW"};
    case Dimension::grams_co2_per_kwh:
      return {"gCO2e/kWh"};
  }
  return {};
}

std::string accepted_units(Dimension dimension) {
  switch (dimension) {
    case Dimension::count:
      return "a plain number such as 8 or 70e9";
    case Dimension::fraction:
      return "a percentage such as '85 %'";
    case Dimension::bytes:
      return "B, kB, MB, GB, TB, PB (powers of 10) or KiB, MiB, GiB, TiB, PiB (powers of 2), e.g. '100 TB'";
    case Dimension::hours:
      return "s, min, h, days, weeks, months (730 h) or years (8760 h), e.g. '4 h'";
    case Dimension::money:
      return "an amount with its currency, e.g. '50000 USD'";
    case Dimension::money_per_hour:
      return "a price per hour, e.g. '55.04 USD/h'";
    case Dimension::money_per_byte:
      return "a price per size unit, e.g. '0.09 USD/GiB' or '0.02 USD/GB'";
    case Dimension::money_per_byte_month:
      return "a price per size unit and month, e.g. '0.023 USD/GiB-month'";
    case Dimension::money_per_kwh:
      return "a price per kWh, e.g. '0.08 USD/kWh'";
    case Dimension::money_per_kw_month:
      return "a price per kW-month, e.g. '184 USD/kW-month'";
    case Dimension::money_per_year:
      return "a cost per year, e.g. '150000 USD/year'";
    case Dimension::money_per_month:
      return "a cost per month, e.g. '30000 USD/month'";
    case Dimension::kilowatts:
      return "W, kW or MW, e.g. '10.2 kW'";
    case Dimension::grams_co2_per_kwh:
      return "gCO2e/kWh, e.g. '367 gCO2e/kWh'";
  }
  return "";
}

std::optional<Quantity> parse_quantity(std::string_view text, Dimension expected, QuantityError* error) {
  auto fail = [&](std::string message) -> std::optional<Quantity> {
    if (error) error->message = std::move(message);
    return std::nullopt;
  };
  const std::string_view trimmed = trim(text);
  const auto [number_text, unit] = split_number(trimmed);
  const auto number = parse_number(number_text);
  if (!number) {
    // The number's own word, up to a space or a unit: ".nan" in ".nan USD".
    const std::string_view word = trimmed.substr(0, trimmed.find_first_of(" \t"));
    if (spells_non_finite(word)) {
      return fail(fmt::format("expected {} ({}), found '{}', which is not a finite number", dimension_name(expected),
                              accepted_units(expected), trimmed));
    }
    if (!number_text.empty() && !std::isfinite(std::strtod(std::string(number_text).c_str(), nullptr))) {
      return fail(fmt::format("expected {} of at most {}, found '{}'", dimension_name(expected), ceiling(expected).text,
                              trimmed));
    }
    return fail(
        fmt::format("expected {} ({}), found '{}'", dimension_name(expected), accepted_units(expected), trimmed));
  }
  if (unit.empty() && expected != Dimension::count) {
    return fail(fmt::format("expected {} with a unit ({}), found the bare number '{}'", dimension_name(expected),
                            accepted_units(expected), trimmed));
  }
  Quantity q;
  q.value = *number;
  q.dimension = expected;
  if (!apply_unit(unit, expected, q)) {
    std::string hint;
    if (unit == "KB" || unit == "kiB") hint = " ('kB' is 1000 bytes, 'KiB' is 1024 bytes)";
    if (const auto other = dimension_of_unit(unit, expected); !other.empty()) hint = ", which is " + other;
    return fail(fmt::format("expected {} ({}), found '{}'{}", dimension_name(expected), accepted_units(expected),
                            trimmed, hint));
  }
  if (!std::isfinite(q.value)) {
    return fail(fmt::format("'{}' is too large to represent", trimmed));
  }
  if (const auto limit = ceiling(expected); std::abs(q.value) > limit.value) {
    return fail(fmt::format("expected {} of at most {}, found '{}'", dimension_name(expected), limit.text, trimmed));
  }
  return q;
}

double bytes_per_gb(ByteBase base) { return base == ByteBase::binary ? 1073741824.0 : 1e9; }

const char* gb_name(ByteBase base) { return base == ByteBase::binary ? "GiB" : "GB"; }

}  // namespace tco
