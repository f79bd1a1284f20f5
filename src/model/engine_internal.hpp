#pragma once
// Shared by the engine's translation units; not a public header.
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "tape.hpp"
#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/model/engine.hpp"
#include "tco/model/plan.hpp"
#include "tco/model/results.hpp"

namespace tco {

// What the engine recorded for a plan, and how its inputs are found again by key.
struct PlanRecording {
  engine::Tape tape;
  std::map<std::string, std::int32_t> input_by_key;  // path + " @ " + where
};

}  // namespace tco

namespace tco::engine {

// The upper bound of an input that has none (a price, a PUE, a life).
inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();

// What a value read as an input may be: sensitivity swings and sweeps stay inside.
struct InputSpec {
  InputSpec(Dimension dimension_ = Dimension::count, double lowest_ = 0, double highest_ = kNoLimit,
            std::optional<PriceService> service_ = std::nullopt)
      : dimension(dimension_), lowest(lowest_), highest(highest_), service(service_) {}
  Dimension dimension;
  double lowest;
  double highest;
  std::optional<PriceService> service;  // a sheet price of this service
  bool whole = false;                   // a count of things: GPUs
};

// How a run reads its inputs: as written (a normal run), recording a plan's inputs and
// arithmetic, or at other values of a recorded plan's inputs.
struct RunInputs {
  EvaluationPlan* recording = nullptr;
  const EvaluationPlan* plan = nullptr;
  std::span<const double> values;  // with `plan`: one per plan input

  [[nodiscard]] bool active() const { return recording != nullptr || plan != nullptr; }
  // The input's value in this run; traced while recording.
  Val read(const Sourced& value, const std::string& path, const InputSpec& spec) const;
  // A whole number the scenario states (a GPU count, a base size) at its value in this run.
  // The count shapes the computation (instances, servers, what a base holds), so a plan holds
  // only at the count it was recorded with; other counts are computed by the engine.
  [[nodiscard]] int count(int value, const SourceLocation& where, const std::string& path, int lowest) const;
};

struct CloudPricing {
  const Site* site = nullptr;
  const PriceSheet* sheet = nullptr;
  const Region* region = nullptr;
};

// An on-prem site's parameters: the scenario's own values, else the catalog's defaults.
struct OnPremPricing {
  const Site* site = nullptr;
  const PriceSheet* catalog = nullptr;  // nullptr when no on-prem catalog was needed
  HardwareSku hardware;
  std::optional<Sourced> electricity, pue, colocation, maintenance, depreciation_life, residual_value, staff_cost,
      staff_fte;
};

struct SitePricing {
  std::map<std::string, CloudPricing> cloud;
  std::map<std::string, OnPremPricing> onprem;
  std::vector<const PriceSheet*> sheets;
};

// Picks the sheet a provider's sites are priced with.
using SheetSelector = std::function<Result<const PriceSheet*>(const std::string& provider)>;

// Resolves every site against the selected sheets and checks regions and hardware exist.
Result<SitePricing> resolve_sites(const Scenario& scenario, const SheetSelector& select);

// The prices of every month: the sheets in effect in that month (or on the pinned date),
// projected by the scenario's price trends beyond each provider's newest sheet.
struct PricingTimeline {
  std::vector<SitePricing> epochs;                         // distinct site pricings
  std::vector<std::size_t> epoch_of_month;                 // [month] -> index into epochs
  std::vector<bool> projected;                             // [month] -> priced by a trend projection
  std::vector<std::unique_ptr<PriceSheet>> projections;    // trend-adjusted copies epochs point into
  std::map<const PriceSheet*, const PriceSheet*> base_of;  // projection -> the catalog view it projects

  [[nodiscard]] const SitePricing& at(int month) const {
    return epochs[epoch_of_month[static_cast<std::size_t>(month)]];
  }
  [[nodiscard]] const PriceSheet* base(const PriceSheet* sheet) const {
    const auto it = base_of.find(sheet);
    return it == base_of.end() ? sheet : it->second;
  }
};

Result<PricingTimeline> resolve_timeline(const Scenario& scenario, const PriceCatalog& catalog,
                                         std::optional<Date> pinned, int months);

// What a workload asks of its site in one month.
struct Demand {
  bool active = false;
  Val allocated_gpu_hours = 0;  // GPU-hours held (paid for in the cloud)
  Val used_gpu_hours = 0;       // allocated × utilization
  Val wall_hours = 0;           // hours the workload's GPUs run
  int peak_gpus = 0;            // GPUs held at once
  Val runs = 0;                 // runs started (runs schedules)
  Val checkpoints_written = 0;
};

// Every workload's demand in every month ([workload × months + month]). `utilization`, when
// given, replaces the schedules by that duty cycle (see Variation).
std::vector<Demand> workload_demands(const Scenario& scenario, int months, const RunInputs& inputs,
                                     std::optional<Val> utilization);

// One site's part of a workload in a strategy, and the demand it runs each month: all of the
// workload's for a single site; for a split, what its base holds and what bursts
// (tco-model(7), BASE AND BURST).
struct PlacedPortion {
  const Workload* workload = nullptr;
  const Portion* portion = nullptr;  // as the strategy states it
  std::vector<Demand> demand;        // per month
  std::optional<int> size;           // the GPUs the strategy states it holds, in this run
  int provisioned = 0;               // GPUs held by a capacity placement: the stated size, or the peak
  std::string gpu;                   // the GPU model at its site
  std::string instance;              // the instance type to rent at a cloud site; empty: the cheapest
  // Moves (tco-model(7), MOVES): the move that placed the work here (nullptr: the strategy's
  // own placement); the GPU-hours the site holds beyond what it runs while a move away from
  // it is under way, per month (empty: none); the last month it runs or holds work once a
  // move has taken all of it away (-1: never moved away).
  const Move* move = nullptr;
  std::vector<Val> held;
  int moved_away_after = -1;
  [[nodiscard]] const std::string& site() const { return portion->site; }
  [[nodiscard]] Val held_in(int month) const { return held.empty() ? Val(0.0) : held[static_cast<std::size_t>(month)]; }
  [[nodiscard]] bool split() const { return portion->role != Portion::Role::whole; }
  // Whether it runs any of the workload's work in `month` (a burst above a base at the
  // peak never does): where data is synced and flows go.
  [[nodiscard]] bool runs_in(int month) const {
    const Demand& d = demand[static_cast<std::size_t>(month)];
    return d.active && d.peak_gpus > 0;
  }
};

// An amount of data stored or moved, and how it was reckoned (for explanations).
struct Volume {
  Val bytes = 0;
  std::string what;  // "dataset size × (1 + growth)^3"
  SourceLocation where;
  ByteBase base = ByteBase::decimal;

  // The first factor of a storage or transfer derivation.
  [[nodiscard]] Factor factor() const {
    return Factor{what, bytes.v, Dimension::bytes, base, Origin{"", std::nullopt, where, std::nullopt, {}}};
  }
};

// Bytes leaving a site in a month; `to_site` empty means the internet.
struct Transfer {
  int month = 0;
  std::string from_site;
  std::string to_site;
  Volume volume;
  std::string cause;
  std::string workload;  // the workload it is for, when one alone
  std::string dataset;   // the dataset it is for
  std::string flow;      // the flow that sends it
};

// Everything one strategy's evaluation needs and produces.
struct StrategyContext {
  const Scenario& scenario;
  const Strategy& strategy;
  const PricingTimeline& timeline;
  int months;
  StrategyResult& result;
  Diagnostics& diagnostics;
  const RunInputs& inputs;
  const std::vector<Demand>& demands;  // workload_demands()
  std::size_t strategy_index = 0;      // in the plan's strategies
  std::vector<Transfer> transfers;
  std::vector<PlacedPortion> portions;  // place_workloads(): every workload's, in order
  // GPU-hours of the site's existing commitments not yet used, per month, by (site, GPU
  // model): add_existing_commitments() fills them, compute draws on them.
  std::map<std::pair<std::string, std::string>, std::vector<Val>> committed_gpu_hours;
  std::set<std::string> reported;  // messages already reported, so a gap is named once
  struct Cited {
    PriceSource source;
    std::set<std::tuple<std::string, int, int>> values;  // where each distinct value was read
  };
  std::map<std::pair<std::string, std::string>, Cited> cited;  // (sheet label, source id)
  bool explaining = false;                                     // record derivations

  // A cost line of the ledger; `workload` names the one workload it is for, when there is
  // one. The provider and region are the site's, filled in by add().
  struct Line {
    int month = 0;
    Component component = Component::compute;
    std::string cause;
    std::string site;
    std::string workload;
    Val cash = 0;
    Val amortized = 0;
    std::string dataset;
    std::string offer;  // what was bought (CostLine::offer)
    Usage usage;
    Rate rate;
    Measures measures = {};
    std::string flow = {};
    int term_end = -1;  // CostLine::term_end
  };
  void add(Line line, std::shared_ptr<const Derivation> derivation = nullptr);
  // The rate of a price read from `sheet` (nullptr: stated in the scenario), at `value` as
  // this run reads it.
  [[nodiscard]] Rate rate(const PriceSheet* sheet, const Sourced& price, Dimension dimension, Val value) const;
  // The derivation `make` builds, only when explaining: the evaluation stays cheap otherwise.
  template <typename Make>
  std::shared_ptr<const Derivation> derive(Make&& make) const {
    if (!explaining) return nullptr;
    return std::make_shared<const Derivation>(make());
  }
  // Where `value` came from: `sheet` when it is a sheet's price, else the scenario.
  [[nodiscard]] Origin origin(const PriceSheet* sheet, const Sourced& value) const;
  // A factor for a sourced value.
  [[nodiscard]] Factor factor(std::string name, const PriceSheet* sheet, const Sourced& value,
                              Dimension dimension) const;
  [[nodiscard]] const Demand& demand(const Workload& workload, int month) const {
    const auto index = static_cast<std::size_t>(&workload - scenario.workloads.data());
    return demands[index * static_cast<std::size_t>(months) + static_cast<std::size_t>(month)];
  }
  // An input's value in this run: `path` names it ("sites.dc.electricity"), and is built
  // only when the run records or varies its inputs.
  template <typename Path>
  [[nodiscard]] Val in(const Sourced& value, Path&& path, const InputSpec& spec = {}) const {
    if (!inputs.active()) return Val(value.value);
    return inputs.read(value, path(), spec);
  }
  void error(const SourceLocation& where, const std::string& path, const std::string& message);
  [[nodiscard]] const SitePricing& pricing(int month) const { return timeline.at(month); }
  // Records that a figure used `value` from `sheet`, so reports can list the sources
  // (and flag secondhand ones) behind each strategy. Values a scenario states are skipped.
  void cite(const PriceSheet* sheet, const Sourced& value);
  void finish_citations();
  // The portions of a workload's placement: none when the strategy does not run it.
  [[nodiscard]] std::vector<const PlacedPortion*> portions_of(const Workload& workload) const;
  // Where the dataset is stored in `month`: the strategy's placement, else its origin, then
  // each move of it that has started (none in month -1).
  [[nodiscard]] std::string dataset_home(const Dataset& dataset, int month = 0) const;
  // The site a dataset moved away from that still keeps a copy in `month` (until the move's
  // failback window ends); empty when none.
  [[nodiscard]] std::string dataset_kept(const Dataset& dataset, int month) const;
  // Draws up to `gpu_hours` of the site's existing commitments for `gpu` in the month; returns
  // what they cover.
  Val draw_committed(const std::string& site, const std::string& gpu, int month, Val gpu_hours);
  [[nodiscard]] std::set<std::string> used_sites() const;
};

// Splits each workload's demand among the portions of its placement (demand.cpp); reports a
// stated size below the peak.
void place_workloads(StrategyContext& context);
// The phases of a workload a strategy moves (moves.cpp): scales each portion's demand by the
// share of the work its phase runs and records what a site left holds for the failback.
// `phases[j]` are the portions of phase j: the strategy's placement, then one per move.
void apply_moves(StrategyContext& context, const std::vector<std::vector<std::size_t>>& phases);
// A move's hours from its start to the end of its failback window, and the month that window ends in.
double move_hours(const Move& move);
int move_last_month(const StrategyContext& context, const Move& move);
// Exit programs for moves that leave a provider (move_waivers.cpp): after price_transfers().
void add_move_waivers(StrategyContext& context);
// The commitments cloud sites already hold (existing_commitments.cpp): their lines, renewals,
// and the GPU-hours they give the strategy's compute. After place_workloads().
void add_existing_commitments(StrategyContext& context);
// The capacity the strategy reserves (existing_commitments.cpp): its lines, and the GPU-hours it
// gives the strategy's compute, as a commitment's. After add_existing_commitments().
void add_reservations(StrategyContext& context);
void add_cloud_compute(StrategyContext& context);
void add_interconnect_ports(StrategyContext& context);
void add_onprem_costs(StrategyContext& context);
void add_data_costs(StrategyContext& context);   // storage, and the transfers data causes
void price_transfers(StrategyContext& context);  // egress lines from context.transfers
// Transfers of everything stored at the strategy's cloud sites in `month` to `to_site` (empty:
// the internet), read from the storage lines already added (exit_transfers.cpp). Their
// causes start with kExitCause (engine.hpp); price_transfers() tiers them on their own.
void add_exit_transfers(StrategyContext& context, int month, const std::string& to_site);

}  // namespace tco::engine
