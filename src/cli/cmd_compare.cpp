// tco compare SCENARIO...: the comparison table of a scenario's strategies.
#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/report/breakeven_report.hpp"
#include "tco/report/comparison.hpp"
#include "utilization_levels.hpp"

namespace tco::cli {
namespace {

class CompareCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenarios", files_, "Scenario files (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    add_format_option(app, format_, formats_of(outputs()));
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("--strategy", strategies_, "Only this strategy (repeatable); the baseline is always shown")
        ->type_name("NAME");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "Examples:\n"
        "  tco compare scenarios/llm-70b.yaml\n"
        "  tco compare scenarios/research-team.yaml --horizon 36\n"
        "  tco compare scenarios/llm-70b.yaml --strategy hybrid --format json -o result.json\n"
        "  tco compare scenarios/llm-70b.yaml --format csv -o monthly.csv     # one value per row\n"
        "  tco compare scenarios/llm-70b.yaml --format html -o report.html    # as tco report\n"
        "  tco compare scenarios/llm-70b.yaml --format infracost-json         # for Infracost policy tools\n"
        "  tco compare scenarios/llm-70b.yaml --as-of 2026-01-01 --pricing-dir ./my-prices\n"
        "  terraform show -json plan.out > plan.json && tco compare plan.json --usage tco-usage.yml");
  }

  int run(Console& console) override { return print_output(console, outputs(), format_, {}, output_); }

 private:
  // The comparison of every scenario given; or, in html, the full report of one (as tco
  // report makes it, break-even and utilization sensitivity included).
  std::vector<ReportOutput> outputs() const {
    return {
        report_output(comparison_renderers(), [this](Console& console) { return comparisons(console); }),
        report_output(breakeven_renderers().only({Format::html}), [this](Console& console) { return page(console); })};
  }

  std::optional<ComparisonSet> comparisons(Console& console) const {
    ComparisonSet set;
    for (const auto& file : files_) {
      const auto run = run_scenario_file(file, options(), console);
      if (!run) return std::nullopt;
      set.scenarios.push_back(make_comparison_report(run->model));
    }
    return set;
  }

  std::optional<BreakevenReport> page(Console& console) const {
    if (files_.size() != 1) {
      console.error(
          fmt::format("--format html: a page shows one scenario, {} were given; run tco compare (or tco "
                      "report) once per scenario",
                      files_.size()));
      return std::nullopt;
    }
    const auto run = run_scenario_file(files_.front(), options(), console);
    if (!run) return std::nullopt;
    return breakeven_report(*run, *parse_utilization_levels(kDefaultUtilizationLevels), console, true);
  }

  [[nodiscard]] ScenarioRunOptions options() const {
    ScenarioRunOptions out{pricing_, horizon_, strategies_, "", false};
    out.usage = usage_.file;
    return out;
  }

  std::vector<std::string> files_;
  std::string format_;
  std::string horizon_;
  PlanUsageOption usage_;
  std::vector<std::string> strategies_;
  std::string output_;
  PricingOptions pricing_;
};

}  // namespace

std::unique_ptr<Command> make_compare_command() { return std::make_unique<CompareCommand>(); }

}  // namespace tco::cli
