// tco sweep SCENARIO --vary PATH=FROM:TO:STEP [--vary ...]: a grid over one or two inputs.
#include <algorithm>

#include "command.hpp"
#include "measure_options.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "sweep_axes.hpp"
#include "tco/report/sweep_report.hpp"

namespace tco::cli {
namespace {

class SweepCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("--vary", vary_,
                   "An input and the values it takes, as PATH=FROM:TO:STEP (once or twice); a unit written once "
                   "applies to all three")
        ->required()
        ->type_name("PATH=FROM:TO:STEP");
    measure_.add_to(app, "breakeven");
    app.add_option("--baseline", baseline_, "Measure break-even against this strategy (default: the scenario's)")
        ->type_name("STRATEGY");
    add_format_option(app, format_, sweep_renderers().formats());
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "PATH is the key path of a value the strategies use (sites.dc.electricity,\n"
        "workloads.serve.useful_work), prices.SERVICE for every price of a service as a change\n"
        "(-20%:20%:10%), or utilization: the share of every hour of their GPUs all workloads\n"
        "occupy, as tco breakeven varies it. A price from a sheet is given as its first month's\n"
        "value. Sizes take whole numbers: a workload's GPUs (workloads.NAME.gpus), a split's base\n"
        "(strategies.S.workloads.NAME.base.gpus) or a stated size (strategies.S.workloads.NAME.gpus).\n\n"
        "Examples:\n"
        "  tco sweep scenarios/llm-70b.yaml --vary utilization=30%:100%:10% \\\n"
        "            --vary sites.dc.electricity=0.05:0.20:0.05USD/kWh\n"
        "  tco sweep scenarios/research-team.yaml --vary utilization=20%:100%:5% --format csv\n"
        "  tco sweep scenarios/llm-70b.yaml --vary prices.compute=-40%:20%:10% --measure total\n"
        "  tco sweep scenarios/rent-or-buy.yaml --vary workloads.train.gpus=32:128:32\n"
        "  tco sweep scenarios/base-and-burst.yaml --vary strategies.buy-base.workloads.train.base.gpus=0:64:8 \\\n"
        "            --measure total --strategy buy-base");
  }

  int run(Console& console) override {
    if (vary_.size() > 2) {
      console.error("--vary: at most two inputs are swept at once, found " + std::to_string(vary_.size()));
      return kExitInvalidInput;
    }
    std::vector<SweepAxisSpec> axes;
    for (const auto& text : vary_) {
      const auto equals = text.find('=');
      if (equals == std::string::npos || equals == 0) {
        console.error("--vary: expected PATH=FROM:TO:STEP, such as utilization=30%:100%:10%, found '" + text + "'");
        return kExitInvalidInput;
      }
      axes.push_back({text.substr(0, equals), text.substr(equals + 1)});
    }
    if (axes.size() == 2 && axes[0].path == axes[1].path) {
      console.error("--vary: " + axes[0].path + " is given twice");
      return kExitInvalidInput;
    }
    ScenarioRunOptions options{pricing_, horizon_, {}, baseline_, false};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    auto measure = measure_.resolve(run->model, Measure::Kind::breakeven);
    if (!measure) {
      console.report(measure.diagnostics());
      return kExitInvalidInput;
    }
    const bool duty_cycle =
        std::any_of(axes.begin(), axes.end(), [](const SweepAxisSpec& axis) { return axis.path == "utilization"; });
    auto prepared = Sweep::prepare(*run->prepared, run->model, duty_cycle);
    if (!prepared) {
      console.report(prepared.diagnostics());
      return kExitInvalidInput;
    }
    const auto values = sweep_axes(axes, prepared.value(), console);
    if (!values) return kExitInvalidInput;
    const auto swept = prepared.value().run(*values);
    if (!swept) {
      console.report(swept.diagnostics());
      return kExitInvalidInput;
    }
    const auto report = make_sweep_report(run->model, swept.value(), measure.value());
    return print_report(console, sweep_renderers(), format_, report, {}, output_);
  }

 private:
  std::string file_;
  std::vector<std::string> vary_;
  MeasureOptions measure_;
  std::string baseline_;
  std::string format_;
  std::string horizon_;
  std::string output_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_sweep_command() { return std::make_unique<SweepCommand>(); }

}  // namespace tco::cli
