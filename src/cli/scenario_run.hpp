#pragma once
// Loading a scenario file, the price catalog, and running the model: shared by every
// command that evaluates scenarios. Every diagnostic (warnings too) goes to the console as
// it arises; a failed step returns none, its errors already reported.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "tco/core/result.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/model/engine.hpp"

namespace tco::cli {

struct ScenarioRunOptions {
  const PricingOptions& pricing;
  std::string horizon;                  // "", "36", "3 years"
  std::vector<std::string> strategies;  // only these
  std::string baseline;                 // instead of the scenario's
  bool explain = false;                 // record how each line was computed
  // A catalog already loaded (tco diff prices both sides with one) and the directories it was
  // loaded from: used when the scenario's directories are the same.
  std::shared_ptr<const PriceCatalog> catalog = nullptr;
  std::vector<PricingDirectory> catalog_directories = {};
  // A Terraform plan given instead of a scenario is read with this usage file (--usage; empty:
  // none) as the scenario `tco scenario from-terraform` writes (tco(1), TERRAFORM).
  std::string usage = {};
  std::vector<std::string> usage_also_known = {};  // the other plan's addresses, in a diff
};

// Owns everything a ModelResult points into.
struct ScenarioRun {
  std::unique_ptr<Scenario> scenario;
  std::shared_ptr<const PriceCatalog> catalog;
  std::vector<PricingDirectory> directories;  // the catalog's
  std::unique_ptr<PreparedModel> prepared;    // to evaluate it again (at other utilizations)
  ModelOptions options;                       // as it was prepared, to price it again with other sheets
  ModelResult model;                          // the scenario as written
};

std::optional<ScenarioRun> run_scenario_file(const std::string& file, const ScenarioRunOptions& options,
                                             Console& console);
// The same for a scenario already read (standard input can be read only once).
std::optional<ScenarioRun> run_scenario_text(const std::string& file, const std::string& text,
                                             const ScenarioRunOptions& options, DiagnosticSink& sink);

// The scenario YAML of the Terraform plan `text` read from `file`, with the usage file `usage`
// (empty: none); the resources not priced are reported as warnings. None on error, reported.
std::optional<std::string> terraform_scenario_yaml(const std::string& file, const std::string& text,
                                                   const std::string& usage, const PricingOptions& pricing,
                                                   DiagnosticSink& sink,
                                                   const std::vector<std::string>& also_known = {});
// The resource addresses of a plan's text; none when it is not a plan that reads.
std::optional<std::vector<std::string>> terraform_plan_addresses(const std::string& file, const std::string& text);

// Loads the catalog for the options, or from the directories, reporting its diagnostics;
// nullptr on error.
std::unique_ptr<PriceCatalog> load_catalog(const PricingOptions& options, DiagnosticSink& sink);
std::unique_ptr<PriceCatalog> load_catalog(const std::vector<PricingDirectory>& directories, DiagnosticSink& sink);

// The directories a scenario is priced from: the bundled sheets, then the scenario's own
// pricing_dirs (relative to its file; to the working directory for standard input), then each
// --pricing-dir, so that the command line, the most specific, wins.
std::vector<PricingDirectory> pricing_directories(const PricingOptions& options, const Scenario& scenario);

}  // namespace tco::cli
