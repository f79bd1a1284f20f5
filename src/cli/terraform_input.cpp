// A Terraform plan where a scenario is expected: read it, with its usage file, as the scenario
// `tco scenario from-terraform` writes (tco(1), TERRAFORM). Every resource not priced is a
// warning at its place in the plan, with the reason.
#include <chrono>

#include <fmt/format.h>

#include "scenario_run.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/terraform_plan.hpp"
#include "tco/inputs/terraform_scenario.hpp"
#include "tco/report/terraform_scenario_yaml.hpp"

namespace tco::cli {
namespace {

YearMonth this_month() {
  const auto today = date::year_month_day(date::floor<date::days>(std::chrono::system_clock::now()));
  return today.year() / today.month();
}

}  // namespace

std::optional<std::string> terraform_scenario_yaml(const std::string& file, const std::string& text,
                                                   const std::string& usage_file, const PricingOptions& pricing,
                                                   DiagnosticSink& sink, const std::vector<std::string>& also_known) {
  if (text.find_first_not_of(" \t\r\n") != std::string::npos &&
      std::string_view(text).substr(text.find_first_not_of(" \t\r\n")).starts_with(kTerraformWrapperLine)) {
    Diagnostics d;
    d.error({file, 1, 1}, "",
            "this is terraform's output captured through hashicorp/setup-terraform's wrapper ('[command]' and "
            "'::set-output' lines around the JSON); set 'terraform_wrapper: false' in the setup-terraform step");
    sink.report(d);
    return std::nullopt;
  }
  auto in = InputStream::from_string(text, file);
  auto plan = read_terraform_plan(in);
  sink.report(plan.diagnostics());
  if (!plan) return std::nullopt;
  TerraformUsage usage;
  if (!usage_file.empty()) {
    auto usage_text = read_text_file(usage_file);
    sink.report(usage_text.diagnostics());
    if (!usage_text) return std::nullopt;
    auto read = load_terraform_usage(usage_text.value(), usage_file);
    sink.report(read.diagnostics());
    if (!read) return std::nullopt;
    usage = std::move(read).value();
  }
  auto catalog = load_catalog(pricing, sink);
  if (!catalog) return std::nullopt;
  auto scenario = terraform_scenario(plan.value(), std::move(usage), *catalog, this_month(), also_known);
  sink.report(scenario.diagnostics());
  if (!scenario) return std::nullopt;
  Diagnostics notes;
  for (const auto& resource : scenario->unpriced) {
    notes.warning(resource.where, resource.address, "not priced: " + resource.reason);
  }
  sink.report(notes);
  return render_terraform_scenario_yaml(scenario.value());
}

std::optional<std::vector<std::string>> terraform_plan_addresses(const std::string& file, const std::string& text) {
  std::vector<std::string> out;
  if (!looks_like_terraform_plan(text)) return std::nullopt;
  auto in = InputStream::from_string(text, file);
  const auto plan = read_terraform_plan(in);
  if (!plan) return std::nullopt;
  for (const auto& change : plan->changes) out.push_back(change.address);
  return out;
}

}  // namespace tco::cli
