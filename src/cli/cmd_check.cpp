// tco check SCENARIO: the scenario's budgets against its figures; exit 1 when any is breached.
#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/gates.hpp"

namespace tco::cli {
namespace {

class CheckCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML) with budgets; '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    add_format_option(app, format_, check_renderers().formats());
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "Budgets are declared in the scenario (tco-scenario(5), BUDGETS): a limit over the horizon or per\n"
        "month, for a strategy or all of them, for the total or one component.\n"
        "Exit status: 0 when every budget holds, 1 when any is breached, 2 for invalid input.\n\n"
        "Examples:\n"
        "  tco check scenarios/llm-70b.yaml\n"
        "  tco check scenarios/llm-70b.yaml --format markdown -o budgets.md");
  }

  int run(Console& console) override {
    ScenarioRunOptions options{pricing_, horizon_, {}, "", false};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    const auto report = make_check_report(make_comparison_report(run->model), run->scenario->budgets);
    const int status = print_report(console, check_renderers(), format_, report, {}, output_);
    if (status != kExitOk) return status;
    return report.passed() ? kExitOk : kExitGateBreached;
  }

 private:
  std::string file_;
  std::string format_;
  std::string horizon_;
  std::string output_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace tco::cli
