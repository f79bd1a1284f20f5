// What leaving costs: the model run once more, with everything each strategy stores in its
// clouds sent away in each month asked for (model/exit_transfers.cpp); the figures are read
// from that run's exit lines, the commitments and training compute from the run without.
#include "tco/analysis/exit.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "tco/core/calendar.hpp"

namespace tco {
namespace {

// The sheet that priced `provider` in `month`.
const PriceSheet* sheet_in(const ModelResult& model, const std::string& provider, int month) {
  for (const auto& use : model.sheet_uses) {
    if (use.sheet->provider == provider && use.first_month <= month && month <= use.last_month) return use.sheet;
  }
  return nullptr;
}

// Each cloud site's data, from the egress lines of the exit's transfers.
void add_items(const StrategyResult& leaving, ExitAtMonth& point, std::map<std::string, bool>& internet) {
  for (const auto& line : leaving.lines) {
    if (line.month != point.month || line.component != Component::egress || !line.cause.starts_with(kExitCause))
      continue;
    point.items.push_back(
        {line.site, line.provider, line.region, line.cause.substr(kExitCause.size()), line.usage.quantity, line.cash});
    point.bytes += line.usage.quantity;
    point.egress += line.cash;
    internet[line.site] = line.offer == "internet egress";
  }
}

// The exit programs that cover the data each provider's regions sent out to the internet on
// the first day of the month left in: in each region, the one with the largest refund there
// then (PriceSheet::exit_program_for); one waiver per provider and program.
void add_waivers(const ModelResult& model, const std::map<std::string, bool>& internet, ExitAtMonth& point) {
  const Date day = first_day(add_months(model.scenario->start, point.month));
  for (const auto& item : point.items) {
    if (!internet.at(item.site) || item.egress <= 0) continue;
    const PriceSheet* sheet = sheet_in(model, item.provider, point.month);
    const ExitProgram* program = sheet == nullptr ? nullptr : sheet->exit_program_for(item.region, day);
    if (program == nullptr) continue;
    const auto same = [&](const ExitWaiver& w) { return w.provider == item.provider && w.program == program; };
    auto waiver = std::find_if(point.waivers.begin(), point.waivers.end(), same);
    if (waiver == point.waivers.end()) {
      point.waivers.push_back({item.provider, program, sheet->id(), 0, 0});
      waiver = std::prev(point.waivers.end());
    }
    waiver->egress += item.egress;
  }
  for (auto& waiver : point.waivers) {
    waiver.amount = std::clamp(waiver.program->refund.value, 0.0, 1.0) * waiver.egress;
    point.waived += waiver.amount;
  }
}

// The compute that trained models in the strategy's clouds, from the first month to `month`.
double training_compute(const Scenario& scenario, const StrategyResult& strategy,
                        const std::vector<std::string>& clouds, int month) {
  double total = 0;
  for (const auto& line : strategy.lines) {
    if (line.component != Component::compute || line.month > month || line.workload.empty()) continue;
    if (std::find(clouds.begin(), clouds.end(), line.site) == clouds.end()) continue;
    const Workload* workload = scenario.find_workload(line.workload);
    if (workload != nullptr && workload->kind == WorkloadKind::training) total += line.cash;
  }
  return total;
}

// The committed charges at the strategy's clouds whose term runs past `month`: each month
// left of its term costs what the month left in did.
void add_commitments(const StrategyResult& strategy, const std::vector<std::string>& clouds, ExitAtMonth& point) {
  for (const auto& line : strategy.lines) {
    if (line.month != point.month || line.term_end <= point.month + 1) continue;
    if (std::find(clouds.begin(), clouds.end(), line.site) == clouds.end()) continue;
    const int left = line.term_end - point.month - 1;
    point.owed.push_back({line.site, line.cause, line.offer, left, line.cash, line.cash * left});
    point.commitments += line.cash * left;
  }
}

}  // namespace

Result<std::vector<ExitResult>> analyse_exits(const PreparedModel& prepared, const ModelResult& as_written,
                                              const ExitOptions& options, const std::vector<std::string>& strategies) {
  std::vector<ExitResult> results;
  std::vector<const StrategyResult*> without;
  for (const auto& name : strategies) {
    ExitResult& result = results.emplace_back();
    result.options = options;
    result.options.strategy = name;
    without.push_back(as_written.find_strategy(name));
    if (without.back() == nullptr) return Diagnostics{};
    for (const auto& site : as_written.scenario->sites) {
      if (site.kind != SiteKind::cloud) continue;
      const bool used = std::any_of(without.back()->lines.begin(), without.back()->lines.end(),
                                    [&](const CostLine& line) { return line.site == site.name; });
      if (used) result.clouds.push_back(site.name);
    }
  }
  // One run: every strategy leaves its own clouds in each month asked for, each month's exit
  // billed on its own.
  Variation leaving;
  leaving.leave = Variation::Leave{options.months, options.to_site};
  auto run = prepared.run(leaving);
  if (!run) return run.diagnostics();
  for (const int month : options.months) {
    for (std::size_t s = 0; s < strategies.size(); ++s) {
      ExitAtMonth point;
      point.month = month;
      std::map<std::string, bool> internet;
      add_items(*run.value().find_strategy(strategies[s]), point, internet);
      if (options.exit_programs) add_waivers(as_written, internet, point);
      add_commitments(*without[s], results[s].clouds, point);
      if (options.retraining) {
        point.training_compute = training_compute(*as_written.scenario, *without[s], results[s].clouds, month);
        point.retraining = *options.retraining * point.training_compute;
      }
      results[s].points.push_back(std::move(point));
    }
  }
  return results;
}

Result<ExitResult> analyse_exit(const PreparedModel& prepared, const ModelResult& as_written,
                                const ExitOptions& options) {
  auto results = analyse_exits(prepared, as_written, options, {options.strategy});
  if (!results) return results.diagnostics();
  return std::move(results.value().front());
}

}  // namespace tco
