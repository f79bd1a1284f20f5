// tco report SCENARIO: the break-even analysis as one self-contained HTML page (tables,
// charts, assumptions and price sheets) to open in a browser, print or send as a file.
#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/report/breakeven_report.hpp"
#include "utilization_levels.hpp"

namespace tco::cli {
namespace {

class ReportCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("-o,--output", output_, "Write the page to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    app.add_option("--baseline", baseline_, "Measure break-even against this strategy (default: the scenario's)")
        ->type_name("STRATEGY");
    app.add_option("--strategy", strategies_, "Only this strategy (repeatable); the baseline is always shown")
        ->type_name("NAME");
    app.add_option("--utilization", levels_,
                   "Levels of the utilization sensitivity, as FROM:TO:STEP (default 30%:100%:10%)")
        ->type_name("RANGE");
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "The page has no scripts and loads nothing: charts are inline SVG, and it prints to A4.\n"
        "The same inputs give the same bytes, so a report can be kept under version control.\n\n"
        "Examples:\n"
        "  tco report scenarios/research-team.yaml -o report.html\n"
        "  tco report scenarios/llm-70b.yaml --baseline on-prem --utilization 50%:100%:5% > llm.html\n"
        "  tco report scenarios/llm-70b.yaml --as-of 2026-01-01 --pricing-dir ./my-prices -o llm.html");
  }

  int run(Console& console) override {
    const auto levels = parse_utilization_levels(levels_);
    if (!levels) {
      console.error(utilization_levels_error(levels_));
      return kExitInvalidInput;
    }
    ScenarioRunOptions options{pricing_, horizon_, strategies_, baseline_, false};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    const auto report = breakeven_report(*run, *levels, console, true);
    if (!report) return kExitInvalidInput;
    return print_report(console, breakeven_renderers(), "html", *report, {}, output_);
  }

 private:
  std::string file_;
  std::string output_;
  std::string baseline_;
  std::vector<std::string> strategies_;
  std::string levels_ = kDefaultUtilizationLevels;
  std::string horizon_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace tco::cli
