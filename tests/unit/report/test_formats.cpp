#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/breakeven_report.hpp"
#include "tco/report/explain_report.hpp"

using namespace tco;

namespace {
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}
}  // namespace

TEST_CASE("compare CSV: one value per row, and the rows add up to the totals") {
  auto run = test::run(test::rent_or_own());
  REQUIRE(run);
  const auto report = make_comparison_report(run->model.value());
  std::istringstream csv(render_compare_csv(report));
  std::string line;
  std::getline(csv, line);
  CHECK(line == "scenario,strategy,month,component,basis,currency,amount");
  std::map<std::pair<std::string, std::string>, double> sums;
  int rows = 0;
  while (std::getline(csv, line)) {
    const auto fields = split(line);
    REQUIRE(fields.size() == 7);
    sums[{fields[1], fields[4]}] += std::stod(fields[6]);
    ++rows;
  }
  CHECK(rows == 2 * 12 * 9 * 2);  // strategies × months × components × bases
  for (const auto& column : report.strategies) {
    CHECK(sums[{column.name, "cash"}] == Approx(column.total_cash));
    CHECK(sums[{column.name, "amortized"}] == Approx(column.total_amortized));
  }
}
