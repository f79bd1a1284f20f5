#include "sweep_axes.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/quantity.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

namespace tco::cli {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + 1)
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

// The unit of a part ("0.20 USD/kWh" -> "USD/kWh"), or "" for a bare number.
std::string unit_of(std::string_view part) { return std::string(split_number(trim(part)).second); }

// The values of FROM:TO:STEP in the dimension's base unit, or the problem with them.
std::optional<std::vector<double>> parse_range(const SweepAxisSpec& spec, Dimension dimension, std::string& problem) {
  auto parts = split(spec.range, ':');
  if (parts.size() != 3) {
    problem = "expected FROM:TO:STEP, such as 30%:100%:10%";
    return std::nullopt;
  }
  std::string unit;
  for (const auto& part : parts) {
    if (unit.empty()) unit = unit_of(part);
  }
  double numbers[3];
  for (std::size_t i = 0; i < 3; ++i) {
    std::string text(trim(parts[i]));
    if (unit_of(text).empty() && !unit.empty()) text += " " + unit;
    QuantityError error;
    const auto quantity = parse_quantity(text, dimension, &error);
    if (!quantity) {
      problem = error.message;
      return std::nullopt;
    }
    numbers[i] = quantity->value;
  }
  const auto [from, to, step] = numbers;
  if (!(step > 0))
    problem = "the STEP must be above zero";
  else if (to < from)
    problem = "TO must not be below FROM";
  if (!problem.empty()) return std::nullopt;
  const double count = std::floor((to - from) / step + 1e-9) + 1;
  if (count > static_cast<double>(kMaxSweepValues)) {
    problem = fmt::format("that is {} values; at most {} are swept: widen the STEP", count, kMaxSweepValues);
    return std::nullopt;
  }
  std::vector<double> values;
  for (int i = 0; i < static_cast<int>(count); ++i) values.push_back(from + i * step);
  return values;
}

std::string unknown_input(const std::string& path, const Sweep& sweep) {
  auto paths = sweep.paths();
  paths.push_back("utilization");
  return fmt::format(
      "--vary: no input '{}' in the scenario's figures{}; inputs are the key paths of the values its strategies use, "
      "such as sites.NAME.electricity, workloads.NAME.utilization, prices.compute (every compute price) or "
      "utilization (every workload's, as tco breakeven varies it); tco sensitivity lists them all",
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
    auto values = parse_range(spec, input->dimension, wrong);
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
    axes.push_back({spec.path, input->dimension, std::move(values).value(), input->as_written});
  }
  if (failed) return std::nullopt;
  return axes;
}

}  // namespace tco::cli
