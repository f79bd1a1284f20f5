#pragma once
// A Terraform plan's scenario written as tco-scenario(5) YAML: what `tco scenario
// from-terraform` prints, and what compare and diff load and price for a plan, so the figures
// of a plan are those of the scenario a user can read and edit.
#include <string>

#include "tco/inputs/terraform_scenario.hpp"

namespace tco {

std::string render_terraform_scenario_yaml(const TerraformScenario& scenario);

}  // namespace tco
