// libFuzzer harness: parse_quantity() for every Dimension, and parse_number().
// The first byte picks the dimension; the rest is the text ("55.04 USD/h").
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "tco/core/quantity.hpp"

namespace {

constexpr const char* kHarness = "fuzz_quantity";
constexpr int kDimensionCount = static_cast<int>(tco::Dimension::grams_co2_per_kwh) + 1;

bool is_money(tco::Dimension d) {
  using D = tco::Dimension;
  return d == D::money || d == D::money_per_hour || d == D::money_per_byte || d == D::money_per_byte_month ||
         d == D::money_per_kwh || d == D::money_per_kw_month || d == D::money_per_year || d == D::money_per_month;
}

bool is_sized(tco::Dimension d) {
  using D = tco::Dimension;
  return d == D::bytes || d == D::money_per_byte || d == D::money_per_byte_month;
}

bool is_currency_code(const std::string& text) {
  if (text.size() != 3) return false;
  for (const char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tco::Dimension;
  if (size == 0) return 0;
  const auto dimension = static_cast<Dimension>(data[0] % kDimensionCount);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  TCO_FUZZ_CHECK(kHarness, !tco::dimension_name(dimension).empty(), "dimension_name is empty");
  TCO_FUZZ_CHECK(kHarness, !tco::accepted_units(dimension).empty(), "accepted_units is empty");

  tco::QuantityError error;
  const auto quantity = tco::parse_quantity(text, dimension, &error);
  if (quantity) {
    // quantity.hpp: NaN, infinities and overflowing values are rejected; the value is in the
    // expected dimension, with a currency exactly for money and a byte base exactly for sizes.
    TCO_FUZZ_CHECK(kHarness, std::isfinite(quantity->value), "parse_quantity accepted a non-finite value");
    TCO_FUZZ_CHECK(kHarness, quantity->dimension == dimension, "parse_quantity returned another dimension");
    TCO_FUZZ_CHECK(kHarness, is_money(dimension) ? is_currency_code(quantity->currency) : quantity->currency.empty(),
                   "currency '" + quantity->currency + "' for " + tco::dimension_name(dimension));
    TCO_FUZZ_CHECK(kHarness, is_sized(dimension) == (quantity->byte_base != tco::ByteBase::none),
                   "byte base does not match " + tco::dimension_name(dimension));
  } else {
    TCO_FUZZ_CHECK(kHarness, !error.message.empty(), "parse_quantity failed without a message");
  }

  // Without an error to fill in, the same answer.
  const auto again = tco::parse_quantity(text, dimension);
  TCO_FUZZ_CHECK(kHarness, again.has_value() == quantity.has_value(), "the answer depends on the error pointer");
  if (again) TCO_FUZZ_CHECK(kHarness, again->value == quantity->value, "the value depends on the error pointer");

  const auto number = tco::parse_number(text);
  if (number) TCO_FUZZ_CHECK(kHarness, std::isfinite(*number), "parse_number accepted a non-finite value");
  // A count is a bare number: when the text is one, parse_number reads the same value.
  if (dimension == Dimension::count && quantity) {
    TCO_FUZZ_CHECK(kHarness, number && *number == quantity->value,
                   "parse_quantity(count) and parse_number disagree on '" + std::string(text) + "'");
  }
  return 0;
}
