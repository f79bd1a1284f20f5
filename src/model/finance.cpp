#include "tco/model/finance.hpp"

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

std::optional<int> breakeven_month(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash) {
  std::optional<int> since;
  double strategy_total = 0;
  double baseline_total = 0;
  for (std::size_t t = 0; t < strategy_cash.size() && t < baseline_cash.size(); ++t) {
    strategy_total += strategy_cash[t];
    baseline_total += baseline_cash[t];
    if (strategy_total <= baseline_total + kCentTolerance) {
      if (!since) since = static_cast<int>(t) + 1;
    } else {
      since.reset();
    }
  }
  return since;
}

}  // namespace tco
