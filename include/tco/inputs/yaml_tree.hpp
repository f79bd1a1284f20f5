#pragma once
// A YAML document as a plain tree that remembers where each node came from. yaml-cpp stays
// behind this header: the rest of the program never sees its types or its exceptions.
#include <string>
#include <string_view>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/core/result.hpp"

namespace tco {

struct YamlEntry;

struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string scalar;              // text of a scalar
  SourceLocation where;            // where the node starts
  std::vector<YamlNode> items;     // elements of a sequence
  std::vector<YamlEntry> entries;  // key/value pairs of a mapping, in file order

  [[nodiscard]] bool is_mapping() const { return kind == Kind::mapping; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  // The value for `key` in a mapping, or nullptr.
  [[nodiscard]] const YamlNode* find(std::string_view key) const;
};

struct YamlEntry {
  std::string key;
  SourceLocation key_where;
  YamlNode value;
};

// "a mapping", "a list", "'some text'", "nothing" — for "expected X, found Y" messages.
std::string describe(const YamlNode& node);

// Parses one YAML document. Syntax errors and duplicate keys are reported with their
// location; `file` is the name used in diagnostics.
Result<YamlNode> parse_yaml(std::string_view text, const std::string& file);

}  // namespace tco
