#pragma once
// The subcommand interface and the shared helpers of the cli layer (CLI11 stays here).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "console.hpp"
#include "tco/core/calendar.hpp"
#include "tco/core/diagnostic.hpp"
#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"

namespace tco::cli {

class Command {
 public:
  virtual ~Command() = default;
  // Declares the subcommand's options on `app` (already named and described).
  virtual void configure(CLI::App& app) = 0;
  // Runs after a successful parse, reading and writing through `console`; returns an ExitCode.
  virtual int run(Console& console) = 0;
};

struct CommandEntry {
  const char* name;
  const char* summary;
  std::unique_ptr<Command> (*make)();
};

// Every subcommand, once, in the order `tco --help` lists them.
const std::vector<CommandEntry>& command_registry();

std::unique_ptr<Command> make_compare_command();
std::unique_ptr<Command> make_scenario_command();
std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_schema_command();
std::unique_ptr<Command> make_egress_command();
std::unique_ptr<Command> make_exit_command();
std::unique_ptr<Command> make_prices_command();
std::unique_ptr<Command> make_breakeven_command();
std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_explain_command();
std::unique_ptr<Command> make_simulate_command();
std::unique_ptr<Command> make_sensitivity_command();
std::unique_ptr<Command> make_sweep_command();

// Options several commands share.
struct PricingOptions {
  std::vector<std::string> pricing_dirs;
  std::string as_of;
  void add_to(CLI::App& app);  // --pricing-dir and --as-of
  // The --as-of date, none when not given, or an error when it is not a date.
  [[nodiscard]] Result<std::optional<Date>> as_of_date() const;
  void add_directories_to(CLI::App& app);  // --pricing-dir only
};

// The bundled price sheets: $TCO_PRICING_DIR, else the installed share/tco/pricing-data
// next to the binary, else the source tree's.
std::filesystem::path bundled_pricing_directory();
// The directories to load: the bundled sheets, then each --pricing-dir in order.
std::vector<PricingDirectory> pricing_directories(const PricingOptions& options);

// --usage: the usage file of a Terraform plan given instead of a scenario (tco(1), TERRAFORM;
// tco-scenario(5), USAGE FILE), for every command that reads one scenario.
struct PlanUsageOption {
  std::string file;  // empty: none
  void add_to(CLI::App& app);
};

// How a terminal chart is drawn: --width, else the terminal's width, else $COLUMNS, else 80;
// colour per --color ("auto": only on a terminal and when NO_COLOR is unset or empty).
struct TerminalOptions {
  int width = 0;  // 0: find out
  std::string color = "auto";
  void add_to(CLI::App& app);
  // `to_file`: the output goes to a file, so it is not a terminal.
  [[nodiscard]] int columns(const Console& console, bool to_file) const;
  [[nodiscard]] bool colored(const Console& console, bool to_file) const;
};

}  // namespace tco::cli
