// What an input may cost the machine: each limit breached is one located error, never a
// crash, a hang or memory exhausted.
#include <catch2/catch.hpp>

#include "tco/inputs/input_limits.hpp"
#include "tco/inputs/yaml_tree.hpp"

using namespace tco;

namespace {

// The one error parse_yaml reports for `text`, as "LINE:COL: message".
std::string error_of(const std::string& text) {
  const auto parsed = parse_yaml(text, "f.yaml");
  REQUIRE_FALSE(parsed);
  const auto& items = parsed.diagnostics().items();
  REQUIRE(items.size() == 1);
  return std::to_string(items[0].where.line) + ":" + std::to_string(items[0].where.column) + ": " + items[0].message;
}

std::string nested(int depth) {
  return "a: " + std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']') +
         "\n";
}

}  // namespace

TEST_CASE("text that is not YAML text is refused before parsing", "[limits]") {
  CHECK(error_of("") == "0:0: the file is empty");
  CHECK(error_of(" \n\t\n") == "0:0: the file is empty");
  CHECK(error_of(std::string("name: a\0b\n", 10)) == "1:8: binary data (a NUL byte): expected YAML text");
  CHECK(error_of("name: caf\xE9\n") == "1:10: the file is not UTF-8 (byte 0xE9); save it as UTF-8");
  CHECK(error_of("a: 1\nb: \xC0\xAF\n") == "2:4: the file is not UTF-8 (byte 0xC0); save it as UTF-8");  // overlong
  CHECK(error_of("a: \xED\xA0\x80\n") == "1:4: the file is not UTF-8 (byte 0xED); save it as UTF-8");    // surrogate
  CHECK(error_of("a: \xE2\x82") == "1:4: the file is not UTF-8 (byte 0xE2); save it as UTF-8");          // cut short
}

TEST_CASE("UTF-8 text, a byte-order mark and quoted brackets are fine", "[limits]") {
  CHECK(parse_yaml("\xEF\xBB\xBFname: café ✓ 🚀\n", "f.yaml"));
  CHECK(parse_yaml("a: \"" + std::string(200, '[') + "\"\nb: '{{{{'  # [[[[\n", "f.yaml"));
  CHECK(parse_yaml("note: it's [not a list\nother: x\n", "f.yaml"));
}

TEST_CASE("nesting deeper than the limit is refused where it goes too deep", "[limits]") {
  CHECK(parse_yaml(nested(kMaxNestingDepth), "f.yaml"));
  CHECK(error_of(nested(kMaxNestingDepth + 1)) ==
        "1:104: nested more than 100 levels deep: tco reads nesting up to that depth");
  CHECK(error_of(nested(100000)) == "1:104: nested more than 100 levels deep: tco reads nesting up to that depth");
  std::string dashes = "a:\n";
  for (int i = 0; i <= kMaxNestingDepth; ++i) dashes += "- ";
  CHECK(error_of(dashes + "x\n") == "2:1: nested more than 100 levels deep: tco reads nesting up to that depth");
  const std::string indented = "a:\n" + std::string(kMaxIndentation + 1, ' ') + "b: 1\n";
  CHECK(error_of(indented) == "2:402: indented 401 columns: tco reads nesting up to 400 columns deep");
}

TEST_CASE("an alias bomb stops at the value limit instead of exhausting memory", "[limits]") {
  // Each line doubles the values of the one before: 2^40 values from 40 short lines.
  std::string text = "k0: &k0 [x, x]\n";
  for (int i = 1; i <= 40; ++i)
    text += "k" + std::to_string(i) + ": &k" + std::to_string(i) + " [*k" + std::to_string(i - 1) + ", *k" +
            std::to_string(i - 1) + "]\n";
  const auto parsed = parse_yaml(text, "f.yaml");
  REQUIRE_FALSE(parsed);
  REQUIRE(parsed.diagnostics().items().size() == 1);
  CHECK_THAT(parsed.diagnostics().items()[0].message,
             Catch::StartsWith("the document has more than 1000000 values (counting each use of an alias)"));
}

TEST_CASE("a text over the size limit is refused without being parsed", "[limits]") {
  Diagnostics d;
  check_text(std::string(kMaxFileBytes + 1, 'a'), "big.yaml", d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "the file is 8388609 bytes; tco reads files up to 8388608 bytes (8 MiB)");
}
