#include "tco/model/finance.hpp"

#include <algorithm>
#include <cmath>

namespace tco {

double monthly_rate(double annual_rate) { return std::pow(1.0 + annual_rate, 1.0 / 12.0) - 1.0; }

std::vector<double> discounted(const std::vector<double>& monthly_cash, double annual_rate) {
  const double rate = monthly_rate(annual_rate);
  std::vector<double> out(monthly_cash.size());
  double factor = 1.0;
  for (std::size_t t = 0; t < monthly_cash.size(); ++t) {
    out[t] = monthly_cash[t] * factor;
    factor /= 1.0 + rate;
  }
  return out;
}

double net_present_value(const std::vector<double>& monthly_cash, double annual_rate) {
  double total = 0;
  for (double value : discounted(monthly_cash, annual_rate)) total += value;
  return total;
}

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

}  // namespace tco
