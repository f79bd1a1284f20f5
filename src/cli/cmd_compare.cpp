// tco compare SCENARIO...: the comparison table of a scenario's strategies.
#include <fmt/format.h>

#include "command.hpp"
#include "scenario_run.hpp"
#include "tco/cli/app.hpp"
#include "tco/report/breakeven_report.hpp"
#include "tco/report/comparison.hpp"
#include "tco/report/formats.hpp"
#include "tco/report/html_report.hpp"
#include "tco/report/infracost_json.hpp"
#include "utilization_levels.hpp"

namespace tco::cli {
namespace {

class CompareCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("scenarios", files_, "Scenario files (YAML); '-' reads standard input")
        ->required()
        ->type_name("SCENARIO");
    app.add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "json", "csv", "markdown", "html", "infracost-json"}))
        ->default_str("table");
    app.add_option("--horizon", horizon_, "Override the scenario's horizon, e.g. 36 or '3 years'")->type_name("MONTHS");
    app.add_option("--strategy", strategies_, "Only this strategy (repeatable); the baseline is always shown")
        ->type_name("NAME");
    app.add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output")->type_name("FILE");
    pricing_.add_to(app);
    app.footer(
        "Examples:\n"
        "  tco compare scenarios/llm-70b.yaml\n"
        "  tco compare scenarios/research-team.yaml --horizon 36\n"
        "  tco compare scenarios/llm-70b.yaml --strategy hybrid --format json -o result.json\n"
        "  tco compare scenarios/llm-70b.yaml --format csv -o monthly.csv     # one value per row\n"
        "  tco compare scenarios/llm-70b.yaml --format html -o report.html    # as tco report\n"
        "  tco compare scenarios/llm-70b.yaml --format infracost-json         # for Infracost policy tools\n"
        "  tco compare scenarios/llm-70b.yaml --as-of 2026-01-01 --pricing-dir ./my-prices");
  }

  int run() override {
    if (format_ == "html" && files_.size() != 1) {
      print_error(
          fmt::format("--format html: a page shows one scenario, {} were given; run tco compare (or tco "
                      "report) once per scenario",
                      files_.size()));
      return kExitInvalidInput;
    }
    ScenarioRunOptions options{pricing_, horizon_, strategies_, "", false};
    std::string table;
    std::vector<std::string> documents;
    for (const auto& file : files_) {
      auto run = run_scenario_file(file, options);
      if (!run) return run.diagnostics().has_errors() ? kExitInvalidInput : kExitInternalError;
      if (format_ == "html") {
        // The full report, break-even and utilization sensitivity included, as tco report makes it.
        const auto report = breakeven_report(run.value(), *parse_utilization_levels(kDefaultUtilizationLevels));
        if (!report) return kExitInvalidInput;
        table = render_html_report(*report);
        continue;
      }
      const auto report = make_comparison_report(run->model);
      if (format_ == "infracost-json") {
        table = render_compare_infracost(report);
      } else if (format_ == "json") {
        documents.push_back(render_compare_json(report));
      } else if (format_ == "csv") {
        // One table: the header once, every scenario's rows after it.
        const std::string rows = render_compare_csv(report);
        table += table.empty() ? rows : rows.substr(rows.find('\n') + 1);
      } else if (format_ == "markdown") {
        table += (table.empty() ? "" : "\n") + render_compare_markdown(report);
      } else {
        table += (table.empty() ? "" : "\n") + render_compare_table(report);
      }
    }
    std::string text = table;
    if (format_ == "json") {
      // One scenario: its document. Several: a JSON array of them, in argument order.
      text = documents.size() == 1 ? documents.front() : "[\n" + join_documents(documents) + "]\n";
    }
    return write_output(text, output_) ? kExitOk : kExitInvalidInput;
  }

 private:
  static std::string join_documents(const std::vector<std::string>& documents) {
    std::string out;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      std::string doc = documents[i];
      doc.pop_back();  // the trailing newline
      out += doc + (i + 1 < documents.size() ? ",\n" : "\n");
    }
    return out;
  }

  std::vector<std::string> files_;
  std::string format_ = "table";
  std::string horizon_;
  std::vector<std::string> strategies_;
  std::string output_;
  PricingOptions pricing_;
};

}  // namespace

std::unique_ptr<Command> make_compare_command() { return std::make_unique<CompareCommand>(); }

}  // namespace tco::cli
