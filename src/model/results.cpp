#include "tco/model/results.hpp"

namespace tco {
namespace {
double sum(const std::vector<ComponentAmounts>& months, std::optional<Component> only) {
  double total = 0;
  for (const auto& month : months) {
    for (std::size_t i = 0; i < kComponentCount; ++i) {
      if (!only || static_cast<std::size_t>(*only) == i) total += month[i];
    }
  }
  return total;
}
}  // namespace

double StrategyResult::total_cash() const { return sum(monthly_cash, std::nullopt); }
double StrategyResult::total_amortized() const { return sum(monthly_amortized, std::nullopt); }
double StrategyResult::component_cash(Component component) const { return sum(monthly_cash, component); }
double StrategyResult::component_amortized(Component component) const { return sum(monthly_amortized, component); }

namespace {
std::vector<double> month_totals(const std::vector<ComponentAmounts>& months) {
  std::vector<double> out;
  for (const auto& month : months) {
    double total = 0;
    for (double amount : month) total += amount;
    out.push_back(total);
  }
  return out;
}
}  // namespace

std::vector<double> StrategyResult::monthly_cash_totals() const { return month_totals(monthly_cash); }
std::vector<double> StrategyResult::monthly_amortized_totals() const { return month_totals(monthly_amortized); }

std::vector<double> StrategyResult::cumulative_cash() const {
  std::vector<double> out = monthly_cash_totals();
  for (std::size_t t = 1; t < out.size(); ++t) out[t] += out[t - 1];
  return out;
}

}  // namespace tco
