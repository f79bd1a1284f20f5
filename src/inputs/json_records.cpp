// FlatRecord and read_flat: one small JSON object or array read into path → value fields, the
// unit the importers work in (json_stream.hpp). Apart from the tokenizer, which never builds
// anything.
#include <string>
#include <vector>

#include "tco/inputs/json_stream.hpp"

namespace tco {

const std::string* FlatRecord::get(std::string_view path) const {
  for (const auto& [key, value] : fields) {
    if (key == path) return &value;
  }
  return nullptr;
}

std::string FlatRecord::value_or(std::string_view path, std::string_view fallback) const {
  const std::string* value = get(path);
  return value != nullptr ? *value : std::string(fallback);
}

bool read_flat(JsonReader& reader, FlatRecord& record) {
  record.clear();
  record.where = reader.where();
  struct Frame {
    std::size_t prefix;  // length of the container's own path
    long index;          // next element's index; -1 in an object
  };
  std::string path;
  std::vector<Frame> frames{{0, -1}};
  // The reader has just returned begin_*; which one is told by what may follow, so ask the
  // path the caller gave: an array starts its index at 0. The first token settles it.
  bool first = true;
  for (;;) {
    const JsonToken token = reader.next();
    if (token == JsonToken::error) return false;
    if (first) {
      first = false;
      // An array's first element or its end come without a key.
      if (token != JsonToken::key && token != JsonToken::end_object) frames.back().index = 0;
    }
    Frame& top = frames.back();
    if (token == JsonToken::end_object || token == JsonToken::end_array) {
      frames.pop_back();
      if (frames.empty()) return true;
      continue;
    }
    if (token == JsonToken::key) {
      path.resize(top.prefix);
      if (!path.empty()) path += '.';
      path += reader.text();
      continue;
    }
    if (top.index >= 0) {
      path.resize(top.prefix);
      if (!path.empty()) path += '.';
      path += std::to_string(top.index++);
    }
    if (token == JsonToken::begin_object) {
      frames.push_back({path.size(), -1});
    } else if (token == JsonToken::begin_array) {
      frames.push_back({path.size(), 0});
    } else {
      record.fields.emplace_back(path, reader.text());
    }
  }
}

}  // namespace tco
