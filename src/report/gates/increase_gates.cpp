// `tco diff --fail-on-increase` and `--fail-on-increase-amount`: parsing the limits and
// checking them against the figures of both sides.
#include <algorithm>

#include <fmt/format.h>

#include "tco/core/quantity.hpp"
#include "tco/core/suggest.hpp"
#include "tco/report/diff_report.hpp"

namespace tco {
namespace {

constexpr std::string_view kPerMonth = "/month";

Diagnostics usage(const std::string& message) {
  Diagnostics d;
  d.error({}, "", message);
  return d;
}

std::string option_name(bool amount) { return amount ? "--fail-on-increase-amount" : "--fail-on-increase"; }

// "hybrid.egress" -> strategy and component; "*" or "" is every strategy.
std::optional<std::string> read_scope(std::string_view scope, IncreaseGate& gate) {
  const auto dot = scope.find('.');
  const std::string strategy(scope.substr(0, dot));
  if (scope.empty()) return std::string("nothing before '='; name a strategy, or '*' for every one");
  gate.strategy = strategy == "*" ? "" : strategy;
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string line(scope.substr(dot + 1));
  if (strategy.empty()) return std::string("a line needs a strategy before it: 'hybrid.egress' or '*.total'");
  if (line == "total") {
    gate.total_only = true;
    return std::nullopt;
  }
  gate.component = parse_component(line);
  if (gate.component) return std::nullopt;
  auto lines = component_names();
  lines.insert(lines.begin(), "total");
  return fmt::format("unknown line '{}'{}; after the strategy comes {}", line, did_you_mean(line, lines),
                     quoted_list(lines));
}

// The limit's figure: a percentage ("5%", "5 %" or a bare "5") or an amount of money.
std::optional<std::string> read_limit(std::string_view text, bool amount, IncreaseGate& gate) {
  const std::string value(text);
  if (!amount) {
    auto fraction = parse_quantity(value, Dimension::fraction);
    if (!fraction) {
      if (auto number = parse_number(value)) fraction = Quantity{*number / 100, Dimension::fraction, ""};
    }
    if (!fraction) return fmt::format("expected a percentage such as '5%', found '{}'", value);
    gate.limit = fraction->value;
    return std::nullopt;
  }
  gate.percent = false;
  if (auto number = parse_number(value)) {
    gate.limit = *number;
    return std::nullopt;
  }
  QuantityError error;
  auto money = parse_quantity(value, Dimension::money, &error);
  if (!money) return fmt::format("expected an amount of money such as '1000' or '1000 USD', found '{}'", value);
  gate.limit = money->value;
  gate.currency = money->currency;
  return std::nullopt;
}

// The figure a gate compares for a strategy: its total (no component) or one component, over
// the horizon or per month.
const Change& gated_change(const StrategyChange& strategy, std::optional<Component> component, bool per_month) {
  if (!component) return per_month ? strategy.per_month : strategy.total;
  const auto& line = strategy.components[static_cast<std::size_t>(*component)];
  return per_month ? line.per_month : line.total;
}

GateCheck check_one(const StrategyChange& strategy, const IncreaseGate& gate, std::optional<Component> component) {
  GateCheck check;
  check.kind = "increase";
  check.name = gate.option;
  check.strategy = strategy.name;
  check.component = component;
  check.per_month = gate.per_month;
  check.percent = gate.percent;
  check.limit = gate.limit;
  if (!strategy.in_base || !strategy.in_head) {
    // A gate that cannot be checked must not let the change through.
    check.note =
        fmt::format("cannot be checked: {} is not in the {}", strategy.name, strategy.in_base ? "head" : "base");
    check.passed = false;
    return check;
  }
  const Change& change = gated_change(strategy, component, gate.per_month);
  check.base = change.base;
  check.head = change.head;
  const bool rose = change.changed() && change.delta() > 0;  // by a cent or more, as the diff shows it
  if (!gate.percent) {
    check.actual = change.delta();
    check.passed = !rose || change.delta() - gate.limit <= 0.005;
    return check;
  }
  if (const auto fraction = change.fraction()) {
    check.actual = *fraction;
    check.passed = !rose || *fraction <= gate.limit + 1e-12;
  } else {
    check.from_zero = true;  // from nothing, any rise is beyond every percentage
    check.actual = 0;
    check.passed = !rose;
  }
  return check;
}

// The lines a gate covers in one strategy: the total, then each component either side has.
void check_strategy(const StrategyChange& strategy, const IncreaseGate& gate, std::vector<GateCheck>& checks) {
  if (gate.component) {
    checks.push_back(check_one(strategy, gate, gate.component));
    return;
  }
  checks.push_back(check_one(strategy, gate, std::nullopt));
  if (gate.total_only || !strategy.in_base || !strategy.in_head) return;
  for (const auto& line : strategy.components) {
    if (line.total.base != 0 || line.total.head != 0) checks.push_back(check_one(strategy, gate, line.component));
  }
}

}  // namespace

Result<IncreaseGate> parse_increase_gate(const std::string& text, bool amount) {
  IncreaseGate gate;
  gate.option = option_name(amount) + " " + text;
  std::string_view rest = text;
  if (const auto equals = rest.find('='); equals != std::string_view::npos) {
    if (auto error = read_scope(rest.substr(0, equals), gate)) return usage(option_name(amount) + ": " + *error);
    rest = rest.substr(equals + 1);
  }
  if (rest.size() >= kPerMonth.size() && rest.substr(rest.size() - kPerMonth.size()) == kPerMonth) {
    gate.per_month = true;
    rest = rest.substr(0, rest.size() - kPerMonth.size());
  }
  if (auto error = read_limit(rest, amount, gate)) {
    return usage(fmt::format("{}: {}; the form is [STRATEGY[.LINE]=]{}[/month]", option_name(amount), *error,
                             amount ? "MONEY" : "PCT"));
  }
  if (gate.limit < 0) {
    return usage(fmt::format("{}: a limit on an increase cannot be negative, found '{}'", option_name(amount), text));
  }
  return gate;
}

Result<std::vector<GateCheck>> check_increase_gates(const DiffReport& report, const std::vector<IncreaseGate>& gates) {
  std::vector<std::string> names;
  for (const auto& strategy : report.strategies) names.push_back(strategy.name);
  Diagnostics d;
  std::vector<GateCheck> checks;
  for (const auto& gate : gates) {
    if (!gate.currency.empty() && gate.currency != report.currency) {
      d.error({}, "",
              fmt::format("{}: the limit is in {}, the scenarios in {}", gate.option, gate.currency, report.currency));
      continue;
    }
    if (!gate.strategy.empty() && std::find(names.begin(), names.end(), gate.strategy) == names.end()) {
      d.error({}, "",
              fmt::format("{}: unknown strategy '{}'{}; the scenarios have {}", gate.option, gate.strategy,
                          did_you_mean(gate.strategy, names), quoted_list(names)));
      continue;
    }
    for (const auto& strategy : report.strategies) {
      if (gate.strategy.empty() ? (strategy.in_base && strategy.in_head) : strategy.name == gate.strategy)
        check_strategy(strategy, gate, checks);
    }
  }
  if (d.has_errors()) return d;
  return checks;
}

}  // namespace tco
