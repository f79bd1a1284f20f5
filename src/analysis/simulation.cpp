// Monte Carlo over a recorded plan: draw, evaluate, summarise, in fixed chunks merged in order.
#include "tco/analysis/simulation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>

#include <fmt/format.h>

#include "tco/core/parallel.hpp"
#include "tco/core/random.hpp"
#include "tco/model/plan_evaluator.hpp"

namespace tco {
namespace {

constexpr std::uint64_t kChunk = 1024;  // samples per unit of work

// One random draw per sample: the inputs it sets, or the service multipliers it scales.
struct Draw {
  std::string path;  // what it is drawn for, to name it
  const Uncertainty* uncertainty = nullptr;
  std::uint64_t stream = 0;
  std::vector<std::size_t> targets;           // plan inputs that take the drawn value
  std::optional<PriceService> price_service;  // price_uncertainty: the service (all: every one)
  bool price = false;
};

struct Sampler {
  const EvaluationPlan& plan;
  std::vector<Draw> draws;
  std::vector<std::size_t> service_inputs;  // plan inputs "prices.SERVICE"
  std::uint64_t seed = 0;

  double draw(const Draw& d, std::uint64_t sample) const {
    return d.uncertainty->value_at(uniform01(seed, sample, d.stream));
  }

  void fill(std::uint64_t sample, std::vector<double>& values) const {
    for (std::size_t input : service_inputs) values[input] = 1.0;
    for (const Draw& d : draws) {
      const double x = draw(d, sample);
      if (!d.price) {
        for (std::size_t input : d.targets) values[input] = x;
        continue;
      }
      for (std::size_t input : service_inputs) {
        if (!d.price_service || plan.inputs[input].service == d.price_service) values[input] *= 1.0 + x;
      }
    }
  }
};

std::uint64_t stream_of(const Uncertainty& uncertainty, const std::string& path) {
  return uncertainty.driver.empty() ? stream_id("input:" + path) : stream_id("driver:" + uncertainty.driver);
}

Sampler sampler_for(const Scenario& scenario, const EvaluationPlan& plan, std::uint64_t seed,
                    std::vector<SimulatedInput>& inputs) {
  Sampler sampler{plan, {}, {}, seed};
  for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
    if (plan.inputs[i].service && plan.inputs[i].service != PriceService::all) sampler.service_inputs.push_back(i);
  }
  for (const auto& uncertain : scenario.uncertain) {
    Draw draw{uncertain.path,
              uncertain.uncertainty.get(),
              stream_of(*uncertain.uncertainty, uncertain.path),
              {},
              std::nullopt,
              false};
    for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
      if (plan.inputs[i].uncertainty == uncertain.uncertainty) draw.targets.push_back(i);
    }
    inputs.push_back({uncertain.path, uncertain.where, uncertain.uncertainty, !draw.targets.empty()});
    if (!draw.targets.empty()) sampler.draws.push_back(std::move(draw));
  }
  for (const auto& [service, change] : scenario.price_uncertainty) {
    const std::string path = "price_uncertainty." + to_string(service);
    Draw draw{path, change.uncertainty.get(), stream_of(*change.uncertainty, path), {}, service, true};
    if (service == PriceService::all) draw.price_service.reset();
    const bool used = std::any_of(sampler.service_inputs.begin(), sampler.service_inputs.end(), [&](std::size_t i) {
      return !draw.price_service || plan.inputs[i].service == draw.price_service;
    });
    inputs.push_back({path, change.where, change.uncertainty, used});
    if (used) sampler.draws.push_back(std::move(draw));
  }
  return sampler;
}

// Plans for samples whose values change a decision the first plan was recorded with (a
// shorter depreciation life moves the replacement): recorded at the first such sample, kept
// for the samples that follow the same decisions. Every sample is evaluated by a plan whose
// guards all hold for it, and plans that agree on every decision compute the same
// arithmetic, so results do not depend on which thread found which plan first.
class PlanCache {
 public:
  PlanCache(const PreparedModel& prepared, const EvaluationPlan& master, const std::vector<bool>& varying)
      : prepared_(prepared), master_(master), varying_(varying) {}

  // Evaluates `values` with a cached plan, or one recorded for them; false with `failure`
  // set when the engine cannot price them.
  bool evaluate(std::span<const double> values, std::span<double> monthly, std::optional<Diagnostics>& failure) {
    std::vector<const Entry*> known;  // entries are never removed: the pointers stay valid
    {
      std::lock_guard lock(mutex_);
      for (const auto& entry : plans_) known.push_back(entry.get());
    }
    for (const Entry* entry : known) {
      auto scratch = entry->compiled.scratch();
      if (entry->compiled.evaluate(values, monthly, scratch)) return true;
    }
    Variation variation;
    variation.plan = &master_;
    variation.values = values;
    auto recorded = prepared_.record_plan(variation);
    if (!recorded) {
      failure = recorded.diagnostics();
      return false;
    }
    auto entry = std::make_unique<Entry>(std::move(recorded).value(), varying_);
    auto scratch = entry->compiled.scratch();
    entry->compiled.evaluate(values, monthly, scratch);
    std::lock_guard lock(mutex_);
    if (plans_.size() < kMaxPlans) plans_.push_back(std::move(entry));
    return true;
  }

 private:
  static constexpr std::size_t kMaxPlans = 32;
  struct Entry {
    Entry(EvaluationPlan recorded, const std::vector<bool>& varying)
        : plan(std::move(recorded)), compiled(plan, varying) {}
    EvaluationPlan plan;
    CompiledPlan compiled;
  };
  const PreparedModel& prepared_;
  const EvaluationPlan& master_;
  const std::vector<bool>& varying_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> plans_;
};

// A sample in which several strategies share the lowest total: none of them is cheapest.
constexpr std::uint8_t kTie = 255;

// What one sample gave: per strategy its total, NPV and break-even month (0: none).
struct Partial {
  std::vector<double> totals;
  std::vector<double> npvs;
  std::vector<int> months;
  std::vector<std::uint8_t> cheapest;  // per sample: the strategy alone at the lowest total, or kTie
  std::vector<std::uint8_t> lowest;    // per sample and strategy: 1 when its total is the lowest
  std::uint64_t engine_samples = 0;
  std::optional<Diagnostics> failure;
};

// Reduces each strategy's monthly cash (strategy-major in `monthly`) to the sample's figures.
class Reducer {
 public:
  explicit Reducer(const EvaluationPlan& plan) : plan_(plan), figures_(plan.strategies.size()) {}

  void add(std::span<const double> monthly, std::span<const double> values, Partial& out) {
    fill_strategy_figures(plan_, monthly, plan_.annual_discount_rate(values), figures_);
    std::size_t cheapest = 0;
    std::size_t at_lowest = 0;
    for (std::size_t s = 0; s < figures_.size(); ++s) {
      if (figures_[s].total < figures_[cheapest].total) cheapest = s;
      out.totals.push_back(figures_[s].total);
      out.npvs.push_back(figures_[s].npv);
      out.months.push_back(figures_[s].breakeven_month.value_or(0));
    }
    for (const auto& figures : figures_) {
      const bool lowest = figures.total == figures_[cheapest].total;
      out.lowest.push_back(lowest ? 1 : 0);
      at_lowest += lowest ? 1 : 0;
    }
    out.cheapest.push_back(at_lowest > 1 ? kTie : static_cast<std::uint8_t>(cheapest));
  }

 private:
  const EvaluationPlan& plan_;
  std::vector<StrategyFigures> figures_;  // reused for every sample
};

// A month's cash within the engine's ceiling on a cost line: beyond it, the engine is asked
// for the error that names the line.
bool plausible(std::span<const double> monthly) {
  return std::all_of(monthly.begin(), monthly.end(),
                     [](double x) { return std::isfinite(x) && std::abs(x) <= kMaxCostLine; });
}

// Describes the drawn values of a failed sample, so that it can be reproduced.
std::string drawn(const Sampler& sampler, std::uint64_t sample) {
  std::vector<std::string> parts;
  for (const Draw& d : sampler.draws) {
    const double x = d.uncertainty->distribution.quantile(uniform01(sampler.seed, sample, d.stream));
    parts.push_back(d.path + " = " + d.uncertainty->show(x));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

// Which plan inputs the draws set: the compiled plan folds the others into constants.
std::vector<bool> varying_inputs(const EvaluationPlan& plan, const Sampler& sampler) {
  std::vector<bool> varying(plan.inputs.size(), false);
  for (const Draw& d : sampler.draws) {
    for (std::size_t input : d.price ? sampler.service_inputs : d.targets) varying[input] = true;
  }
  return varying;
}

// Each strategy's figures as written: the plan at its nominal values.
std::vector<StrategySimulation> as_written(const EvaluationPlan& plan, const CompiledPlan& compiled) {
  auto scratch = compiled.scratch();
  std::vector<double> monthly(plan.cells());
  const auto nominal = plan.nominal_values();
  compiled.evaluate(nominal, monthly, scratch);
  Partial written;
  Reducer(plan).add(monthly, nominal, written);
  std::vector<StrategySimulation> strategies;
  for (std::size_t s = 0; s < plan.strategies.size(); ++s) {
    StrategySimulation strategy;
    strategy.name = plan.strategies[s];
    strategy.total.as_written = written.totals[s];
    strategy.npv.as_written = written.npvs[s];
    if (s != plan.baseline && written.months[s] > 0) strategy.breakeven_as_written = written.months[s];
    strategies.push_back(std::move(strategy));
  }
  return strategies;
}

// Draws and evaluates the samples of a chunk; chunks run concurrently. A sample the compiled
// plan cannot evaluate (a decision changes) goes to the plan cache; one that cannot be priced
// ends its chunk with the failure, and later chunks then stop early.
class ChunkRunner {
 public:
  ChunkRunner(const Scenario& scenario, const PreparedModel& prepared, const EvaluationPlan& plan,
              const CompiledPlan& compiled, const Sampler& sampler, const std::vector<bool>& varying)
      : scenario_(scenario),
        prepared_(prepared),
        plan_(plan),
        compiled_(compiled),
        sampler_(sampler),
        cache_(prepared, plan, varying) {}

  Partial run(std::uint64_t chunk, std::uint64_t begin, std::uint64_t end) {
    Partial out;
    if (first_failed_chunk_.load() < chunk) return out;
    auto scratch = compiled_.scratch();
    std::vector<double> values = plan_.nominal_values();
    std::vector<double> monthly(plan_.cells());
    Reducer reducer(plan_);
    for (std::uint64_t sample = begin; sample < end; ++sample) {
      sampler_.fill(sample, values);
      if (!compiled_.evaluate(values, monthly, scratch)) {
        ++out.engine_samples;
        std::optional<Diagnostics> problem;
        if (!cache_.evaluate(values, monthly, problem)) return fail(out, sample, *problem);
      }
      if (!plausible(monthly)) {
        // The engine names the cost line that ran away, and the input it rests on.
        Variation variation;
        variation.plan = &plan_;
        variation.values = values;
        const auto model = prepared_.run(variation);
        return fail(out, sample, model ? Diagnostics() : model.diagnostics());
      }
      reducer.add(monthly, values, out);
    }
    return out;
  }

 private:
  // Ends the chunk at `sample`, which cannot be priced, naming what it drew so that it can be
  // reproduced.
  Partial fail(Partial& out, std::uint64_t sample, const Diagnostics& why) {
    Diagnostics d;
    d.error({scenario_.file, 0, 0}, "",
            fmt::format("sample {} of seed {} cannot be priced; it drew {}:", sample + 1, sampler_.seed,
                        drawn(sampler_, sample)));
    for (const auto& item : why.items()) d.add(item);
    if (!why.has_errors()) d.error({scenario_.file, 0, 0}, "", "a figure is not a finite number");
    out.failure = std::move(d);
    const std::uint64_t chunk = sample / kChunk;
    for (std::uint64_t seen = first_failed_chunk_.load(); chunk < seen;)
      if (first_failed_chunk_.compare_exchange_weak(seen, chunk)) break;
    return std::move(out);
  }

  const Scenario& scenario_;
  const PreparedModel& prepared_;
  const EvaluationPlan& plan_;
  const CompiledPlan& compiled_;
  const Sampler& sampler_;
  PlanCache cache_;
  // The first chunk with a sample that cannot be priced: later chunks stop early, earlier
  // ones finish, so the sample reported is the first such sample whatever the threads.
  std::atomic<std::uint64_t> first_failed_chunk_{std::numeric_limits<std::uint64_t>::max()};
};

// Adds a chunk's samples, in order, to each strategy's statistics.
void add_samples(const Partial& part, const EvaluationPlan& plan, SimulationResult& result) {
  const std::size_t strategies = plan.strategies.size();
  result.engine_samples += part.engine_samples;
  for (std::size_t i = 0; i < part.cheapest.size(); ++i) {
    if (part.cheapest[i] != kTie) result.strategies[part.cheapest[i]].cheapest += 1;
    for (std::size_t s = 0; s < strategies; ++s) {
      auto& strategy = result.strategies[s];
      const std::size_t at = i * strategies + s;
      if (part.cheapest[i] == kTie && part.lowest[at] != 0) strategy.tied += 1;
      strategy.total.moments.add(part.totals[at]);
      strategy.total.quantiles.add(part.totals[at]);
      strategy.npv.moments.add(part.npvs[at]);
      strategy.npv.quantiles.add(part.npvs[at]);
      if (s != plan.baseline)
        strategy.breakeven.add(part.months[at] > 0 ? std::optional<int>(part.months[at]) : std::nullopt);
    }
  }
}

}  // namespace

Result<SimulationResult> simulate(const Scenario& scenario, const PreparedModel& prepared,
                                  const SimulationOptions& options) {
  auto recorded = prepared.record_plan();
  if (!recorded) return recorded.diagnostics();
  const EvaluationPlan& plan = recorded.value();
  SimulationResult result;
  result.samples = options.samples;
  result.seed = options.seed;
  result.threads = options.threads == 0 ? default_thread_count() : options.threads;
  result.months = plan.months;
  result.baseline = plan.strategies[plan.baseline];
  const Sampler sampler = sampler_for(scenario, plan, options.seed, result.inputs);
  const std::vector<bool> varying = varying_inputs(plan, sampler);
  const CompiledPlan compiled(plan, varying);
  result.plan_instructions = compiled.instructions();
  result.strategies = as_written(plan, compiled);

  ChunkRunner runner(scenario, prepared, plan, compiled, sampler, varying);
  std::optional<Diagnostics> failure;
  const auto work = [&](std::uint64_t chunk, std::uint64_t begin, std::uint64_t end) {
    return runner.run(chunk, begin, end);
  };
  const auto merge = [&](Partial&& part) {
    if (part.failure && !failure) failure = std::move(part.failure);
    add_samples(part, plan, result);
  };
  ordered_parallel_reduce<Partial>(options.samples, kChunk, result.threads, work, merge);
  if (failure) return *failure;
  return result;
}

}  // namespace tco
