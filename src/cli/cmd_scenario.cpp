// tco scenario from-terraform PLAN [--usage FILE] [-o FILE]: a Terraform plan, with its usage
// file, written as the scenario compare and diff price for it (tco(1), TERRAFORM), to read,
// edit and keep.
#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/terraform_plan.hpp"

namespace tco::cli {
namespace {

class ScenarioCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.require_subcommand(1);
    from_terraform_ =
        app.add_subcommand("from-terraform", "Write a Terraform plan (terraform show -json PLAN) as a scenario");
    from_terraform_->add_option("plan", plan_, "The plan's JSON, from terraform show -json PLAN; '-' reads standard input")
        ->required()
        ->type_name("PLAN");
    from_terraform_->add_option("--usage", usage_, "What the plan cannot know (tco-scenario(5), USAGE FILE)")
        ->type_name("FILE");
    from_terraform_->add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    pricing_.add_to(*from_terraform_);
    app.footer(
        "Each GPU resource becomes a workload on the instance type the plan names, at a cloud site per\n"
        "provider, region and pricing model, in the strategy 'planned'; each bucket a dataset sized by the\n"
        "usage file; with 'owned' in the usage file, a strategy running the same GPUs on that hardware.\n"
        "Resources not priced are listed as warnings, with the reason, and as comments at the end.\n\n"
        "Examples:\n"
        "  terraform show -json plan.out > plan.json\n"
        "  tco scenario from-terraform plan.json --usage tco-usage.yml -o scenario.yaml\n"
        "  tco compare plan.json --usage tco-usage.yml            # the same scenario, priced");
  }

  int run(Console& console) override {
    auto text = read_text_file(plan_, console.in());
    console.report(text.diagnostics());
    if (!text) return kExitInvalidInput;
    if (!looks_like_terraform_plan(text.value())) {
      Diagnostics d;
      d.error({plan_, 1, 1}, "",
              "expected the JSON of `terraform show -json PLAN`, which starts with 'format_version' and "
              "'terraform_version'; this is not it");
      console.report(d);
      return kExitInvalidInput;
    }
    const auto yaml = terraform_scenario_yaml(plan_, text.value(), usage_, pricing_, console);
    if (!yaml) return console.failure_status();
    return write_output(console, *yaml, output_) ? kExitOk : kExitInvalidInput;
  }

 private:
  CLI::App* from_terraform_ = nullptr;
  std::string plan_;
  std::string usage_;
  std::string output_;
  PricingOptions pricing_;
};

}  // namespace

std::unique_ptr<Command> make_scenario_command() { return std::make_unique<ScenarioCommand>(); }

}  // namespace tco::cli
