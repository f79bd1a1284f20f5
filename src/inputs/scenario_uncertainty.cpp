// One distribution written where a scenario states a value (tco-scenario(5), UNCERTAINTY):
//
//   utilization: {triangular: [60 %, 85 %, 95 %]}
//   electricity: {normal: {mean: 0.10 USD/kWh, sd: 0.02 USD/kWh, min: 0.05 USD/kWh}, driver: energy}
//
// Parameters are quantities of the value's dimension, read exactly as the plain value would
// be, so a distribution accepts the same units and is converted to the same base unit.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "scenario_internal.hpp"
#include "tco/core/text.hpp"

namespace tco {

std::string Uncertainty::show(double base_value) const {
  const double value = base_value / per_unit;
  const std::string number = fmt::format("{:.10g}", value == 0 ? 0.0 : value);
  return unit.empty() ? number : number + " " + unit;
}

double lowest(const Sourced& value) {
  return value.uncertainty ? value.uncertainty->distribution.lowest() : value.value;
}

double highest(const Sourced& value) {
  return value.uncertainty ? value.uncertainty->distribution.highest() : value.value;
}

namespace scenario_detail {
namespace {

std::string trimmed(const std::string& text) { return std::string(trim(text)); }

// The unit of a quantity as written: what follows the number ("0.10 USD/kWh" -> "USD/kWh").
std::string unit_of(const std::string& text) { return std::string(split_number(trim(text)).second); }

// Reads a distribution's parameters, remembering the first one's unit and how each was
// written, for Uncertainty::text.
class Parameters {
 public:
  Parameters(Dimension dimension, bool signed_value, Diagnostics& d)
      : dimension_(dimension), signed_(signed_value), d_(d) {}

  std::optional<double> read(const YamlNode& node, const std::string& path, bool allow_negative) {
    auto quantity = read_quantity(node, path, dimension_, d_, allow_negative && signed_);
    if (!quantity) return std::nullopt;
    if (unit.empty() && currency.empty() && texts.empty()) {
      currency = quantity->currency;
      byte_base = quantity->byte_base;
      unit = unit_of(node.scalar);
      const auto one = unit.empty() ? std::nullopt : parse_quantity("1 " + unit, dimension_);
      per_unit = one ? one->value : 1;
    }
    texts.push_back(trimmed(node.scalar));
    return quantity->value;
  }
  // A list of `count` values (exactly, or at least when `at_least`).
  std::vector<double> read_list(const YamlNode& node, const std::string& path, std::size_t count, bool at_least,
                                const char* shape) {
    const std::size_t found = node.is_sequence() ? node.items.size() : 0;
    if (!node.is_sequence() || found < count || (!at_least && found > count)) {
      d_.error(
          node.where, path,
          fmt::format("expected a list of {}{} values{}, found {}", at_least ? "at least " : "", count, shape,
                      node.is_sequence() ? fmt::format("{} value{}", found, found == 1 ? "" : "s") : describe(node)));
      return {};
    }
    std::vector<double> out;
    for (std::size_t i = 0; i < found; ++i) {
      if (auto value = read(node.items[i], fmt::format("{}[{}]", path, i), true)) out.push_back(*value);
    }
    return out.size() == found ? out : std::vector<double>{};
  }

  std::vector<std::string> texts;
  std::string unit, currency;
  ByteBase byte_base = ByteBase::none;
  double per_unit = 1;

 private:
  Dimension dimension_;
  bool signed_;
  Diagnostics& d_;
};

// normal: {mean, sd, min, max}, of the value itself; for a lognormal too.
void read_normal(const Section& parameters, const YamlNode& node, const std::string& path, Distribution& out,
                 Parameters& p, Diagnostics& d) {
  const bool log = out.kind == DistributionKind::lognormal;
  MapReader reader(parameters, node, path, d);
  if (!reader.valid()) return;
  const YamlNode* mean = reader.get("mean");
  const YamlNode* sd = reader.get("sd");
  const YamlNode* lower = reader.get("min");
  const YamlNode* upper = reader.get("max");
  reader.finish();
  const auto mean_value = mean ? p.read(*mean, reader.path("mean"), true) : std::nullopt;
  const auto sd_value = sd ? p.read(*sd, reader.path("sd"), false) : std::nullopt;
  if (lower) out.lower = p.read(*lower, reader.path("min"), true);
  if (upper) out.upper = p.read(*upper, reader.path("max"), true);
  if (!mean_value || !sd_value || (lower && !out.lower) || (upper && !out.upper)) return;
  out.mean = *mean_value;
  out.sd = *sd_value;
  if (out.sd <= 0)
    d.error(sd->where, reader.path("sd"),
            fmt::format("expected a standard deviation above zero, found '{}'", sd->scalar));
  if (log && out.mean <= 0) {
    d.error(mean->where, reader.path("mean"),
            fmt::format("expected a mean above zero (a lognormal's values are positive), found '{}'", mean->scalar));
  }
  if (out.lower && out.upper && *out.lower >= *out.upper) {
    d.error(upper->where, reader.path("max"),
            fmt::format("expected max above min, found min '{}' and max '{}'", lower->scalar, upper->scalar));
  } else if (log && out.upper && *out.upper <= 0) {
    d.error(upper->where, reader.path("max"),
            fmt::format("expected a max above zero (a lognormal's values are positive), found '{}'", upper->scalar));
  } else if (out.sd > 0 && (!log || out.mean > 0) && out.kept_mass() < 1e-6) {
    // So far out in a tail, the kept sliver's moments and quantiles would be rounding noise.
    d.error(node.where, path,
            "expected min and max to keep a share of the distribution, found less than one millionth of it between "
            "them");
  }
}

// weights: [5, 3, 2], one positive number per value of a choice.
void read_weights(const YamlNode& node, const std::string& path, std::size_t count, Distribution& out, Diagnostics& d) {
  if (!node.is_sequence() || node.items.size() != count) {
    d.error(node.where, path,
            fmt::format("expected a list of {} weights, one per value, found {}", count,
                        node.is_sequence() ? std::to_string(node.items.size()) : describe(node)));
    return;
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::string item_path = fmt::format("{}[{}]", path, i);
    const auto weight = read_quantity(node.items[i], item_path, Dimension::count, d);
    if (!weight) continue;
    if (weight->value <= 0) {
      d.error(node.items[i].where, item_path,
              fmt::format("expected a weight above zero, found '{}'", node.items[i].scalar));
    }
    out.weights.push_back(weight->value);
  }
}

// ", did you mean 'triangular'?" for a misspelt kind, or another common name of one
// ('uniform', 'gaussian'): a typo's distance alone misses 'triangle' (three edits away).
std::string kind_suggestion(const std::string& word) {
  const auto kinds = distribution_kind_names();
  if (auto typo = did_you_mean(word, kinds); !typo.empty()) return typo;
  static const std::vector<std::pair<std::string, std::string>> kAliases{
      {"uniform", "range"}, {"gaussian", "normal"}, {"discrete", "choice"}, {"categorical", "choice"}};
  std::string lower = word;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [alias, kind] : kAliases)
    if (lower == alias) return ", did you mean '" + kind + "'?";
  for (const auto& kind : kinds)
    if (lower.size() >= 4 && kind.compare(0, 4, lower, 0, 4) == 0) return ", did you mean '" + kind + "'?";
  return "";
}

std::size_t error_count(const Diagnostics& d) {
  return static_cast<std::size_t>(std::count_if(
      d.items().begin(), d.items().end(), [](const Diagnostic& item) { return item.severity == Severity::error; }));
}

// "normal(mean 0.10 USD/kWh, sd 0.02 USD/kWh, min 0.05 USD/kWh)", from the texts as written.
std::string text_of(const Distribution& distribution, const Parameters& p, const YamlNode* weights) {
  std::vector<std::string> parts = p.texts;
  if (distribution.kind == DistributionKind::normal || distribution.kind == DistributionKind::lognormal) {
    std::vector<std::string> labels{"mean", "sd"};
    if (distribution.lower) labels.emplace_back("min");
    if (distribution.upper) labels.emplace_back("max");
    for (std::size_t i = 0; i < parts.size() && i < labels.size(); ++i) parts[i] = labels[i] + " " + parts[i];
  }
  std::string text = to_string(distribution.kind) + "(" + join(parts, ", ");
  if (weights != nullptr) {
    std::vector<std::string> written;
    for (const auto& item : weights->items) written.push_back(trimmed(item.scalar));
    text += "; weights " + join(written, ", ");
  }
  return text + ")";
}

}  // namespace

std::optional<ReadUncertainty> read_distribution(const YamlNode& node, const std::string& path, const Shape& shape,
                                                 Diagnostics& d) {
  if (shape.kind != ValueKind::quantity || shape.section == nullptr ||
      (shape.form != QuantityForm::or_distribution && shape.form != QuantityForm::distribution_only))
    throw std::logic_error("read_distribution: '" + path + "' is not declared as a value that may be a distribution");
  const Dimension dimension = shape.dimension;
  const auto kinds = distribution_kind_names();
  std::vector<const YamlEntry*> named;
  for (const auto& entry : node.entries)
    if (parse_distribution_kind(entry.key)) named.push_back(&entry);
  if (named.empty()) {
    const auto other = std::find_if(node.entries.begin(), node.entries.end(),
                                    [](const YamlEntry& e) { return e.key != "driver" && e.key != "weights"; });
    const std::string found = node.entries.empty()          ? "an empty mapping"
                              : other == node.entries.end() ? "a mapping without one"
                                                            : "'" + other->key + "'" + kind_suggestion(other->key);
    d.error(other == node.entries.end() ? node.where : other->key_where, path,
            fmt::format("expected {} or a distribution: one of {}, found {}", dimension_name(dimension),
                        quoted_list(kinds), found));
    return std::nullopt;
  }
  if (named.size() > 1) {
    d.error(named[1]->key_where, path,
            fmt::format("expected one distribution, found both '{}' and '{}'", named[0]->key, named[1]->key));
    return std::nullopt;
  }
  const std::size_t errors_before = error_count(d);
  MapReader reader(*shape.section, node, path, d);
  const YamlEntry& entry = *named.front();
  reader.choose(entry.key);
  reader.get(entry.key);
  const std::string kind_path = reader.path(entry.key);
  // How many values the kind's list takes: exactly `min_items`, or at least when unbounded.
  const Shape& kind_shape = reader.shape_of(entry.key);
  const std::size_t values = kind_shape.min_items;
  const bool at_least = kind_shape.max_items == 0;
  auto uncertainty = std::make_shared<Uncertainty>();
  Distribution& out = uncertainty->distribution;
  out.kind = *parse_distribution_kind(entry.key);
  Parameters p(dimension, shape.signed_value, d);
  const YamlNode* weights = out.kind == DistributionKind::choice ? reader.get("weights") : nullptr;
  switch (out.kind) {
    case DistributionKind::range:
      if (auto v = p.read_list(entry.value, kind_path, values, at_least, " [min, max]"); v.size() == 2) {
        out.min = v[0];
        out.max = v[1];
        if (!(out.min < out.max)) {
          d.error(entry.value.where, kind_path,
                  fmt::format("expected [min, max] with min below max, found [{}]", join(p.texts, ", ")));
        }
      }
      break;
    case DistributionKind::triangular:
      if (auto v = p.read_list(entry.value, kind_path, values, at_least, " [min, mode, max]"); v.size() == 3) {
        out.min = v[0];
        out.mode = v[1];
        out.max = v[2];
        if (!(out.min <= out.mode && out.mode <= out.max && out.min < out.max)) {
          d.error(entry.value.where, kind_path,
                  fmt::format("expected [min, mode, max] with min <= mode <= max and min below max, found [{}]",
                              join(p.texts, ", ")));
        }
      }
      break;
    case DistributionKind::normal:
    case DistributionKind::lognormal:
      read_normal(*kind_shape.section, entry.value, kind_path, out, p, d);
      break;
    case DistributionKind::choice:
      out.values = p.read_list(entry.value, kind_path, values, at_least, "");
      if (weights != nullptr) {
        const std::size_t count = entry.value.is_sequence() ? entry.value.items.size() : 0;
        read_weights(*weights, reader.path("weights"), count, out, d);
      }
      break;
  }
  if (const YamlNode* driver = reader.get("driver")) {
    uncertainty->driver = read_string(*driver, reader.path("driver"), d).value_or("");
    uncertainty->driver_where = driver->where;
  }
  reader.finish();
  if (error_count(d) > errors_before) return std::nullopt;
  uncertainty->text = text_of(out, p, weights);
  uncertainty->unit = p.unit;
  uncertainty->per_unit = p.per_unit;
  return ReadUncertainty{std::move(uncertainty), p.currency, p.byte_base};
}

}  // namespace scenario_detail
}  // namespace tco
