#include "tco/inputs/yaml_tree.hpp"

#include <map>
#include <string>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "tco/inputs/input_limits.hpp"

namespace tco {
namespace {

SourceLocation location(const YAML::Mark& mark, const std::string& file) {
  // yaml-cpp marks are 0-based; people count from 1.
  return {file, mark.line + 1, mark.column + 1};
}

// Converts yaml-cpp's graph into a tree. Aliases are copied, so a few lines of anchors can
// stand for billions of nodes (the "billion laughs"): `budget` counts what is left, and once
// it runs out the conversion stops with one error instead of exhausting memory.
struct Conversion {
  const std::string& file;
  Diagnostics& diagnostics;
  std::size_t budget = kMaxYamlNodes;
  bool exhausted = false;
};

// `path` is the node's key path ("workloads.train", "tiers[1]"), for the duplicate-key error.
YamlNode convert(const YAML::Node& node, const std::string& path, Conversion& c) {
  YamlNode out;
  out.where = location(node.Mark(), c.file);
  if (c.budget == 0) {
    if (!c.exhausted) {
      c.diagnostics.error(out.where, "",
                          fmt::format("the document has more than {} values (counting each use of an alias); "
                                      "tco reads documents up to that size",
                                      kMaxYamlNodes));
    }
    c.exhausted = true;
    return out;
  }
  --c.budget;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out.kind = YamlNode::Kind::null;
      break;
    case YAML::NodeType::Scalar:
      out.kind = YamlNode::Kind::scalar;
      out.scalar = node.Scalar();
      break;
    case YAML::NodeType::Sequence:
      out.kind = YamlNode::Kind::sequence;
      for (const auto& item : node) {
        if (c.exhausted) break;
        out.items.push_back(convert(item, path + "[" + std::to_string(out.items.size()) + "]", c));
      }
      break;
    case YAML::NodeType::Map: {
      out.kind = YamlNode::Kind::mapping;
      std::map<std::string, int> first_line;
      for (const auto& pair : node) {
        if (c.exhausted) break;
        YamlEntry entry;
        entry.key_where = location(pair.first.Mark(), c.file);
        if (!pair.first.IsScalar()) {
          c.diagnostics.error(entry.key_where, "", "expected a plain key, found a complex key");
          continue;
        }
        entry.key = pair.first.Scalar();
        const auto [it, inserted] = first_line.emplace(entry.key, entry.key_where.line);
        if (!inserted) {
          c.diagnostics.error(entry.key_where, path.empty() ? entry.key : path + "." + entry.key,
                              fmt::format("duplicate key (first defined on line {})", it->second));
          continue;
        }
        entry.value = convert(pair.second, path.empty() ? entry.key : path + "." + entry.key, c);
        out.entries.push_back(std::move(entry));
      }
      break;
    }
  }
  return out;
}

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::null:
      return "nothing";
    case YamlNode::Kind::scalar:
      return "'" + node.scalar + "'";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::mapping:
      return "a mapping";
  }
  return "something else";
}

Result<YamlNode> parse_yaml(std::string_view text, const std::string& file) {
  Diagnostics diagnostics;
  check_text(text, file, diagnostics);
  if (diagnostics.has_errors()) return diagnostics;
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    Conversion conversion{file, diagnostics};
    YamlNode tree = convert(root, "", conversion);
    if (diagnostics.has_errors()) return diagnostics;
    return {std::move(tree), std::move(diagnostics)};
  } catch (const YAML::Exception& e) {
    diagnostics.error(location(e.mark, file), "", "invalid YAML: " + e.msg);
    return diagnostics;
  }
}

}  // namespace tco
