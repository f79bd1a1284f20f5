// tco diff BASE HEAD: what a change to a scenario (or to the prices) does to its costs, with
// the gates a pipeline fails on. Exit 1 when a gate or a head budget is breached.
#include <variant>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/terraform_plan.hpp"
#include "tco/report/diff_report.hpp"

namespace tco::cli {
namespace {

// One side of the diff: a scenario run, or a saved result (then `run` is empty).
struct Side {
  std::optional<ScenarioRun> run;
  ComparisonReport report;
  std::vector<SavedSheet> saved_sheets;
};

// The first error, as "key.path: message", for a one-line reason.
std::string first_error(const Diagnostics& diagnostics) {
  for (const auto& item : diagnostics.items()) {
    if (item.severity == Severity::error)
      return item.key_path.empty() ? item.message : item.key_path + ": " + item.message;
  }
  return "unknown error";
}

// Re-prices head's scenario with other sheets; an error's first message when it cannot be.
std::variant<ComparisonReport, std::string> reprice(const ScenarioRun& head, const PriceCatalog& catalog) {
  auto prepared = PreparedModel::prepare(*head.scenario, catalog, head.options);
  if (!prepared) return first_error(prepared.diagnostics());
  auto model = prepared.value().run();
  if (!model) return first_error(model.diagnostics());
  return make_comparison_report(model.value());
}

class DiffCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("base", base_file_,
                   "The scenario before the change (YAML), a result saved with tco compare --format json, or a "
                   "Terraform plan (terraform show -json PLAN, with --usage); '-' reads standard input")
        ->required()
        ->type_name("BASE");
    app.add_option("head", head_file_,
                   "The scenario after the change (YAML), or a Terraform plan; '-' reads standard input")
        ->required()
        ->type_name("HEAD");
    add_format_option(app, format_, diff_renderers().formats());
    app.add_flag("--all", all_, "Show strategies, components and causes that did not change too");
    app.add_option("--fail-on-increase", percent_gates_,
                   "Fail (exit 1) when a strategy's total or a component rises more than PCT: "
                   "[STRATEGY[.LINE]=]PCT[/month], LINE a component or 'total' (repeatable)")
        ->type_name("GATE");
    app.add_option("--fail-on-increase-amount", amount_gates_,
                   "Fail (exit 1) when a total or a component rises more than MONEY: "
                   "[STRATEGY[.LINE]=]MONEY[/month] (repeatable)")
        ->type_name("GATE");
    app.add_option("--horizon", horizon_, "Override both scenarios' horizon, e.g. 36 or '3 years'")
        ->type_name("MONTHS");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    app.add_option("--usage", usage_,
                   "With Terraform plans (terraform show -json PLAN) as BASE and HEAD: their usage file "
                   "(tco-scenario(5), USAGE FILE)")
        ->type_name("FILE");
    pricing_.add_to(app);
    app.add_option("--base-pricing-dir", base_pricing_dirs_,
                   "Price base with the bundled sheets, its own pricing_dirs and DIR (repeatable) instead of "
                   "--pricing-dir")
        ->type_name("DIR");
    app.footer(
        "Per strategy, component and cause (workload, dataset, site, flow): base, head, the change and its\n"
        "percentage, over the horizon and per month; break-even changes; when the sides were priced with\n"
        "different sheets, the change split into the scenario's and the prices'. Budgets declared in HEAD\n"
        "are checked too.\n"
        "Exit status: 0 when every gate passes, 1 when any fails, 2 for invalid input or usage.\n\n"
        "Examples:\n"
        "  git show main:scenarios/llm-70b.yaml > /tmp/base.yaml\n"
        "  tco diff /tmp/base.yaml scenarios/llm-70b.yaml\n"
        "  tco diff /tmp/base.yaml scenarios/llm-70b.yaml --format markdown --fail-on-increase 5%\n"
        "  tco diff baseline.json scenarios/llm-70b.yaml --fail-on-increase hybrid.egress=20%/month\n"
        "  tco diff /tmp/base.yaml scenarios/llm-70b.yaml --fail-on-increase-amount '10000 USD/month'\n"
        "  tco diff base-plan.json head-plan.json --usage tco-usage.yml --format markdown --fail-on-increase 10%\n"
        "  tco diff /tmp/base.yaml scenarios/llm-70b.yaml --base-pricing-dir /tmp/main/prices --pricing-dir prices");
  }

  int run(Console& console) override {
    std::vector<IncreaseGate> gates;
    if (!parse_gates(gates, console)) return kExitInvalidInput;
    if (base_file_ == "-" && head_file_ == "-") {
      console.error("BASE and HEAD cannot both be standard input ('-')");
      return kExitInvalidInput;
    }
    // One usage file serves both plans: an entry for a resource only one side has is not a typo.
    if (!usage_.empty() && base_file_ != "-" && head_file_ != "-") {
      const auto base_text = read_text_file(base_file_);
      const auto head_text = read_text_file(head_file_);
      if (base_text && head_text) {
        base_addresses_ = terraform_plan_addresses(base_file_, base_text.value());
        head_addresses_ = terraform_plan_addresses(head_file_, head_text.value());
        // A side that does not read as a plan says nothing of the addresses: its own errors
        // come when it is read, and the other side's usage entries are not checked.
        if (!base_addresses_ || !head_addresses_) base_addresses_ = head_addresses_ = std::vector<std::string>{"*"};
      }
    }
    auto base = load_base(console);
    if (!base) return console.failure_status();
    // Both sides read one catalog unless their directories differ (--base-pricing-dir, or the
    // scenarios' own pricing_dirs): it is loaded once.
    ScenarioRunOptions head_options{pricing_, horizon_, {}, "", false};
    head_options.usage = usage_;
    head_options.usage_also_known = base_addresses_.value_or(std::vector<std::string>{});
    if (base->run) {
      head_options.catalog = base->run->catalog;
      head_options.catalog_directories = base->run->directories;
    }
    auto head_run = run_scenario_file(head_file_, head_options, console);
    if (!head_run) return console.failure_status();
    const auto head = make_comparison_report(head_run->model);
    if (base->report.currency != head.currency) {
      console.error(fmt::format("{} is in {} and {} in {}; a diff needs one currency", base_file_,
                                base->report.currency, head_file_, head.currency));
      return kExitInvalidInput;
    }
    std::string split_note;
    const auto repriced = price_with_base_sheets(*base, head_run.value(), head, split_note);
    auto report = make_diff_report(base->report, !base->run, head, repriced ? &*repriced : nullptr, split_note);
    auto increases = check_increase_gates(report, gates);
    console.report(increases.diagnostics());
    if (!increases) return kExitInvalidInput;
    report.gates = increases.value();
    for (auto& budget : check_budgets(head, head_run->scenario->budgets)) report.gates.push_back(std::move(budget));
    RenderOptions layout;
    layout.all = all_;
    const int status = print_report(console, diff_renderers(), format_, report, layout, output_);
    if (status != kExitOk) return status;
    return report.passed() ? kExitOk : kExitGateBreached;
  }

 private:
  bool parse_gates(std::vector<IncreaseGate>& gates, Console& console) const {
    Diagnostics d;
    auto parse = [&](const std::vector<std::string>& texts, bool amount) {
      for (const auto& text : texts) {
        auto gate = parse_increase_gate(text, amount);
        d.append(gate.diagnostics());
        if (gate) gates.push_back(gate.value());
      }
    };
    parse(percent_gates_, false);
    parse(amount_gates_, true);
    console.report(d);
    return !d.has_errors();
  }

  std::optional<Side> load_base(Console& console) const {
    auto text = read_text_file(base_file_, console.in());
    console.report(text.diagnostics());
    if (!text) return std::nullopt;
    Side side;
    if (looks_like_json(text.value()) && !looks_like_terraform_plan(text.value())) {
      if (!base_pricing_dirs_.empty()) {
        console.error(
            fmt::format("--base-pricing-dir: {} is a saved result, priced when it was saved; its sheets are "
                        "found again in the --pricing-dir catalog",
                        base_file_));
        return std::nullopt;
      }
      auto saved = read_saved_comparison(text.value(), base_file_);
      console.report(saved.diagnostics());
      if (!saved) return std::nullopt;
      side.report = comparison_from_saved(saved.value());
      if (!horizon_.empty()) {
        console.warning(
            fmt::format("--horizon applies to {} only: the saved result {} covers its own {} months; "
                        "compare the per-month figures",
                        head_file_, base_file_, side.report.months));
      }
      side.saved_sheets = saved->sheets;
      return side;
    }
    PricingOptions pricing = pricing_;
    if (!base_pricing_dirs_.empty()) pricing.pricing_dirs = base_pricing_dirs_;
    ScenarioRunOptions options{pricing, horizon_, {}, "", false};
    options.usage = usage_;
    options.usage_also_known = head_addresses_.value_or(std::vector<std::string>{});
    auto run = run_scenario_text(base_file_, text.value(), options, console);
    if (!run) return std::nullopt;
    side.report = make_comparison_report(run->model);
    side.run = std::move(run).value();
    return side;
  }

  // Head priced with base's sheets, when the sides' sheets differ; none (and why) when that
  // cannot be done.
  std::optional<ComparisonReport> price_with_base_sheets(const Side& base, const ScenarioRun& head_run,
                                                         const ComparisonReport& head, std::string& note) const {
    if (sheet_changes(base.report, head).empty()) return std::nullopt;
    // Both scenarios read one catalog: the sheets differ only because the scenario's months or
    // as_of moved, which is the scenario's doing. Head at base's prices is head.
    if (base.run && base.run->catalog == head_run.catalog) return head;
    std::variant<ComparisonReport, std::string> repriced;
    if (base.run) {
      repriced = reprice(head_run, *base.run->catalog);
    } else {
      auto catalog = catalog_as_saved(*head_run.catalog, base.saved_sheets);
      if (!catalog) {
        note = first_error(catalog.diagnostics());
        return std::nullopt;
      }
      repriced = reprice(head_run, catalog.value());
    }
    if (auto* why = std::get_if<std::string>(&repriced)) {
      note = "head cannot be priced with base's sheets: " + *why;
      return std::nullopt;
    }
    return std::get<ComparisonReport>(std::move(repriced));
  }

  std::string base_file_;
  std::string head_file_;
  std::string format_;
  bool all_ = false;
  std::vector<std::string> percent_gates_;
  std::vector<std::string> amount_gates_;
  std::string horizon_;
  std::string usage_;
  std::optional<std::vector<std::string>> base_addresses_;  // of the plans, when both sides are
  std::optional<std::vector<std::string>> head_addresses_;
  std::string output_;
  PricingOptions pricing_;
  std::vector<std::string> base_pricing_dirs_;
};

}  // namespace

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace tco::cli
