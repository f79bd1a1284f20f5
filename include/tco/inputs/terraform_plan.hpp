#pragma once
// A Terraform plan as `terraform show -json PLANFILE` writes it (HashiCorp's "JSON Output
// Format": format_version, resource_changes with change.actions, before, after and
// after_unknown, configuration with the provider configurations): the resources a plan
// creates, keeps, replaces or deletes, each with the region its provider configuration names.
// What a resource costs is decided above this layer; this is only the reading, checked and
// located.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/input_stream.hpp"
#include "tco/inputs/json_value.hpp"

namespace tco {

enum class PlanAction { create, update, no_op, remove, replace, read };

struct TerraformResourceChange {
  std::string address;         // "module.pool[0].aws_instance.node[1]"
  std::string module_address;  // "module.pool[0]"; empty at the root
  std::string type;            // "aws_instance"
  std::string name;            // "node"
  std::string provider_name;   // "registry.terraform.io/hashicorp/aws"
  PlanAction action = PlanAction::no_op;
  JsonValue before;         // null when created
  JsonValue after;          // null when deleted
  JsonValue after_unknown;  // values known only after apply: true at their place
  // The region of the resource's provider configuration, when the configuration states it
  // (a constant, or a root variable's value); the resource's own region or zone, if any, is
  // in `after`/`before`.
  std::optional<std::string> provider_region;
  // What its configuration's expressions refer to ("aws_launch_template.gpu.id"), relative to
  // its module: how an autoscaling group finds the launch template it uses.
  std::vector<std::string> references;
  SourceLocation where;
};

struct TerraformPlan {
  std::string file;
  std::string format_version;
  std::string terraform_version;
  std::vector<TerraformResourceChange> changes;  // managed resources, in the plan's order
};

// "create", "update", "no-op", "delete", "replace", "read".
std::string to_string(PlanAction action);

// Whether a file's text is the JSON of `terraform show -json` (a plan, or a state given by
// mistake, which the reader then refuses by name) rather than a scenario or a saved result.
bool looks_like_terraform_plan(std::string_view text);
// How hashicorp/setup-terraform's wrapper starts what it captures ("[command]…terraform show").
inline constexpr std::string_view kTerraformWrapperLine = "[command]";

// Reads `in` as a plan. Not JSON, a state file instead of a plan, a format_version other than
// 0.x and 1.x (Terraform 0.12 to 1.x), or a resource change missing what the format promises is an
// error located in the file.
Result<TerraformPlan> read_terraform_plan(InputStream& in);

}  // namespace tco
