// FROM:TO:STEP, the one range parser of the command line.
#include <catch2/catch.hpp>

#include "tco/core/range.hpp"

using namespace tco;

TEST_CASE("a range: three quantities of a dimension, a unit written once applying to all", "[range]") {
  std::string problem;
  const auto percent = parse_range("30%:100%:10%", Dimension::fraction, problem);
  REQUIRE(percent);
  CHECK(percent->count() == 8);  // 30 % .. 100 %, 100 % included
  CHECK(percent->values().front() == Approx(0.3));
  CHECK(percent->values().back() == Approx(1.0));
  const auto once = parse_range("0.05:0.20:0.05 USD/kWh", Dimension::money_per_kwh, problem);
  REQUIRE(once);
  CHECK(once->count() == 4);
  CHECK(once->values() == std::vector<double>{0.05, 0.05 + 0.05, 0.05 + 2 * 0.05, 0.05 + 3 * 0.05});
  const auto mixed = parse_range("30:100:10%", Dimension::fraction, problem);
  REQUIRE(mixed);
  CHECK(mixed->from == Approx(0.3));
  CHECK(problem.empty());
}

TEST_CASE("a range a step does not land on the end of stops before it", "[range]") {
  std::string problem;
  const auto range = parse_range("1:10:4", Dimension::count, problem);
  REQUIRE(range);
  CHECK(range->values() == std::vector<double>{1, 5, 9});
  const auto single = parse_range("5:5:1", Dimension::count, problem);
  REQUIRE(single);
  CHECK(single->values() == std::vector<double>{5});
}

TEST_CASE("what is not a range says why", "[range]") {
  std::string problem;
  CHECK_FALSE(parse_range("30%:100%", Dimension::fraction, problem));
  CHECK(problem == "expected FROM:TO:STEP, such as 30%:100%:10%");
  problem.clear();
  CHECK_FALSE(parse_range("30%:100%:0%", Dimension::fraction, problem));
  CHECK(problem == "the STEP must be above zero");
  problem.clear();
  CHECK_FALSE(parse_range("50%:10%:10%", Dimension::fraction, problem));
  CHECK(problem == "TO must not be below FROM");
  problem.clear();
  CHECK_FALSE(parse_range("1 h:2 h:1 h", Dimension::fraction, problem));
  CHECK_FALSE(problem.empty());
}
