#pragma once
// FROM:TO:STEP: the one way a range of values is written on the command line
// (tco breakeven --utilization, tco report --utilization, tco sweep --vary).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tco/core/quantity.hpp"

namespace tco {

struct Range {
  double from = 0;  // in the base unit of the dimension
  double to = 0;
  double step = 0;

  // How many values from FROM to TO by STEP: TO itself counts when a step lands on it (to a
  // billionth of a step).
  [[nodiscard]] std::size_t count() const;
  // FROM, FROM + STEP, ... up to TO.
  [[nodiscard]] std::vector<double> values() const;
};

// "30%:100%:10%", "0.05:0.20:0.05 USD/kWh": three quantities of `dimension`, a unit written
// once applying to every part written without one. STEP must be above zero and TO not below
// FROM. None with `problem` set (without the text itself) when the range is not one.
std::optional<Range> parse_range(std::string_view text, Dimension dimension, std::string& problem);

}  // namespace tco
