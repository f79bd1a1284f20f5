#include <algorithm>

#include <catch2/catch.hpp>

#include "tco/core/quantity.hpp"

using namespace tco;

namespace {
double parse(const char* text, Dimension dimension) {
  auto q = parse_quantity(text, dimension);
  REQUIRE(q);
  return q->value;
}
std::string error_of(const char* text, Dimension dimension) {
  QuantityError error;
  CHECK_FALSE(parse_quantity(text, dimension, &error));
  return error.message;
}
}  // namespace

TEST_CASE("sizes keep decimal and binary bases apart") {
  CHECK(parse("100 TB", Dimension::bytes) == 100e12);
  CHECK(parse("150TiB", Dimension::bytes) == 150.0 * 1099511627776.0);
  CHECK(parse("1 GiB", Dimension::bytes) == 1073741824.0);
  CHECK(parse("1 kB", Dimension::bytes) == 1000.0);
  CHECK(parse_quantity("2 GiB", Dimension::bytes)->byte_base == ByteBase::binary);
  CHECK(parse_quantity("2 GB", Dimension::bytes)->byte_base == ByteBase::decimal);
  CHECK_THAT(error_of("1 KB", Dimension::bytes), Catch::Contains("'kB' is 1000 bytes, 'KiB' is 1024 bytes"));
}

TEST_CASE("durations use 730 hours a month and 8760 a year") {
  CHECK(parse("4 h", Dimension::hours) == 4.0);
  CHECK(parse("3.65 days", Dimension::hours) == Approx(87.6));
  CHECK(parse("1 week", Dimension::hours) == 168.0);
  CHECK(parse("36 months", Dimension::hours) == 36 * 730.0);
  CHECK(parse("5 years", Dimension::hours) == 5 * 8760.0);
  CHECK(parse("30 min", Dimension::hours) == 0.5);
}

TEST_CASE("rates are converted to base units once") {
  CHECK(parse("0.09 USD/GiB", Dimension::money_per_byte) == Approx(0.09 / 1073741824.0));
  CHECK(parse("0.02 USD/GB", Dimension::money_per_byte) == Approx(0.02 / 1e9));
  CHECK(parse("0.023 USD/GiB-month", Dimension::money_per_byte_month) == Approx(0.023 / 1073741824.0));
  CHECK(parse("55.04 USD/h", Dimension::money_per_hour) == 55.04);
  CHECK(parse("184.06 USD/kW-month", Dimension::money_per_kw_month) == 184.06);
  CHECK(parse("12.5 %", Dimension::fraction) == 0.125);
  CHECK(parse("10200 W", Dimension::kilowatts) == Approx(10.2));
  CHECK(parse("70e9", Dimension::count) == 70e9);
  CHECK(parse("1_000", Dimension::count) == 1000.0);
}

TEST_CASE("a bare number where a unit is needed names the accepted units") {
  CHECK_THAT(error_of("100", Dimension::bytes),
             Catch::Contains("found the bare number '100'") && Catch::Contains("KiB"));
  CHECK_THAT(error_of("4", Dimension::hours), Catch::Contains("months (730 h)"));
}

TEST_CASE("a unit of the wrong dimension is explained") {
  CHECK_THAT(error_of("3 days", Dimension::bytes), Catch::Contains("expected a size"));
  CHECK_THAT(error_of("10 TB", Dimension::hours), Catch::Contains("expected a duration"));
  CHECK_THAT(error_of("5 hours", Dimension::money), Catch::EndsWith("found '5 hours', which is a duration"));
  CHECK_THAT(error_of("10 TB", Dimension::money_per_hour), Catch::EndsWith("found '10 TB', which is a size"));
  CHECK_THAT(error_of("0.09 USD/GiB", Dimension::money_per_byte_month),
             Catch::EndsWith("found '0.09 USD/GiB', which is a price per byte"));
  CHECK_THAT(error_of("12 parsecs", Dimension::bytes), Catch::EndsWith("found '12 parsecs'"));
}

TEST_CASE("every spelling of NaN and infinity is named as such") {
  for (const char* text : {"nan GB", ".nan GB", "NaN GB", ".NaN GB", "inf GB", "-inf GB", ".inf GB", "-.inf GB",
                           "Infinity GB", "-Infinity GB", "INF GB"}) {
    INFO(text);
    CHECK_THAT(error_of(text, Dimension::bytes), Catch::EndsWith("which is not a finite number"));
  }
}

TEST_CASE("figures beyond any real cost are rejected before they overflow a sum") {
  // 1e308 is a double, but 360 months of it are not: every dimension has a ceiling.
  CHECK(error_of("1e308 USD", Dimension::money) ==
        "expected an amount of money of at most 10^15 in its currency, found '1e308 USD'");
  CHECK(error_of("1e400 USD", Dimension::money) ==
        "expected an amount of money of at most 10^15 in its currency, found '1e400 USD'");
  CHECK_THAT(error_of("2e9 PB", Dimension::bytes), Catch::Contains("at most 10^24 bytes"));
  CHECK_THAT(error_of("2e9 USD/h", Dimension::money_per_hour), Catch::Contains("at most 10^9"));
  CHECK_THAT(error_of("2000 years", Dimension::hours), Catch::Contains("about 1,140 years"));
  CHECK_THAT(error_of("1e16", Dimension::count), Catch::Contains("at most 10^15"));
  // The largest real figures stay well inside.
  CHECK(parse("500 PB", Dimension::bytes) == 5e17);
  CHECK(parse("1e12 USD", Dimension::money) == 1e12);
  CHECK(parse("30 years", Dimension::hours) == 30 * 8760.0);
  CHECK(parse("-1e15 USD", Dimension::money) == -1e15);
}

TEST_CASE("NaN, infinity and overflow are rejected") {
  CHECK_FALSE(parse_quantity("nan GB", Dimension::bytes));
  CHECK_FALSE(parse_quantity("inf", Dimension::count));
  CHECK_FALSE(parse_quantity("1e308 PiB", Dimension::bytes));
  CHECK_FALSE(parse_quantity("", Dimension::count));
  CHECK_FALSE(parse_quantity("12 GB extra", Dimension::bytes));
}

TEST_CASE("unit_spellings lists exactly the units parse_quantity accepts") {
  std::vector<std::string> every;
  for (int i = 0; i <= static_cast<int>(Dimension::grams_co2_per_kwh); ++i) {
    for (const auto& unit : unit_spellings(static_cast<Dimension>(i), "USD")) every.push_back(unit);
  }
  every.insert(every.end(), {"EUR", "EUR/h", "USD/hour", "KB", "seconds", "kw", "", "%%"});
  for (int i = 0; i <= static_cast<int>(Dimension::grams_co2_per_kwh); ++i) {
    const auto dimension = static_cast<Dimension>(i);
    const auto own = unit_spellings(dimension, "USD");
    for (const auto& unit : every) {
      INFO(dimension_name(dimension) << ": '2 " << unit << "'");
      const bool listed = std::find(own.begin(), own.end(), unit) != own.end();
      const bool plain = dimension == Dimension::count && unit.empty();
      // Other currencies parse (read_quantity rejects them); the schema lists only USD.
      const bool other_currency = unit.rfind("EUR", 0) == 0;
      if (!other_currency) CHECK(parse_quantity("2 " + unit, dimension).has_value() == (listed || plain));
    }
  }
}
