#pragma once
// --measure, --strategy and --against: the figure `tco sensitivity` and `tco sweep` report.
#include <string>

#include <CLI/CLI.hpp>

#include "tco/analysis/sensitivity.hpp"
#include "tco/core/result.hpp"

namespace tco::cli {

struct MeasureOptions {
  std::string kind;  // "" for the command's default
  std::string strategy;
  std::string against;

  void add_to(CLI::App& app, const char* default_kind);
  // The measure with its strategies named: by default the difference between the strategy
  // cheapest as written (other than the baseline) and the baseline; `fallback` when
  // --measure is absent. An unknown or meaningless choice is an error naming the option.
  [[nodiscard]] Result<Measure> resolve(const ModelResult& as_written, Measure::Kind fallback) const;

 private:
  [[nodiscard]] Measure requested(Measure::Kind fallback) const;
};

}  // namespace tco::cli
