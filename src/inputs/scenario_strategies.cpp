// A scenario's strategies: where each runs every workload and stores every dataset, how each
// site's part is paid (tco-scenario(5), STRATEGIES), the three default strategies, and the
// checks that tie a strategy to the sites, workloads and datasets it names.
#include <algorithm>

#include <fmt/format.h>

#include "scenario_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::scenario_detail {
namespace {

std::optional<PricingModel> read_pricing_key(MapReader& reader) {
  const auto name = read_enum(reader, "pricing");
  return name ? parse_pricing_model(*name) : std::nullopt;
}

// One portion written as a mapping ({site, pricing, gpus}, a base, or a burst).
Portion read_portion(MapReader& reader, Portion::Role role, const Scenario& scenario) {
  Portion portion;
  portion.role = role;
  if (const YamlNode* site = reader.get("site")) {
    portion.site = read_string(*site, reader.path("site"), reader.diagnostics()).value_or("");
    portion.where = site->where;
  }
  portion.pricing = read_pricing_key(reader);
  portion.gpu = read_text(reader, "gpu").value_or("");
  portion.instance = read_text(reader, "instance").value_or("");
  portion.relative_time = read_relative_time(reader, scenario, reader.diagnostics());
  if (role == Portion::Role::burst) return portion;  // sized by what it runs
  if (auto gpus = read_integer(reader, "gpus")) {
    portion.gpus = static_cast<int>(*gpus);
    portion.gpus_where = reader.node().find("gpus")->where;
  }
  return portion;
}

Portion portion_at_site(const YamlNode& node, const std::string& path, Portion::Role role, Diagnostics& d) {
  Portion portion;
  portion.role = role;
  portion.site = read_string(node, path, d).value_or("");
  portion.where = node.where;
  return portion;
}

// {base: {site, gpus, pricing}, burst: SITE | {site, pricing}}.
void read_split(MapReader& reader, const YamlNode& base, const YamlNode& burst, const Scenario& scenario,
                WorkloadPlacement& placement) {
  Diagnostics& d = reader.diagnostics();
  MapReader base_reader(scenario_format::base_portion(), base, reader.path("base"), d);
  if (base_reader.valid()) placement.portions.push_back(read_portion(base_reader, Portion::Role::base, scenario));
  base_reader.finish();
  if (burst.is_mapping()) {
    MapReader burst_reader(scenario_format::burst_portion(), burst, reader.path("burst"), d);
    if (burst_reader.valid()) placement.portions.push_back(read_portion(burst_reader, Portion::Role::burst, scenario));
    burst_reader.finish();
  } else {
    placement.portions.push_back(portion_at_site(burst, reader.path("burst"), Portion::Role::burst, d));
  }
}

WorkloadPlacement read_workload_placement(const YamlNode& node, const std::string& path, const Scenario& scenario,
                                          Diagnostics& d) {
  WorkloadPlacement placement;
  const bool version_2 = scenario.schema_version >= 2;
  if (!node.is_mapping()) {
    const auto site = read_string(node, path, d);
    // In schema 1, `none` is a site's name like any other.
    if (site && *site == "none" && version_2) return placement;
    if (site) placement.portions.push_back(portion_at_site(node, path, Portion::Role::whole, d));
    return placement;
  }
  if (!version_2) {
    d.error(
        node.where, path,
        "a placement written as a mapping needs 'schema_version: 2'; in schema 1, a workload maps to a site's name");
    return placement;
  }
  MapReader reader(scenario_format::workload_site(), node, path, d);
  if (!reader.valid()) return placement;
  const YamlNode* base = node.find("base");
  const YamlNode* burst = node.find("burst");
  if (base != nullptr || burst != nullptr) {
    reader.get("base");
    reader.get("burst");
    for (const char* key : {"site", "pricing", "gpus", "gpu", "instance", "relative_time"}) {
      if (const YamlNode* value = node.find(key)) {
        d.error(value->where, reader.path(key),
                fmt::format("a split states '{}' in its base or its burst, not beside them", key));
        reader.get(key);
      }
    }
    if (base == nullptr || burst == nullptr) {
      d.error(node.where, path,
              base == nullptr ? "a burst needs a base: {base: {site, gpus}, burst: SITE}"
                              : "a base needs a burst site for the rest of the demand: {base: {site, gpus}, burst: "
                                "SITE}; for one site with a stated size, write {site, gpus}");
    } else {
      read_split(reader, *base, *burst, scenario, placement);
    }
  } else if (node.find("site") == nullptr) {
    d.error(node.where, path, "expected 'site' (one site) or 'base' and 'burst' (a split), found neither");
  } else {
    placement.portions.push_back(read_portion(reader, Portion::Role::whole, scenario));
  }
  reader.finish();
  return placement;
}

}  // namespace

void read_strategy(const YamlEntry& entry, const std::string& path, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::strategy(), entry.value, path, d);
  if (!reader.valid()) return;
  Strategy strategy;
  strategy.name = entry.key;
  strategy.where = entry.key_where;
  if (const YamlNode* description = reader.get("description"))
    strategy.description = read_string(*description, reader.path("description"), d).value_or("");
  if (const YamlNode* workloads = reader.get("workloads")) {
    MapReader placement(scenario_format::workload_placement(), *workloads, reader.path("workloads"), d);
    for (const auto& item : workloads->entries) {
      strategy.workload_placement[item.key] =
          read_workload_placement(item.value, placement.path(item.key), scenario, d);
      strategy.key_where["workloads." + item.key] = item.key_where;
      strategy.site_where["workloads." + item.key] = item.value.where;
    }
  }
  if (const YamlNode* datasets = reader.get("datasets")) {
    MapReader placement(scenario_format::dataset_placement(), *datasets, reader.path("datasets"), d);
    for (const auto& item : datasets->entries) {
      strategy.key_where["datasets." + item.key] = item.key_where;
      strategy.site_where["datasets." + item.key] =
          item.value.is_mapping() && item.value.find("site") ? item.value.find("site")->where : item.value.where;
      DatasetPlacement where;
      if (item.value.is_mapping()) {
        MapReader detail(scenario_format::dataset_site(), item.value, placement.path(item.key), d);
        where.site = read_text(detail, "site").value_or("");
        where.changed_per_refresh = stated(detail, "changed", scenario);
        // As the dataset's own refresh.changed, which it replaces.
        within(where.changed_per_refresh, detail.path("changed"), Limits{{}, 1.0, true, "", "100 %"},
               "expected at most 100 %", "", d);
        detail.finish();
      } else if (auto site = read_string(item.value, placement.path(item.key), d)) {
        where.site = *site;
      }
      strategy.dataset_site[item.key] = where;
    }
  }
  if (const YamlNode* moves = reader.get("moves")) read_moves(*moves, reader.path("moves"), strategy, scenario, d);
  if (const YamlNode* exit_programs = reader.get("exit_programs"))
    strategy.exit_programs = read_bool(*exit_programs, reader.path("exit_programs"), d).value_or(true);
  if (const YamlNode* reservations = reader.get("reservations"))
    read_reservations(*reservations, reader.path("reservations"), strategy, d);
  reader.finish();
  scenario.strategies.push_back(std::move(strategy));
}

// Without a strategies section, a scenario with one cloud and one on-prem site gets the
// three classic placements. Hybrid trains on owned hardware and serves from the cloud.
void add_default_strategies(Scenario& scenario, const SourceLocation& where, Diagnostics& d) {
  const Site* cloud = nullptr;
  const Site* onprem = nullptr;
  for (const auto& site : scenario.sites) {
    if (site.kind == SiteKind::cloud && cloud == nullptr) cloud = &site;
    if (site.kind == SiteKind::onprem && onprem == nullptr) onprem = &site;
  }
  if (cloud == nullptr || onprem == nullptr) {
    d.error(where, "strategies",
            "missing 'strategies': defaults need one cloud site and one onprem site to place workloads on");
    return;
  }
  auto make = [&](const char* name, const char* description, auto site_for_workload, auto site_for_dataset) {
    Strategy strategy;
    strategy.name = name;
    strategy.description = description;
    strategy.where = where;
    for (const auto& workload : scenario.workloads) {
      Portion whole;
      whole.site = site_for_workload(workload);
      whole.where = where;
      strategy.workload_placement[workload.name].portions.push_back(whole);
    }
    for (const auto& dataset : scenario.datasets)
      strategy.dataset_site[dataset.name] = DatasetPlacement{site_for_dataset(dataset), {}};
    scenario.strategies.push_back(strategy);
  };
  make(
      "cloud-only", "every workload and dataset in the cloud", [&](const Workload&) { return cloud->name; },
      [&](const Dataset&) { return cloud->name; });
  // With only training or only inference, that hybrid places every workload as one of the
  // others does: schema 2 leaves it out rather than compare a strategy with its copy.
  const auto trains = [](const Workload& w) { return w.kind == WorkloadKind::training; };
  const bool mixed = std::any_of(scenario.workloads.begin(), scenario.workloads.end(), trains) &&
                     !std::all_of(scenario.workloads.begin(), scenario.workloads.end(), trains);
  if (mixed || scenario.schema_version < 2) {
    make(
        "hybrid", "training on owned hardware, inference in the cloud",
        [&](const Workload& w) { return trains(w) ? onprem->name : cloud->name; },
        [&](const Dataset& ds) { return ds.origin; });
  }
  make(
      "on-prem", "every workload and dataset on owned hardware", [&](const Workload&) { return onprem->name; },
      [&](const Dataset&) { return onprem->name; });
}

namespace {

// How a portion is paid must suit its site and its role: a base is capacity held (owned,
// or committed), a burst is paid for what it occupies (on-demand or spot, in a cloud).
void check_portion(const Scenario& scenario, const Portion& portion, const std::string& workload,
                   const std::string& path, Diagnostics& d) {
  if (!check_site(scenario, portion.site, portion.where, path, d)) return;
  const Site* site = scenario.find_site(portion.site);
  if (site->kind == SiteKind::onprem) {
    if (portion.pricing)
      d.error(portion.where, path,
              fmt::format("site '{}' is owned: 'pricing' applies to a cloud site's instances", portion.site));
    if (portion.role == Portion::Role::burst)
      d.error(portion.where, path,
              fmt::format("site '{}' is owned: a burst runs on a cloud site, paid on-demand or spot", portion.site));
    if (!portion.instance.empty())
      d.error(portion.where, path,
              fmt::format("site '{}' is owned: 'instance' names a cloud site's instance type to rent", portion.site));
    return;
  }
  const PricingModel model = portion.pricing.value_or(site->cloud.pricing_for(workload));
  if (portion.role == Portion::Role::base && !is_commitment(model)) {
    d.error(portion.where, path,
            fmt::format("a base is capacity held, used or not: own it (an onprem site) or commit it ('pricing: 1y' "
                        "or '3y'), found {} at site '{}'",
                        to_string(model), portion.site));
  }
  if (portion.role == Portion::Role::burst && is_commitment(model)) {
    d.error(portion.where, path,
            fmt::format("a burst is paid for what it occupies: on-demand or spot, found a {} commitment at site '{}'",
                        to_string(model), portion.site));
  }
  if (portion.role == Portion::Role::whole && portion.gpus && !is_commitment(model)) {
    d.error(portion.where, path,
            fmt::format("'gpus' sizes capacity held: a 1y or 3y commitment or an owned site; {} at site '{}' pays "
                        "for what the work occupies",
                        to_string(model), portion.site));
  }
}

}  // namespace

void check_strategy(const Scenario& scenario, const Strategy& strategy, Diagnostics& d) {
  const std::string path = "strategies." + strategy.name;
  for (const auto& workload : scenario.workloads) {
    if (!strategy.workload_placement.count(workload.name))
      d.error(strategy.where, path + ".workloads", fmt::format("workload '{}' is not placed on a site", workload.name));
  }
  // The key's or the site value's place, when the placement was written (not generated).
  const auto at = [&](const std::map<std::string, SourceLocation>& where, const std::string& key) {
    const auto it = where.find(key);
    return it == where.end() ? strategy.where : it->second;
  };
  for (const auto& [workload, placement] : strategy.workload_placement) {
    const std::string key = "workloads." + workload;
    if (scenario.find_workload(workload) == nullptr) {
      d.error(at(strategy.key_where, key), path + ".workloads", unknown("workload", workload, scenario.workloads));
    }
    for (const auto& portion : placement.portions) {
      const char* role = portion.role == Portion::Role::base    ? ".base"
                         : portion.role == Portion::Role::burst ? ".burst"
                                                                : "";
      check_portion(scenario, portion, workload, path + "." + key + role, d);
    }
  }
  for (const auto& [dataset, placement] : strategy.dataset_site) {
    const std::string key = "datasets." + dataset;
    if (scenario.find_dataset(dataset) == nullptr) {
      d.error(at(strategy.key_where, key), path + ".datasets", unknown("dataset", dataset, scenario.datasets));
    }
    check_site(scenario, placement.site, at(strategy.site_where, key), path + "." + key, d);
  }
  check_moves(scenario, strategy, d);
  check_reservations(scenario, strategy, d);
}

}  // namespace tco::scenario_detail
