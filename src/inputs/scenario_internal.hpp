#pragma once
// Shared by the scenario loader's translation units; not a public header.
#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/scenario.hpp"

namespace tco::scenario_detail {

// A value the scenario states itself: its source is the scenario line.
std::optional<Sourced> stated(MapReader& reader, const char* key, Dimension dimension, bool required);
// Like stated(), with a default used when the key is absent (recorded at the mapping).
Sourced stated_or(MapReader& reader, const char* key, Dimension dimension, double fallback);

void read_sites(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_workloads(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_datasets(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_flows(const YamlNode& node, Scenario& scenario, Diagnostics& d);

}  // namespace tco::scenario_detail
