#include "tco/inputs/input_limits.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace tco {

std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

std::size_t first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

namespace {

// Walks the text once, keeping line and column (in characters), and reports the first NUL,
// invalid UTF-8 byte, too-deep flow nesting or too-deep indentation. Quotes and comments are
// followed so brackets inside them do not count.
class TextScanner {
 public:
  TextScanner(std::string_view text, const std::string& file, Diagnostics& d) : text_(text), file_(file), d_(d) {}

  void run() {
    std::size_t i = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '\0') return fail("binary data (a NUL byte): expected YAML text");
      const std::size_t length = utf8_length(text_, i);
      if (length == 0) {
        return fail(
            fmt::format("the file is not UTF-8 (byte 0x{:02X}); save it as UTF-8", static_cast<unsigned char>(c)));
      }
      if (at_line_start_ && c != ' ' && !check_sequence_depth(i)) return;
      if (!step(c)) return;
      i += length;
      advance(c);
    }
  }

 private:
  void fail(const std::string& message) { d_.error({file_, line_, column_}, "", message); }

  // "- - - - x" nests a list per dash on one line, without indentation: count them too.
  bool check_sequence_depth(std::size_t i) {
    int dashes = 0;
    while (i + 1 < text_.size() && text_[i] == '-' && (text_[i + 1] == ' ' || text_[i + 1] == '\t')) {
      ++dashes;
      i += 2;
      while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    }
    if (dashes <= kMaxNestingDepth) return true;
    fail(fmt::format("nested more than {} levels deep: tco reads nesting up to that depth", kMaxNestingDepth));
    return false;
  }

  // Follows quotes, comments and flow brackets; false after an error.
  bool step(char c) {
    if (at_line_start_ && c != ' ') {
      at_line_start_ = false;
      if (indentation_ > kMaxIndentation) {
        fail(
            fmt::format("indented {} columns: tco reads nesting up to {} columns deep", indentation_, kMaxIndentation));
        return false;
      }
    }
    if (at_line_start_) ++indentation_;
    if (comment_) return true;
    if (quote_ != 0) {
      if (quote_ == '"' && c == '\\' && !escaped_) {
        escaped_ = true;
        return true;
      }
      if (c == quote_ && !escaped_) quote_ = 0;
      escaped_ = false;
      return true;
    }
    if (c == '#' && (previous_ == ' ' || previous_ == '\t' || previous_ == '\n' || previous_ == 0)) {
      comment_ = true;
    } else if ((c == '"' || c == '\'') && (depth_ > 0 || after_indicator())) {
      quote_ = c;
    } else if (c == '[' || c == '{') {
      if (++depth_ > kMaxNestingDepth) {
        fail(fmt::format("nested more than {} levels deep: tco reads nesting up to that depth", kMaxNestingDepth));
        return false;
      }
    } else if ((c == ']' || c == '}') && depth_ > 0) {
      --depth_;
    }
    return true;
  }

  // A quote opens a quoted scalar only where a value starts (after ": ", "- " or at the
  // start of a line); elsewhere it is part of plain text, as in "it's".
  [[nodiscard]] bool after_indicator() const {
    return previous_ == ' ' || previous_ == '\t' || previous_ == '\n' || previous_ == 0 || previous_ == ':' ||
           previous_ == '-' || previous_ == ',';
  }

  void advance(char c) {
    previous_ = c;
    if (c == '\n') {
      ++line_;
      column_ = 1;
      comment_ = false;
      at_line_start_ = true;
      indentation_ = 0;
    } else {
      ++column_;
    }
  }

  std::string_view text_;
  const std::string& file_;
  Diagnostics& d_;
  int line_ = 1;
  int column_ = 1;
  int depth_ = 0;
  char quote_ = 0;
  char previous_ = 0;
  bool escaped_ = false;
  bool comment_ = false;
  bool at_line_start_ = true;
  std::size_t indentation_ = 0;
};

}  // namespace

void check_text(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  if (text.size() > kMaxFileBytes) {
    diagnostics.error(
        {file, 0, 0}, "",
        fmt::format("the file is {} bytes; tco reads files up to {} bytes (8 MiB)", text.size(), kMaxFileBytes));
    return;
  }
  if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; })) {
    diagnostics.error({file, 0, 0}, "", "the file is empty");
    return;
  }
  TextScanner(text, file, diagnostics).run();
}

}  // namespace tco
