#include "scenario_run.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "tco/core/quantity.hpp"
#include "tco/core/suggest.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/inputs/terraform_plan.hpp"

namespace tco::cli {
namespace {

// Reports a usage error; the step fails.
std::nullopt_t usage_error(DiagnosticSink& sink, const std::string& message) {
  Diagnostics d;
  d.error({}, "", message);
  sink.report(d);
  return std::nullopt;
}

// "36" (months) or a duration such as "3 years".
std::optional<int> parse_horizon(const std::string& text) {
  if (auto months = parse_number(text)) {
    if (*months >= 1 && *months <= 360 && *months == static_cast<int>(*months)) return static_cast<int>(*months);
    return std::nullopt;
  }
  auto duration = parse_quantity(text, Dimension::hours);
  if (!duration) return std::nullopt;
  const double months = duration->value / kHoursPerMonth;
  if (months < 1 || months > 360 || months != static_cast<int>(months)) return std::nullopt;
  return static_cast<int>(months);
}

// A directory a scenario names, as the catalog reports it: relative to the scenario file's
// directory unless absolute, without a trailing separator ("prices/" is "prices").
std::filesystem::path resolve_scenario_dir(const Scenario& scenario, const std::string& written) {
  std::filesystem::path dir = written;
  if (dir.is_relative() && scenario.file != "-") dir = std::filesystem::path(scenario.file).parent_path() / dir;
  dir = dir.lexically_normal();
  if (dir.filename().empty() && dir.has_parent_path()) dir = dir.parent_path();
  return dir;
}

bool same_directories(const std::vector<PricingDirectory>& a, const std::vector<PricingDirectory>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const PricingDirectory& x, const PricingDirectory& y) {
    return x.path.lexically_normal() == y.path.lexically_normal();
  });
}

}  // namespace

std::unique_ptr<PriceCatalog> load_catalog(const PricingOptions& options, DiagnosticSink& sink) {
  return load_catalog(pricing_directories(options), sink);
}

std::unique_ptr<PriceCatalog> load_catalog(const std::vector<PricingDirectory>& directories, DiagnosticSink& sink) {
  auto catalog = PriceCatalog::load(directories);
  sink.report(catalog.diagnostics());
  if (!catalog) return nullptr;
  return std::make_unique<PriceCatalog>(std::move(catalog).value());
}

std::vector<PricingDirectory> pricing_directories(const PricingOptions& options, const Scenario& scenario) {
  std::vector<PricingDirectory> out{{bundled_pricing_directory(), "bundled"}};
  for (std::size_t i = 0; i < scenario.pricing_dirs.size(); ++i) {
    const auto dir = resolve_scenario_dir(scenario, scenario.pricing_dirs[i].path);
    out.push_back({dir, dir.string(), scenario.pricing_dirs[i].where, fmt::format("pricing_dirs[{}]", i)});
  }
  for (const auto& dir : options.pricing_dirs) out.push_back({dir, dir});
  return out;
}

std::optional<ScenarioRun> run_scenario_file(const std::string& file, const ScenarioRunOptions& options,
                                             Console& console) {
  auto text = read_text_file(file, console.in());
  if (!text) {
    console.report(text.diagnostics());
    return std::nullopt;
  }
  return run_scenario_text(file, text.value(), options, console);
}

std::optional<ScenarioRun> run_scenario_text(const std::string& file, const std::string& text,
                                             const ScenarioRunOptions& options, DiagnosticSink& sink) {
  ModelOptions model_options;
  const auto as_of = options.pricing.as_of_date();
  if (!as_of) {
    sink.report(as_of.diagnostics());
    return std::nullopt;
  }
  model_options.as_of = as_of.value();
  if (!options.horizon.empty()) {
    model_options.horizon_months = parse_horizon(options.horizon);
    if (!model_options.horizon_months) {
      return usage_error(sink, fmt::format("--horizon: expected a whole number of months from 1 to 360 or a "
                                           "duration such as '3 years', found '{}'",
                                           options.horizon));
    }
  }
  std::string plan_scenario;  // the scenario of a Terraform plan, as from-terraform writes it
  if (looks_like_terraform_plan(text)) {
    auto yaml = terraform_scenario_yaml(file, text, options.usage, options.pricing, sink, options.usage_also_known);
    if (!yaml) return std::nullopt;
    plan_scenario = std::move(*yaml);
  } else if (!options.usage.empty()) {
    return usage_error(sink, fmt::format("--usage: {} is a scenario, not a Terraform plan; a usage file goes with a "
                                         "plan (terraform show -json PLAN)",
                                         file));
  }
  // A plan's scenario is named apart in messages: their lines are those `tco scenario
  // from-terraform` prints, not the plan's.
  auto scenario = plan_scenario.empty() ? load_scenario(text, file)
                                        : load_scenario(plan_scenario, file + " (as tco scenario from-terraform writes it)");
  sink.report(scenario.diagnostics());
  if (!scenario) return std::nullopt;
  scenario.value().file = file;

  ScenarioRun run;
  run.scenario = std::make_unique<Scenario>(std::move(scenario).value());
  std::vector<std::string> names;
  for (const auto& strategy : run.scenario->strategies) names.push_back(strategy.name);
  for (const auto& wanted : options.strategies) {
    if (std::find(names.begin(), names.end(), wanted) == names.end()) {
      return usage_error(sink, fmt::format("--strategy: unknown strategy '{}'{}; {} has {}", wanted,
                                           did_you_mean(wanted, names), file, quoted_list(names)));
    }
  }
  if (!options.baseline.empty() && std::find(names.begin(), names.end(), options.baseline) == names.end()) {
    return usage_error(sink, fmt::format("--baseline: unknown strategy '{}'{}; {} has {}", options.baseline,
                                         did_you_mean(options.baseline, names), file, quoted_list(names)));
  }
  model_options.strategies = options.strategies;
  model_options.baseline = options.baseline;
  model_options.explain = options.explain;
  run.directories = pricing_directories(options.pricing, *run.scenario);
  if (options.catalog && same_directories(options.catalog_directories, run.directories))
    run.catalog = options.catalog;
  else
    run.catalog = load_catalog(run.directories, sink);
  if (!run.catalog) return std::nullopt;  // its errors are reported
  auto prepared = PreparedModel::prepare(*run.scenario, *run.catalog, model_options);
  sink.report(prepared.diagnostics());
  if (!prepared) return std::nullopt;
  run.prepared = std::make_unique<PreparedModel>(std::move(prepared).value());
  run.options = model_options;
  auto model = run.prepared->run();
  sink.report(model.diagnostics());
  if (!model) return std::nullopt;
  run.model = std::move(model).value();
  return run;
}

}  // namespace tco::cli
