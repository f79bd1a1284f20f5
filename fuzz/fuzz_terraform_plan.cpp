// libFuzzer harness: a Terraform plan (terraform show -json) read, turned into the scenario
// `tco scenario from-terraform` writes with a fixed usage file and the bundled sheets, and that
// scenario loaded back. Properties: the reader's Result promises; every change has an address,
// a type and an action; every resource of a plan that reads is priced or listed as not priced;
// the scenario written for a plan always loads (tco never writes a scenario it refuses).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_catalog.hpp"
#include "fuzz_check.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/inputs/terraform_plan.hpp"
#include "tco/inputs/terraform_scenario.hpp"
#include "tco/report/terraform_scenario_yaml.hpp"

namespace {

constexpr const char* kHarness = "fuzz_terraform_plan";
std::unique_ptr<tco::PriceCatalog> bundled;
const char* kUsage = R"(schema_version: 1
start: 2027-01
horizon: 12 months
spot: {restart: 0.5 h}
owned: {hardware: dgx-h100, staff: 1, maintenance: 8 %}
)";

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  bundled = tco::fuzz::load_bundled_catalog();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto in = tco::InputStream::from_string(std::string(reinterpret_cast<const char*>(data), size), "plan.json");
  const auto plan = tco::read_terraform_plan(in);
  tco::fuzz::check_result(kHarness, plan);
  if (!plan) return 0;
  std::size_t managed = 0;
  for (const auto& change : plan->changes) {
    TCO_FUZZ_CHECK(kHarness, !change.address.empty() && !change.type.empty(), "a change without address or type");
    managed += change.action == tco::PlanAction::remove || change.action == tco::PlanAction::read ? 0 : 1;
  }
  auto usage = tco::load_terraform_usage(kUsage, "usage.yml");
  TCO_FUZZ_CHECK(kHarness, usage.ok(), "the harness's usage file does not load");
  const auto parts = tco::terraform_scenario(plan.value(), usage.value(), *bundled, date::year{2027} / 1);
  tco::fuzz::check_result(kHarness, parts);
  if (!parts) return 0;
  // Every resource once: a workload, a dataset, a reservation, one of an interconnect's ports
  // (several resources may share a site's), or listed; a listed flow is not a resource.
  std::size_t accounted = parts->workloads.size() + parts->buckets.size() + parts->reservations.size();
  for (const auto& link : parts->interconnects) accounted += link.addresses.size();
  for (const auto& listed : parts->unpriced) accounted += listed.type == "flow" ? 0 : 1;
  TCO_FUZZ_CHECK(kHarness, accounted == managed, "a resource neither priced nor listed as not priced");
  const std::string yaml = tco::render_terraform_scenario_yaml(parts.value());
  const auto scenario = tco::load_scenario(yaml, "scenario.yaml");
  if (!scenario) {
    for (const auto& d : scenario.diagnostics().items()) std::fprintf(stderr, "%s\n", tco::format_location(d).c_str());
    tco::fuzz::violated(kHarness, "the scenario written for a plan does not load:\n" + yaml);
  }
  return 0;
}
