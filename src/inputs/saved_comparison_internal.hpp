#pragma once
// Shared by saved_comparison.cpp (the document and its scenario) and
// saved_comparison_strategies.cpp (strategies and price sheets). Not a public header.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/saved_comparison.hpp"
#include "tco/inputs/yaml_tree.hpp"

namespace tco::saved_detail {

// What the scenario section says about the months; the strategies are checked against it.
// `months` is 0 and `labels` empty when the section did not say it validly, so that one bad
// `scenario.months` is reported once and not again for every strategy.
struct Horizon {
  int months = 0;
  std::vector<std::string> labels;  // YYYY-MM of each month
};

// What scenario.baseline names, and where, for the check that it is the strategy marked
// `baseline: true`. `node` is nullptr when it was missing or not text.
struct BaselineName {
  std::string name;
  const YamlNode* node = nullptr;
};

// A JSON number as nlohmann/json writes it: finite, no unit. null is "found null" (JSON's
// word), not the YAML "found nothing".
std::optional<double> read_number(const YamlNode& node, const std::string& path, Diagnostics& d);
// `key` of `reader`, required, read as a number into `out`. False when missing or invalid.
bool read_number_field(MapReader& reader, const char* key, double& out);
// What a node is, in JSON's words, for "expected X, found Y".
std::string found(const YamlNode& node);

void read_strategies(const YamlNode& node, const Horizon& horizon, const BaselineName& baseline,
                     std::vector<SavedStrategy>& out, Diagnostics& d);
void read_sheets(const YamlNode& node, std::vector<SavedSheet>& out, Diagnostics& d);

}  // namespace tco::saved_detail
