#pragma once
// Walking a price file with JsonReader: open a container where one is expected (or fail with
// a located message), and visit an object's members one at a time.
#include <string>

#include <fmt/format.h>

#include "tco/inputs/json_stream.hpp"

namespace tco::price_import {

inline std::string describe(JsonToken token) {
  switch (token) {
    case JsonToken::begin_object:
      return "an object";
    case JsonToken::begin_array:
      return "an array";
    case JsonToken::string:
      return "a string";
    case JsonToken::number:
      return "a number";
    case JsonToken::boolean:
      return "true or false";
    case JsonToken::null:
      return "null";
    default:
      return "the end of a container";
  }
}

// Reads the next token and checks it opens what `path` should hold.
inline bool open(JsonReader& r, JsonToken expected, const std::string& path) {
  const JsonToken token = r.next();
  if (token == expected) return true;
  if (token != JsonToken::error) {
    r.fail(r.where(), path,
           fmt::format("expected {}, found {}", expected == JsonToken::begin_object ? "an object" : "an array",
                       describe(token)));
  }
  return false;
}

// The members of the object just opened: calls `member(key)` with the reader before the
// member's value; false when the reader failed.
template <typename Member>
bool members(JsonReader& r, Member member) {
  for (;;) {
    const JsonToken token = r.next();
    if (token == JsonToken::end_object) return true;
    if (token != JsonToken::key) return false;
    if (!member(std::string(r.text())) || r.failed()) return false;
  }
}

// The elements of the array just opened: calls `element(token)` with each element's first
// token (an object or array is open then); false when the reader failed.
template <typename Element>
bool elements(JsonReader& r, Element element) {
  for (;;) {
    const JsonToken token = r.next();
    if (token == JsonToken::end_array) return true;
    if (token == JsonToken::error || !element(token) || r.failed()) return false;
  }
}

}  // namespace tco::price_import
