#include "tco/report/chart_scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {
namespace {

double round_cents(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo <= 0) {
    // A single value: show it inside a small range rather than divide by zero.
    const double pad = lo == 0 ? 0.0 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi = lo == 0 && pad == 0 ? 1.0 : hi + pad;
  }
  target = std::max(target, 2);
  const double raw_step = (hi - lo) / (target - 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
  double best_step = 0;
  double best_first = 0;
  double best_last = 0;
  int best_distance = 0;
  double best_span = 0;
  // Closest count to the target first; then the range that wastes least of the plot; then,
  // as steps are tried in ascending order with `<=`, the larger (rounder) step.
  for (double power : {magnitude / 10, magnitude, magnitude * 10}) {
    for (double multiple : {1.0, 2.0, 2.5, 5.0}) {
      const double step = multiple * power;
      const double first = std::floor(lo / step + 1e-9);
      const double last = std::ceil(hi / step - 1e-9);
      const int distance = std::abs(static_cast<int>(last - first + 1) - target);
      const double span = (last - first) * step;
      const bool better =
          best_step == 0 || distance < best_distance || (distance == best_distance && span <= best_span * (1 + 1e-9));
      if (better) {
        best_step = step;
        best_first = first;
        best_last = last;
        best_distance = distance;
        best_span = span;
      }
    }
  }
  std::vector<double> ticks;
  for (double k = best_first; k <= best_last; k += 1) ticks.push_back(k == 0 ? 0.0 : k * best_step);
  return ticks;
}

std::string compact_money(double amount, std::string_view currency) {
  if (!std::isfinite(amount)) amount = 0;
  // Rounded first, so 999,999.999 is "$1M" rather than "$1000k".
  const double magnitude = round_cents(std::fabs(amount));
  static constexpr std::array<std::pair<double, const char*>, 4> kUnits{
      {{1.0, ""}, {1e3, "k"}, {1e6, "M"}, {1e9, "B"}}};
  std::size_t unit = 0;
  while (unit + 1 < kUnits.size() && round_cents(magnitude / kUnits[unit + 1].first) >= 1.0) ++unit;
  const double scaled = round_cents(magnitude / kUnits[unit].first);
  std::string digits;
  if (unit == 0) {
    digits = scaled == std::round(scaled) ? fmt::format("{:.0f}", scaled) : fmt::format("{:.2f}", scaled);
  } else {
    digits = trim_trailing_zeros(fmt::format("{:.2f}", scaled)) + kUnits[unit].second;
  }
  const std::string sign = amount < 0 && magnitude > 0 ? "-" : "";
  if (currency == "USD") return sign + "$" + digits;
  return sign + digits + " " + std::string(currency);
}

}  // namespace tco
