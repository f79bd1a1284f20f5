#pragma once
#include <string>
#include <string_view>

#include "tco/core/result.hpp"
#include "tco/inputs/scenario.hpp"

namespace tco {

// Loads a scenario from its text; `file` names it in diagnostics. Checks the format and
// every reference between sections (sites, workloads, datasets, strategies); prices are
// resolved later, against a catalog, by the model.
Result<Scenario> load_scenario(std::string_view text, const std::string& file);

// How to write a schema-1 scenario in the current schema with the same figures, as notes
// (`tco validate` prints them); none for a current file. tco-scenario(5), SCHEMA VERSIONS.
Diagnostics schema_upgrade_notes(const Scenario& scenario);

}  // namespace tco
