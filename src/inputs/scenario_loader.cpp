// The top level of a scenario, and the checks that tie its sections together.
#include "tco/inputs/scenario_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "scenario_internal.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

namespace tco {

bool scenario_detail::check_site(const Scenario& scenario, const std::string& name, const SourceLocation& where,
                                 const std::string& path, Diagnostics& d) {
  if (scenario.find_site(name) != nullptr) return true;
  d.error(where, path, unknown("site", name, scenario.sites));
  return false;
}

namespace {

using namespace scenario_detail;

void check_references(const Scenario& scenario, Diagnostics& d) {
  for (const auto& site : scenario.sites) {
    for (const auto& [workload, model] : site.cloud.pricing_by_workload) {
      if (scenario.find_workload(workload) == nullptr) {
        d.error(site.where, "sites." + site.name + ".pricing." + workload,
                unknown("workload", workload, scenario.workloads) + ", or 'default'");
      }
    }
    if (site.kind == SiteKind::cloud && site.cloud.interconnect) {
      for (const auto& to : site.cloud.interconnect->to)
        check_site(scenario, to, site.cloud.interconnect->where, "sites." + site.name + ".interconnect.to", d);
    }
  }
  for (const auto& workload : scenario.workloads) {
    for (const auto& dataset : workload.reads) {
      if (scenario.find_dataset(dataset) == nullptr) {
        d.error(workload.where, "workloads." + workload.name + ".reads",
                unknown("dataset", dataset, scenario.datasets));
      }
    }
    if (workload.checkpoints) {
      for (const auto& site : workload.checkpoints->replicate_to)
        check_site(scenario, site, workload.checkpoints->where,
                   "workloads." + workload.name + ".checkpoints.replicate_to", d);
    }
  }
  for (const auto& dataset : scenario.datasets)
    check_site(scenario, dataset.origin, dataset.where, "datasets." + dataset.name + ".origin", d);
  for (const auto& flow : scenario.flows) {
    for (const Endpoint* end : {&flow.from, &flow.to}) {
      const std::string path = "flows." + flow.name + (end == &flow.from ? ".from" : ".to");
      if (end->kind == Endpoint::Kind::site) check_site(scenario, end->name, flow.where, path, d);
      if (end->kind == Endpoint::Kind::workload && scenario.find_workload(end->name) == nullptr) {
        d.error(flow.where, path, unknown("workload", end->name, scenario.workloads));
      }
      if (end->kind == Endpoint::Kind::dataset && scenario.find_dataset(end->name) == nullptr) {
        d.error(flow.where, path, unknown("dataset", end->name, scenario.datasets));
      }
    }
    for (const auto& name : flow.strategies) {
      if (std::none_of(scenario.strategies.begin(), scenario.strategies.end(),
                       [&](const Strategy& s) { return s.name == name; })) {
        d.error(flow.where, "flows." + flow.name + ".strategies", unknown("strategy", name, scenario.strategies));
      }
    }
  }
  for (const auto& strategy : scenario.strategies) check_strategy(scenario, strategy, d);
}

void read_price_trends(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::price_trends(), node, "price_trends", d);
  if (!reader.valid()) return;
  for (const auto& name : price_service_names()) {
    const YamlNode* value = reader.get(name);
    if (value == nullptr) continue;
    if (const std::string kind = distribution_named(*value); !kind.empty()) {
      d.error(value->where, reader.path(name),
              fmt::format("expected a single value, found a {} distribution: use price_uncertainty for uncertain "
                          "prices",
                          kind));
      continue;
    }
    const auto quantity = read_quantity(*value, reader.path(name), reader.shape_of(name), d);
    if (!quantity) continue;
    auto trend = Sourced::stated(quantity->value, value->where, "annual price trend");
    if (trend.value < -0.9 || trend.value > 1.0) {
      d.error(trend.where, reader.path(name),
              fmt::format("expected an annual change from -90 % to +100 %, found {}", format_percent(trend.value)));
      continue;
    }
    scenario.price_trends.emplace(*parse_price_service(name), trend);
  }
  reader.finish();
}

// `pricing_dirs`: each directory as written, with where, so that a missing one is reported there.
void read_pricing_dirs(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  if (!node.is_sequence() && !node.is_scalar()) {
    d.error(node.where, "pricing_dirs", fmt::format("expected a list of directories, found {}", describe(node)));
    return;
  }
  // One directory may be written alone, as other lists of names may.
  const std::vector<YamlNode> one{node};
  const auto& items = node.is_scalar() ? one : node.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YamlNode& item = items[i];
    const std::string path = fmt::format("pricing_dirs[{}]", i);
    const auto dir = read_string(item, path, d);
    if (!dir) continue;
    if (dir->empty()) {
      d.error(item.where, path, "expected a directory, found an empty name");
      continue;
    }
    scenario.pricing_dirs.push_back({*dir, item.where});
  }
}

}  // namespace

const Site* Scenario::find_site(const std::string& site_name) const {
  const auto it = std::find_if(sites.begin(), sites.end(), [&](const Site& s) { return s.name == site_name; });
  return it == sites.end() ? nullptr : &*it;
}

const Workload* Scenario::find_workload(const std::string& workload_name) const {
  const auto it =
      std::find_if(workloads.begin(), workloads.end(), [&](const Workload& w) { return w.name == workload_name; });
  return it == workloads.end() ? nullptr : &*it;
}

const Dataset* Scenario::find_dataset(const std::string& dataset_name) const {
  const auto it =
      std::find_if(datasets.begin(), datasets.end(), [&](const Dataset& ds) { return ds.name == dataset_name; });
  return it == datasets.end() ? nullptr : &*it;
}

Date Scenario::pricing_date(int month_index) const { return as_of.value_or(first_day(add_months(start, month_index))); }

double Scenario::hours_in_month(int month_index) const {
  return hours == HoursConvention::calendar ? calendar_hours(add_months(start, month_index)) : kHoursPerMonth;
}

Result<Scenario> load_scenario(std::string_view text, const std::string& file) {
  auto parsed = parse_yaml(text, file);
  if (!parsed) return parsed.diagnostics();
  Diagnostics d = parsed.diagnostics();
  Scenario scenario;
  scenario.file = file;
  MapReader top(scenario_format::top(), parsed.value(), "", d);
  if (!top.valid()) return d;
  if (const YamlNode* version = top.node().find("schema_version")) scenario.schema_version_where = version->where;
  // Read before the sections: the version decides what a workload's `utilization` means.
  scenario.schema_version = static_cast<int>(read_integer(top, "schema_version").value_or(1));
  scenario.name = read_text(top, "name").value_or("");
  scenario.description = read_text(top, "description").value_or("");
  if (const YamlNode* start = top.get("start")) {
    scenario.start = read_year_month(*start, "start", d).value_or(YearMonth{});
    scenario.start_where = start->where;
  }
  if (auto horizon = stated_single(top, "horizon", "the horizon decides which months are evaluated")) {
    const double months = horizon->value / kHoursPerMonth;
    if (months != static_cast<double>(static_cast<int>(months)) || months < 1 || months > 360) {
      d.error(horizon->where, "horizon",
              "expected a whole number of months from 1 month to 30 years, e.g. '36 months' or '5 years', found " +
                  describe(*top.node().find("horizon")));
    } else {
      scenario.horizon_months = static_cast<int>(months);
    }
  }
  if (auto value = read_enum(top, "hours_per_month")) {
    scenario.hours = *value == "calendar" ? HoursConvention::calendar : HoursConvention::fixed_730;
  }
  if (auto currency = read_enum(top, "currency")) scenario.currency = *currency;
  scenario.discount_rate = stated_or(top, "discount_rate", 0.0, scenario);
  within(scenario.discount_rate, "discount_rate", Limits{{}, 1.0, true, "", "100 %"},
         "expected an annual rate of at most 100 %",
         fmt::format("expected an annual rate of at most 100 %, found '{} %'",
                     trim_trailing_zeros(fmt::format("{:.4f}", scenario.discount_rate.value * 100))),
         d);
  if (const YamlNode* as_of = top.get("as_of")) scenario.as_of = read_date(*as_of, "as_of", d);
  if (const YamlNode* dirs = top.get("pricing_dirs")) read_pricing_dirs(*dirs, scenario, d);
  if (const YamlNode* trends = top.get("price_trends")) read_price_trends(*trends, scenario, d);
  if (const YamlNode* drivers = top.get("drivers")) read_drivers(*drivers, scenario, d);
  if (const YamlNode* changes = top.get("price_uncertainty")) read_price_uncertainty(*changes, scenario, d);
  if (const YamlNode* baseline = top.get("baseline"))
    scenario.baseline = read_string(*baseline, "baseline", d).value_or("");
  if (const YamlNode* sites = top.get("sites")) read_sites(*sites, scenario, d);
  if (const YamlNode* workloads = top.get("workloads")) read_workloads(*workloads, scenario, d);
  if (const YamlNode* datasets = top.get("datasets")) read_datasets(*datasets, scenario, d);
  const YamlNode* strategies = top.get("strategies");
  if (strategies != nullptr) {
    MapReader reader(scenario_format::strategies(), *strategies, "strategies", d);
    for (const auto& entry : strategies->entries) read_strategy(entry, reader.path(entry.key), scenario, d);
  } else if (!d.has_errors()) {
    add_default_strategies(scenario, parsed.value().where, d);
  }
  if (const YamlNode* flows = top.get("flows")) read_flows(*flows, scenario, d);
  if (const YamlNode* budgets = top.get("budgets")) read_budgets(*budgets, scenario, d);
  top.finish();
  finish_uncertainty(scenario, d);
  if (d.has_errors()) return d;

  check_references(scenario, d);
  if (scenario.baseline.empty() && !scenario.strategies.empty()) {
    const auto names = names_of(scenario.strategies);
    scenario.baseline =
        std::find(names.begin(), names.end(), "cloud-only") != names.end() ? "cloud-only" : names.front();
  } else if (std::none_of(scenario.strategies.begin(), scenario.strategies.end(),
                          [&](const Strategy& s) { return s.name == scenario.baseline; })) {
    const YamlNode* node = top.node().find("baseline");
    d.error(node ? node->where : SourceLocation{file, 0, 0}, "baseline",
            unknown("strategy", scenario.baseline, scenario.strategies));
  }
  if (d.has_errors()) return d;
  return {std::move(scenario), std::move(d)};
}

Diagnostics schema_upgrade_notes(const Scenario& scenario) {
  Diagnostics notes;
  if (scenario.schema_version >= 2) return notes;
  std::vector<std::string> renamed;
  for (const auto& workload : scenario.workloads) {
    if (workload.useful_work_stated) renamed.push_back("workloads." + workload.name + ".utilization");
  }
  std::string message =
      "schema 1 is read as before; to write this file in schema 2 with the same figures, set 'schema_version: 2'";
  if (!renamed.empty()) {
    message += fmt::format(
        " and rename {} to 'useful_work' (in schema 2, 'utilization' is the share of the provisioned GPUs' hours "
        "the work occupies)",
        join(renamed, ", "));
  }
  notes.add({Severity::note, scenario.schema_version_where, "schema_version", message});
  return notes;
}

}  // namespace tco
