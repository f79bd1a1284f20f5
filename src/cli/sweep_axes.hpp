#pragma once
// The --vary PATH=FROM:TO:STEP options of `tco sweep`, read against the inputs a sweep can set.
#include <optional>
#include <string>
#include <vector>

#include "console.hpp"
#include "tco/analysis/sweep.hpp"

namespace tco::cli {

struct SweepAxisSpec {
  std::string path;   // an input's key path, "sites.dc.electricity", or "utilization"
  std::string range;  // "0.05:0.20:0.05 USD/kWh"; a unit written once applies to every part
};

// Each --vary as an axis of values in base units, or none after printing every problem
// (an unknown path, a range that is not FROM:TO:STEP, values the input cannot take).
std::optional<std::vector<SweepAxis>> sweep_axes(const std::vector<SweepAxisSpec>& specs, const Sweep& sweep,
                                                 Console& console);

}  // namespace tco::cli
