// The strategies of a saved `tco compare --format json` document: their figures, and the
// checks that they agree with each other and with the scenario's horizon.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numeric>
#include <span>

#include <fmt/format.h>

#include "saved_comparison_internal.hpp"

namespace tco::saved_detail {
namespace {

// Keys whose content diff does not use: only their shape is checked.
enum class ValueShape { number, number_or_null, list };
struct Unkept {
  const char* key;
  ValueShape shape;
};
constexpr std::array kUnkeptStrategyKeys{Unkept{"used_gpu_hours", ValueShape::number},
                                         Unkept{"cost_per_used_gpu_hour", ValueShape::number_or_null},
                                         Unkept{"egress_bytes", ValueShape::number},
                                         Unkept{"egress_share", ValueShape::number},
                                         Unkept{"site_transfer_bytes", ValueShape::number},
                                         Unkept{"transfer_amplification", ValueShape::number_or_null},
                                         Unkept{"workloads", ValueShape::list},
                                         Unkept{"unattributed_cost_amortized", ValueShape::number},
                                         Unkept{"by_cause", ValueShape::list},
                                         Unkept{"sources", ValueShape::list},
                                         Unkept{"secondhand_prices", ValueShape::number}};

void check_unkept(MapReader& reader, const Unkept& unkept, Diagnostics& d) {
  const YamlNode* node = reader.get(unkept.key);
  if (node == nullptr) return;
  if (unkept.shape == ValueShape::list) {
    if (!node->is_sequence())
      d.error(node->where, reader.path(unkept.key), fmt::format("expected a list, found {}", found(*node)));
  } else if (unkept.shape == ValueShape::number || node->kind != YamlNode::Kind::null) {
    read_number(*node, reader.path(unkept.key), d);
  }
}

// The nine components, each required: a missing one is named.
bool read_components(MapReader& parent, const char* key, SavedAmounts& out, Diagnostics& d) {
  const YamlNode* node = parent.require(key);
  if (node == nullptr) return false;
  auto reader = MapReader::undeclared(*node, parent.path(key), d);
  if (!reader.valid()) return false;
  bool ok = true;
  for (std::size_t i = 0; i < kComponentCount; ++i) {
    ok = read_number_field(reader, to_string(kComponents[i]).c_str(), out[i]) && ok;
  }
  reader.finish();
  return ok;
}

// A total that is not the sum of its components means the file was changed after tco wrote
// it; diffing against it would report differences no model run produced.
bool check_sum(MapReader& reader, const char* total_key, double total, const char* parts_key,
               std::span<const double> parts, Diagnostics& d) {
  const double sum = std::accumulate(parts.begin(), parts.end(), 0.0);
  if (std::abs(total - sum) <= std::max(0.01, 1e-9 * std::abs(total))) return true;
  d.error(
      reader.node().find(total_key)->where, reader.path(total_key),
      fmt::format("{:.2f} is not the sum of {} ({:.2f}); the file was edited or is damaged", total, parts_key, sum));
  return false;
}

// breakeven.month or breakeven.discounted: null (no crossing) or {month: N, date: YYYY-MM}.
std::optional<SavedMonth> read_crossing(MapReader& parent, const char* key, const Horizon& horizon, Diagnostics& d) {
  const YamlNode* node = parent.require(key);
  if (node == nullptr || node->kind == YamlNode::Kind::null) return std::nullopt;
  auto reader = MapReader::undeclared(*node, parent.path(key), d);
  if (!reader.valid()) return std::nullopt;
  std::optional<SavedMonth> out;
  const YamlNode* month = reader.require("month");
  if (month != nullptr) {
    if (const auto value = read_integer(*month, reader.path("month"), 1, 360, d)) {
      if (horizon.months > 0 && *value > horizon.months) {
        d.error(month->where, reader.path("month"),
                fmt::format("expected a month of the horizon, 1 to {}, found {}", horizon.months, *value));
      } else {
        out = SavedMonth{static_cast<int>(*value), ""};
      }
    }
  }
  const YamlNode* date = reader.require("date");
  if (date != nullptr && read_year_month(*date, reader.path("date"), d) && out) {
    const auto index = static_cast<std::size_t>(out->month - 1);
    if (index < horizon.labels.size() && date->scalar != horizon.labels[index]) {
      d.error(date->where, reader.path("date"),
              fmt::format("expected {} (month {} of the horizon), found '{}'", horizon.labels[index], out->month,
                          date->scalar));
    }
    out->date = date->scalar;
  }
  reader.finish();
  return date != nullptr ? out : std::nullopt;
}

void read_breakeven(MapReader& parent, const Horizon& horizon, SavedStrategy& out, Diagnostics& d) {
  const YamlNode* node = parent.require("breakeven");
  if (node == nullptr || node->kind == YamlNode::Kind::null) return;
  auto reader = MapReader::undeclared(*node, parent.path("breakeven"), d);
  if (!reader.valid()) return;
  out.has_breakeven = true;
  out.breakeven = read_crossing(reader, "month", horizon, d);
  out.breakeven_discounted = read_crossing(reader, "discounted", horizon, d);
  reader.finish();
}

// monthly: one {month, cash, amortized} per month of the horizon, in order.
void read_monthly(MapReader& parent, const Horizon& horizon, SavedStrategy& out, Diagnostics& d) {
  const YamlNode* node = parent.require("monthly");
  if (node == nullptr) return;
  const std::string path = parent.path("monthly");
  if (!node->is_sequence()) {
    d.error(node->where, path, fmt::format("expected a list of months, found {}", found(*node)));
    return;
  }
  const auto& labels = horizon.labels;
  bool check_labels = !labels.empty();
  if (horizon.months > 0 && node->items.size() != static_cast<std::size_t>(horizon.months)) {
    const std::string range = labels.empty() ? "" : fmt::format(", {} to {}", labels.front(), labels.back());
    d.error(node->where, path,
            fmt::format("expected {} months (scenario.months{}), found {}", horizon.months, range, node->items.size()));
    check_labels = false;  // every month after a missing one would be reported too
  }
  for (std::size_t t = 0; t < node->items.size(); ++t) {
    auto reader = MapReader::undeclared(node->items[t], fmt::format("{}[{}]", path, t), d);
    if (!reader.valid()) continue;
    if (const YamlNode* month = reader.require("month"); month != nullptr &&
                                                         read_year_month(*month, reader.path("month"), d) &&
                                                         check_labels && month->scalar != labels[t]) {
      d.error(month->where, reader.path("month"),
              fmt::format("expected {} (month {} of the horizon), found '{}'; the months run from scenario.start "
                          "to scenario.end in order",
                          labels[t], t + 1, month->scalar));
      check_labels = false;  // one is enough to say the list is out of order
    }
    double cash = 0;
    double amortized = 0;
    read_number_field(reader, "cash", cash);
    read_number_field(reader, "amortized", amortized);
    out.monthly_cash.push_back(cash);
    out.monthly_amortized.push_back(amortized);
    reader.finish();
  }
}

// A strategy as read, with what the checks across strategies need to know about it.
struct ReadStrategy {
  SavedStrategy value;
  const YamlNode* name = nullptr;      // set when the name was read and is not empty
  const YamlNode* baseline = nullptr;  // set when `baseline` was read as true or false
};

ReadStrategy read_strategy(const YamlNode& node, const std::string& path, const Horizon& horizon, Diagnostics& d) {
  ReadStrategy out;
  SavedStrategy& s = out.value;
  s.where = node.where;
  auto reader = MapReader::undeclared(node, path, d);
  if (!reader.valid()) return out;
  if (read_text_field(reader, "name", s.name, true)) {
    out.name = reader.node().find("name");
    if (s.name.empty()) {
      d.error(out.name->where, reader.path("name"), "expected a strategy name, found ''");
      out.name = nullptr;
    }
  }
  read_text_field(reader, "description", s.description, true);
  if (const YamlNode* baseline = reader.require("baseline")) {
    if (const auto flag = read_bool(*baseline, reader.path("baseline"), d)) {
      s.baseline = *flag;
      out.baseline = baseline;
    }
  }
  const bool cash_ok = read_number_field(reader, "total_cash", s.total_cash);
  const bool amortized_ok = read_number_field(reader, "total_amortized", s.total_amortized);
  read_number_field(reader, "monthly_average", s.monthly_average);
  read_number_field(reader, "npv", s.npv);
  // Each total is checked against its components, then (when those agree) against its months:
  // one damaged figure gives one error.
  const bool cash_whole = read_components(reader, "components_cash", s.components_cash, d) && cash_ok &&
                          check_sum(reader, "total_cash", s.total_cash, "components_cash", s.components_cash, d);
  const bool amortized_whole =
      read_components(reader, "components_amortized", s.components_amortized, d) && amortized_ok &&
      check_sum(reader, "total_amortized", s.total_amortized, "components_amortized", s.components_amortized, d);
  read_breakeven(reader, horizon, s, d);
  const std::size_t errors_before = d.items().size();
  read_monthly(reader, horizon, s, d);
  if (d.items().size() == errors_before && !s.monthly_cash.empty()) {  // the months read whole
    if (cash_whole) check_sum(reader, "total_cash", s.total_cash, "the monthly cash", s.monthly_cash, d);
    if (amortized_whole)
      check_sum(reader, "total_amortized", s.total_amortized, "the monthly amortized", s.monthly_amortized, d);
  }
  for (const auto& unkept : kUnkeptStrategyKeys) check_unkept(reader, unkept, d);
  reader.finish();
  return out;
}

// Exactly one strategy is the baseline, and it is the one scenario.baseline names. Skipped
// when some `baseline` flag could not be read: that error is already reported.
void check_baseline(const std::vector<ReadStrategy>& read, const YamlNode& list, const BaselineName& named,
                    Diagnostics& d) {
  if (std::any_of(read.begin(), read.end(), [](const ReadStrategy& r) { return r.baseline == nullptr; })) return;
  const ReadStrategy* first = nullptr;
  for (std::size_t i = 0; i < read.size(); ++i) {
    if (!read[i].value.baseline) continue;
    if (first == nullptr) {
      first = &read[i];
      continue;
    }
    d.error(
        read[i].baseline->where, fmt::format("strategies[{}].baseline", i),
        fmt::format("a second strategy with 'baseline: true' (after '{}'); expected exactly one", first->value.name));
  }
  if (first == nullptr) {
    d.error(list.where, "strategies",
            fmt::format("no strategy has 'baseline: true'; expected exactly one, the one scenario.baseline names{}",
                        named.node != nullptr ? " ('" + named.name + "')" : ""));
  } else if (named.node != nullptr && first->name != nullptr && first->value.name != named.name) {
    d.error(named.node->where, "scenario.baseline",
            fmt::format("names '{}', but the strategy with 'baseline: true' is '{}'", named.name, first->value.name));
  }
}

}  // namespace

std::string found(const YamlNode& node) { return node.kind == YamlNode::Kind::null ? "null" : describe(node); }

std::optional<double> read_number(const YamlNode& node, const std::string& path, Diagnostics& d) {
  if (!node.is_scalar()) {
    d.error(node.where, path, fmt::format("expected a number, found {}", found(node)));
    return std::nullopt;
  }
  // Not parse_number: it also takes '+1' and '1_000', which JSON writers never produce.
  const std::string& text = node.scalar;
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (!text.empty() && ec == std::errc() && ptr == end && std::isfinite(value)) return value;
  std::string word = text;
  std::transform(word.begin(), word.end(), word.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  word.erase(0, word.find_first_not_of("+-."));  // YAML's .nan, -.inf
  const bool not_finite = word == "nan" || word == "inf" || word == "infinity" ||
                          ec == std::errc::result_out_of_range || (ec == std::errc() && ptr == end);
  d.error(node.where, path, fmt::format("expected a {}number, found '{}'", not_finite ? "finite " : "", text));
  return std::nullopt;
}

bool read_number_field(MapReader& reader, const char* key, double& out) {
  const YamlNode* node = reader.require(key);
  if (node == nullptr) return false;
  const auto value = read_number(*node, reader.path(key), reader.diagnostics());
  if (value) out = *value;
  return value.has_value();
}

void read_strategies(const YamlNode& node, const Horizon& horizon, const BaselineName& baseline,
                     std::vector<SavedStrategy>& out, Diagnostics& d) {
  if (!node.is_sequence() || node.items.empty()) {
    d.error(node.where, "strategies",
            fmt::format("expected a list of at least one strategy, found {}",
                        node.is_sequence() ? "an empty list" : found(node)));
    return;
  }
  std::vector<ReadStrategy> read;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    read.push_back(read_strategy(node.items[i], fmt::format("strategies[{}]", i), horizon, d));
    for (std::size_t j = 0; j < i && read[i].name != nullptr; ++j) {
      if (read[j].name == nullptr || read[j].value.name != read[i].value.name) continue;
      d.error(read[i].name->where, fmt::format("strategies[{}].name", i),
              fmt::format("duplicate strategy name '{}' (also strategies[{}])", read[i].value.name, j));
      break;
    }
  }
  check_baseline(read, node, baseline, d);
  for (auto& strategy : read) out.push_back(std::move(strategy.value));
}

}  // namespace tco::saved_detail
