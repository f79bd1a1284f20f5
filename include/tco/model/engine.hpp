#pragma once
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/model/results.hpp"

namespace tco {

struct ModelOptions {
  std::optional<Date> as_of;            // overrides the scenario's
  std::optional<int> horizon_months;    // overrides the scenario's
  std::vector<std::string> strategies;  // only these (the baseline is always computed)
};

// Runs every strategy of the scenario month by month. A price the scenario needs but no
// sheet has is an error naming the sheet and region it was looked for in — never zero.
Result<ModelResult> run_model(const Scenario& scenario, const PriceCatalog& catalog, const ModelOptions& options);

}  // namespace tco
