#include "tco/inputs/yaml_tree.hpp"

#include <map>
#include <string>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace tco {
namespace {

SourceLocation location(const YAML::Mark& mark, const std::string& file) {
  // yaml-cpp marks are 0-based; people count from 1.
  return {file, mark.line + 1, mark.column + 1};
}

YamlNode convert(const YAML::Node& node, const std::string& file, Diagnostics& diagnostics) {
  YamlNode out;
  out.where = location(node.Mark(), file);
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
      for (const auto& item : node) out.items.push_back(convert(item, file, diagnostics));
      break;
    case YAML::NodeType::Map: {
      out.kind = YamlNode::Kind::mapping;
      std::map<std::string, int> first_line;
      for (const auto& pair : node) {
        YamlEntry entry;
        entry.key_where = location(pair.first.Mark(), file);
        if (!pair.first.IsScalar()) {
          diagnostics.error(entry.key_where, "", "expected a plain key, found a complex key");
          continue;
        }
        entry.key = pair.first.Scalar();
        const auto [it, inserted] = first_line.emplace(entry.key, entry.key_where.line);
        if (!inserted) {
          diagnostics.error(entry.key_where, entry.key,
                            fmt::format("duplicate key (first defined on line {})", it->second));
          continue;
        }
        entry.value = convert(pair.second, file, diagnostics);
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
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    YamlNode tree = convert(root, file, diagnostics);
    if (diagnostics.has_errors()) return diagnostics;
    return {std::move(tree), std::move(diagnostics)};
  } catch (const YAML::Exception& e) {
    diagnostics.error(location(e.mark, file), "", "invalid YAML: " + e.msg);
    return diagnostics;
  }
}

}  // namespace tco
