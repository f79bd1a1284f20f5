#pragma once
// Shared by the scenario loader's translation units; not a public header.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "scenario_format.hpp"
#include "tco/core/suggest.hpp"
#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/scenario.hpp"

namespace tco::scenario_detail {

// A value the scenario states itself: its source is the scenario line. A mapping is a
// distribution (scenario_uncertainty.cpp): the value is its central one, the Sourced carries
// it, and it is added to scenario.uncertain. The key's declaration (scenario_format.hpp) gives
// its dimension and whether it is required.
std::optional<Sourced> stated(MapReader& reader, const char* key, Scenario& scenario);
// Like stated(), with a default used when the key is absent (recorded at the mapping).
Sourced stated_or(MapReader& reader, const char* key, double fallback, Scenario& scenario);
// A value that cannot be uncertain: a distribution is an error that says `why`.
std::optional<Sourced> stated_single(MapReader& reader, const char* key, const char* why);

// The values a field allows. A distribution must keep every value it can take within them.
struct Limits {
  std::optional<double> min;       // in base units
  std::optional<double> max;       // in base units, allowed
  bool min_included = true;        // false: values must be above min
  std::string min_text, max_text;  // how messages show them; "": in the unit the file wrote
};
// Checks a stated value against its field's limits: a plain value outside them gets
// `plain_message` (or `expected` when empty), a distribution `expected` followed by what it
// reaches (below zero too: stated values are never negative). Returns false when it reported
// an error.
bool within(const std::optional<Sourced>& value, const std::string& path, const Limits& limits,
            const std::string& expected, const std::string& plain_message, Diagnostics& d);
// Reports a share (maintenance a year, residual value) above 100 % of the purchase price.
void at_most_whole(const std::optional<Sourced>& share, const std::string& path, const char* what, Diagnostics& d);

// A distribution written as a mapping where a value of `shape` (a quantity that may be a
// distribution) is expected, with the currency and byte base its parameters were written in.
// Nothing when it is not valid (each error reported); parameters are read as the plain value
// is, so negative ones only when the shape is signed.
struct ReadUncertainty {
  std::shared_ptr<const Uncertainty> uncertainty;
  std::string currency;
  ByteBase byte_base = ByteBase::none;
};
std::optional<ReadUncertainty> read_distribution(const YamlNode& node, const std::string& path, const Shape& shape,
                                                 Diagnostics& d);
// The message for a distribution that can take a value outside `limits` ("expected a value of
// zero or more, found a normal distribution, which reaches below 0 USD/kWh; bound it with
// min:"), or "" when every value it can take is within them.
std::string outside(const Uncertainty& uncertainty, const Limits& limits, const std::string& expected);
// Which value compare uses ("its mode"), and the note a stated value keeps ("triangular(60 %,
// 85 %, 95 %), its mode").
std::string central_what(const Uncertainty& uncertainty);
std::string central_note(const Uncertainty& uncertainty);

void read_drivers(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_price_uncertainty(const YamlNode& node, Scenario& scenario, Diagnostics& d);
// After every section: puts scenario.uncertain in file order, reports a distribution that can
// take a negative value where no check of its field did, reports drivers that are not
// declared, and warns about declared ones no distribution names.
void finish_uncertainty(Scenario& scenario, Diagnostics& d);

void read_sites(const YamlNode& node, Scenario& scenario, Diagnostics& d);
// A site's or a placement's relative_time (schema 2 only), checked within (0, 10].
std::optional<Sourced> read_relative_time(MapReader& reader, const Scenario& scenario, Diagnostics& d);
void read_workloads(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_datasets(const YamlNode& node, Scenario& scenario, Diagnostics& d);
void read_flows(const YamlNode& node, Scenario& scenario, Diagnostics& d);
// Whether the site is defined; when not, reports it at `where` with the sites that are.
bool check_site(const Scenario& scenario, const std::string& name, const SourceLocation& where, const std::string& path,
                Diagnostics& d);
// scenario_strategies.cpp: one strategy; the three defaults when the file has none; and the
// checks of what a strategy names, once every section is read.
void read_strategy(const YamlEntry& entry, const std::string& path, Scenario& scenario, Diagnostics& d);
void add_default_strategies(Scenario& scenario, const SourceLocation& where, Diagnostics& d);
void check_strategy(const Scenario& scenario, const Strategy& strategy, Diagnostics& d);
// scenario_moves.cpp: a strategy's moves, a cloud site's existing commitments, and the checks
// of what moves name.
void read_moves(const YamlNode& node, const std::string& path, Strategy& strategy, Scenario& scenario, Diagnostics& d);
void read_commitments(const YamlNode& node, const std::string& path, CloudSite& cloud, Diagnostics& d);
void check_moves(const Scenario& scenario, const Strategy& strategy, Diagnostics& d);
// scenario_reservations.cpp: a strategy's reservations, and the checks of what they name.
void read_reservations(const YamlNode& node, const std::string& path, Strategy& strategy, Diagnostics& d);
void check_reservations(const Scenario& scenario, const Strategy& strategy, Diagnostics& d);
// After the strategies: a budget names one.
void read_budgets(const YamlNode& node, Scenario& scenario, Diagnostics& d);

template <typename T>
std::vector<std::string> names_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.name);
  return out;
}

// "unknown workload 'sreve', did you mean 'serve'?; workloads are 'serve' or 'train'" for a
// name not among `defined`: what is defined is always named, or said to be nothing.
template <typename T>
std::string unknown(const std::string& what, const std::string& name, const std::vector<T>& defined) {
  const std::string plural = what.back() == 'y' ? what.substr(0, what.size() - 1) + "ies" : what + "s";
  const auto names = names_of(defined);
  return fmt::format("unknown {} '{}'{}; {}", what, name, did_you_mean(name, names),
                     names.empty() ? "no " + plural + " are defined" : plural + " are " + quoted_list(names));
}

}  // namespace tco::scenario_detail
