#pragma once
// --measure, --strategy and --against: the figure `tco sensitivity` and `tco sweep` report.
#include <string>

#include <CLI/CLI.hpp>

#include "tco/model/sensitivity.hpp"

namespace tco::cli {

struct MeasureOptions {
  std::string kind;  // "" for the command's default
  std::string strategy;
  std::string against;

  void add_to(CLI::App& app, const char* default_kind);
  // The measure to resolve against the scenario (resolve_measure): `fallback` when --measure is absent.
  [[nodiscard]] Measure measure(Measure::Kind fallback) const;
};

}  // namespace tco::cli
