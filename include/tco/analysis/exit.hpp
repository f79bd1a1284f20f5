#pragma once
// What leaving costs (tco-model(7), LEAVING): the one-off cost of moving everything a
// strategy stores in its clouds out of them in a given month, with and without the
// providers' exit programs, and optionally the training that would have to be redone.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/model/engine.hpp"

namespace tco {

struct ExitOptions {
  std::string strategy;
  std::string to_site;               // empty: the internet
  std::vector<int> months;           // 0-based months of the horizon to leave in
  bool exit_programs = true;         // apply the sheets' exit programs
  std::optional<double> retraining;  // the share of the training compute spent in the clouds to redo
};

// One kind of data stored at one cloud site when leaving.
struct ExitItem {
  std::string site;
  std::string provider;
  std::string region;
  std::string what;  // the storage line's cause: "dataset corpus", "workload pretrain (checkpoints)"
  double bytes = 0;
  double egress = 0;  // its share of the exit's egress from the site
};

// A provider's exit program applied to the egress of leaving the regions it covers on the
// first day of the month left in (PriceSheet::exit_program_for picks one per region).
struct ExitWaiver {
  std::string provider;
  const ExitProgram* program = nullptr;
  std::string sheet;  // the sheet it is listed in ("aws@2025-06-01")
  double egress = 0;  // the egress it covers: to the internet, from those regions
  double amount = 0;  // waived: refund × egress
};

// A commitment a strategy still owes when it leaves: the months of its term after the one left in.
struct ExitCommitment {
  std::string site;
  std::string what;   // the line's cause: "workload finetune"
  std::string offer;  // "p5.48xlarge"
  int months_left = 0;
  double monthly = 0;  // the month's committed charge
  double amount = 0;   // monthly × months_left
};

struct ExitAtMonth {
  int month = 0;  // 0-based
  std::vector<ExitItem> items;
  double bytes = 0;
  // Moving it: to the internet (or an owned site, or another provider) billed as a month's
  // egress of its own from each region, through the tiers from the first.
  double egress = 0;
  std::vector<ExitWaiver> waivers;  // empty without --exit-programs or when none applies
  double waived = 0;
  double retraining = 0;             // share × training compute in the clouds up to this month
  double training_compute = 0;       // that compute
  std::vector<ExitCommitment> owed;  // commitments whose term runs past the month
  double commitments = 0;            // what they still cost
  [[nodiscard]] double total_without_programs() const { return egress + retraining + commitments; }
  [[nodiscard]] double total() const { return egress - waived + retraining + commitments; }
};

struct ExitResult {
  ExitOptions options;
  std::vector<std::string> clouds;  // the strategy's cloud sites, in scenario order
  std::vector<ExitAtMonth> points;  // one per month asked for, in order
};

// Prices the strategy's exit in each month of `options.months` (one more run of the model, with
// the exits' transfers). The strategy and site must exist (checked by the caller).
Result<ExitResult> analyse_exit(const PreparedModel& prepared, const ModelResult& as_written,
                                const ExitOptions& options);
// The same for each of `strategies` (options.strategy ignored), from the same one run.
Result<std::vector<ExitResult>> analyse_exits(const PreparedModel& prepared, const ModelResult& as_written,
                                              const ExitOptions& options, const std::vector<std::string>& strategies);

}  // namespace tco
