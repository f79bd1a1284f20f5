// The streaming CSV reader: quoted fields with commas, doubled quotes and line breaks; the
// line each record starts on; a quote left open at the end.
#include <catch2/catch.hpp>

#include "tco/inputs/csv_stream.hpp"

using namespace tco;

TEST_CASE("csv stream: records and their lines") {
  InputStream in = InputStream::from_string("\"a\",\"b,c\"\r\n\"multi\nline\",\"x\"\"y\"\nlast,plain", "f.csv");
  CsvReader csv(in);
  std::string_view raw;
  std::vector<std::string> fields;
  REQUIRE(csv.next(raw));
  CHECK(csv.where().line == 1);
  REQUIRE(CsvReader::split(raw, fields));
  CHECK(fields == std::vector<std::string>{"a", "b,c"});
  REQUIRE(csv.next(raw));
  CHECK(csv.where().line == 2);
  REQUIRE(CsvReader::split(raw, fields));
  CHECK(fields == std::vector<std::string>{"multi\nline", "x\"y"});
  REQUIRE(csv.next(raw));
  CHECK(csv.where().line == 4);
  REQUIRE(CsvReader::split(raw, fields));
  CHECK(fields == std::vector<std::string>{"last", "plain"});
  CHECK_FALSE(csv.next(raw));
  CHECK_FALSE(csv.failed());
}

TEST_CASE("csv stream: empty fields, and malformed quoting") {
  std::vector<std::string> fields;
  REQUIRE(CsvReader::split("\"a\",,\"\"", fields));
  CHECK(fields == std::vector<std::string>{"a", "", ""});
  CHECK_FALSE(CsvReader::split("\"a\"b", fields));
  CHECK_FALSE(CsvReader::split("\"open", fields));
}

TEST_CASE("csv stream: a quote left open at the end of the file") {
  InputStream in = InputStream::from_string("\"a\"\n\"b,c\n", "f.csv");
  CsvReader csv(in);
  std::string_view raw;
  REQUIRE(csv.next(raw));
  CHECK_FALSE(csv.next(raw));
  REQUIRE(csv.failed());
  CHECK(format_location(csv.diagnostics().items().front()) ==
        "f.csv:2:1: the file ends inside a quoted field (is it truncated?)");
}
