#include "tco/inputs/field_reader.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "tco/core/distribution.hpp"
#include "tco/core/suggest.hpp"

namespace tco {
namespace {

bool expect_scalar(const YamlNode& node, const std::string& path, std::string_view what, Diagnostics& d) {
  if (node.is_scalar()) return true;
  const std::string kind = distribution_named(node);
  d.error(node.where, path,
          fmt::format("expected {}, found {}", what, kind.empty() ? describe(node) : "a " + kind + " distribution"));
  return false;
}

}  // namespace

std::string join_path(const std::string& parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return parent + "." + std::string(key);
}

std::string distribution_named(const YamlNode& node) {
  if (!node.is_mapping()) return "";
  for (const auto& entry : node.entries)
    if (parse_distribution_kind(entry.key)) return entry.key;
  return "";
}

std::optional<std::string> read_string(const YamlNode& node, const std::string& path, Diagnostics& d) {
  if (!expect_scalar(node, path, "text", d)) return std::nullopt;
  return node.scalar;
}

std::optional<std::string> read_enum(const YamlNode& node, const std::string& path,
                                     const std::vector<std::string>& allowed, Diagnostics& d) {
  if (!expect_scalar(node, path, "one of " + quoted_list(allowed), d)) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), node.scalar) != allowed.end()) return node.scalar;
  d.error(node.where, path,
          fmt::format("expected one of {}, found '{}'{}", quoted_list(allowed), node.scalar,
                      did_you_mean(node.scalar, allowed)));
  return std::nullopt;
}

std::optional<Quantity> read_quantity(const YamlNode& node, const std::string& path, Dimension dimension,
                                      Diagnostics& d, bool signed_value) {
  if (!expect_scalar(node, path, dimension_name(dimension) + " (" + accepted_units(dimension) + ")", d)) {
    return std::nullopt;
  }
  QuantityError error;
  auto quantity = parse_quantity(node.scalar, dimension, &error);
  if (!quantity) {
    d.error(node.where, path, error.message);
    return std::nullopt;
  }
  if (!quantity->currency.empty() && quantity->currency != kSupportedCurrency) {
    d.error(node.where, path, fmt::format("only USD amounts are supported, found '{}'", node.scalar));
    return std::nullopt;
  }
  if (quantity->value < 0 && !signed_value) {
    d.error(node.where, path, fmt::format("expected a value of zero or more, found '{}'", node.scalar));
    return std::nullopt;
  }
  return quantity;
}

std::optional<Quantity> read_quantity(const YamlNode& node, const std::string& path, const Shape& shape,
                                      Diagnostics& d) {
  if (shape.kind != ValueKind::quantity) throw std::logic_error("read_quantity: '" + path + "' is not a quantity");
  return read_quantity(node, path, shape.dimension, d, shape.signed_value);
}

std::optional<long> read_integer(const YamlNode& node, const std::string& path, long min, long max, Diagnostics& d) {
  // Counts of things (GPUs, ports, checkpoints kept) are never sampled.
  if (!expect_scalar(node, path, distribution_named(node).empty() ? "a whole number" : "a single whole number", d))
    return std::nullopt;
  const auto number = parse_number(node.scalar);
  if (!number || *number != std::floor(*number)) {
    d.error(node.where, path, fmt::format("expected a whole number, found '{}'", node.scalar));
    return std::nullopt;
  }
  // Compared as doubles first: converting 1e30 to a long is undefined.
  if (*number < static_cast<double>(min) || *number > static_cast<double>(max)) {
    d.error(node.where, path,
            min == max ? fmt::format("expected {}, found '{}'", min, node.scalar)
                       : fmt::format("expected a whole number from {} to {}, found '{}'", min, max, node.scalar));
    return std::nullopt;
  }
  return static_cast<long>(*number);
}

std::optional<bool> read_bool(const YamlNode& node, const std::string& path, Diagnostics& d) {
  if (node.is_scalar() && (node.scalar == "true" || node.scalar == "false")) return node.scalar == "true";
  d.error(node.where, path, fmt::format("expected true or false, found {}", describe(node)));
  return std::nullopt;
}

std::optional<YearMonth> read_year_month(const YamlNode& node, const std::string& path, Diagnostics& d) {
  if (!expect_scalar(node, path, "a month as YYYY-MM", d)) return std::nullopt;
  if (auto month = parse_year_month(node.scalar)) return month;
  d.error(node.where, path, fmt::format("expected a month as YYYY-MM, found '{}'", node.scalar));
  return std::nullopt;
}

std::optional<Date> read_date(const YamlNode& node, const std::string& path, Diagnostics& d) {
  if (!expect_scalar(node, path, "a date as YYYY-MM-DD", d)) return std::nullopt;
  if (auto day = parse_date(node.scalar)) return day;
  d.error(node.where, path, fmt::format("expected an existing date as YYYY-MM-DD, found '{}'", node.scalar));
  return std::nullopt;
}

std::optional<std::vector<std::string>> read_string_list(const YamlNode& node, const std::string& path,
                                                         Diagnostics& d) {
  if (node.is_scalar()) return std::vector<std::string>{node.scalar};
  if (!node.is_sequence()) {
    d.error(node.where, path, fmt::format("expected a list of names, found {}", describe(node)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    if (auto text = read_string(node.items[i], fmt::format("{}[{}]", path, i), d)) out.push_back(*text);
  }
  return out;
}

std::optional<std::string> read_text(MapReader& reader, std::string_view key) {
  const YamlNode* value = reader.get(key);
  return value ? read_string(*value, reader.path(key), reader.diagnostics()) : std::nullopt;
}

std::optional<std::string> read_enum(MapReader& reader, std::string_view key) {
  const Shape& shape = reader.shape_of(key);
  if (shape.kind != ValueKind::enumeration)
    throw std::logic_error(fmt::format("read_enum: '{}' is not declared as one of some values", reader.path(key)));
  const YamlNode* value = reader.get(key);
  return value ? read_enum(*value, reader.path(key), shape.allowed, reader.diagnostics()) : std::nullopt;
}

std::optional<long> read_integer(MapReader& reader, std::string_view key) {
  const Shape& shape = reader.shape_of(key);
  if (shape.kind != ValueKind::integer)
    throw std::logic_error(fmt::format("read_integer: '{}' is not declared as a whole number", reader.path(key)));
  const YamlNode* value = reader.get(key);
  return value ? read_integer(*value, reader.path(key), shape.min, shape.max, reader.diagnostics()) : std::nullopt;
}

std::optional<std::vector<std::string>> read_string_list(MapReader& reader, std::string_view key) {
  const YamlNode* value = reader.get(key);
  return value ? read_string_list(*value, reader.path(key), reader.diagnostics()) : std::nullopt;
}

bool read_text_field(MapReader& reader, const char* key, std::string& out) {
  const YamlNode* value = reader.get(key);
  if (value == nullptr) return !reader.required(key);
  auto text = read_string(*value, reader.path(key), reader.diagnostics());
  if (!text) return false;
  out = *text;
  return true;
}

bool read_text_field(MapReader& reader, const char* key, std::string& out, bool required) {
  const YamlNode* value = required ? reader.require(key) : reader.get(key);
  if (value == nullptr) return !required;
  auto text = read_string(*value, reader.path(key), reader.diagnostics());
  if (!text) return false;
  out = *text;
  return true;
}

std::string read_source_default(MapReader& reader, const std::string& inherited) {
  if (const YamlNode* node = reader.get("source")) {
    if (auto id = read_string(*node, reader.path("source"), reader.diagnostics())) return *id;
  }
  return inherited;
}

std::optional<Sourced> read_sourced(const YamlNode& node, const std::string& path, const Shape& shape,
                                    const std::string& inherited_source, Diagnostics& d) {
  if (shape.kind != ValueKind::quantity || shape.form != QuantityForm::or_sourced || shape.section == nullptr)
    throw std::logic_error("read_sourced: '" + path + "' is not declared as a sourced value");
  Sourced out;
  out.where = node.where;
  const YamlNode* value_node = &node;
  out.source = inherited_source;
  std::string value_path = path;
  if (node.is_mapping()) {
    const Section& mapping = *shape.section;
    const std::string& value_key = mapping.fields.front().name;
    MapReader reader(mapping, node, path, d);
    value_node = reader.get(value_key);
    out.source = read_source_default(reader, inherited_source);
    for (const auto& field : mapping.fields) {
      if (field.name != value_key && field.name != "source" && field.name != "note") reader.get(field.name);
    }
    if (const YamlNode* note = reader.get("note")) out.note = read_string(*note, reader.path("note"), d).value_or("");
    reader.finish();
    if (value_node == nullptr) return std::nullopt;
    value_path = reader.path(value_key);
    out.where = value_node->where;
  }
  auto quantity = read_quantity(*value_node, value_path, shape.dimension, d);
  if (!quantity) return std::nullopt;
  out.value = quantity->value;
  out.currency = quantity->currency;
  out.byte_base = quantity->byte_base;
  return out;
}

}  // namespace tco
