#pragma once
// A workload scenario as written in scenarios/*.yaml (format: tco-scenario(5)), validated
// and converted to base units: bytes, hours, fractions, money per base unit. Values the
// scenario states itself keep their file and line so reports can cite them.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tco/core/calendar.hpp"
#include "tco/core/component.hpp"
#include "tco/inputs/price_sheet.hpp"
#include "tco/inputs/sourced.hpp"
#include "tco/inputs/uncertainty.hpp"

namespace tco {

enum class SiteKind { cloud, onprem };

struct SpotTerms {
  // Per instance; when unstated, the price sheet's figure for the offer chosen.
  std::optional<Sourced> mean_hours_between_interruptions;
  Sourced restart_hours;                     // lost per interruption besides rework
};

struct InterconnectLink {
  std::string port;  // a port name from the sheet's interconnect_ports
  int count = 1;
  std::vector<std::string> to;  // sites reached over the link
  SourceLocation where;
};

// A commitment the site already holds when the horizon starts (tco-scenario(5), COMMITMENTS):
// GPUs paid every hour until `ends`, used or not; workloads of its GPU model on the site run on
// them first. With a renewal, it is renewed for `term_months` at the price changed by
// `renewal` whenever the strategy still runs work on the site after a term ends.
struct ExistingCommitment {
  std::string name;
  int gpus = 0;
  std::string gpu;                 // the GPU model it holds
  Sourced price;                   // per GPU-hour
  YearMonth ends;                  // the last month paid
  std::optional<Sourced> renewal;  // the price change on renewal, a signed fraction
  int term_months = 12;            // of each renewal
  SourceLocation where;
};

struct CloudSite {
  std::string provider;
  std::string region;
  std::string zone;  // optional; sites in other zones pay inter-zone
  PricingModel default_pricing = PricingModel::on_demand;
  std::map<std::string, PricingModel> pricing_by_workload;
  std::optional<SpotTerms> spot;
  // How the site pays for a workload's instances: its own entry, else the default.
  [[nodiscard]] PricingModel pricing_for(const std::string& workload) const {
    const auto it = pricing_by_workload.find(workload);
    return it != pricing_by_workload.end() ? it->second : default_pricing;
  }
  std::optional<InterconnectLink> interconnect;
  std::vector<ExistingCommitment> commitments;
};

// On-prem values the scenario may state; those it leaves out come from the catalog's
// site_defaults (and a missing one is an error where it is needed, never zero).
struct OnPremSite {
  std::string hardware_sku;  // catalog SKU, when not inline
  std::optional<HardwareSku> inline_hardware;
  std::optional<Sourced> electricity, pue, colocation, maintenance, depreciation_life, residual_value, staff_cost;
  std::optional<Sourced> staff_fte;  // count
  std::optional<Sourced> storage;    // per byte-month, for data kept on site
  std::optional<Sourced> egress;     // per byte leaving the site
};

struct Site {
  std::string name;
  SiteKind kind = SiteKind::cloud;
  CloudSite cloud;
  OnPremSite onprem;
  // The time its GPUs take for the work a workload states, as a share (schema 2): 0.85 does
  // it in 85 % of the GPU-hours. None: 1.
  std::optional<Sourced> relative_time;
  SourceLocation where;
  std::map<std::string, SourceLocation> value_where;  // "provider", "region", "hardware": where each value is
  // Where the value of `key` was written, else the site itself: errors found once prices are
  // known (an unknown region) point at the value.
  [[nodiscard]] SourceLocation at(const std::string& key) const {
    const auto it = value_where.find(key);
    return it == value_where.end() ? where : it->second;
  }
};

struct Checkpoints {
  Sourced parameters;           // count
  Sourced bytes_per_parameter;  // 14 for mixed-precision Adam unless stated
  Sourced interval_hours;
  int keep = 1;
  std::vector<std::string> replicate_to;  // sites holding a copy of each checkpoint
  SourceLocation where;
};

enum class WorkloadKind { training, inference };

enum class ScheduleKind { continuous, runs, gpu_hours, tokens };

struct Schedule {
  ScheduleKind kind = ScheduleKind::continuous;
  std::optional<Sourced> runs_per_month;      // runs: per_month
  std::optional<Sourced> run_interval_hours;  // runs: every
  Sourced run_hours;                          // runs: duration
  Sourced gpu_hours_per_month;
  Sourced tokens_per_month;
  Sourced tokens_per_second_per_gpu;
};

struct Workload {
  std::string name;
  WorkloadKind kind = WorkloadKind::training;
  std::string gpu;
  int gpus = 0;               // GPUs used at once (for gpu_hours and tokens schedules: derived)
  SourceLocation gpus_where;  // where `gpus` is written: a sweep or swing of it names it
  Schedule schedule;
  // The share of the GPU time the work occupies that does useful work: it turns occupied
  // GPU-hours into used ones (cost per used GPU-hour, on-prem power, tokens into GPU-hours).
  // Schema 2 writes it `useful_work`; schema 1 wrote it `utilization`.
  Sourced useful_work;
  std::string useful_work_key = "useful_work";  // as written: "useful_work", or "utilization" in schema 1
  bool useful_work_stated = false;              // written in the file (else 100 %, the default)
  // Schema 2, continuous workloads: the share of every hour of its GPUs the work occupies (a
  // duty cycle; none = 100 %). Elastic capacity is paid for that share, owned or committed
  // capacity for every hour. tco-model(7), UTILIZATION.
  std::optional<Sourced> utilization;
  YearMonth start;            // first active month
  std::optional<int> months;  // active months; none = to the end of the horizon
  std::optional<Checkpoints> checkpoints;
  std::vector<std::string> reads;  // datasets refreshed to wherever this workload runs
  SourceLocation where;
};

struct Dataset {
  std::string name;
  Sourced size_bytes;
  Sourced growth_per_month;  // fraction, compounding
  std::string origin;        // the site holding it today
  StorageClass storage_class = StorageClass::standard;
  Sourced refreshes_per_month;  // how often it is synced to where it is read
  Sourced changed_per_refresh;  // fraction that changes (delta sync); 100 % = full copy
  SourceLocation where;
};

// One end of a flow: a site, whatever site a workload or dataset is placed on, or the internet.
struct Endpoint {
  enum class Kind { site, workload, dataset, internet };
  Kind kind = Kind::site;
  std::string name;
};

struct Flow {
  std::string name;
  Endpoint from;
  Endpoint to;
  Sourced size_bytes;
  std::optional<YearMonth> once;        // a one-off transfer in that month
  Sourced per_month;                    // otherwise: transfers per month
  std::vector<std::string> strategies;  // empty = every strategy
  SourceLocation where;
};

struct DatasetPlacement {
  std::string site;
  std::optional<Sourced> changed_per_refresh;  // overrides the dataset's
};

// One site's part of a workload in a strategy, and how it is paid (tco-scenario(5), STRATEGIES).
struct Portion {
  enum class Role {
    whole,  // the site runs all of the workload's demand
    base,   // the site holds `gpus` GPUs; each month's demand fills them first
    burst,  // the site runs what the base cannot hold, paid for what it occupies
  };
  Role role = Role::whole;
  std::string site;
  std::optional<PricingModel> pricing;   // stated in the strategy; else the site's for the workload
  std::optional<int> gpus;               // the GPUs provisioned; none: sized to the peak
  SourceLocation gpus_where;             // where `gpus` is written
  std::string gpu;                       // the GPU model here; empty: the workload's
  std::string instance;                  // the instance type to rent here; empty: the cheapest
  std::optional<Sourced> relative_time;  // replaces the site's for this workload
  SourceLocation where;                  // of the site's name
};

// Where a strategy runs a workload: nowhere (`none`), on one site, or a base on one site
// and the rest of each month's demand on another (base first, then burst).
struct WorkloadPlacement {
  std::vector<Portion> portions;  // empty: the workload does not run in this strategy
  [[nodiscard]] bool runs() const { return !portions.empty(); }
};

// One step of a staged move: this share of the work runs on the new site for this long.
struct MoveStage {
  Sourced share;  // fraction; each value keeps where it was written
  Sourced hours;
};

// A change of placement within a strategy (tco-scenario(5), MOVES): from the first day of
// `at`, the workloads shift to one site in stages, the sites they leave stay provisioned for
// the failback window after the cutover, and the datasets' homes move with a full copy.
struct Move {
  YearMonth at;
  Portion portion;                     // the new site's part: Role::whole, its pricing
  std::vector<std::string> workloads;  // none named (and no dataset): every workload the strategy runs
  std::vector<std::string> datasets;   // whose home moves to the new site
  std::vector<MoveStage> stages;
  std::optional<Sourced> failback_hours;
  SourceLocation where;
  [[nodiscard]] bool moves_workload(const std::string& workload) const {
    if (workloads.empty()) return datasets.empty();
    return std::find(workloads.begin(), workloads.end(), workload) != workloads.end();
  }
};

// Capacity a strategy holds on a cloud site (tco-scenario(5), STRATEGIES), such as an EC2
// On-Demand Capacity Reservation: `count` instances of one type, paid every hour at the
// site's on-demand price for them, used or not, from the first month until `ends`; the
// strategy's work of their GPU model on the site runs on them first. Unlike a commitment it
// may be cancelled at any time, so nothing of it is owed after an exit.
struct Reservation {
  std::string name;
  std::string site;
  std::string instance;
  int count = 1;
  std::optional<YearMonth> ends;  // the last month held; none: to the end of the horizon
  SourceLocation where;
};

struct Strategy {
  std::string name;
  std::string description;
  std::map<std::string, WorkloadPlacement> workload_placement;
  std::map<std::string, DatasetPlacement> dataset_site;
  std::vector<Move> moves;    // in the order of their months
  std::vector<Reservation> reservations;
  bool exit_programs = true;  // a move that leaves a provider gets its exit program's waiver
  SourceLocation where;
  // Where each placement was written: the workload's or dataset's key, and its site's value.
  std::map<std::string, SourceLocation> key_where;   // "workloads.NAME", "datasets.NAME"
  std::map<std::string, SourceLocation> site_where;  // the same keys
};

enum class HoursConvention { fixed_730, calendar };

// A spending limit the scenario declares (`budgets:`), checked by `tco check` and on the
// head side of `tco diff`.
struct Budget {
  std::string name;                    // as written; empty: described by its scope
  std::string strategy;                // empty: every strategy
  std::optional<Component> component;  // none: the strategy's total
  bool per_month = false;              // the limit holds for each month (else for the horizon)
  bool amortized = false;              // compare amortized figures (else cash)
  Sourced limit;                       // money, or money per month when per_month
  SourceLocation where;
};

struct Scenario {
  std::string file;
  // The format version (tco-scenario(5), SCHEMA VERSIONS): 1 reads `utilization` as the
  // useful-work share; 2 as the duty cycle of the provisioned GPUs.
  int schema_version = 1;
  SourceLocation schema_version_where;
  std::string name;
  std::string description;
  YearMonth start;
  SourceLocation start_where;
  int horizon_months = 0;
  HoursConvention hours = HoursConvention::fixed_730;
  std::string currency = "USD";
  Sourced discount_rate;      // annual fraction
  std::optional<Date> as_of;  // pins every month to the sheets in effect on this date
  // Directories of price sheets and overlays the scenario brings (`pricing_dirs`), as written:
  // relative to the scenario file's directory unless absolute. They load after the bundled
  // sheets and before any --pricing-dir.
  struct PricingDir {
    std::string path;
    SourceLocation where;
  };
  std::vector<PricingDir> pricing_dirs;
  // Annual price change per service, projecting sheet prices beyond each provider's newest
  // sheet (timeline pricing only): -15 % means a price falls 15 % a year.
  std::map<PriceService, Sourced> price_trends;
  std::string baseline;
  std::vector<Site> sites;
  std::vector<Workload> workloads;
  std::vector<Dataset> datasets;
  std::vector<Flow> flows;
  std::vector<Strategy> strategies;
  std::vector<Budget> budgets;
  // Uncertainty (tco-scenario(5), UNCERTAINTY): the named shared draws, the relative change of
  // every price of a service (each a Sourced of value 0 with its distribution), and every
  // stated value written as a distribution, in file order (price_uncertainty's are not).
  std::vector<Driver> drivers;
  std::map<PriceService, Sourced> price_uncertainty;
  std::vector<UncertainInput> uncertain;

  [[nodiscard]] const Site* find_site(const std::string& site_name) const;
  [[nodiscard]] const Workload* find_workload(const std::string& workload_name) const;
  [[nodiscard]] const Dataset* find_dataset(const std::string& dataset_name) const;
  // The date whose price sheets apply to month `month_index`: as_of when pinned, else the
  // first day of that month (timeline pricing).
  [[nodiscard]] Date pricing_date(int month_index = 0) const;
  [[nodiscard]] double hours_in_month(int month_index) const;
};

}  // namespace tco
