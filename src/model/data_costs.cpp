// Data at rest and data in motion: datasets (growth, migration, refresh to where they are
// read), checkpoints (retention, replication) and declared flows.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine_internal.hpp"

namespace tco::engine {
namespace {

// Storage price per byte-month at a site, or an error naming where it was looked for.
std::optional<double> storage_price(StrategyContext& context, int month, const std::string& site_name,
                                    StorageClass storage_class, const std::string& what) {
  const auto& clouds = context.pricing(month).cloud;
  if (const auto cloud = clouds.find(site_name); cloud != clouds.end()) {
    const auto& storage = cloud->second.region->storage;
    if (const auto it = storage.find(storage_class); it != storage.end()) {
      context.cite(cloud->second.sheet, it->second);
      return it->second.value;
    }
    context.error(cloud->second.site->where, "sites." + site_name,
                  fmt::format("no '{}' storage price in region {} of the {} price sheet ({}), needed for {}",
                              to_string(storage_class), cloud->second.region->id, cloud->second.sheet->id(),
                              cloud->second.sheet->file, what));
    return std::nullopt;
  }
  const Site* site = context.scenario.find_site(site_name);
  if (site->onprem.storage) return site->onprem.storage->value;
  context.error(site->where, "sites." + site_name,
                fmt::format("missing 'storage' (a price per GB-month for owned storage), needed for {}", what));
  return std::nullopt;
}

void store(StrategyContext& context, int month, const std::string& site, StorageClass storage_class, double bytes,
           const std::string& cause) {
  if (bytes <= 0) return;
  if (auto price = storage_price(context, month, site, storage_class, cause))
    context.add(month, Component::storage, cause, site, bytes * *price);
}

void move(StrategyContext& context, int month, const std::string& from, const std::string& to, double bytes,
          const std::string& cause) {
  if (bytes <= 0 || from == to) return;
  context.transfers.push_back({month, from, to, bytes, cause});
}

void add_dataset(StrategyContext& context, const Dataset& dataset) {
  const std::string home = context.dataset_home(dataset);
  const std::string cause = "dataset " + dataset.name;
  const double changed = context.changed_per_refresh(dataset);
  std::set<std::string> synced;  // destinations that already hold a first full copy
  if (home != dataset.origin) move(context, 0, dataset.origin, home, dataset.size_bytes.value, cause + " (migration)");
  for (int month = 0; month < context.months; ++month) {
    const double size = dataset.size_bytes.value * std::pow(1.0 + dataset.growth_per_month.value, month);
    store(context, month, home, dataset.storage_class, size, cause);
    std::set<std::string> readers;
    for (const auto& workload : context.scenario.workloads) {
      if (std::find(workload.reads.begin(), workload.reads.end(), dataset.name) == workload.reads.end()) continue;
      if (workload_demand(context.scenario, workload, month).active)
        readers.insert(context.workload_site(workload.name));
    }
    readers.erase(home);
    const double refreshes = dataset.refreshes_per_month.value;
    for (const auto& site : readers) {
      store(context, month, site, dataset.storage_class, size, cause + " (copy)");
      // The first month brings a full copy; every refresh after it sends what changed.
      const bool first = synced.insert(site).second;
      const double bytes = first ? size + std::max(0.0, refreshes - 1.0) * changed * size : refreshes * changed * size;
      move(context, month, home, site, bytes, cause);
    }
  }
}

void add_checkpoints(StrategyContext& context, const Workload& workload) {
  const Checkpoints& checkpoints = *workload.checkpoints;
  const std::string site = context.workload_site(workload.name);
  const double size = checkpoints.parameters.value * checkpoints.bytes_per_parameter.value;
  const std::string cause = "workload " + workload.name + " (checkpoints)";
  double written = 0;
  for (int month = 0; month < context.months; ++month) {
    const Demand demand = workload_demand(context.scenario, workload, month);
    written += demand.checkpoints_written;
    // The newest `keep` checkpoints stay stored, at the site and at each replica.
    const double retained = std::min(static_cast<double>(checkpoints.keep), written) * size;
    store(context, month, site, StorageClass::standard, retained, cause);
    for (const auto& replica : checkpoints.replicate_to) {
      if (replica == site) continue;
      store(context, month, replica, StorageClass::standard, retained, cause + " (replica)");
      move(context, month, site, replica, demand.checkpoints_written * size, cause);
    }
  }
}

std::string endpoint_site(const StrategyContext& context, const Endpoint& endpoint) {
  switch (endpoint.kind) {
    case Endpoint::Kind::site:
      return endpoint.name;
    case Endpoint::Kind::workload:
      return context.workload_site(endpoint.name);
    case Endpoint::Kind::dataset:
      return context.dataset_home(*context.scenario.find_dataset(endpoint.name));
    case Endpoint::Kind::internet:
      return "";
  }
  return "";
}

void add_flow(StrategyContext& context, const Flow& flow) {
  const auto& only = flow.strategies;
  if (!only.empty() && std::find(only.begin(), only.end(), context.strategy.name) == only.end()) return;
  const std::string from = endpoint_site(context, flow.from);
  const std::string to = endpoint_site(context, flow.to);
  const std::string cause = "flow " + flow.name;
  if (flow.once) {
    for (int month = 0; month < context.months; ++month) {
      if (add_months(context.scenario.start, month) == *flow.once)
        move(context, month, from, to, flow.size_bytes.value, cause);
    }
    return;
  }
  for (int month = 0; month < context.months; ++month) {
    // A flow from a workload moves data only while the workload runs.
    if (flow.from.kind == Endpoint::Kind::workload &&
        !workload_demand(context.scenario, *context.scenario.find_workload(flow.from.name), month).active) {
      continue;
    }
    move(context, month, from, to, flow.per_month.value * flow.size_bytes.value, cause);
  }
}

}  // namespace

void add_data_costs(StrategyContext& context) {
  for (const auto& dataset : context.scenario.datasets) add_dataset(context, dataset);
  for (const auto& workload : context.scenario.workloads) {
    if (workload.checkpoints) add_checkpoints(context, workload);
  }
  for (const auto& flow : context.scenario.flows) add_flow(context, flow);
}

}  // namespace tco::engine
