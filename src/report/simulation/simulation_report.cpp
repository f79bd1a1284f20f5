// The simulation report: the percentiles and shares of each strategy's figures.
#include "tco/report/simulation_report.hpp"

#include <cmath>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {
namespace {

FigureSummary summarise(const Outcome& outcome) {
  return {outcome.as_written,
          outcome.moments.mean,
          outcome.moments.count > 1 ? outcome.moments.standard_error() : 0.0,
          outcome.moments.count > 1 ? outcome.moments.stddev() : 0.0,
          outcome.quantiles.quantile(0.1),
          outcome.quantiles.quantile(0.5),
          outcome.quantiles.quantile(0.9)};
}

double binomial_error(double p, std::uint64_t n) { return n > 0 ? std::sqrt(p * (1 - p) / static_cast<double>(n)) : 0; }

}  // namespace

SimulationReport make_simulation_report(const ModelResult& as_written, const SimulationResult& simulation) {
  SimulationReport report;
  report.comparison = make_comparison_report(as_written);
  report.inputs = simulation.inputs;
  report.samples = simulation.samples;
  report.seed = simulation.seed;
  report.engine_samples = simulation.engine_samples;
  for (const auto& s : simulation.strategies) {
    SimulatedStrategy out;
    out.name = s.name;
    out.total = summarise(s.total);
    out.npv = summarise(s.npv);
    report.quantile_accuracy = s.total.quantiles.relative_accuracy();
    out.probability_cheapest =
        simulation.samples > 0 ? static_cast<double>(s.cheapest) / static_cast<double>(simulation.samples) : 0;
    out.cheapest_standard_error = binomial_error(out.probability_cheapest, simulation.samples);
    out.probability_tied =
        simulation.samples > 0 ? static_cast<double>(s.tied) / static_cast<double>(simulation.samples) : 0;
    out.is_baseline = s.name == simulation.baseline;
    if (!out.is_baseline && s.breakeven.total() > 0) {
      out.breakeven_as_written = s.breakeven_as_written;
      const auto total = static_cast<double>(s.breakeven.total());
      out.probability_breaks_even = (total - static_cast<double>(s.breakeven.none())) / total;
      out.breaks_even_standard_error = binomial_error(out.probability_breaks_even, s.breakeven.total());
      out.breakeven_p10 = s.breakeven.quantile(0.1);
      out.breakeven_p50 = s.breakeven.quantile(0.5);
      out.breakeven_p90 = s.breakeven.quantile(0.9);
    }
    report.strategies.push_back(out);
  }
  return report;
}

}  // namespace tco
