#pragma once
// Shared by the scenario loader's translation units; not a public header.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/scenario.hpp"

namespace tco::scenario_detail {

// A value the scenario states itself: its source is the scenario line.
std::optional<Sourced> stated(MapReader& reader, const char* key, Dimension dimension, bool required);
// Reports a share (maintenance a year, residual value) above 100 % of the purchase price.
void at_most_whole(const std::optional<Sourced>& share, const std::string& path, const char* what, Diagnostics& d);
// Like stated(), with a default used when the key is absent (recorded at the mapping).
Sourced stated_or(MapReader& reader, const char* key, Dimension dimension, double fallback);

void read_sites(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_workloads(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_datasets(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_flows(const YamlNode& node, Scenario& scenario, Diagnostics& d);
// After the strategies: a budget names one.
void read_budgets(const YamlNode& node, Scenario& scenario, Diagnostics& d);

template <typename T>
std::vector<std::string> names_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.name);
  return out;
}

// "unknown workload 'sreve', did you mean 'serve'?; workloads are 'serve' or 'train'" for a
// name not among `defined`: what is defined is always named, or said to be nothing.
template <typename T>
std::string unknown(const std::string& what, const std::string& name, const std::vector<T>& defined) {
  const std::string plural = what.back() == 'y' ? what.substr(0, what.size() - 1) + "ies" : what + "s";
  const auto names = names_of(defined);
  return fmt::format("unknown {} '{}'{}; {}", what, name, did_you_mean(name, names),
                     names.empty() ? "no " + plural + " are defined" : plural + " are " + quoted_list(names));
}

}  // namespace tco::scenario_detail
