#include <catch2/catch.hpp>

#include "tco/core/calendar.hpp"
#include "tco/core/sha256.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

using namespace tco;

TEST_CASE("money is grouped and rounded to the cent") {
  CHECK(format_money(11562.2, "USD") == "$11,562.20");
  CHECK(format_money(-1234567.891, "USD") == "-$1,234,567.89");
  CHECK(format_money(-0.001, "USD") == "$0.00");
  CHECK(format_money(60000, "USD", 0) == "$60,000");
}

TEST_CASE("months and dates that do not exist are rejected") {
  CHECK(parse_year_month("2027-01"));
  CHECK_FALSE(parse_year_month("2027-13"));
  CHECK_FALSE(parse_date("2025-02-30"));
  CHECK(format_date(*parse_date("2024-02-29")) == "2024-02-29");
  CHECK(calendar_hours(*parse_year_month("2027-02")) == 672.0);
  CHECK(calendar_hours(*parse_year_month("2027-03")) == 744.0);
  CHECK(format_year_month(add_months(*parse_year_month("2027-11"), 3)) == "2028-02");
  CHECK(months_between(*parse_year_month("2027-11"), *parse_year_month("2028-02")) == 3);
  CHECK(months_between(*parse_year_month("2028-02"), *parse_year_month("2027-11")) == -3);
}

TEST_CASE("suggestions catch typos only") {
  CHECK(did_you_mean("regoins", {"regions", "sources"}) == ", did you mean 'regions'?");
  CHECK(did_you_mean("zzzzzz", {"regions", "sources"}).empty());
  CHECK(quoted_list({"a", "b", "c"}) == "'a', 'b' or 'c'");
}

TEST_CASE("sha256 matches the standard test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}
