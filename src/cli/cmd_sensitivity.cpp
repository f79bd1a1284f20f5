// tco sensitivity SCENARIO: which inputs move a chosen figure most, as a tornado.
#include "command.hpp"
#include "measure_options.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/core/quantity.hpp"
#include "tco/report/sensitivity_report.hpp"

namespace tco::cli {
namespace {

constexpr std::size_t kTableRows = 15;

class SensitivityCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("--swing", swing_, "How far each input without a distribution moves, down and up (default 20%)")
        ->type_name("PERCENT");
    measure_.add_to(app, "difference");
    app.add_option("--baseline", baseline_, "Measure break-even against this strategy (default: the scenario's)")
        ->type_name("STRATEGY");
    app.add_flag("--all", all_, "List every input in the table, not only the 15 that move the figure most");
    app.add_flag("--sizes", sizes_,
                 "Also swing the sizes the scenario decides: workloads' GPUs, a split's base, a committed or owned "
                 "size (outward to whole GPUs)");
    add_format_option(app, format_, sensitivity_renderers().formats());
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "Every input the strategies' figures rest on (values the scenario states, prices of the\n"
        "sheets, every price of a service, and the sustained utilization) is moved down and up\n"
        "in turn, the others as written, and ranked by how far it moves the figure. GPU counts\n"
        "are decisions rather than uncertainties: --sizes swings them too.\n\n"
        "Examples:\n"
        "  tco sensitivity scenarios/llm-70b.yaml\n"
        "  tco sensitivity scenarios/llm-70b.yaml --measure total --strategy on-prem --swing 10%\n"
        "  tco sensitivity scenarios/base-and-burst.yaml --sizes --measure total --strategy buy-base\n"
        "  tco sensitivity scenarios/research-team.yaml --measure breakeven --format html -o tornado.html");
  }

  int run(Console& console) override {
    QuantityError problem;
    const auto swing = parse_quantity(swing_, Dimension::fraction, &problem);
    if (!swing || swing->value <= 0 || swing->value >= 1) {
      console.error("--swing: expected a share above 0 % and below 100 %, such as 20%, found '" + swing_ + "'");
      return kExitInvalidInput;
    }
    ScenarioRunOptions options{pricing_, horizon_, {}, baseline_, false};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    auto measure = measure_.resolve(run->model, Measure::Kind::difference);
    if (!measure) {
      console.report(measure.diagnostics());
      return kExitInvalidInput;
    }
    SensitivityOptions analysis{swing->value, measure.value(), sizes_};
    const auto result = analyse_sensitivity(*run->scenario, *run->prepared, run->model, analysis);
    if (!result) {
      console.report(result.diagnostics());
      return kExitInvalidInput;
    }
    const auto report = make_sensitivity_report(run->model, result.value());
    RenderOptions layout;
    layout.rows = all_ ? 0 : kTableRows;
    return print_report(console, sensitivity_renderers(), format_, report, layout, output_);
  }

 private:
  std::string file_;
  std::string swing_ = "20%";
  bool sizes_ = false;
  MeasureOptions measure_;
  std::string baseline_;
  bool all_ = false;
  std::string format_;
  std::string horizon_;
  std::string output_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_sensitivity_command() { return std::make_unique<SensitivityCommand>(); }

}  // namespace tco::cli
