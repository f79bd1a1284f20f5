// tco exit SCENARIO --strategy S [--to SITE] [--at YYYY-MM | --by-month]: what leaving the
// strategy's clouds costs in a month, or month by month (the exit-cost curve).
#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/analysis/exit.hpp"
#include "tco/core/calendar.hpp"
#include "tco/core/suggest.hpp"
#include "tco/report/exit_report.hpp"

namespace tco::cli {
namespace {

class ExitCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenario", file_, "Scenario file (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("--strategy", strategy_, "The strategy whose clouds are left")->required()->type_name("NAME");
    app.add_option("--to", to_, "Where the data goes: a site of the scenario, or internet (the default)")
        ->type_name("SITE");
    auto* at = app.add_option("--at", at_, "Leave in this month (YYYY-MM); default: the horizon's last month")
                   ->type_name("MONTH");
    app.add_flag("--by-month", by_month_, "Leave in each month of the horizon in turn: the exit-cost curve")
        ->excludes(at);
    app.add_flag("--no-exit-programs", no_programs_,
                 "Do not apply the providers' exit programs (egress waived for customers who leave)");
    app.add_option("--retraining", retraining_,
                   "Add this share of the training compute spent in the clouds so far, for work that cannot be "
                   "moved as is (e.g. 50%)")
        ->type_name("PERCENT");
    add_format_option(app, format_, exit_renderers().formats());
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    usage_.add_to(app);
    pricing_.add_to(app);
    app.footer(
        "Everything the strategy stores at its cloud sites in the month (datasets at their grown size,\n"
        "retained checkpoints and their replicas, copies) is sent out, billed as a month's egress of\n"
        "its own (as tco egress quotes it). A provider's exit program (its sheet's exit_programs)\n"
        "waives its share when the data leaves it for the internet, an owned site or another\n"
        "provider; its conditions are listed.\n\n"
        "Examples:\n"
        "  tco exit scenarios/llm-70b.yaml --strategy cloud-only\n"
        "  tco exit scenarios/llm-70b.yaml --strategy cloud-only --by-month\n"
        "  tco exit scenarios/llm-70b.yaml --strategy cloud-only --at 2028-01 --to dc --retraining 50%\n"
        "  tco exit scenarios/llm-70b.yaml --strategy cloud-only --by-month --format html -o exit.html");
  }

  int run(Console& console) override {
    // Every problem with the options is reported, not only the first.
    bool failed = false;
    const auto problem = [&](const std::string& message) {
      console.error(message);
      failed = true;
    };
    std::optional<YearMonth> at;
    if (!at_.empty()) {
      at = parse_year_month(at_);
      if (!at) problem(fmt::format("--at: expected a month as YYYY-MM, found '{}'", at_));
    }
    std::optional<double> retraining;
    if (!retraining_.empty()) {
      QuantityError error;
      const auto share = parse_quantity(retraining_, Dimension::fraction, &error);
      if (!share || share->value < 0 || share->value > 1) {
        problem(fmt::format("--retraining: expected a share from 0 % to 100 %, such as 50%, found '{}'", retraining_));
      } else {
        retraining = share->value;
      }
    }
    if (failed) return kExitInvalidInput;
    ScenarioRunOptions options{pricing_, horizon_, {strategy_}, "", false};
    options.usage = usage_.file;
    auto run = run_scenario_file(file_, options, console);
    if (!run) return console.failure_status();
    ExitOptions exit{strategy_, "", {}, !no_programs_, retraining};
    if (!to_.empty() && to_ != "internet") {
      if (run->scenario->find_site(to_) == nullptr) {
        std::vector<std::string> sites;
        for (const auto& site : run->scenario->sites) sites.push_back(site.name);
        problem(fmt::format("--to: no site '{}' in {}{}; its sites are {}, or write internet", to_, file_,
                            did_you_mean(to_, sites), quoted_list(sites)));
      }
      exit.to_site = to_;
    }
    const YearMonth start = run->scenario->start;
    const int months = run->model.months;
    if (by_month_) {
      for (int month = 0; month < months; ++month) exit.months.push_back(month);
    } else if (at) {
      const YearMonth end = add_months(start, months - 1);
      if (*at < start || *at > end) {
        problem(fmt::format("--at: {} is outside the horizon {}..{}", at_, format_year_month(start),
                            format_year_month(end)));
      } else {
        exit.months.push_back(months_between(start, *at));
      }
    } else {
      exit.months.push_back(months - 1);
    }
    if (failed) return kExitInvalidInput;
    auto result = analyse_exit(*run->prepared, run->model, exit);
    if (!result) {
      console.report(result.diagnostics());
      return kExitInvalidInput;
    }
    const auto report = make_exit_report(run->model, result.value(), by_month_);
    return print_report(console, exit_renderers(), format_, report, {}, output_);
  }

 private:
  std::string file_;
  std::string strategy_;
  std::string to_;
  std::string at_;
  bool by_month_ = false;
  bool no_programs_ = false;
  std::string retraining_;
  std::string format_;
  std::string horizon_;
  std::string output_;
  PricingOptions pricing_;
  PlanUsageOption usage_;
};

}  // namespace

std::unique_ptr<Command> make_exit_command() { return std::make_unique<ExitCommand>(); }

}  // namespace tco::cli
