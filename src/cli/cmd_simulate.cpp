// tco simulate SCENARIO: Monte Carlo over the scenario's distributions — percentiles of each
// strategy's total and net present value, the chance each is cheapest, and break-even odds.
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/analysis/simulation.hpp"
#include "tco/report/simulation_report.hpp"

namespace tco::cli {
namespace {

constexpr std::uint64_t kMaxSamples = 100'000'000;

// A whole number from `min` to `max`, or an error in the house style.
std::optional<std::uint64_t> whole_number(Console& console, const char* option, const std::string& text,
                                          std::uint64_t min, std::uint64_t max, const char* what) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && value >= min && value <= max) return value;
  console.error(fmt::format("{}: expected a whole number{}{} from {} to {}, found '{}'", option, *what ? " of " : "",
                            what, min, max, text));
  return std::nullopt;
}

class SimulateCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("--samples", samples_, "How many samples to draw (default 10000)")->type_name("N");
    app.add_option("--seed", seed_, "Seed of the random draws: the same seed gives the same numbers (default 1)")
        ->type_name("S");
    app.add_option("--threads", threads_, "Threads to run on (default: every core); the numbers do not change")
        ->type_name("N");
    app.add_option("--baseline", baseline_, "Measure break-even against this strategy (default: the scenario's)")
        ->type_name("STRATEGY");
    add_format_option(app, format_, simulation_renderers().formats());
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "Each sample draws every value the scenario gives as a distribution (tco-scenario(5),\n"
        "UNCERTAINTY) and prices every strategy; other values stay as written.\n\n"
        "Examples:\n"
        "  tco simulate scenarios/llm-70b.yaml\n"
        "  tco simulate scenarios/llm-70b.yaml --samples 100000 --seed 7\n"
        "  tco simulate scenarios/llm-70b.yaml --format json -o simulation.json");
  }

  int run(Console& console) override {
    const auto samples = whole_number(console, "--samples", samples_, 1, kMaxSamples, "samples");
    const auto seed = whole_number(console, "--seed", seed_, 0, std::numeric_limits<std::uint64_t>::max(), "");
    const auto threads = threads_.empty() ? std::optional<std::uint64_t>(0)
                                          : whole_number(console, "--threads", threads_, 1, 1024, "threads");
    if (!samples || !seed || !threads) return kExitInvalidInput;
    ScenarioRunOptions options{pricing_, horizon_, {}, baseline_, false};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    const auto simulated = simulate(*run->scenario, *run->prepared, {*samples, *seed, static_cast<unsigned>(*threads)});
    console.report(simulated.diagnostics());
    if (!simulated) return kExitInvalidInput;
    if (simulated->inputs.empty()) {
      console.warning(run->scenario->file +
                      " gives no value as a distribution: every sample is the scenario as written "
                      "(tco-scenario(5), UNCERTAINTY)");
    }
    for (const auto& input : simulated->inputs) {
      if (!input.used)
        console.warning(fmt::format("{}:{}:{}: {}: no strategy's figures use it, so drawing it changes nothing",
                                    input.where.file, input.where.line, input.where.column, input.path));
    }
    const auto report = make_simulation_report(run->model, simulated.value());
    return print_report(console, simulation_renderers(), format_, report, {}, output_);
  }

 private:
  std::string file_;
  std::string samples_ = "10000";
  std::string seed_ = "1";
  std::string threads_;
  std::string baseline_;
  std::string format_;
  std::string horizon_;
  std::string output_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_simulate_command() { return std::make_unique<SimulateCommand>(); }

}  // namespace tco::cli
