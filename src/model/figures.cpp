#include "tco/model/figures.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace tco {

// ---- Amounts from the ledger ----

std::vector<ComponentAmounts> amounts_by_month(const std::vector<CostLine>& ledger, int months, Basis basis) {
  std::vector<ComponentAmounts> out(static_cast<std::size_t>(months), ComponentAmounts{});
  for (const auto& line : ledger) {
    if (line.month < 0 || line.month >= months) continue;
    out[static_cast<std::size_t>(line.month)][static_cast<std::size_t>(line.component)] +=
        basis == Basis::cash ? line.cash : line.amortized;
  }
  return out;
}

std::vector<double> month_totals(const std::vector<ComponentAmounts>& months) {
  std::vector<double> out;
  out.reserve(months.size());
  for (const auto& month : months) {
    double sum = 0;
    for (const double amount : month) sum += amount;
    out.push_back(sum);
  }
  return out;
}

double total(const std::vector<ComponentAmounts>& months, std::optional<Component> only) {
  double sum = 0;
  for (const auto& month : months) {
    for (std::size_t i = 0; i < kComponentCount; ++i) {
      if (!only || static_cast<std::size_t>(*only) == i) sum += month[i];
    }
  }
  return sum;
}

std::vector<double> cumulative(std::vector<double> monthly) {
  for (std::size_t t = 1; t < monthly.size(); ++t) monthly[t] += monthly[t - 1];
  return monthly;
}

std::vector<CauseAmount> amounts_by_cause(const std::vector<CostLine>& ledger) {
  std::map<std::tuple<Component, std::string, std::string>, CauseAmount> causes;
  for (const auto& line : ledger) {
    auto& entry = causes[{line.component, line.cause, line.site}];
    entry.component = line.component;
    entry.cause = line.cause;
    entry.site = line.site;
    entry.cash += line.cash;
    entry.amortized += line.amortized;
  }
  std::vector<CauseAmount> out;
  for (const auto& [key, amount] : causes) out.push_back(amount);
  std::stable_sort(out.begin(), out.end(),
                   [](const CauseAmount& a, const CauseAmount& b) { return a.amortized > b.amortized; });
  return out;
}

double StrategyResult::total_cash() const { return total(monthly_cash); }
double StrategyResult::total_amortized() const { return total(monthly_amortized); }
double StrategyResult::component_cash(Component component) const { return total(monthly_cash, component); }
double StrategyResult::component_amortized(Component component) const { return total(monthly_amortized, component); }
std::vector<double> StrategyResult::monthly_cash_totals() const { return month_totals(monthly_cash); }
std::vector<double> StrategyResult::monthly_amortized_totals() const { return month_totals(monthly_amortized); }
std::vector<double> StrategyResult::cumulative_cash() const { return cumulative(monthly_cash_totals()); }

// ---- Time value of money ----

double monthly_rate(double annual_rate) { return std::pow(1.0 + annual_rate, 1.0 / 12.0) - 1.0; }

namespace {

// Each month's cash times its discount factor, in order: the one definition of discounting
// that NPV and the discounted curve share.
template <typename Each>
void for_each_discounted(std::span<const double> monthly_cash, double annual_rate, Each&& each) {
  const double rate = monthly_rate(annual_rate);
  double factor = 1.0;
  for (const double amount : monthly_cash) {
    each(amount * factor);
    factor /= 1.0 + rate;
  }
}

}  // namespace

std::vector<double> discounted(std::span<const double> monthly_cash, double annual_rate) {
  std::vector<double> out;
  out.reserve(monthly_cash.size());
  for_each_discounted(monthly_cash, annual_rate, [&](double value) { out.push_back(value); });
  return out;
}

double net_present_value(std::span<const double> monthly_cash, double annual_rate) {
  double sum = 0;
  for_each_discounted(monthly_cash, annual_rate, [&](double value) { sum += value; });
  return sum;
}

// ---- Break-even ----

Crossing find_crossing(std::span<const double> strategy_cash, std::span<const double> baseline_cash) {
  Crossing crossing;
  double gap = 0;  // strategy minus baseline, cumulative
  for (std::size_t t = 0; t < strategy_cash.size() && t < baseline_cash.size(); ++t) {
    const double before = gap;
    gap += strategy_cash[t] - baseline_cash[t];
    if (gap > kCentTolerance) {
      crossing.month.reset();
    } else if (!crossing.month) {
      crossing.month = static_cast<int>(t) + 1;
      // Where the line from `before` to `gap` reaches zero; at once when it never was above.
      crossing.fraction = before > kCentTolerance && before > gap ? std::min(1.0, before / (before - gap)) : 0.0;
    }
  }
  crossing.gap_at_end = gap;
  return crossing;
}

std::optional<int> breakeven_month(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash) {
  return find_crossing(strategy_cash, baseline_cash).month;
}

Breakeven find_breakeven(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash,
                         double annual_rate) {
  return {find_crossing(strategy_cash, baseline_cash),
          find_crossing(discounted(strategy_cash, annual_rate), discounted(baseline_cash, annual_rate))};
}

// ---- One evaluation of a plan ----

StrategyFigures strategy_figures(std::span<const double> monthly_cash, std::span<const double> baseline_cash,
                                 bool is_baseline, double annual_rate) {
  StrategyFigures figures;
  for (const double amount : monthly_cash) figures.total += amount;
  figures.npv = net_present_value(monthly_cash, annual_rate);
  if (!is_baseline) {
    const Crossing crossing = find_crossing(monthly_cash, baseline_cash);
    if (crossing.month) {
      figures.breakeven = *crossing.month - 1 + crossing.fraction;
      figures.breakeven_month = crossing.month;
    }
  }
  return figures;
}

// ---- Unit economics ----

namespace {

bool is_fleet_cost(Component component) {
  return component == Component::hardware || component == Component::power || component == Component::space ||
         component == Component::maintenance || component == Component::staff || component == Component::interconnect;
}

// A workload that shares a cost line, weighed by its GPU-hours: all of them for a dataset it
// reads, those it runs at the line's site for a fleet's cost.
struct Sharer {
  const WorkloadUse* use;
  double gpu_hours;
};

// Shares `amount` among `sharers` in proportion to their GPU-hours; false when none of them
// used any.
bool share(double amount, const std::vector<Sharer>& sharers, std::map<std::string, double>& cost) {
  double hours = 0;
  for (const Sharer& sharer : sharers) hours += sharer.gpu_hours;
  if (hours <= 0) return false;
  for (const Sharer& sharer : sharers) cost[sharer.use->name] += amount * sharer.gpu_hours / hours;
  return true;
}

}  // namespace

UnitEconomics unit_economics(const StrategyResult& strategy, const Scenario& scenario) {
  UnitEconomics out;
  std::map<std::string, double> cost;
  for (const auto& line : strategy.lines) {
    if (!line.workload.empty()) {
      cost[line.workload] += line.amortized;
      continue;
    }
    std::vector<Sharer> sharers;
    for (const auto& use : strategy.workloads) {
      const Workload* workload = scenario.find_workload(use.name);
      const bool reads = !line.dataset.empty() && std::find(workload->reads.begin(), workload->reads.end(),
                                                            line.dataset) != workload->reads.end();
      const auto at_site = use.allocated_by_site.find(line.site);
      if (reads) {
        sharers.push_back({&use, use.allocated_gpu_hours});
      } else if (line.dataset.empty() && is_fleet_cost(line.component) && at_site != use.allocated_by_site.end()) {
        sharers.push_back({&use, at_site->second});
      }
    }
    if (!share(line.amortized, sharers, cost)) out.unattributed_cost += line.amortized;
  }
  for (const auto& use : strategy.workloads) {
    WorkloadEconomics economics{use.name, use.kind,     use.site,   cost[use.name], use.used_gpu_hours,
                                use.runs, std::nullopt, use.tokens, std::nullopt};
    if (use.kind == WorkloadKind::training && use.runs > 0) economics.cost_per_run = economics.cost / use.runs;
    if (use.tokens && *use.tokens > 0) economics.cost_per_million_tokens = economics.cost / (*use.tokens / 1e6);
    out.workloads.push_back(economics);
  }
  const double total_cash = strategy.total_cash();
  if (strategy.used_gpu_hours > 0) out.cost_per_used_gpu_hour = strategy.total_amortized() / strategy.used_gpu_hours;
  out.egress_share = total_cash != 0 ? strategy.component_cash(Component::egress) / total_cash : 0;
  double dataset_bytes = 0;
  for (const auto& dataset : scenario.datasets) dataset_bytes += dataset.size_bytes.value;
  if (dataset_bytes > 0) out.transfer_amplification = strategy.site_transfer_bytes / dataset_bytes;
  return out;
}

std::optional<MigrationPayback> migration_payback(const StrategyResult& strategy,
                                                  const std::vector<double>& baseline_cash) {
  MigrationPayback payback;
  bool any = false;
  for (const auto& line : strategy.lines) {
    if (!line.cause.starts_with(kMigrationCause)) continue;
    payback.start_month = any ? std::min(payback.start_month, line.month) : line.month;
    payback.cost += line.cash;
    any = true;
  }
  if (!any) return std::nullopt;
  const auto cash = strategy.monthly_cash_totals();
  double saved = 0;  // since the migration began, compared to the cent
  for (std::size_t month = static_cast<std::size_t>(payback.start_month); month < cash.size(); ++month) {
    saved += baseline_cash[month] - cash[month];
    if (saved >= -0.005) {
      payback.month = static_cast<int>(month);
      break;
    }
  }
  return payback;
}

// ---- Per event ----

const char* to_string(EventKind kind) {
  switch (kind) {
    case EventKind::dataset_migration:
      return "dataset_migration";
    case EventKind::checkpoint_save:
      return "checkpoint_save";
    case EventKind::flow_transfer:
      return "flow_transfer";
  }
  return "";
}

namespace {

// A line an event caused: egress of its cause, priced by the bytes it moved.
bool is_event_line(const CostLine& line, const std::string& cause) {
  return line.component == Component::egress && line.usage.unit == UsageUnit::bytes && line.cause == cause &&
         line.usage.quantity > 0;
}

// `event` in `month`, or else in the first month a line of its cause moved bytes; none when
// it moved nothing then. `event_bytes(site)` is what one event sends from that site.
template <typename EventBytes>
std::optional<EventCost> cost_of_event(const StrategyResult& strategy, EventCost event, std::optional<int> month,
                                       EventBytes&& event_bytes) {
  if (!month) {
    for (const auto& line : strategy.lines) {
      if (is_event_line(line, event.cause) && (!month || line.month < *month)) month = line.month;
    }
    if (!month) return std::nullopt;
  }
  event.month = *month;
  for (const auto& line : strategy.lines) {
    if (line.month != *month || !is_event_line(line, event.cause)) continue;
    const double each = event_bytes(line.site);
    if (!(each > 0)) continue;
    event.events += line.usage.quantity / each;
    event.bytes += line.usage.quantity;
    event.cash += line.cash;
    if (std::find(event.sites.begin(), event.sites.end(), line.site) == event.sites.end())
      event.sites.push_back(line.site);
  }
  if (!(event.events > 0)) return std::nullopt;
  return event;
}

}  // namespace

std::vector<EventCost> event_costs(const StrategyResult& strategy, const Scenario& scenario, std::optional<int> month) {
  std::vector<EventCost> out;
  const auto add = [&](std::optional<EventCost> event) {
    if (event) out.push_back(std::move(*event));
  };
  for (const auto& dataset : scenario.datasets) {
    // data_costs.cpp: a migration sends the dataset's first size once.
    const double size = dataset.size_bytes.value;
    add(cost_of_event(strategy,
                      {EventKind::dataset_migration, dataset.name, "dataset " + dataset.name + " (migration)"}, month,
                      [&](const std::string&) { return size; }));
  }
  for (const auto& workload : scenario.workloads) {
    if (!workload.checkpoints || workload.checkpoints->replicate_to.empty()) continue;
    const Checkpoints& checkpoints = *workload.checkpoints;
    const double size = checkpoints.parameters.value * checkpoints.bytes_per_parameter.value;
    // Each checkpoint goes from the site that wrote it to every replica site but that one.
    const auto per_save = [&](const std::string& site) {
      const auto replicas = std::count_if(checkpoints.replicate_to.begin(), checkpoints.replicate_to.end(),
                                          [&](const std::string& replica) { return replica != site; });
      return size * static_cast<double>(replicas);
    };
    add(cost_of_event(strategy,
                      {EventKind::checkpoint_save, workload.name, "workload " + workload.name + " (checkpoints)"},
                      month, per_save));
  }
  for (const auto& flow : scenario.flows) {
    const double size = flow.size_bytes.value;
    add(cost_of_event(strategy, {EventKind::flow_transfer, flow.name, "flow " + flow.name}, month,
                      [&](const std::string&) { return size; }));
  }
  return out;
}

}  // namespace tco
