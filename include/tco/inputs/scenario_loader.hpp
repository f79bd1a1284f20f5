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

}  // namespace tco
