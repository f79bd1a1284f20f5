// A whole JSON document with located values (src/inputs/json_value.cpp).
#include <catch2/catch.hpp>

#include "tco/inputs/json_value.hpp"

using namespace tco;

namespace {

Result<JsonValue> read(const std::string& text, std::size_t max_values = 1000) {
  auto in = InputStream::from_string(text, "doc.json");
  return read_json_document(in, max_values);
}

}  // namespace

TEST_CASE("json value: every value located, members in order, the last duplicate wins") {
  const auto doc = read("{\"a\": [1, \"x\", true, null],\n \"b\": {\"c\": 2.5}, \"a\": 3}");
  REQUIRE(doc);
  CHECK(doc->is_object());
  REQUIRE(doc->members.size() == 3);
  const JsonValue& list = doc->members[0].value;
  REQUIRE(list.items.size() == 4);
  CHECK(list.items[1].text == "x");
  CHECK(list.items[1].where.column == 11);
  CHECK(describe(list.items[2]) == "true");
  CHECK(list.items[3].is_null());
  CHECK(doc->find("b")->where.line == 2);
  CHECK(doc->find("b")->text_of("c") == "2.5");
  CHECK(doc->text_of("a") == "3");
  CHECK(doc->find("missing") == nullptr);
}

TEST_CASE("json value: a bad, truncated or too large document is an error at its place") {
  CHECK(format_location(read("{\"a\": }").diagnostics().items().front()).starts_with("doc.json:1:7: "));
  CHECK(format_location(read("{\"a\": [1,").diagnostics().items().front()).find("truncated") != std::string::npos);
  CHECK(format_location(read("[1, 2, 3, 4]", 3).diagnostics().items().front()) ==
        "doc.json:1:8: the document holds more than 3 values; tco reads no larger");
}
