// JsonValue: a whole JSON document from the streaming tokenizer, each value located.
#include "tco/inputs/json_value.hpp"

#include <fmt/format.h>

#include "tco/inputs/json_stream.hpp"

namespace tco {
namespace {

class TreeBuilder {
 public:
  TreeBuilder(JsonReader& reader, std::size_t max_values) : r_(reader), max_values_(max_values) {}

  // The value whose first token is `token`; false when the reader failed.
  bool value(JsonToken token, JsonValue& out) {
    out.where = r_.where();
    if (++count_ > max_values_) {
      r_.fail(out.where, "", fmt::format("the document holds more than {} values; tco reads no larger", max_values_));
      return false;
    }
    switch (token) {
      case JsonToken::begin_object:
        out.kind = JsonValue::Kind::object;
        return object(out);
      case JsonToken::begin_array:
        out.kind = JsonValue::Kind::array;
        return array(out);
      case JsonToken::string:
        out.kind = JsonValue::Kind::string;
        break;
      case JsonToken::number:
        out.kind = JsonValue::Kind::number;
        break;
      case JsonToken::boolean:
        out.kind = JsonValue::Kind::boolean;
        break;
      case JsonToken::null:
        out.kind = JsonValue::Kind::null;
        return true;
      default:
        return false;
    }
    out.text = std::string(r_.text());
    return true;
  }

 private:
  bool object(JsonValue& out) {
    for (;;) {
      const JsonToken token = r_.next();
      if (token == JsonToken::end_object) return true;
      if (token != JsonToken::key) return false;
      out.members.push_back(JsonMember{std::string(r_.text()), JsonValue{}});
      if (!value(r_.next(), out.members.back().value)) return false;
    }
  }

  bool array(JsonValue& out) {
    for (;;) {
      const JsonToken token = r_.next();
      if (token == JsonToken::end_array) return true;
      if (token == JsonToken::error) return false;
      out.items.emplace_back();
      if (!value(token, out.items.back())) return false;
    }
  }

  JsonReader& r_;
  std::size_t max_values_;
  std::size_t count_ = 0;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  const JsonValue* found = nullptr;
  for (const auto& [name, value] : members) {
    if (name == key) found = &value;
  }
  return found;
}

std::optional<std::string> JsonValue::text_of(std::string_view key) const {
  const JsonValue* value = find(key);
  if (value == nullptr || (value->kind != Kind::string && value->kind != Kind::number)) return std::nullopt;
  return value->text;
}

std::string describe(const JsonValue& value) {
  switch (value.kind) {
    case JsonValue::Kind::object:
      return "an object";
    case JsonValue::Kind::array:
      return "an array";
    case JsonValue::Kind::string:
      return fmt::format("the string \"{}\"", value.text.size() > 40 ? value.text.substr(0, 40) + "…" : value.text);
    case JsonValue::Kind::number:
      return "the number " + value.text;
    case JsonValue::Kind::boolean:
      return value.text;
    case JsonValue::Kind::null:
      break;
  }
  return "null";
}

Result<JsonValue> read_json_document(InputStream& in, std::size_t max_values) {
  JsonReader reader(in);
  TreeBuilder builder(reader, max_values);
  JsonValue document;
  const bool built = builder.value(reader.next(), document);
  if (built && reader.next() == JsonToken::end && !reader.failed()) return document;
  Diagnostics d = reader.diagnostics();
  if (!d.has_errors()) d.error(document.where, "", "expected a JSON document");
  return d;
}

}  // namespace tco
