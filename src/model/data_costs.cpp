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
  Val value;  // as an input
};

// Storage price per byte-month at a site, or an error naming where it was looked for.
std::optional<StoragePrice> storage_price(StrategyContext& context, int month, const std::string& site_name,
                                          StorageClass storage_class, const std::string& what) {
  const auto& clouds = context.pricing(month).cloud;
  if (const auto cloud = clouds.find(site_name); cloud != clouds.end()) {
    const auto& storage = cloud->second.region->storage;
    if (const auto it = storage.find(storage_class); it != storage.end()) {
      context.cite(cloud->second.sheet, it->second);
      const Val value = context.in(it->second,
                                   [&] {
                                     return fmt::format("prices.{}.{}.storage.{}", cloud->second.sheet->provider,
                                                        cloud->second.region->id, to_string(storage_class));
                                   },
                                   {Dimension::money_per_byte_month, 0, kNoLimit, PriceService::storage});
      return StoragePrice{cloud->second.sheet, &it->second, value};
    }
    context.error(cloud->second.site->where, "sites." + site_name,
                  fmt::format("no '{}' storage price in region {} of the {} price sheet ({}), needed for {}",
                              to_string(storage_class), cloud->second.region->id, cloud->second.sheet->id(),
                              cloud->second.sheet->file, what));
    return std::nullopt;
  }
  const Site* site = context.scenario.find_site(site_name);
  if (site->onprem.storage) {
    const Sourced& price = *site->onprem.storage;
    return StoragePrice{nullptr, &price,
                        context.in(price, [&] { return "sites." + site_name + ".storage"; },
                                   {Dimension::money_per_byte_month, 0, kNoLimit, PriceService::storage})};
  }
  context.error(site->where, "sites." + site_name,
                fmt::format("missing 'storage' (a price per GB-month for owned storage), needed for {}", what));
  return std::nullopt;
}

// Who a line is for: one workload, or a dataset (shared by the workloads reading it); and
// the flow that caused it, when one did.
struct Payer {
  std::string workload;
  std::string dataset;
  std::string flow = {};
};

void store(StrategyContext& context, int month, const std::string& site, StorageClass storage_class,
           const Volume& volume, const std::string& cause, const Payer& payer) {
  if (is_le(volume.bytes, 0.0)) return;
  const auto price = storage_price(context, month, site, storage_class, cause);
  if (!price) return;
  const Val amount = volume.bytes * price->value;
  context.add({month, Component::storage, cause, site, payer.workload, amount, amount, payer.dataset,
               to_string(storage_class) + " storage", Usage{volume.bytes.v, UsageUnit::byte_months},
               context.rate(price->sheet, *price->price, Dimension::money_per_byte_month, price->value)},
              context.derive([&] {
                return Derivation{"bytes stored × price per byte-month",
                                  {volume.factor(), Factor::line_rate(to_string(storage_class) + " storage price")},
                                  {},
                                  "",
                                  amount.v};
              }));
}

void move(StrategyContext& context, int month, const std::string& from, const std::string& to, const Volume& volume,
          const std::string& cause, const Payer& payer) {
  if (from == to || is_le(volume.bytes, 0.0)) return;
  context.transfers.push_back({month, from, to, volume, cause, payer.workload, payer.dataset, payer.flow});
}

// Counts in explanations: four significant digits are plenty ("4.345 transfers a month").
std::string short_number(double value) { return fmt::format("{:.4g}", value); }

ByteBase base_of(const Sourced& size) {
  return size.byte_base == ByteBase::binary ? ByteBase::binary : ByteBase::decimal;
}

// The share of a dataset that changes between refreshes: the strategy's, else the dataset's.
Val changed_per_refresh(const StrategyContext& context, const Dataset& dataset) {
  const auto it = context.strategy.dataset_site.find(dataset.name);
  if (it != context.strategy.dataset_site.end() && it->second.changed_per_refresh) {
    return context.in(*it->second.changed_per_refresh,
                      [&] { return "strategies." + context.strategy.name + ".datasets." + dataset.name + ".changed"; },
                      {Dimension::fraction, 0, 1, std::nullopt});
  }
  return context.in(dataset.changed_per_refresh, [&] { return "datasets." + dataset.name + ".refresh.changed"; },
                    {Dimension::fraction, 0, 1, std::nullopt});
}

// Whether the month's first copy to `site` is a move's: a workload that reads the dataset
// runs there because a move put it there.
bool moved_there(const StrategyContext& context, const Dataset& dataset, const std::string& site, int month) {
  for (const auto& placed : context.portions) {
    const auto& reads = placed.workload->reads;
    if (placed.move != nullptr && placed.site() == site && placed.runs_in(month) &&
        std::find(reads.begin(), reads.end(), dataset.name) != reads.end())
      return true;
  }
  return false;
}

void add_dataset(StrategyContext& context, const Dataset& dataset) {
  const std::string home = context.dataset_home(dataset, -1);  // before any move
  const std::string cause = "dataset " + dataset.name;
  const Val changed = changed_per_refresh(context, dataset);
  const auto path = [&](const char* key) { return "datasets." + dataset.name + "." + key; };
  const Val full_size = context.in(dataset.size_bytes, [&] { return path("size"); }, {Dimension::bytes});
  const Val growth = context.in(dataset.growth_per_month, [&] { return path("growth"); }, {Dimension::fraction});
  const Val refreshes = context.in(dataset.refreshes_per_month, [&] { return path("refresh.per_month"); });
  const ByteBase base = base_of(dataset.size_bytes);
  std::set<std::string> synced;  // destinations that already hold a first full copy
  if (home != dataset.origin) {
    move(context, 0, dataset.origin, home, {full_size, "dataset size", dataset.size_bytes.where, base},
         cause + " (migration)", {"", dataset.name});
  }
  std::string previous_home = home;
  for (int month = 0; month < context.months; ++month) {
    const Val size = full_size * vpow(1.0 + growth, month);
    const std::string grown = fmt::format("dataset size × (1 + growth)^{}", month);
    const std::string current_home = context.dataset_home(dataset, month);
    if (current_home != previous_home) {
      // A move: a full copy at the month's size; the old home keeps it through the failback.
      move(context, month, previous_home, current_home, {size, grown, dataset.size_bytes.where, base},
           "migration: dataset " + dataset.name + " (full copy)", {"", dataset.name});
      previous_home = current_home;
    }
    const std::string kept = context.dataset_kept(dataset, month);
    store(context, month, current_home, dataset.storage_class, {size, grown, dataset.size_bytes.where, base}, cause,
          {"", dataset.name});
    if (!kept.empty()) {
      store(context, month, kept, dataset.storage_class, {size, grown, dataset.size_bytes.where, base},
            "migration: dataset " + dataset.name + " (old copy kept)", {"", dataset.name});
    }
    std::set<std::string> readers;
    for (const auto& workload : context.scenario.workloads) {
      if (std::find(workload.reads.begin(), workload.reads.end(), dataset.name) == workload.reads.end()) continue;
      // Synced to every site that runs some of the workload's work in the month.
      for (const auto* placed : context.portions_of(workload)) {
        if (placed->runs_in(month)) readers.insert(placed->site());
      }
    }
    readers.erase(current_home);
    readers.erase(kept);
    for (const auto& site : readers) {
      store(context, month, site, dataset.storage_class, {size, grown, dataset.size_bytes.where, base},
            cause + " (copy)", {"", dataset.name});
      // The first month brings a full copy; every refresh after it sends what changed.
      const bool first = synced.insert(site).second;
      if (first && moved_there(context, dataset, site, month)) {
        // A move's full copy is the migration's; the refreshes after it are the dataset's.
        move(context, month, current_home, site, {size, grown, dataset.size_bytes.where, base},
             "migration: dataset " + dataset.name + " (full copy to " + site + ")", {"", dataset.name});
        move(context, month, current_home, site,
             {vmax(0.0, refreshes - 1.0) * changed * size,
              fmt::format("{} refreshes × {} changed × size", short_number(std::max(0.0, refreshes.v - 1.0)),
                          format_percent(changed.v)),
              dataset.size_bytes.where, base},
             cause, {"", dataset.name});
        continue;
      }
      const Val bytes = first ? size + vmax(0.0, refreshes - 1.0) * changed * size : refreshes * changed * size;
      const std::string what =
          first ? fmt::format("a full copy + {} refreshes × {} changed × size",
                              short_number(std::max(0.0, refreshes.v - 1.0)), format_percent(changed.v))
                : fmt::format("{} refreshes × {} changed × size", short_number(refreshes.v), format_percent(changed.v));
      move(context, month, current_home, site, {bytes, what, dataset.size_bytes.where, base}, cause,
           {"", dataset.name});
    }
  }
}

// Checkpoints follow the work: each site running part of a workload writes its share of
// them and keeps the newest `keep` of those it wrote.
void add_checkpoints(StrategyContext& context, const PlacedPortion& placed) {
  const Workload& workload = *placed.workload;
  const Checkpoints& checkpoints = *workload.checkpoints;
  const std::string& site = placed.site();
  const auto path = [&](const char* key) { return "workloads." + workload.name + ".checkpoints." + key; };
  const Val size = context.in(checkpoints.parameters, [&] { return path("parameters"); }) *
                   context.in(checkpoints.bytes_per_parameter, [&] { return path("bytes_per_parameter"); });
  const std::string cause = "workload " + workload.name + " (checkpoints)";
  Val written = 0;
  bool started = false;
  for (int month = 0; month < context.months; ++month) {
    const Demand& demand = placed.demand[static_cast<std::size_t>(month)];
    started = started || placed.runs_in(month);
    // A split's or a move's site stores nothing before it first runs, nor after a move took
    // all its work away.
    if ((placed.split() || placed.move != nullptr) && !started) continue;
    if (placed.moved_away_after >= 0 && month > placed.moved_away_after) continue;
    written += demand.checkpoints_written;
    // The newest `keep` checkpoints stay stored, at the site and at each replica.
    const Val kept = vmin(static_cast<double>(checkpoints.keep), written);
    const Volume retained{kept * size,
                          fmt::format("{} checkpoints kept × parameters × bytes per parameter", short_number(kept.v)),
                          checkpoints.where, ByteBase::decimal};
    store(context, month, site, StorageClass::standard, retained, cause, {workload.name, ""});
    for (const auto& replica : checkpoints.replicate_to) {
      if (replica == site) continue;
      store(context, month, replica, StorageClass::standard, retained, cause + " (replica)", {workload.name, ""});
      move(context, month, site, replica,
           {demand.checkpoints_written * size,
            fmt::format("{} checkpoints written × parameters × bytes per parameter",
                        short_number(demand.checkpoints_written.v)),
            checkpoints.where, ByteBase::decimal},
           cause, {workload.name, ""});
    }
  }
}

// A site a flow's endpoint stands for in a month, with the share of the flow that goes
// through it: a workload split between sites sends and receives at each in proportion to the
// GPU-hours it runs there (tco-model(7), BASE AND BURST).
struct Leg {
  std::string site;          // "" for the internet
  std::optional<Val> share;  // none: all of it
};

std::vector<Leg> endpoint_legs(const StrategyContext& context, const Endpoint& endpoint, int month) {
  switch (endpoint.kind) {
    case Endpoint::Kind::site:
      return {{endpoint.name, std::nullopt}};
    case Endpoint::Kind::workload: {
      const Workload& workload = *context.scenario.find_workload(endpoint.name);
      const auto portions = context.portions_of(workload);
      if (portions.size() == 1 && !portions[0]->split()) return {{portions[0]->site(), std::nullopt}};
      // Shares of the GPU-hours the sites run this month (each at its own relative time).
      const auto gpu_hours = [&](const PlacedPortion* placed) {
        return placed->demand[static_cast<std::size_t>(month)].allocated_gpu_hours;
      };
      Val all = 0;
      for (const auto* placed : portions) all += gpu_hours(placed);
      std::vector<Leg> legs;
      for (const auto* placed : portions) {
        if (placed->runs_in(month) && is_lt(0.0, all)) legs.push_back({placed->site(), gpu_hours(placed) / all});
      }
      return legs;  // none when the strategy does not run the workload
    }
    case Endpoint::Kind::dataset:
      return {{context.dataset_home(*context.scenario.find_dataset(endpoint.name), month), std::nullopt}};
    case Endpoint::Kind::internet:
      return {{"", std::nullopt}};
  }
  return {};
}

// While a move of a dataset is under way, the home it left still holds a copy and serves
// every site but the new home (tco-model(7), MOVES).
std::string source_of(const StrategyContext& context, const Endpoint& from, int month, const std::string& home,
                      const std::string& to_site) {
  if (from.kind != Endpoint::Kind::dataset || to_site == home) return home;
  const std::string kept = context.dataset_kept(*context.scenario.find_dataset(from.name), month);
  return kept.empty() ? home : kept;
}

void move_flow(StrategyContext& context, const Flow& flow, int month, const Volume& volume) {
  const std::string workload = flow.from.kind == Endpoint::Kind::workload ? flow.from.name : "";
  for (const auto& from : endpoint_legs(context, flow.from, month)) {
    for (const auto& to : endpoint_legs(context, flow.to, month)) {
      Volume leg = volume;
      for (const auto* share : {&from.share, &to.share}) {
        if (!*share) continue;
        leg.bytes = leg.bytes * **share;
        leg.what += fmt::format(" × {} of the work at {}", format_percent(share->value().v),
                                share == &from.share ? from.site : to.site);
      }
      move(context, month, source_of(context, flow.from, month, from.site, to.site), to.site, leg, "flow " + flow.name,
           {workload, "", flow.name});
    }
  }
}

void add_flow(StrategyContext& context, const Flow& flow) {
  const auto& only = flow.strategies;
  if (!only.empty() && std::find(only.begin(), only.end(), context.strategy.name) == only.end()) return;
  const ByteBase base = base_of(flow.size_bytes);
  const auto path = [&](const char* key) { return "flows." + flow.name + "." + key; };
  const Val size = context.in(flow.size_bytes, [&] { return path("size"); }, {Dimension::bytes});
  if (flow.once) {
    for (int month = 0; month < context.months; ++month) {
      if (add_months(context.scenario.start, month) == *flow.once)
        move_flow(context, flow, month, {size, "size sent once", flow.where, base});
    }
    return;
  }
  for (int month = 0; month < context.months; ++month) {
    // A flow from a workload moves data only while the workload runs.
    if (flow.from.kind == Endpoint::Kind::workload &&
        !context.demand(*context.scenario.find_workload(flow.from.name), month).active) {
      continue;
    }
    move_flow(context, flow, month,
              {context.in(flow.per_month, [&] { return path("per_month"); }) * size,
               fmt::format("{} transfers a month × size", short_number(flow.per_month.value)), flow.where, base});
  }
}

}  // namespace

void add_data_costs(StrategyContext& context) {
  for (const auto& dataset : context.scenario.datasets) add_dataset(context, dataset);
  for (const auto& placed : context.portions) {
    if (placed.workload->checkpoints) add_checkpoints(context, placed);
  }
  for (const auto& flow : context.scenario.flows) add_flow(context, flow);
}

}  // namespace tco::engine
