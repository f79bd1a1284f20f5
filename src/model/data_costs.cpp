// Data at rest and data in motion: datasets (growth, migration, refresh to where they are
// read), checkpoints (retention, replication) and declared flows.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::engine {
namespace {

struct StoragePrice {
  const PriceSheet* sheet = nullptr;  // nullptr for an owned site's stated price
  const Sourced* price = nullptr;
};

// Storage price per byte-month at a site, or an error naming where it was looked for.
std::optional<StoragePrice> storage_price(StrategyContext& context, int month, const std::string& site_name,
                                          StorageClass storage_class, const std::string& what) {
  const auto& clouds = context.pricing(month).cloud;
  if (const auto cloud = clouds.find(site_name); cloud != clouds.end()) {
    const auto& storage = cloud->second.region->storage;
    if (const auto it = storage.find(storage_class); it != storage.end()) {
      context.cite(cloud->second.sheet, it->second);
      return StoragePrice{cloud->second.sheet, &it->second};
    }
    context.error(cloud->second.site->where, "sites." + site_name,
                  fmt::format("no '{}' storage price in region {} of the {} price sheet ({}), needed for {}",
                              to_string(storage_class), cloud->second.region->id, cloud->second.sheet->id(),
                              cloud->second.sheet->file, what));
    return std::nullopt;
  }
  const Site* site = context.scenario.find_site(site_name);
  if (site->onprem.storage) return StoragePrice{nullptr, &*site->onprem.storage};
  context.error(site->where, "sites." + site_name,
                fmt::format("missing 'storage' (a price per GB-month for owned storage), needed for {}", what));
  return std::nullopt;
}

// Who a line is for: one workload, or a dataset (shared by the workloads reading it).
struct Payer {
  std::string workload;
  std::string dataset;
};

void store(StrategyContext& context, int month, const std::string& site, StorageClass storage_class,
           const Volume& volume, const std::string& cause, const Payer& payer) {
  if (volume.bytes <= 0) return;
  const auto price = storage_price(context, month, site, storage_class, cause);
  if (!price) return;
  const double amount = volume.bytes * price->price->value;
  context.add(
      {month, Component::storage, cause, site, payer.workload, amount, amount, payer.dataset}, context.derive([&] {
        return Derivation{"bytes stored × price per byte-month",
                          {volume.factor(), context.factor(to_string(storage_class) + " storage price", price->sheet,
                                                           *price->price, Dimension::money_per_byte_month)},
                          {},
                          "",
                          amount};
      }));
}

void move(StrategyContext& context, int month, const std::string& from, const std::string& to, const Volume& volume,
          const std::string& cause, const Payer& payer) {
  if (volume.bytes <= 0 || from == to) return;
  context.transfers.push_back({month, from, to, volume, cause, payer.workload, payer.dataset});
}

// Counts in explanations: four significant digits are plenty ("4.345 transfers a month").
std::string short_number(double value) { return fmt::format("{:.4g}", value); }

ByteBase base_of(const Sourced& size) {
  return size.byte_base == ByteBase::binary ? ByteBase::binary : ByteBase::decimal;
}

void add_dataset(StrategyContext& context, const Dataset& dataset) {
  const std::string home = context.dataset_home(dataset);
  const std::string cause = "dataset " + dataset.name;
  const double changed = context.changed_per_refresh(dataset);
  const ByteBase base = base_of(dataset.size_bytes);
  std::set<std::string> synced;  // destinations that already hold a first full copy
  if (home != dataset.origin) {
    move(context, 0, dataset.origin, home, {dataset.size_bytes.value, "dataset size", dataset.size_bytes.where, base},
         cause + " (migration)", {"", dataset.name});
  }
  for (int month = 0; month < context.months; ++month) {
    const double size = dataset.size_bytes.value * std::pow(1.0 + dataset.growth_per_month.value, month);
    const std::string grown = fmt::format("dataset size × (1 + growth)^{}", month);
    store(context, month, home, dataset.storage_class, {size, grown, dataset.size_bytes.where, base}, cause,
          {"", dataset.name});
    std::set<std::string> readers;
    for (const auto& workload : context.scenario.workloads) {
      if (std::find(workload.reads.begin(), workload.reads.end(), dataset.name) == workload.reads.end()) continue;
      if (context.demand(workload, month).active) readers.insert(context.workload_site(workload.name));
    }
    readers.erase(home);
    const double refreshes = dataset.refreshes_per_month.value;
    for (const auto& site : readers) {
      store(context, month, site, dataset.storage_class, {size, grown, dataset.size_bytes.where, base},
            cause + " (copy)", {"", dataset.name});
      // The first month brings a full copy; every refresh after it sends what changed.
      const bool first = synced.insert(site).second;
      const double bytes = first ? size + std::max(0.0, refreshes - 1.0) * changed * size : refreshes * changed * size;
      const std::string what =
          first ? fmt::format("a full copy + {} refreshes × {} changed × size",
                              short_number(std::max(0.0, refreshes - 1.0)), format_percent(changed))
                : fmt::format("{} refreshes × {} changed × size", short_number(refreshes), format_percent(changed));
      move(context, month, home, site, {bytes, what, dataset.size_bytes.where, base}, cause, {"", dataset.name});
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
    const Demand demand = context.demand(workload, month);
    written += demand.checkpoints_written;
    // The newest `keep` checkpoints stay stored, at the site and at each replica.
    const double kept = std::min(static_cast<double>(checkpoints.keep), written);
    const Volume retained{kept * size,
                          fmt::format("{} checkpoints kept × parameters × bytes per parameter", short_number(kept)),
                          checkpoints.where, ByteBase::decimal};
    store(context, month, site, StorageClass::standard, retained, cause, {workload.name, ""});
    for (const auto& replica : checkpoints.replicate_to) {
      if (replica == site) continue;
      store(context, month, replica, StorageClass::standard, retained, cause + " (replica)", {workload.name, ""});
      move(context, month, site, replica,
           {demand.checkpoints_written * size,
            fmt::format("{} checkpoints written × parameters × bytes per parameter",
                        short_number(demand.checkpoints_written)),
            checkpoints.where, ByteBase::decimal},
           cause, {workload.name, ""});
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
  const std::string workload = flow.from.kind == Endpoint::Kind::workload ? flow.from.name : "";
  const ByteBase base = base_of(flow.size_bytes);
  if (flow.once) {
    for (int month = 0; month < context.months; ++month) {
      if (add_months(context.scenario.start, month) == *flow.once)
        move(context, month, from, to, {flow.size_bytes.value, "size sent once", flow.where, base}, cause,
             {workload, ""});
    }
    return;
  }
  for (int month = 0; month < context.months; ++month) {
    // A flow from a workload moves data only while the workload runs.
    if (flow.from.kind == Endpoint::Kind::workload &&
        !context.demand(*context.scenario.find_workload(flow.from.name), month).active) {
      continue;
    }
    move(context, month, from, to,
         {flow.per_month.value * flow.size_bytes.value,
          fmt::format("{} transfers a month × size", short_number(flow.per_month.value)), flow.where, base},
         cause, {workload, ""});
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
