#pragma once
// Hand-made comparison reports for the diff tests: a few component amounts per strategy, so
// every expected figure can be worked out by hand.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "tco/report/comparison.hpp"

namespace tco::test {

using Amounts = std::initializer_list<std::pair<Component, double>>;

// A strategy whose cash, amortized total and NPV are all the sum of `amounts`.
inline StrategyColumn column(const std::string& name, Amounts amounts) {
  StrategyColumn c;
  c.name = name;
  for (const auto& [component, amount] : amounts) {
    c.cash[static_cast<std::size_t>(component)] += amount;
    c.total_cash += amount;
  }
  c.amortized = c.cash;
  c.total_amortized = c.npv = c.total_cash;
  return c;
}

// Scenario "t" (t.yaml) in USD over `months` months from 2027-01, against "cloud".
inline ComparisonReport report(int months, std::vector<StrategyColumn> columns) {
  ComparisonReport r;
  r.scenario_name = "t";
  r.scenario_file = "t.yaml";
  r.currency = "USD";
  r.baseline = "cloud";
  r.months = months;
  for (int m = 0; m < months; ++m) {
    const int month = m % 12 + 1;
    r.month_labels.push_back(std::to_string(2027 + m / 12) + (month < 10 ? "-0" : "-") + std::to_string(month));
  }
  r.start = r.month_labels.front();
  r.end = r.month_labels.back();
  r.strategies = std::move(columns);
  return r;
}

}  // namespace tco::test
