#pragma once
// Quantities with units. Every number a user or a price sheet writes carries its unit;
// parsing converts it once to the base unit of its dimension:
//   bytes, hours, money (in its currency), kilowatts, fractions (50 % = 0.5), plain counts.
// Conventions (see tco-model(7)): 1 month = 730 h (8760 h / 12), 1 year = 8760 h.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tco {

enum class Dimension {
  count,                 // plain number, e.g. 8 or 70e9
  fraction,              // "12.5 %" -> 0.125
  bytes,                 // "10 TiB"
  hours,                 // "3 days" -> 72
  money,                 // "50000 USD"
  money_per_hour,        // "55.04 USD/h"
  money_per_byte,        // "0.09 USD/GiB"
  money_per_byte_month,  // "0.023 USD/GiB-month"
  money_per_kwh,         // "0.08 USD/kWh"
  money_per_kw_month,    // "184 USD/kW-month"
  money_per_year,        // "150000 USD/year"
  money_per_month,       // "30000 USD/month" (a budget per month)
  kilowatts,             // "10.2 kW"
  grams_co2_per_kwh,     // "367 gCO2e/kWh"
};

// Which power of a "GB" a size or per-byte price was written in.
enum class ByteBase { none, decimal, binary };

// What a "GB" is in that base (10^9 or 2^30 bytes) and its name ("GB" or "GiB"); a price
// per byte is shown per that GB, as the provider bills it.
double bytes_per_gb(ByteBase base);
const char* gb_name(ByteBase base);

struct Quantity {
  double value = 0;  // in the dimension's base unit
  Dimension dimension = Dimension::count;
  std::string currency;                 // for money dimensions, e.g. "USD"
  ByteBase byte_base = ByteBase::none;  // for sizes and per-byte prices
};

constexpr double kHoursPerMonth = 730.0;  // 8760 / 12, as AWS, GCP, Azure and Infracost use
constexpr double kHoursPerYear = 8760.0;

// What went wrong when a text is not a quantity of the expected dimension.
struct QuantityError {
  std::string message;  // "expected a size (B, kB..PB, KiB..PiB), found '12 parsecs'"
};

// Parses "NUMBER UNIT" (space optional) as `expected`. A bare number is accepted only for
// Dimension::count. NaN, infinities and values that overflow are rejected.
std::optional<Quantity> parse_quantity(std::string_view text, Dimension expected, QuantityError* error = nullptr);

// Splits "55.04 USD/h" into the number's text and the unit's text (trimmed): the unit as a
// value was written, for showing other values in it.
std::pair<std::string_view, std::string_view> split_number(std::string_view text);

// Every unit parse_quantity accepts after the number of a quantity of `dimension`, money
// written in `currency` ("USD/h" for an hourly price): what a schema for editors lists. Empty
// for counts, which are plain numbers.
std::vector<std::string> unit_spellings(Dimension dimension, std::string_view currency);

// A human description of the units accepted for a dimension, for error messages.
std::string accepted_units(Dimension dimension);
std::string dimension_name(Dimension dimension);
// Whether a value in the dimension's base unit is within the magnitude tco reads (what
// parse_quantity refuses beyond: a typo, or sums a 30-year horizon could not hold), and that
// limit as text ("10^12 in its currency per GB").
bool within_ceiling(double base_value, Dimension dimension);
std::string ceiling_text(Dimension dimension);

// Parses a plain number (no unit). Rejects NaN, infinities, trailing junk.
std::optional<double> parse_number(std::string_view text);

}  // namespace tco
