#pragma once
// Field-by-field validation of YAML mappings, in the style of vcpkg's JSON readers: each
// reader knows its key path and its declared section (input_format.hpp), reports "expected
// ..., found ..." at the node's location, and rejects unknown keys with a suggestion. Readers
// never stop at the first error.
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tco/core/calendar.hpp"
#include "tco/core/diagnostic.hpp"
#include "tco/core/quantity.hpp"
#include "tco/inputs/input_format.hpp"
#include "tco/inputs/sourced.hpp"
#include "tco/inputs/yaml_tree.hpp"

namespace tco {

std::string join_path(const std::string& parent, std::string_view key);

// Reads one mapping. For a declared section (input_format.hpp) the declaration decides which
// keys exist, which are required and in what order "expected one of" lists them; asking for a
// key the section does not declare is a programming error (std::logic_error). Results saved by
// `tco compare --format json` are read undeclared: a key is known once the reader asks for it.
class MapReader {
 public:
  // Reports an error (and reads nothing) when `node` is not a mapping.
  MapReader(const Section& section, const YamlNode& node, std::string path, Diagnostics& diagnostics);
  static MapReader undeclared(const YamlNode& node, std::string path, Diagnostics& diagnostics);

  [[nodiscard]] bool valid() const { return valid_; }
  // The value of a key (nullptr when absent). Declared: reports a required key that is missing;
  // in a map of user-named entries, any key the section does not declare is an entry.
  // Undeclared: marks the key as known.
  const YamlNode* get(std::string_view key);
  // Undeclared only: the value of a required key; reports "missing required key" when absent.
  const YamlNode* require(std::string_view key);
  // In a section with variants, which one this mapping is (a site's kind, a distribution's
  // kind): its keys become known. Before a choice, only the keys common to all variants are.
  void choose(std::string_view variant);
  // The declared shape of a key's value (an entry's, for a key the section does not declare).
  [[nodiscard]] const Shape& shape_of(std::string_view key) const;
  // Whether the section declares the key required (always, not only with another key).
  [[nodiscard]] bool required(std::string_view key) const;
  // Reports a missing key whose need the reader checks itself (Need::unless_others), as declared.
  void report_missing(std::string_view key);
  [[nodiscard]] std::string path(std::string_view key) const { return join_path(path_, key); }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const YamlNode& node() const { return node_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  // Reports every key that is not known, with "did you mean" or the list of known keys.
  void finish();

 private:
  MapReader(const Section* section, const YamlNode& node, std::string path, Diagnostics& diagnostics);
  [[nodiscard]] const Field* declared(std::string_view key) const;
  [[nodiscard]] std::vector<std::string> known() const;

  const Section* section_;  // nullptr: undeclared
  std::string variant_;
  const YamlNode& node_;
  std::string path_;
  Diagnostics& diagnostics_;
  bool valid_ = true;
  std::vector<std::string> asked_;  // undeclared: the keys asked for, in order
};

// Test support: every declared field a reader asked for, so a test can check that no
// declaration lists a key no reader reads. Recording is off unless a test installs a log.
class FieldUseLog {
 public:
  void add(const Section& section, std::string_view field);
  [[nodiscard]] bool has(const Section& section, std::string_view field) const;
  // Every section a reader was built for, each once.
  [[nodiscard]] std::vector<const Section*> sections() const;

 private:
  mutable std::mutex mutex_;
  std::set<std::pair<const Section*, std::string>> uses_;
  std::vector<const Section*> sections_;
};
// Installs `log` (nullptr: stop recording). The caller keeps it alive while it is installed.
void set_field_use_log(FieldUseLog* log);

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
// A quantity as the shape declares it (its dimension, whether it may be negative).
std::optional<Quantity> read_quantity(const YamlNode& node, const std::string& path, const Shape& shape,
                                      Diagnostics& d);
std::optional<long> read_integer(const YamlNode& node, const std::string& path, long min, long max, Diagnostics& d);
std::optional<bool> read_bool(const YamlNode& node, const std::string& path, Diagnostics& d);
std::optional<YearMonth> read_year_month(const YamlNode& node, const std::string& path, Diagnostics& d);
std::optional<Date> read_date(const YamlNode& node, const std::string& path, Diagnostics& d);
// A list of strings, or a single string taken as a one-element list.
std::optional<std::vector<std::string>> read_string_list(const YamlNode& node, const std::string& path, Diagnostics& d);

// A value that is either a bare quantity, taking `inherited_source`, or a mapping
// {<value_key>: QUANTITY, source: ID, note: TEXT}: the mapping `shape.section` declares, its
// value's key ("price" for money, "value" for everything else) first. Further keys it declares
// (an inter-zone price's both_directions) are the caller's to read from the same mapping.
std::optional<Sourced> read_sourced(const YamlNode& node, const std::string& path, const Shape& shape,
                                    const std::string& inherited_source, Diagnostics& d);

// The declared key's value read as its shape declares it: nothing when the key is absent or
// its value is invalid (reported, as is a required key that is missing).
std::optional<std::string> read_text(MapReader& reader, std::string_view key);
std::optional<std::string> read_enum(MapReader& reader, std::string_view key);
std::optional<long> read_integer(MapReader& reader, std::string_view key);
std::optional<std::vector<std::string>> read_string_list(MapReader& reader, std::string_view key);

// Reads the text of `key` into `out`. Returns false when the value is not text, or when a
// required key is missing (both reported); an absent optional key leaves `out` alone.
// Declared readers: the declaration says whether the key is required.
bool read_text_field(MapReader& reader, const char* key, std::string& out);
// Undeclared readers.
bool read_text_field(MapReader& reader, const char* key, std::string& out, bool required);

// Reads an optional `source:` key of a mapping, or returns `inherited`.
std::string read_source_default(MapReader& reader, const std::string& inherited);

}  // namespace tco
