// The scenario's `budgets:` list: spending limits per strategy, component and period.
//
//   budgets:
//     - name: egress cap                 # optional
//       strategy: hybrid                 # optional: every strategy
//       component: egress                # optional: the strategy's total
//       limit: 150000 USD                # over the horizon, or '30000 USD/month' for each month
//       basis: cash                      # or amortized
#include <algorithm>

#include "scenario_internal.hpp"

namespace tco::scenario_detail {
namespace {

// "150000 USD" (the horizon) or "30000 USD/month" (each month): the unit says which.
std::optional<Sourced> read_limit(const YamlNode& node, const std::string& path, bool& per_month, Diagnostics& d) {
  if (const std::string kind = distribution_named(node); !kind.empty()) {
    d.error(node.where, path,
            fmt::format("expected a single value, found a {} distribution: a budget is a limit to check against, "
                        "not an estimate",
                        kind));
    return std::nullopt;
  }
  per_month = node.is_scalar() && node.scalar.find("/month") != std::string::npos;
  if (!node.is_scalar() || (!per_month && node.scalar.find('/') != std::string::npos)) {
    d.error(node.where, path,
            fmt::format("expected an amount over the horizon ('150000 USD') or per month ('30000 USD/month'), "
                        "found {}",
                        node.is_scalar() ? "'" + node.scalar + "'" : describe(node)));
    return std::nullopt;
  }
  const auto quantity = read_quantity(node, path, per_month ? Dimension::money_per_month : Dimension::money, d);
  if (!quantity) return std::nullopt;
  Sourced limit = Sourced::stated(quantity->value, node.where, "budget limit");
  limit.currency = quantity->currency;
  return limit;
}

void read_budget(const YamlNode& node, const std::string& path, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::budget(), node, path, d);
  if (!reader.valid()) return;
  Budget budget;
  budget.where = node.where;
  if (const YamlNode* name = reader.get("name")) budget.name = read_string(*name, reader.path("name"), d).value_or("");
  if (const YamlNode* strategy = reader.get("strategy")) {
    budget.strategy = read_string(*strategy, reader.path("strategy"), d).value_or("");
    const auto& defined = scenario.strategies;
    if (!budget.strategy.empty() &&
        std::none_of(defined.begin(), defined.end(), [&](const Strategy& s) { return s.name == budget.strategy; })) {
      d.error(strategy->where, reader.path("strategy"), unknown("strategy", budget.strategy, defined));
    }
  }
  if (const auto name = read_enum(reader, "component")) budget.component = parse_component(*name);
  budget.amortized = read_enum(reader, "basis") == "amortized";
  bool ok = true;
  if (const YamlNode* limit = reader.get("limit")) {
    if (auto value = read_limit(*limit, reader.path("limit"), budget.per_month, d))
      budget.limit = *value;
    else
      ok = false;
  } else {
    ok = false;
  }
  reader.finish();
  if (ok) scenario.budgets.push_back(std::move(budget));
}

}  // namespace

void read_budgets(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  if (!node.is_sequence()) {
    d.error(node.where, "budgets",
            fmt::format("expected a list of budgets ('- limit: 150000 USD'), found {}", describe(node)));
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i)
    read_budget(node.items[i], fmt::format("budgets[{}]", i), scenario, d);
}

}  // namespace tco::scenario_detail
