#pragma once
// What an input file may cost the machine. Files come from people in a hurry and from
// untrusted pull requests in CI: each limit is checked before or while parsing, and a breach
// is a diagnostic, never a crash, a hang or memory exhausted.
#include <cstddef>
#include <string>
#include <string_view>

#include "tco/core/diagnostic.hpp"

namespace tco {

// The bundled sheets are under 100 kB and a large scenario a few kB: 8 MiB leaves room for
// a saved compare result of a long, many-strategy scenario.
constexpr std::size_t kMaxFileBytes = 8u << 20;
// Values in one document, each use of an alias counted again (the "billion laughs").
constexpr std::size_t kMaxYamlNodes = 1'000'000;
// How deep collections may nest: yaml-cpp (and the tree built from it) recurse per level.
// Real files nest under 10 levels.
constexpr int kMaxNestingDepth = 100;
// Columns of indentation: block nesting can be no deeper.
constexpr std::size_t kMaxIndentation = 400;

// Checks a file's text before it is parsed: not too large, not empty, text rather than binary
// data, UTF-8, not nested beyond kMaxNestingDepth. Each problem is an error at its place.
void check_text(std::string_view text, const std::string& file, Diagnostics& diagnostics);

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not one (a stray
// continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut short).
std::size_t utf8_length(std::string_view text, std::size_t i);
// The offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

}  // namespace tco
