#include "tco/model/results.hpp"

namespace tco {

std::string to_string(Component component) {
  switch (component) {
    case Component::compute:
      return "compute";
    case Component::hardware:
      return "hardware";
    case Component::power:
      return "power";
    case Component::space:
      return "space";
    case Component::maintenance:
      return "maintenance";
    case Component::staff:
      return "staff";
    case Component::storage:
      return "storage";
    case Component::egress:
      return "egress";
    case Component::interconnect:
      return "interconnect";
  }
  return "?";
}

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

std::vector<double> StrategyResult::cumulative_cash() const {
  std::vector<double> out;
  double running = 0;
  for (const auto& month : monthly_cash) {
    for (double amount : month) running += amount;
    out.push_back(running);
  }
  return out;
}

}  // namespace tco
