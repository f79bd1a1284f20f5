// tco validate FILE...: checks scenarios and price sheets without printing a report.

#include <fmt/format.h>

#include "command.hpp"
#include "scenario_run.hpp"
#include "tco/cli/app.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/inputs/yaml_tree.hpp"

namespace tco::cli {
namespace {

class ValidateCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("files", files_, "Scenario or price-sheet files (YAML)")->required()->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "A file with a top-level 'provider' key is checked as a price sheet (tco-prices(5)); any other as a\n"
        "scenario (tco-scenario(5)), including that every price it needs exists in the sheets.\n\n"
        "Examples:\n"
        "  tco validate scenarios/llm-70b.yaml\n"
        "  tco validate pricing-data/*/*.yaml");
  }

  int run(Console& console) override {
    bool ok = true;
    for (const auto& file : files_) ok = validate(file, console) && ok;
    return ok ? kExitOk : kExitInvalidInput;
  }

 private:
  bool validate(const std::string& file, Console& console) const {
    auto text = read_text_file(file, console.in());
    if (!text) {
      console.report(text.diagnostics());
      return false;
    }
    auto tree = parse_yaml(text.value(), file);
    if (tree && tree->is_mapping() && tree->find("provider") != nullptr) {
      auto sheet = load_price_sheet(text.value(), file);
      console.report(sheet.diagnostics());
      if (!sheet) return false;
      std::size_t offers = 0;
      for (const auto& [id, region] : sheet->regions) offers += region.gpu_offers.size();
      return console.write(
          fmt::format("{}: ok (price sheet {}: {} regions, {} GPU offers, {} hardware SKUs, {} "
                      "sources)\n",
                      file, sheet->id(), sheet->regions.size(), offers, sheet->hardware.size(), sheet->sources.size()));
    }
    ScenarioRunOptions options{pricing_, "", {}, "", false};
    options.usage = usage_.file;
    auto run = run_scenario_text(file, text.value(), options, console);
    if (!run) return false;
    const Scenario& scenario = *run->scenario;
    console.report(schema_upgrade_notes(scenario));
    return console.write(
        fmt::format("{}: ok (scenario {}: {} sites, {} workloads, {} datasets, {} flows, {} "
                    "strategies)\n",
                    file, scenario.name, scenario.sites.size(), scenario.workloads.size(), scenario.datasets.size(),
                    scenario.flows.size(), scenario.strategies.size()));
  }

  std::vector<std::string> files_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace tco::cli
