#pragma once
// Time value of money and break-even (formulas in tco-model(7)).
#include <optional>
#include <span>
#include <vector>

#include "tco/model/results.hpp"

namespace tco {

// Monthly rate equivalent to an annual one: (1 + r)^(1/12) - 1.
double monthly_rate(double annual_rate);
// Net present value of monthly cash flows; the first month is not discounted (t = 0).
double net_present_value(const std::vector<double>& monthly_cash, double annual_rate);
// The cash flows, each discounted to the first month.
std::vector<double> discounted(const std::vector<double>& monthly_cash, double annual_rate);
// The first month (1-based) from which the strategy's cumulative cost stays at or below the
// baseline's, compared to the cent; none when that never happens within the horizon. The
// crossing is placed within that month by linear interpolation, as if each month's costs
// accrued evenly through it.
Crossing find_crossing(std::span<const double> strategy_cash, std::span<const double> baseline_cash);
inline Crossing find_crossing(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash) {
  return find_crossing(std::span<const double>(strategy_cash), std::span<const double>(baseline_cash));
}
std::optional<int> breakeven_month(const std::vector<double>& strategy_cash, const std::vector<double>& baseline_cash);

// Amounts are compared to the cent: a difference under half a cent is a tie.
constexpr double kCentTolerance = 0.005;

}  // namespace tco
