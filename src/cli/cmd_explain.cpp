// tco explain SCENARIO --strategy S [--component C] [--month YYYY-MM]: every term behind a
// figure, its formula, the numbers plugged in and where each came from.
#include <algorithm>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/report/explain_report.hpp"

namespace tco::cli {
namespace {

class ExplainCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("--strategy", strategy_, "The strategy whose figures to explain")->required()->type_name("NAME");
    app.add_option("--component", component_, "Only this component: " + join(component_names(), ", "))
        ->type_name("COMPONENT");
    app.add_option("--month", month_, "Only this month (YYYY-MM), each term in full")->type_name("MONTH");
    app.add_option("--basis", basis_, "Explain cash (hardware when bought) or amortized figures")
        ->check(CLI::IsMember({"cash", "amortized"}))
        ->default_str("cash");
    add_format_option(app, format_, explain_renderers().formats());
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "The terms shown add up to the figure tco compare reports for the same strategy and component.\n\n"
        "Examples:\n"
        "  tco explain scenarios/llm-70b.yaml --strategy hybrid --component egress\n"
        "  tco explain scenarios/llm-70b.yaml --strategy hybrid --component egress --month 2027-04\n"
        "  tco explain scenarios/research-team.yaml --strategy on-prem --basis amortized --format json\n"
        "  tco explain scenarios/llm-70b.yaml --strategy hybrid --format html -o hybrid.html");
  }

  int run(Console& console) override {
    ExplainRequest request;
    request.strategy = strategy_;
    request.amortized = basis_ == "amortized";
    if (!component_.empty()) {
      request.component = parse_component(component_);
      if (!request.component) {
        const auto names = component_names();
        console.error(fmt::format("--component: unknown component '{}'{}; components are {}", component_,
                                  did_you_mean(component_, names), quoted_list(names)));
        return kExitInvalidInput;
      }
    }
    std::optional<YearMonth> month;
    if (!month_.empty()) {
      month = parse_year_month(month_);
      if (!month) {
        console.error(fmt::format("--month: expected a month as YYYY-MM, found '{}'", month_));
        return kExitInvalidInput;
      }
    }
    ScenarioRunOptions options{pricing_, horizon_, {strategy_}, "", true};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    if (month) {
      const YearMonth start = run->scenario->start;
      const YearMonth end = add_months(start, run->model.months - 1);
      if (*month < start || *month > end) {
        console.error(fmt::format("--month: {} is outside the horizon {}..{}", month_, format_year_month(start),
                                  format_year_month(end)));
        return kExitInvalidInput;
      }
      request.month = months_between(start, *month);
    }
    const auto report = make_explain_report(run->model, request);
    return print_report(console, explain_renderers(), format_, report, {}, output_);
  }

 private:
  std::string file_;
  std::string strategy_;
  std::string component_;
  std::string month_;
  std::string basis_ = "cash";
  std::string format_;
  std::string horizon_;
  std::string output_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_explain_command() { return std::make_unique<ExplainCommand>(); }

}  // namespace tco::cli
