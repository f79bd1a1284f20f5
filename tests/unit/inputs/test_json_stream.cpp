// The streaming JSON reader: tokens, locations, skipping, flattening, and located errors for
// the bad files a price import meets (truncated, an HTML page, garbage after the document).
#include <catch2/catch.hpp>

#include "tco/core/sha256.hpp"
#include "tco/inputs/json_stream.hpp"

using namespace tco;

namespace {

// Every token of `text` as "kind:text" (scalars and keys) or the bracket.
std::vector<std::string> tokens(const std::string& text, std::string* error = nullptr) {
  InputStream in = InputStream::from_string(text, "f.json");
  JsonReader r(in);
  std::vector<std::string> out;
  for (;;) {
    const JsonToken t = r.next();
    switch (t) {
      case JsonToken::begin_object:
        out.emplace_back("{");
        break;
      case JsonToken::end_object:
        out.emplace_back("}");
        break;
      case JsonToken::begin_array:
        out.emplace_back("[");
        break;
      case JsonToken::end_array:
        out.emplace_back("]");
        break;
      case JsonToken::key:
        out.push_back("k:" + std::string(r.text()));
        break;
      case JsonToken::string:
        out.push_back("s:" + std::string(r.text()));
        break;
      case JsonToken::number:
        out.push_back("n:" + std::string(r.text()));
        break;
      case JsonToken::boolean:
        out.push_back("b:" + std::string(r.text()));
        break;
      case JsonToken::null:
        out.emplace_back("null");
        break;
      case JsonToken::end:
        return out;
      case JsonToken::error:
        if (error != nullptr) *error = format_location(r.diagnostics().items().front());
        return out;
    }
  }
}

std::string error_of(const std::string& text) {
  std::string error;
  tokens(text, &error);
  return error;
}

}  // namespace

TEST_CASE("json stream: tokens of a document, strings decoded") {
  CHECK(tokens(R"({"a" : [1, -2.5e3, "x\"y\u00e9\ud83d\ude00", true, null], "b": {}})") ==
        std::vector<std::string>{"{", "k:a", "[", "n:1", "n:-2.5e3", "s:x\"y\xc3\xa9\xf0\x9f\x98\x80", "b:true", "null",
                                 "]", "k:b", "{", "}", "}"});
  CHECK(tokens("\xEF\xBB\xBF[]") == std::vector<std::string>{"[", "]"});  // a byte-order mark is skipped
}

TEST_CASE("json stream: located errors for files that are not price files") {
  CHECK(error_of("") == "f.json:1:1: the file is empty; expected a JSON document");
  CHECK(error_of("{\n  \"a\" : [1,\n  2") == "f.json:3:4: the file ends inside an array (is it truncated?)");
  CHECK(error_of("{\"a\": \"abc") == "f.json:1:7: the file ends inside a string (is it truncated?)");
  CHECK(error_of("<!DOCTYPE html>\n<html>") ==
        "f.json:1:1: expected a JSON value, found '<': this looks like an HTML or XML page (an error page saved "
        "instead of the price file?)");
  CHECK(error_of("{\"a\": 1} x") == "f.json:1:10: expected the end of the file after the JSON document, found 'x'");
  CHECK(error_of("{\"a\" 1}") == "f.json:1:6: expected ':' after an object key, found '1'");
  CHECK(error_of("[1 2]") == "f.json:1:4: expected ',' or ']' after an array element, found '2'");
  CHECK(error_of("[01]") == "f.json:1:2: '01' is not a JSON number");
  CHECK(error_of("[\"\\x\"]") ==
        "f.json:1:2: a string holds an invalid escape sequence (a backslash must be followed by one of \"\\/bfnrt or "
        "uXXXX)");
  CHECK(error_of(std::string(100, '[')) == "f.json:1:65: nested deeper than 64 levels; this is not a price file");
}

TEST_CASE("json stream: skipping a container passes over nested strings and brackets") {
  InputStream in = InputStream::from_string(R"({"skip": {"a": ["}", "]\"", {"b": [[]]}]}, "keep": 7})", "f.json");
  JsonReader r(in);
  REQUIRE(r.next() == JsonToken::begin_object);
  REQUIRE(r.next() == JsonToken::key);
  r.skip_value();
  REQUIRE(r.next() == JsonToken::key);
  CHECK(r.text() == "keep");
  REQUIRE(r.next() == JsonToken::number);
  CHECK(r.text() == "7");
  CHECK(r.next() == JsonToken::end_object);
  CHECK(r.next() == JsonToken::end);
}

TEST_CASE("json stream: a truncated skipped container is an error") {
  InputStream in = InputStream::from_string("{\"skip\": {\"a\": [1, 2", "f.json");
  JsonReader r(in);
  REQUIRE(r.next() == JsonToken::begin_object);
  REQUIRE(r.next() == JsonToken::key);
  r.skip_value();
  REQUIRE(r.failed());
  CHECK(format_location(r.diagnostics().items().front()) ==
        "f.json:1:21: the file ends inside an array (is it truncated?)");
}

TEST_CASE("json stream: flattening an object gives paths below it") {
  InputStream in =
      InputStream::from_string(R"({"p": {"sku": "A", "attributes": {"gpu": "8"}, "list": [1, {"x": 2}]}})", "f.json");
  JsonReader r(in);
  REQUIRE(r.next() == JsonToken::begin_object);
  REQUIRE(r.next() == JsonToken::key);
  REQUIRE(r.next() == JsonToken::begin_object);
  FlatRecord record;
  REQUIRE(read_flat(r, record));
  CHECK(record.fields == std::vector<std::pair<std::string, std::string>>{
                             {"sku", "A"}, {"attributes.gpu", "8"}, {"list.0", "1"}, {"list.1.x", "2"}});
  CHECK(record.where.column == 7);
  CHECK(r.next() == JsonToken::end_object);
}

TEST_CASE("json stream: tokens longer than the buffer and split across reads") {
  // A 3 MB string forces the buffer to grow; the tokens around it survive the moves.
  const std::string big(3u << 20, 'x');
  CHECK(tokens("[\"" + big + "\", 12345]") == std::vector<std::string>{"[", "s:" + big, "n:12345", "]"});
}

TEST_CASE("input stream: SHA-256 of what was read, in pieces") {
  InputStream in = InputStream::from_string("abc", "f");
  char buffer[2];
  CHECK(in.read(buffer, 2) == 2);
  CHECK(in.read(buffer, 2) == 1);
  CHECK(in.sha256() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 hash;
  const std::string million(1'000'000, 'a');
  for (std::size_t i = 0; i < million.size(); i += 4999) hash.update(std::string_view(million).substr(i, 4999));
  CHECK(hash.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: the CPU's SHA instructions and the portable code agree") {
  std::string data;
  std::uint32_t x = 12345;
  for (int i = 0; i < 70000; ++i) {
    x = x * 1103515245U + 12345U;
    data += static_cast<char>(x >> 24);
  }
  for (std::size_t length : {0UL, 1UL, 55UL, 56UL, 63UL, 64UL, 65UL, 119UL, 120UL, 128UL, 1000UL, 4096UL, 65537UL, 70000UL}) {
    const std::string_view part = std::string_view(data).substr(0, length);
    CHECK(sha256_hex(part) == sha256_hex_portable(part));
  }
}

TEST_CASE("json stream: strings must be UTF-8 without raw control characters") {
  // What the importers read ends up in a sheet that must load back (fuzz_import_*).
  CHECK(error_of("[\"caf\xe9\"]") == "f.json:1:2: a string is not UTF-8 (byte 0xE9); save the file as UTF-8");
  CHECK(error_of("[\"a\tb\"]") == "f.json:1:2: a string holds the control character 0x09; JSON allows it only escaped");
  CHECK(error_of("[\"\\ud800x\"]") ==
        "f.json:1:2: a string holds an invalid escape sequence (a backslash must be followed by one of \"\\/bfnrt or "
        "uXXXX)");
  CHECK(tokens("[\"caf\xc3\xa9 \\t\"]") == std::vector<std::string>{"[", "s:caf\xc3\xa9 \t", "]"});
}
