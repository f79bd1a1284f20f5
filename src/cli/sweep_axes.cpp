#include "sweep_axes.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/range.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

namespace tco::cli {
namespace {

// The values of FROM:TO:STEP in the dimension's base unit, or the problem with them.
std::optional<std::vector<double>> axis_values(const SweepAxisSpec& spec, Dimension dimension, std::string& problem) {
  const auto range = parse_range(spec.range, dimension, problem);
  if (!range) return std::nullopt;
  if (range->count() > kMaxSweepValues) {
    problem = fmt::format("that is {} values; at most {} are swept: widen the STEP", range->count(), kMaxSweepValues);
    return std::nullopt;
  }
  return range->values();
}

std::string unknown_input(const std::string& path, const Sweep& sweep) {
  auto paths = sweep.paths();
  paths.push_back("utilization");
  return fmt::format(
      "--vary: no input '{}' in the scenario's figures{}; inputs are the key paths of the values its strategies use, "
      "such as sites.NAME.electricity, workloads.NAME.useful_work, workloads.NAME.gpus, prices.compute (every "
      "compute price) or utilization (every workload's, as tco breakeven varies it); tco sensitivity --all --sizes "
      "lists them all",
      path, did_you_mean(path, paths));
}

}  // namespace

std::optional<std::vector<SweepAxis>> sweep_axes(const std::vector<SweepAxisSpec>& specs, const Sweep& sweep,
                                                 Console& console) {
  std::vector<SweepAxis> axes;
  bool failed = false;
  for (const auto& spec : specs) {
    const auto input = sweep.input(spec.path);
    if (!input) {
      console.error(unknown_input(spec.path, sweep));
      failed = true;
      continue;
    }
    const auto problem = [&](const std::string& message) {
      console.error(fmt::format("--vary {}={}: {}", spec.path, spec.range, message));
      failed = true;
    };
    std::string wrong;
    auto values = axis_values(spec, input->dimension, wrong);
    if (!values) {
      problem(wrong);
      continue;
    }
    // Only values the input can take: a utilization up to 100 %, no negative price.
    const auto outside = std::find_if(values->begin(), values->end(), [&](double v) {
      return v < input->lowest - 1e-12 || v > input->highest + 1e-12;
    });
    if (outside != values->end()) {
      const auto show = [&](double v) {
        return input->dimension == Dimension::fraction ? format_percent(v, 0) : format_number(v);
      };
      problem(fmt::format("expected values from {}{}, found {}", show(input->lowest),
                          std::isinf(input->highest) ? " up" : " to " + show(input->highest), show(*outside)));
      continue;
    }
    const auto fraction = std::find_if(values->begin(), values->end(),
                                       [&](double v) { return input->whole && std::abs(v - std::round(v)) > 1e-9; });
    if (fraction != values->end()) {
      problem(fmt::format("expected whole numbers (it counts GPUs), found {}", format_number(*fraction)));
      continue;
    }
    axes.push_back({spec.path, input->dimension, std::move(values).value(), input->as_written});
  }
  if (failed) return std::nullopt;
  return axes;
}

}  // namespace tco::cli
