#include "command.hpp"

namespace tco::cli {

const std::vector<CommandEntry>& command_registry() {
  static const std::vector<CommandEntry> commands{
      {"compare", "Compare the cost of a scenario's strategies (cloud-only, hybrid, on-prem)", make_compare_command},
      {"breakeven", "When and at what utilization each strategy breaks even, with the cumulative curves",
       make_breakeven_command},
      {"simulate", "Monte Carlo over the scenario's ranges: percentiles, odds of being cheapest and of breaking even",
       make_simulate_command},
      {"sensitivity", "Which inputs move a figure most: every input swung in turn, as a tornado",
       make_sensitivity_command},
      {"sweep", "A figure over a grid of one or two inputs (e.g. break-even by utilization and power price)",
       make_sweep_command},
      {"report", "Write a self-contained HTML report (tables and charts) to read, print or send", make_report_command},
      {"explain", "Show every term behind a figure: formula, numbers, price sources and scenario lines",
       make_explain_command},
      {"diff", "Compare two versions of a scenario; gate on cost increases (exit 1 when one fails)", make_diff_command},
      {"check", "Check the scenario's budgets; exit 1 when any is breached", make_check_command},
      {"validate", "Check scenarios and price sheets, reporting every error at once", make_validate_command},
      {"scenario", "Write a Terraform plan as a scenario (scenario from-terraform), to read, edit and price",
       make_scenario_command},
      {"schema", "Print the JSON Schema of scenarios, price sheets or overlays, for editors", make_schema_command},
      {"exit", "What leaving a strategy's clouds costs: its stored data moved out, in a month or month by month",
       make_exit_command},
      {"egress", "Quote the cost of moving data out of a provider region", make_egress_command},
      {"prices", "List, show, compare and rank the prices in the price sheets", make_prices_command},
  };
  return commands;
}

}  // namespace tco::cli
