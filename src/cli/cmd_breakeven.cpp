// tco breakeven SCENARIO: break-even months and dates, the break-even utilization, the
// break-even month by utilization level, unit costs, and the cumulative curves.
#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/report/breakeven_report.hpp"
#include "utilization_levels.hpp"

namespace tco::cli {
namespace {

class BreakevenCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("--baseline", baseline_, "Measure break-even against this strategy (default: the scenario's)")
        ->type_name("STRATEGY");
    add_format_option(app, format_, breakeven_renderers().formats());
    app.add_option("--utilization", levels_,
                   "Levels of the break-even-by-utilization table, as FROM:TO:STEP (default 30%:100%:10%)")
        ->type_name("RANGE");
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    terminal_.add_to(app);
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "Utilization is the share of every hour the workloads hold their GPUs. The break-even\n"
        "utilization is where a strategy's total over the horizon equals the baseline's.\n\n"
        "Examples:\n"
        "  tco breakeven scenarios/research-team.yaml\n"
        "  tco breakeven scenarios/llm-70b.yaml --baseline on-prem --utilization 50%:100%:5%\n"
        "  tco breakeven scenarios/research-team.yaml --format json -o breakeven.json\n"
        "  tco breakeven scenarios/research-team.yaml --format html -o report.html   # as tco report");
  }

  int run(Console& console) override {
    const auto levels = parse_utilization_levels(levels_);
    if (!levels) {
      console.error(utilization_levels_error(levels_));
      return kExitInvalidInput;
    }
    ScenarioRunOptions options{pricing_, horizon_, {}, baseline_, false};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    const auto report = breakeven_report(*run, *levels, console, format_ == "html");
    if (!report) return kExitInvalidInput;
    const bool to_file = !output_.empty() && output_ != "-";
    RenderOptions layout;
    layout.columns = terminal_.columns(console, to_file);
    layout.color = terminal_.colored(console, to_file);
    return print_report(console, breakeven_renderers(), format_, *report, layout, output_);
  }

 private:
  std::string file_;
  std::string baseline_;
  std::string format_;
  std::string levels_ = kDefaultUtilizationLevels;
  std::string horizon_;
  std::string output_;
  TerminalOptions terminal_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_breakeven_command() { return std::make_unique<BreakevenCommand>(); }

}  // namespace tco::cli
