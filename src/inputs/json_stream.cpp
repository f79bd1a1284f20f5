// A streaming JSON tokenizer. Why not nlohmann/json's SAX parser: it lives in the report
// layer, reads a byte at a time through a virtual adapter, and copies every token into a
// string; this reader scans a buffer with memchr, hands out views, and can pass over a
// subtree without tokenizing it, which is what makes a 500 MB offer file a matter of seconds.
#include "tco/inputs/json_stream.hpp"

#include <cstring>

#include <fmt/format.h>

#include "tco/inputs/input_limits.hpp"

namespace tco {
namespace {

constexpr std::size_t kInitialBuffer = 1u << 20;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

std::string describe_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20 && byte < 0x7f) return fmt::format("'{}'", c);
  return fmt::format("byte 0x{:02x}", byte);
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xc0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3f));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xe0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code & 0x3f));
  }
}

std::optional<std::uint32_t> hex4(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    const char c = text[i];
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view text) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > from;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

}  // namespace

JsonReader::JsonReader(InputStream& in) : in_(in), buffer_(kInitialBuffer, '\0') {
  token_where_ = {in_.name(), 1, 1};
  // A byte-order mark (Windows tools save JSON with one) is not part of the document.
  if (fill(0) && end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
}

bool JsonReader::fill(std::size_t keep_from) {
  if (eof_ || failed_) return false;
  if (counted_ < base_ + keep_from) location_at(base_ + keep_from);
  if (keep_from > 0) {
    std::memmove(buffer_.data(), buffer_.data() + keep_from, end_ - keep_from);
    base_ += keep_from;
    begin_ -= keep_from;
    end_ -= keep_from;
  }
  if (end_ == buffer_.size()) {
    if (buffer_.size() >= kMaxJsonToken) {
      fail(token_where_, "",
           fmt::format("a single value longer than {} MiB; this is not a price file", kMaxJsonToken >> 20));
      return false;
    }
    buffer_.resize(std::min(buffer_.size() * 2, kMaxJsonToken));
  }
  const std::size_t got = in_.read(buffer_.data() + end_, buffer_.size() - end_);
  if (got == 0) {
    eof_ = true;
    if (!in_.error().empty()) fail({in_.name(), 0, 0}, "", in_.error());
    return false;
  }
  end_ += got;
  return true;
}

bool JsonReader::at_byte(char& c) {
  for (;;) {
    while (begin_ < end_) {
      c = buffer_[begin_];
      if (!is_space(c)) return true;
      ++begin_;
    }
    if (!fill(begin_)) return false;
  }
}

SourceLocation JsonReader::location_at(std::uint64_t offset) {
  if (offset > counted_) {
    const char* data = buffer_.data();
    std::size_t p = static_cast<std::size_t>(counted_ - base_);
    const auto to = static_cast<std::size_t>(offset - base_);
    while (p < to) {
      const void* newline = std::memchr(data + p, '\n', to - p);
      if (newline == nullptr) break;
      p = static_cast<std::size_t>(static_cast<const char*>(newline) - data) + 1;
      ++line_;
      line_start_ = base_ + p;
    }
    counted_ = offset;
  }
  return {in_.name(), line_, static_cast<int>(offset - line_start_ + 1)};
}

void JsonReader::fail(const SourceLocation& where, std::string key_path, std::string message) {
  if (failed_) return;
  failed_ = true;
  diagnostics_.error(where, std::move(key_path), std::move(message));
}

JsonToken JsonReader::fail_here(std::string message) {
  fail(token_where_, "", std::move(message));
  return JsonToken::error;
}

JsonToken JsonReader::fail_unexpected(char c, std::string_view expected) {
  if (c == '<') {
    return fail_here(
        fmt::format("expected {}, found '<': this looks like an HTML or XML page (an error page saved "
                    "instead of the price file?)",
                    expected));
  }
  return fail_here(fmt::format("expected {}, found {}", expected, describe_byte(c)));
}

JsonToken JsonReader::next() {
  if (failed_) return JsonToken::error;
  char c = 0;
  for (;;) {
    if (!at_byte(c)) {
      if (failed_) return JsonToken::error;
      token_where_ = location_at(base_ + begin_);
      if (expect_ == Expect::done) return JsonToken::end;
      if (stack_.empty()) return fail_here("the file is empty; expected a JSON document");
      return fail_here(fmt::format("the file ends inside {} (is it truncated?)",
                                   stack_.back().kind == '{' ? "an object" : "an array"));
    }
    token_where_ = location_at(base_ + begin_);
    const char open = stack_.empty() ? '\0' : stack_.back().kind;
    switch (expect_) {
      case Expect::done:
        return fail_unexpected(c, "the end of the file after the JSON document");
      case Expect::colon:
        if (c != ':') return fail_unexpected(c, "':' after an object key");
        ++begin_;
        expect_ = Expect::value;
        continue;
      case Expect::comma_or_end:
        if (c == ',') {
          ++begin_;
          expect_ = open == '{' ? Expect::key : Expect::value;
          continue;
        }
        if (c == '}' && open == '{') return close(JsonToken::end_object);
        if (c == ']' && open == '[') return close(JsonToken::end_array);
        return fail_unexpected(c,
                               open == '{' ? "',' or '}' after an object member" : "',' or ']' after an array element");
      case Expect::key_or_end:
        if (c == '}') return close(JsonToken::end_object);
        [[fallthrough]];
      case Expect::key:
        if (c == '"') return read_string(JsonToken::key);
        return fail_unexpected(c, "an object key in double quotes");
      case Expect::value_or_end:
        if (c == ']') return close(JsonToken::end_array);
        [[fallthrough]];
      case Expect::value:
        return value_token(c);
    }
  }
}

JsonToken JsonReader::value_token(char c) {
  if (c == '{' || c == '[') {
    if (stack_.size() >= kMaxJsonDepth) {
      return fail_here(fmt::format("nested deeper than {} levels; this is not a price file", kMaxJsonDepth));
    }
    stack_.push_back({c, base_ + begin_});
    ++begin_;
    expect_ = c == '{' ? Expect::key_or_end : Expect::value_or_end;
    return c == '{' ? JsonToken::begin_object : JsonToken::begin_array;
  }
  if (c == '"') return read_string(JsonToken::string);
  if (c == '-' || (c >= '0' && c <= '9')) return read_number();
  if (c == 't' || c == 'f' || c == 'n') return read_literal();
  return fail_unexpected(c, "a JSON value");
}

JsonToken JsonReader::close(JsonToken token) {
  stack_.pop_back();
  ++begin_;
  return after_value(token);
}

JsonToken JsonReader::after_value(JsonToken token) {
  expect_ = stack_.empty() ? Expect::done : Expect::comma_or_end;
  return token;
}

std::size_t JsonReader::string_end(bool& escaped) {
  std::size_t i = begin_ + 1;  // after the opening quote at begin_
  for (;;) {
    while (i >= end_) {
      // fill() moves the unread bytes to the front, so positions are kept relative to begin_.
      const std::size_t offset = i - begin_;
      const bool more = fill(begin_);
      i = begin_ + offset;
      if (!more) {
        if (!failed_) fail_here("the file ends inside a string (is it truncated?)");
        return std::string::npos;
      }
    }
    const char* data = buffer_.data();
    const auto* quote = static_cast<const char*>(std::memchr(data + i, '"', end_ - i));
    const std::size_t stop = quote == nullptr ? end_ : static_cast<std::size_t>(quote - data);
    const auto* backslash = static_cast<const char*>(std::memchr(data + i, '\\', stop - i));
    if (backslash != nullptr) {
      escaped = true;
      i = static_cast<std::size_t>(backslash - data) + 2;  // the escaped byte is never the end
    } else if (quote == nullptr) {
      i = end_;
    } else {
      return stop;
    }
  }
}

JsonToken JsonReader::read_string(JsonToken kind) {
  bool escaped = false;
  const std::size_t stop = string_end(escaped);
  if (stop == std::string::npos) return JsonToken::error;
  const std::size_t start = begin_ + 1;
  const std::string_view raw(buffer_.data() + start, stop - start);
  // What a price file's strings become ends up in a sheet that must load back: UTF-8 text, its
  // control characters escaped, as JSON requires.
  for (const char c : raw) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return fail_here(fmt::format("a string holds the control character 0x{:02x}; JSON allows it only escaped",
                                   static_cast<unsigned char>(c)));
    }
  }
  if (const std::size_t bad = first_invalid_utf8(raw); bad != std::string_view::npos) {
    return fail_here(fmt::format("a string is not UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                 static_cast<unsigned char>(raw[bad])));
  }
  if (escaped) {
    if (!decode_escapes(start, stop)) return JsonToken::error;
    text_ = decoded_;
  } else {
    text_ = raw;
  }
  begin_ = stop + 1;
  if (kind == JsonToken::key) {
    expect_ = Expect::colon;
    return kind;
  }
  return after_value(kind);
}

bool JsonReader::decode_escapes(std::size_t begin, std::size_t end) {
  decoded_.clear();
  const std::string_view raw(buffer_.data() + begin, end - begin);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      decoded_ += raw[i];
      continue;
    }
    const char e = i + 1 < raw.size() ? raw[i + 1] : '\0';
    ++i;
    switch (e) {
      case '"':
        decoded_ += '"';
        break;
      case '\\':
        decoded_ += '\\';
        break;
      case '/':
        decoded_ += '/';
        break;
      case 'b':
        decoded_ += '\b';
        break;
      case 'f':
        decoded_ += '\f';
        break;
      case 'n':
        decoded_ += '\n';
        break;
      case 'r':
        decoded_ += '\r';
        break;
      case 't':
        decoded_ += '\t';
        break;
      case 'u': {
        auto code = hex4(raw.substr(i + 1));
        if (!code) break;
        i += 4;
        if (*code >= 0xd800 && *code < 0xdc00 && raw.substr(i + 1, 2) == "\\u") {
          const auto low = hex4(raw.substr(i + 3));
          if (low && *low >= 0xdc00 && *low < 0xe000) {
            *code = 0x10000 + ((*code - 0xd800) << 10) + (*low - 0xdc00);
            i += 6;
          }
        }
        if (*code >= 0xd800 && *code < 0xe000) break;  // a lone surrogate is no character
        append_utf8(decoded_, *code);
        continue;
      }
      default:
        break;
    }
    if (e == 'u' || !(e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')) {
      fail_here(
          "a string holds an invalid escape sequence (a backslash must be followed by one of \"\\/bfnrt or uXXXX)");
      return false;
    }
  }
  return true;
}

JsonToken JsonReader::read_number() {
  std::size_t i = begin_;
  for (;;) {
    while (i < end_) {
      const char c = buffer_[i];
      if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) break;
      ++i;
    }
    if (i < end_) break;
    const std::size_t offset = i - begin_;
    const bool more = fill(begin_);
    i = begin_ + offset;
    if (!more) break;
  }
  if (failed_) return JsonToken::error;
  text_ = std::string_view(buffer_.data() + begin_, i - begin_);
  if (!is_json_number(text_)) return fail_here(fmt::format("'{}' is not a JSON number", text_));
  begin_ = i;
  return after_value(JsonToken::number);
}

JsonToken JsonReader::read_literal() {
  while (end_ - begin_ < 5) {
    if (!fill(begin_)) break;
  }
  if (failed_) return JsonToken::error;
  const std::string_view rest(buffer_.data() + begin_, std::min<std::size_t>(end_ - begin_, 5));
  for (const std::string_view word : {"true", "false", "null"}) {
    if (rest.substr(0, word.size()) == word) {
      text_ = std::string_view(buffer_.data() + begin_, word.size());
      begin_ += word.size();
      return after_value(word == "null" ? JsonToken::null : JsonToken::boolean);
    }
  }
  return fail_unexpected(rest.empty() ? ' ' : rest[0], "a JSON value");
}

bool JsonReader::skip_string() {
  bool escaped = false;
  const std::size_t stop = string_end(escaped);
  if (stop == std::string::npos) return false;
  begin_ = stop + 1;
  return true;
}

void JsonReader::skip_container() {
  if (failed_ || stack_.empty()) return;
  const std::size_t target = stack_.size() - 1;
  for (;;) {
    if (begin_ >= end_ && !fill(begin_)) {
      if (!failed_) {
        token_where_ = location_at(base_ + begin_);
        fail_here(fmt::format("the file ends inside {} (is it truncated?)",
                              stack_.back().kind == '{' ? "an object" : "an array"));
      }
      return;
    }
    const char c = buffer_[begin_];
    switch (c) {
      case '"':
        if (!skip_string()) return;
        continue;
      case '{':
      case '[':
        if (stack_.size() >= kMaxJsonDepth) {
          token_where_ = location_at(base_ + begin_);
          fail_here(fmt::format("nested deeper than {} levels; this is not a price file", kMaxJsonDepth));
          return;
        }
        stack_.push_back({c, base_ + begin_});
        break;
      case '}':
      case ']':
        if (stack_.back().kind != (c == '}' ? '{' : '[')) {
          token_where_ = location_at(base_ + begin_);
          fail_unexpected(c, stack_.back().kind == '{' ? "'}' closing an object" : "']' closing an array");
          return;
        }
        stack_.pop_back();
        if (stack_.size() == target) {
          ++begin_;
          after_value(JsonToken::end_object);
          return;
        }
        break;
      default:
        break;
    }
    ++begin_;
  }
}

void JsonReader::skip_value() {
  const JsonToken token = next();
  if (token == JsonToken::begin_object || token == JsonToken::begin_array) skip_container();
}

}  // namespace tco
