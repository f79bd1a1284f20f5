// Reading Terraform plan JSON (src/inputs/terraform_plan.cpp) from strings: actions, modules
// with count, the provider region through the configuration and root variables, and the
// files that are not a plan of Terraform 1.x, each refused with its location.
#include <catch2/catch.hpp>

#include "tco/inputs/terraform_plan.hpp"

using namespace tco;

namespace {

Result<TerraformPlan> read(const std::string& text, const std::string& name = "plan.json") {
  auto in = InputStream::from_string(text, name);
  return read_terraform_plan(in);
}

std::string first_error(const Result<TerraformPlan>& plan) {
  REQUIRE_FALSE(plan);
  return format_location(plan.diagnostics().items().front());
}

std::string change(const std::string& address, const std::string& module, const std::string& type,
                   const std::string& name, const std::string& actions, const std::string& before,
                   const std::string& after) {
  return R"({"address": ")" + address + "\"," + (module.empty() ? "" : R"("module_address": ")" + module + "\",") +
         R"("mode": "managed", "type": ")" + type + R"(", "name": ")" + name +
         R"(", "provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": )" + actions +
         R"(, "before": )" + before + R"(, "after": )" + after + R"(, "after_unknown": {}}})";
}

// Two AWS provider configurations (the default from a variable, an alias in another region)
// and a module whose resource uses the default.
const std::string kConfiguration = R"("configuration": {
  "provider_config": {
    "aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}},
    "aws.west": {"name": "aws", "alias": "west", "expressions": {"region": {"constant_value": "us-west-2"}}}
  },
  "root_module": {
    "resources": [
      {"address": "aws_instance.a", "type": "aws_instance", "name": "a", "provider_config_key": "aws"},
      {"address": "aws_instance.b", "type": "aws_instance", "name": "b", "provider_config_key": "aws.west"}
    ],
    "module_calls": {"pool": {"module": {"resources": [
      {"address": "aws_instance.node", "type": "aws_instance", "name": "node", "provider_config_key": "pool:aws"}
    ]}}}
  }
})";

std::string plan(const std::string& changes, const std::string& version = "1.2") {
  return R"({"format_version": ")" + version + R"(", "terraform_version": "1.9.5",
    "variables": {"region": {"value": "us-east-1"}},
    "planned_values": {"root_module": {}}, "resource_changes": [)" +
         changes + "], " + kConfiguration + "}";
}

}  // namespace

TEST_CASE("terraform plan: each managed change with its action and its provider's region") {
  const std::string p5 = R"({"instance_type": "p5.48xlarge"})";
  const auto read_plan =
      read(plan(change("aws_instance.a", "", "aws_instance", "a", R"(["create"])", "null", p5) + "," +
                change("aws_instance.b", "", "aws_instance", "b", R"(["delete", "create"])", p5, p5) + "," +
                change("module.pool[1].aws_instance.node[0]", "module.pool[1]", "aws_instance", "node",
                       R"(["delete"])", p5, "null") +
                "," + R"({"address": "data.aws_ami.x", "mode": "data", "type": "aws_ami", "name": "x",
                          "change": {"actions": ["read"]}})"));
  REQUIRE(read_plan);
  const TerraformPlan& p = read_plan.value();
  CHECK(p.format_version == "1.2");
  CHECK(p.terraform_version == "1.9.5");
  REQUIRE(p.changes.size() == 3);  // the data source costs nothing and is not listed
  CHECK(p.changes[0].address == "aws_instance.a");
  CHECK(p.changes[0].action == PlanAction::create);
  CHECK(p.changes[0].before.is_null());
  CHECK(p.changes[0].after.text_of("instance_type") == "p5.48xlarge");
  CHECK(p.changes[0].provider_region == "us-east-1");  // var.region's value
  CHECK(p.changes[1].action == PlanAction::replace);
  CHECK(p.changes[1].provider_region == "us-west-2");  // the alias
  CHECK(p.changes[2].module_address == "module.pool[1]");
  CHECK(p.changes[2].action == PlanAction::remove);
  CHECK(p.changes[2].provider_region == "us-east-1");  // inherited by the module
  CHECK(p.changes[2].where.line > 0);
}

TEST_CASE("terraform plan: Terraform 1.x's format versions are read, others refused with the version named") {
  for (const char* version : {"0.1", "0.2", "1.0", "1.1", "1.2", "1.9"}) CHECK(read(plan("", version)));
  CHECK(first_error(read(plan("", "2.0"))) ==
        "plan.json:1:20: format_version: tco reads plans of Terraform 0.12 to 1.x (format_version 0.x or 1.x); this "
        "one is format_version \"2.0\"");
  CHECK(first_error(read(plan("", "1.x"))).find("this one is format_version \"1.x\"") != std::string::npos);
}

TEST_CASE("terraform plan: a state, text, a truncated file or a bad change is refused with its location") {
  CHECK(first_error(read(R"({"format_version": "1.0", "terraform_version": "1.9.5", "values": {"root_module": {}}})",
                         "state.json")) ==
        "state.json:1:1: this is not a Terraform plan: it is a Terraform state, not a plan; save one with "
        "`terraform plan -out=PLAN` and give the output of `terraform show -json PLAN`");
  // `terraform show -json` with no plan file in an empty workspace.
  CHECK(first_error(read(R"({"format_version":"1.0"})", "state.json")) ==
        "state.json:1:1: this is not a Terraform plan: it is an empty Terraform state ('format_version' alone), not "
        "a plan; save one with `terraform plan -out=PLAN` and give the output of `terraform show -json PLAN`");
  CHECK(first_error(read("\nTerraform used the selected providers to generate the following execution\n", "plan.txt"))
            .find("tco reads the JSON of `terraform show -json PLAN`, not `terraform plan`'s text") !=
        std::string::npos);
  const std::string whole = plan(change("aws_instance.a", "", "aws_instance", "a", R"(["create"])", "null", "{}"));
  CHECK(first_error(read(whole.substr(0, whole.size() / 2))).find("truncated") != std::string::npos);
  CHECK(first_error(read(plan(change("aws_instance.a", "", "aws_instance", "a", R"(["explode"])", "null", "{}")))) ==
        "plan.json:3:228: resource_changes[0].change.actions: expected one of [\"create\"], [\"update\"], "
        "[\"no-op\"], [\"delete\"], [\"read\"], [\"forget\"], [\"delete\", \"create\"] or [\"create\", \"delete\"]; "
        "found [explode]");
  // Every error of a change at once.
  const auto bare = read(R"({"format_version": "1.2", "resource_changes": [{"type": "aws_instance"}]})");
  REQUIRE_FALSE(bare);
  std::vector<std::string> errors;
  for (const auto& d : bare.diagnostics().items()) errors.push_back(format_location(d));
  CHECK(errors == std::vector<std::string>{
                      "plan.json:1:48: resource_changes[0].address: expected a string; found none",
                      "plan.json:1:48: resource_changes[0].name: expected a string; found none",
                      "plan.json:1:48: resource_changes[0].change: expected the change, an object with 'actions'"});
  CHECK(first_error(read("[]")) == "plan.json:1:1: expected the JSON object `terraform show -json PLAN` writes, "
                                   "found an array");
}

TEST_CASE("terraform plan: Terraform's JSON is told from a scenario or a saved result before it is read") {
  CHECK(looks_like_terraform_plan(plan("")));
  CHECK(looks_like_terraform_plan(R"({"format_version": "1.0", "terraform_version": "1.9.5", "values": {}})"));
  // The empty state has no terraform_version: format_version as the first key tells it.
  CHECK(looks_like_terraform_plan(R"({"format_version":"1.0"})"));
  CHECK(looks_like_terraform_plan("\n  {\n  \"format_version\": \"1.0\"\n}\n"));
  CHECK(looks_like_terraform_plan("[command]/usr/bin/terraform show -json\n{\"format_version\":\"1.0\"}\n"));
  // A JSON scenario, a saved result or YAML: not Terraform's, even naming the key elsewhere.
  CHECK_FALSE(looks_like_terraform_plan(R"({"schema_version": 2, "name": "format_version", "sites": {}})"));
  CHECK_FALSE(looks_like_terraform_plan(R"({"schema": "tco.compare/1", "format_version": "1.0"})"));
  CHECK_FALSE(looks_like_terraform_plan(R"({"name": "t", "description": "\"format_version\" first"})"));
  CHECK_FALSE(looks_like_terraform_plan("format_version: '1.0'\nname: t\n"));
  CHECK_FALSE(looks_like_terraform_plan("{}"));
  CHECK_FALSE(looks_like_terraform_plan("{"));
  CHECK_FALSE(looks_like_terraform_plan(""));
}

TEST_CASE("terraform plan: an address listed twice is refused (a fuzz finding)") {
  const std::string p5 = R"({"instance_type": "p5.48xlarge"})";
  const auto twice = read(plan(change("aws_instance.a", "", "aws_instance", "a", R"(["create"])", "null", p5) + ",\n" +
                               change("aws_instance.a", "", "aws_instance", "a", R"(["create"])", "null", p5)));
  CHECK(first_error(twice).find("resource_changes[1].address: 'aws_instance.a' is listed twice (first at line 3)") !=
        std::string::npos);
}
