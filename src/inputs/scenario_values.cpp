// The values a scenario states itself, plain or as distributions, the checks every value a
// distribution can take must pass, and the scenario's drivers and price uncertainty
// (tco-scenario(5), UNCERTAINTY).
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "scenario_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::scenario_detail {
namespace {

// A distribution where a value is stated: the value is its central one, which `tco compare`
// uses, and the distribution is recorded for the sampler.
std::optional<Sourced> stated_distribution(const YamlNode& node, const std::string& path, const Shape& shape,
                                           Scenario& scenario, Diagnostics& d) {
  auto read = read_distribution(node, path, shape, d);
  if (!read) return std::nullopt;
  Sourced out =
      Sourced::stated(read->uncertainty->distribution.central(), node.where, central_note(*read->uncertainty));
  out.currency = read->currency;
  out.byte_base = read->byte_base;
  out.uncertainty = read->uncertainty;
  scenario.uncertain.push_back(UncertainInput{path, node.where, shape.dimension, read->uncertainty});
  return out;
}

std::optional<Sourced> plain(const YamlNode& node, const std::string& path, Dimension dimension, Diagnostics& d) {
  auto quantity = read_quantity(node, path, dimension, d);
  if (!quantity) return std::nullopt;
  Sourced out;
  out.value = quantity->value;
  out.where = node.where;
  out.currency = quantity->currency;
  out.byte_base = quantity->byte_base;
  return out;
}

}  // namespace

std::optional<Sourced> stated(MapReader& reader, const char* key, Scenario& scenario) {
  const Shape& shape = reader.shape_of(key);
  if (shape.kind != ValueKind::quantity || shape.form != QuantityForm::or_distribution)
    throw std::logic_error(fmt::format("stated: '{}' is not declared as a value that may be a distribution", key));
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return std::nullopt;
  if (node->is_mapping()) return stated_distribution(*node, reader.path(key), shape, scenario, reader.diagnostics());
  return plain(*node, reader.path(key), shape.dimension, reader.diagnostics());
}

std::optional<Sourced> stated_single(MapReader& reader, const char* key, const char* why) {
  const Shape& shape = reader.shape_of(key);
  if (shape.kind != ValueKind::quantity || shape.form != QuantityForm::plain)
    throw std::logic_error(fmt::format("stated_single: '{}' is not declared as a single value", key));
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return std::nullopt;
  if (const std::string kind = distribution_named(*node); !kind.empty()) {
    reader.diagnostics().error(node->where, reader.path(key),
                               fmt::format("expected a single value, found a {} distribution: {}", kind, why));
    return std::nullopt;
  }
  return plain(*node, reader.path(key), shape.dimension, reader.diagnostics());
}

Sourced stated_or(MapReader& reader, const char* key, double fallback, Scenario& scenario) {
  if (auto value = stated(reader, key, scenario)) return *value;
  Sourced out;
  out.value = fallback;
  out.where = reader.node().where;
  out.note = fmt::format("default {} = {}", key, fallback);
  return out;
}

bool within(const std::optional<Sourced>& value, const std::string& path, const Limits& limits,
            const std::string& expected, const std::string& plain_message, Diagnostics& d) {
  if (!value) return true;
  if (value->uncertainty) {
    // Stated values are never negative: without a lower limit of its own, the field's is 0.
    Limits checked = limits;
    if (!checked.min) checked.min = 0.0;
    const std::string message = outside(*value->uncertainty, checked, expected);
    if (!message.empty()) d.error(value->where, path, message);
    return message.empty();
  }
  const bool low = limits.min && (value->value < *limits.min || (!limits.min_included && value->value <= *limits.min));
  const bool high = limits.max && value->value > *limits.max;
  if (low || high) d.error(value->where, path, plain_message.empty() ? expected : plain_message);
  return !low && !high;
}

std::string outside(const Uncertainty& uncertainty, const Limits& limits, const std::string& expected) {
  const Distribution& distribution = uncertainty.distribution;
  const bool tails = distribution.kind == DistributionKind::normal || distribution.kind == DistributionKind::lognormal;
  // A tail the file did not bound: the hint is to bound it.
  const bool open_low =
      tails && !(distribution.lower && (distribution.kind == DistributionKind::normal || *distribution.lower > 0));
  const bool open_high = tails && !distribution.upper;
  const double low = distribution.lowest();
  const double high = distribution.highest();
  std::vector<std::string> reaches;
  std::vector<std::string> bounds;
  if (limits.min && (low < *limits.min || (!limits.min_included && low <= *limits.min))) {
    const std::string text = limits.min_text.empty() ? uncertainty.show(*limits.min) : limits.min_text;
    if (open_low) {
      reaches.push_back(low < *limits.min ? "reaches below " + text : "comes arbitrarily close to " + text);
      bounds.emplace_back("min:");
    } else {
      reaches.push_back("reaches " + uncertainty.show(low));
    }
  }
  if (limits.max && high > *limits.max) {
    const std::string text = limits.max_text.empty() ? uncertainty.show(*limits.max) : limits.max_text;
    if (open_high) {
      reaches.push_back("reaches above " + text);
      bounds.emplace_back("max:");
    } else {
      reaches.push_back("reaches " + uncertainty.show(high));
    }
  }
  if (reaches.empty()) return "";
  std::string message = fmt::format("{}, found a {} distribution, which {}", expected, to_string(distribution.kind),
                                    join(reaches, " and "));
  if (!bounds.empty()) message += "; bound it with " + join(bounds, " and ");
  return message;
}

std::string central_what(const Uncertainty& uncertainty) {
  const Distribution& distribution = uncertainty.distribution;
  const double central = distribution.central();
  std::string what;
  switch (distribution.kind) {
    case DistributionKind::range:
      what = "its midpoint";
      break;
    case DistributionKind::triangular:
      what = "its mode";
      break;
    case DistributionKind::normal:
    case DistributionKind::lognormal:
      what = distribution.kind == DistributionKind::normal ? "its mean" : "its median";
      // A mean outside the bounds is moved into them (a lognormal's median, rarely, too).
      if (distribution.lower && central == *distribution.lower && central != distribution.mean)
        what += ", raised to its min";
      if (distribution.upper && central == *distribution.upper && central != distribution.mean)
        what += ", lowered to its max";
      break;
    case DistributionKind::choice:
      what = distribution.weights.empty() ? "its first value" : "its most likely value";
      break;
  }
  return what;
}

std::string central_note(const Uncertainty& uncertainty) { return uncertainty.text + ", " + central_what(uncertainty); }

void at_most_whole(const std::optional<Sourced>& share, const std::string& path, const char* what, Diagnostics& d) {
  const std::string expected = fmt::format("expected {} of at most 100 % of the purchase price", what);
  within(share, path, Limits{{}, 1.0, true, "", "100 %"}, expected,
         share
             ? fmt::format("{}, found '{} %'", expected, trim_trailing_zeros(fmt::format("{:.4f}", share->value * 100)))
             : "",
         d);
}

void read_drivers(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::drivers(), node, "drivers", d);
  if (!reader.valid()) return;
  for (const auto& entry : node.entries) {
    auto description = read_string(entry.value, reader.path(entry.key), d);
    scenario.drivers.push_back(Driver{entry.key, description.value_or(""), entry.key_where});
  }
}

void read_price_uncertainty(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::price_uncertainty(), node, "price_uncertainty", d);
  if (!reader.valid()) return;
  for (const auto& name : price_service_names()) {
    const YamlNode* value = reader.get(name);
    if (value == nullptr) continue;
    const std::string path = reader.path(name);
    if (!value->is_mapping()) {
      d.error(
          value->where, path,
          fmt::format("expected a distribution of the change, such as {{triangular: [-20 %, 0 %, +15 %]}}, found {}",
                      value->is_scalar() ? "'" + value->scalar + "'" : describe(*value)));
      continue;
    }
    auto read = read_distribution(*value, path, reader.shape_of(name), d);
    if (!read) continue;
    const std::string message =
        outside(*read->uncertainty, Limits{-1.0, {}, false, "-100 %", ""}, "expected a change above -100 %");
    if (!message.empty()) {
      d.error(value->where, path, message);
      continue;
    }
    // The sheets' prices are what compare uses: the change must be centred on none.
    const double central = read->uncertainty->distribution.central();
    if (std::abs(central) > 1e-12) {
      d.error(
          value->where, path,
          fmt::format("expected a central value of 0 % (the sheets' prices), found {} %, {}",
                      trim_trailing_zeros(fmt::format("{:+.4f}", central * 100)), central_what(*read->uncertainty)));
      continue;
    }
    Sourced change = Sourced::stated(0, value->where, central_note(*read->uncertainty));
    change.uncertainty = read->uncertainty;
    scenario.price_uncertainty.emplace(*parse_price_service(name), change);
  }
  reader.finish();
}

void finish_uncertainty(Scenario& scenario, Diagnostics& d) {
  std::stable_sort(scenario.uncertain.begin(), scenario.uncertain.end(),
                   [](const UncertainInput& a, const UncertainInput& b) {
                     return std::pair{a.where.line, a.where.column} < std::pair{b.where.line, b.where.column};
                   });
  std::set<std::string> used;
  const auto check = [&](const Uncertainty& uncertainty, const std::string& path) {
    if (uncertainty.driver.empty()) return;
    used.insert(uncertainty.driver);
    if (std::any_of(scenario.drivers.begin(), scenario.drivers.end(),
                    [&](const Driver& driver) { return driver.name == uncertainty.driver; }))
      return;
    d.error(uncertainty.driver_where, path + ".driver",
            unknown("driver", uncertainty.driver, scenario.drivers) +
                (scenario.drivers.empty() ? " (declare it under 'drivers:')" : ""));
  };
  for (const auto& input : scenario.uncertain) {
    check(*input.uncertainty, input.path);
    // Every parameter was read like a plain value, so only a normal's open lower tail can
    // reach below zero. within() checked it with the field's own limits, and an error there
    // is not repeated.
    const auto& items = d.items();
    if (std::any_of(items.begin(), items.end(), [&](const Diagnostic& item) { return item.key_path == input.path; }))
      continue;
    const std::string message =
        outside(*input.uncertainty, Limits{0.0, {}, true, "", ""}, "expected a value of zero or more");
    if (!message.empty()) d.error(input.where, input.path, message);
  }
  for (const auto& [service, change] : scenario.price_uncertainty)
    check(*change.uncertainty, "price_uncertainty." + to_string(service));
  // A distribution that failed to read names no driver: only a scenario without errors can
  // tell that a driver is unused.
  if (d.has_errors()) return;
  for (const auto& driver : scenario.drivers) {
    if (!used.count(driver.name))
      d.warning(driver.where, "drivers." + driver.name,
                fmt::format("driver '{}' is declared but no distribution names it", driver.name));
  }
}

}  // namespace tco::scenario_detail
