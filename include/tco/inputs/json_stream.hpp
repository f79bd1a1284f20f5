#pragma once
// JSON read as a stream of tokens, for files too large to hold: a fixed buffer (grown only for
// a single token longer than it, up to kMaxJsonToken) and the stack of open containers are all
// it keeps. The price importers walk a provider's file with it, flatten the small objects they
// want (one product, one price term) into a FlatRecord, and skip the rest at scanning speed.
// Every token knows its line and column, so a bad file gets a located message.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/inputs/input_stream.hpp"

namespace tco {

enum class JsonToken {
  begin_object,
  end_object,
  begin_array,
  end_array,
  key,
  string,
  number,
  boolean,  // text() is "true" or "false"
  null,
  end,    // the document is complete
  error,  // see diagnostics(); every later call returns error again
};

// The longest single token (a string, a number) the reader accepts.
constexpr std::size_t kMaxJsonToken = 16u << 20;
// How deep arrays and objects may nest; price files nest under 10 levels.
constexpr std::size_t kMaxJsonDepth = 64;

class JsonReader {
 public:
  explicit JsonReader(InputStream& in);

  JsonToken next();
  // The current key or scalar: a string's decoded text, a number's text.
  [[nodiscard]] std::string_view text() const { return text_; }
  // Where the current token starts.
  [[nodiscard]] SourceLocation where() const { return token_where_; }
  // Open containers, the current one counted once begin_* has been returned.
  [[nodiscard]] std::size_t depth() const { return stack_.size(); }
  // Right after begin_object or begin_array: passes over the container to its end, checking
  // only that brackets match and strings close. The next token is what follows it.
  void skip_container();
  // Right after a key: passes over its value, whatever it is.
  void skip_value();

  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }
  [[nodiscard]] bool failed() const { return failed_; }
  // Reports an error at `where`; the reader stops. Importers use it for a file that is
  // well-formed JSON but not the expected shape.
  void fail(const SourceLocation& where, std::string key_path, std::string message);

 private:
  enum class Expect { value, value_or_end, key, key_or_end, colon, comma_or_end, done };
  struct Open {
    char kind;  // '{' or '['
    std::uint64_t offset;
  };

  bool fill(std::size_t keep_from);  // reads more; false at the end of the input
  bool at_byte(char& c);             // the next non-space byte, refilling as needed
  SourceLocation location_at(std::uint64_t offset);
  JsonToken fail_here(std::string message);
  JsonToken fail_unexpected(char c, std::string_view expected);
  // The index of the closing quote of the string that opens at begin_ (refilling as needed),
  // or npos after failing at the end of the input; `escaped` tells whether it holds a backslash.
  std::size_t string_end(bool& escaped);
  JsonToken read_string(JsonToken kind);
  bool decode_escapes(std::size_t begin, std::size_t end);
  JsonToken read_number();
  JsonToken read_literal();
  JsonToken after_value(JsonToken token);
  JsonToken close(JsonToken token);
  bool skip_string();
  JsonToken value_token(char c);

  InputStream& in_;
  std::string buffer_;
  std::size_t begin_ = 0;   // next unread byte in buffer_
  std::size_t end_ = 0;     // bytes of buffer_ that hold data
  std::uint64_t base_ = 0;  // offset in the file of buffer_[0]
  bool eof_ = false;
  // Lines counted up to counted_ (an offset in the file).
  std::uint64_t counted_ = 0;
  int line_ = 1;
  std::uint64_t line_start_ = 0;

  std::vector<Open> stack_;
  Expect expect_ = Expect::value;
  std::string_view text_;
  std::string decoded_;
  SourceLocation token_where_;
  Diagnostics diagnostics_;
  bool failed_ = false;
};

// The scalars of one JSON object or array, by path below it: {"a": {"b": 1}, "c": [2]}
// gives "a.b" = "1" and "c.0" = "2". Objects the importers want are small (a product's
// attributes, one price term), so a linear lookup is enough.
struct FlatRecord {
  std::vector<std::pair<std::string, std::string>> fields;
  SourceLocation where;

  [[nodiscard]] const std::string* get(std::string_view path) const;
  [[nodiscard]] std::string value_or(std::string_view path, std::string_view fallback) const;
  void clear() { fields.clear(); }
};

// Right after begin_object or begin_array: reads the container into `record` (cleared
// first). False when the reader failed.
bool read_flat(JsonReader& reader, FlatRecord& record);

}  // namespace tco
