#pragma once
// A small JSON document held whole, every value with its line and column: for files that are
// read at once and checked field by field (Terraform plans), where a message must point at the
// value it is about. Built on the streaming tokenizer (json_stream.hpp), so the two readers
// agree on what JSON is; files too large to hold are walked with JsonReader instead.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/input_stream.hpp"

namespace tco {

struct JsonMember;

struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  std::string text;  // a string's decoded text, a number's text, "true" or "false"
  std::vector<JsonMember> members;  // an object's, in file order (a pair would need JsonValue complete)
  std::vector<JsonValue> items;                            // an array's
  SourceLocation where;

  [[nodiscard]] bool is_object() const { return kind == Kind::object; }
  [[nodiscard]] bool is_array() const { return kind == Kind::array; }
  [[nodiscard]] bool is_string() const { return kind == Kind::string; }
  [[nodiscard]] bool is_null() const { return kind == Kind::null; }
  // An object's member; null when absent or not an object. The last wins over duplicates.
  [[nodiscard]] const JsonValue* find(std::string_view key) const;
  // A member's string or number text; none when absent or of another kind.
  [[nodiscard]] std::optional<std::string> text_of(std::string_view key) const;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// "an object", "a string", ... for messages.
std::string describe(const JsonValue& value);

// Reads one whole document from `in`; a syntax error, a truncated file or more than
// `max_values` values is an error located where it happened.
Result<JsonValue> read_json_document(InputStream& in, std::size_t max_values = 2'000'000);

}  // namespace tco
