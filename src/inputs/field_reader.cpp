#include "tco/inputs/field_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/distribution.hpp"
#include "tco/core/suggest.hpp"

namespace tco {
namespace {

bool is_money(Dimension dimension) {
  switch (dimension) {
    case Dimension::money:
    case Dimension::money_per_hour:
    case Dimension::money_per_byte:
    case Dimension::money_per_byte_month:
    case Dimension::money_per_kwh:
    case Dimension::money_per_kw_month:
    case Dimension::money_per_year:
    case Dimension::money_per_month:
      return true;
    default:
      return false;
  }
}

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

MapReader::MapReader(const YamlNode& node, std::string path, Diagnostics& diagnostics)
    : node_(node), path_(std::move(path)), diagnostics_(diagnostics) {
  if (!node.is_mapping()) {
    valid_ = false;
    diagnostics_.error(node.where, path_, fmt::format("expected a mapping, found {}", describe(node)));
  }
}

const YamlNode* MapReader::get(std::string_view key) {
  known_.emplace_back(key);
  return valid_ ? node_.find(key) : nullptr;
}

const YamlNode* MapReader::require(std::string_view key) {
  const YamlNode* value = get(key);
  if (valid_ && value == nullptr) {
    diagnostics_.error(node_.where, path_, fmt::format("missing required key '{}'", key));
  }
  return value;
}

void MapReader::finish() {
  if (!valid_) return;
  for (const auto& entry : node_.entries) {
    if (std::find(known_.begin(), known_.end(), entry.key) != known_.end()) continue;
    std::string message = fmt::format("unknown key '{}'", entry.key);
    const std::string suggestion = did_you_mean(entry.key, known_);
    if (!suggestion.empty()) {
      message += suggestion;
    } else {
      message += "; expected one of " + quoted_list(known_);
    }
    diagnostics_.error(entry.key_where, path_, message);
  }
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
  if (!quantity->currency.empty() && quantity->currency != "USD") {
    d.error(node.where, path, fmt::format("only USD amounts are supported, found '{}'", node.scalar));
    return std::nullopt;
  }
  if (quantity->value < 0 && !signed_value) {
    d.error(node.where, path, fmt::format("expected a value of zero or more, found '{}'", node.scalar));
    return std::nullopt;
  }
  return quantity;
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

std::optional<Sourced> read_sourced(const YamlNode& node, const std::string& path, Dimension dimension,
                                    const std::string& inherited_source, Diagnostics& d,
                                    const std::vector<std::string>& extra_keys) {
  const char* value_key = is_money(dimension) ? "price" : "value";
  Sourced out;
  out.where = node.where;
  const YamlNode* value_node = &node;
  out.source = inherited_source;
  std::string value_path = path;
  if (node.is_mapping()) {
    MapReader reader(node, path, d);
    value_node = reader.require(value_key);
    out.source = read_source_default(reader, inherited_source);
    for (const auto& key : extra_keys) reader.get(key);
    if (const YamlNode* note = reader.get("note")) out.note = read_string(*note, reader.path("note"), d).value_or("");
    reader.finish();
    if (value_node == nullptr) return std::nullopt;
    value_path = reader.path(value_key);
    out.where = value_node->where;
  }
  auto quantity = read_quantity(*value_node, value_path, dimension, d);
  if (!quantity) return std::nullopt;
  out.value = quantity->value;
  out.currency = quantity->currency;
  out.byte_base = quantity->byte_base;
  return out;
}

}  // namespace tco
