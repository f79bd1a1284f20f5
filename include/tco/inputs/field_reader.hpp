#pragma once
// Field-by-field validation of YAML mappings, in the style of vcpkg's JSON readers: each
// reader knows its key path, reports "expected ..., found ..." at the node's location, and
// rejects unknown keys with a suggestion. Readers never stop at the first error.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tco/core/calendar.hpp"
#include "tco/core/diagnostic.hpp"
#include "tco/core/quantity.hpp"
#include "tco/inputs/sourced.hpp"
#include "tco/inputs/yaml_tree.hpp"

namespace tco {

std::string join_path(const std::string& parent, std::string_view key);

class MapReader {
 public:
  // Reports an error (and reads nothing) when `node` is not a mapping.
  MapReader(const YamlNode& node, std::string path, Diagnostics& diagnostics);

  [[nodiscard]] bool valid() const { return valid_; }
  // The value of an optional key (nullptr when absent). Marks the key as known.
  const YamlNode* get(std::string_view key);
  // The value of a required key; reports "missing required key" when absent.
  const YamlNode* require(std::string_view key);
  [[nodiscard]] std::string path(std::string_view key) const { return join_path(path_, key); }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const YamlNode& node() const { return node_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  // Reports every key that no get()/require() asked for, with "did you mean".
  void finish();

 private:
  const YamlNode& node_;
  std::string path_;
  Diagnostics& diagnostics_;
  bool valid_ = true;
  std::vector<std::string> known_;
};

// The kind a mapping written as a distribution names ("range", "normal", ...), else "": for
// "found a range distribution" where only a single value is allowed.
std::string distribution_named(const YamlNode& node);

std::optional<std::string> read_string(const YamlNode& node, const std::string& path, Diagnostics& d);
// One of `allowed`; the error lists them all and suggests the closest.
std::optional<std::string> read_enum(const YamlNode& node, const std::string& path,
                                     const std::vector<std::string>& allowed, Diagnostics& d);
// A quantity of the dimension; negative values are rejected unless `signed_value`.
std::optional<Quantity> read_quantity(const YamlNode& node, const std::string& path, Dimension dimension,
                                      Diagnostics& d, bool signed_value = false);
std::optional<long> read_integer(const YamlNode& node, const std::string& path, long min, long max, Diagnostics& d);
std::optional<bool> read_bool(const YamlNode& node, const std::string& path, Diagnostics& d);
std::optional<YearMonth> read_year_month(const YamlNode& node, const std::string& path, Diagnostics& d);
std::optional<Date> read_date(const YamlNode& node, const std::string& path, Diagnostics& d);
// A list of strings, or a single string taken as a one-element list.
std::optional<std::vector<std::string>> read_string_list(const YamlNode& node, const std::string& path, Diagnostics& d);

// A value that is either a bare quantity, taking `inherited_source`, or a mapping
// {<value_key>: QUANTITY, source: ID, note: TEXT}. `value_key` is "price" for money
// and "value" for everything else.
// `extra_keys` are further keys the caller reads from the same mapping itself.
std::optional<Sourced> read_sourced(const YamlNode& node, const std::string& path, Dimension dimension,
                                    const std::string& inherited_source, Diagnostics& d,
                                    const std::vector<std::string>& extra_keys = {});

// Reads the text of `key` into `out`. Returns false when the value is not text, or when a
// required key is missing (both reported); an absent optional key leaves `out` alone.
bool read_text_field(MapReader& reader, const char* key, std::string& out, bool required);

// Reads an optional `source:` key of a mapping, or returns `inherited`.
std::string read_source_default(MapReader& reader, const std::string& inherited);

}  // namespace tco
