#pragma once
// Reading back a result saved by `tco compare --format json` (schema "tco.compare/1") to use
// as the base side of `tco diff`. The JSON is read through parse_yaml (JSON is YAML flow
// syntax), so every error has a FILE:LINE:COL and a key path like the scenario loader's.
// Only the figures diff needs are kept: the scenario's horizon, each strategy's totals,
// components, break-even months and monthly series, and the price sheets. The rest of the
// schema (workloads, by_cause, sources, unit economics ...) is accepted and checked for shape
// (a list, a number, null) but not kept. Unknown keys are rejected, and figures that must
// agree (totals and their components, months and the horizon) are checked, so an edited or
// damaged baseline is reported rather than diffed.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tco/core/component.hpp"
#include "tco/core/diagnostic.hpp"
#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"

namespace tco {

using SavedAmounts = std::array<double, kComponentCount>;  // indexed like kComponents

struct SavedMonth {
  int month = 0;     // 1-based month of the horizon
  std::string date;  // YYYY-MM
};

struct SavedStrategy {
  std::string name;
  std::string description;
  bool baseline = false;
  double total_cash = 0;
  double total_amortized = 0;
  double monthly_average = 0;
  double npv = 0;
  SavedAmounts components_cash{};
  SavedAmounts components_amortized{};
  bool has_breakeven = false;                      // "breakeven" is not null (the baseline's is null)
  std::optional<SavedMonth> breakeven;             // breakeven.month
  std::optional<SavedMonth> breakeven_discounted;  // breakeven.discounted
  std::vector<double> monthly_cash;                // monthly[].cash, in order
  std::vector<double> monthly_amortized;           // monthly[].amortized
  SourceLocation where;                            // where the strategy's mapping starts
};

struct SavedOverlay {
  std::string name;
  std::string effective_date;  // YYYY-MM-DD
  std::string file;
  std::string sha256;
};

struct SavedSheet {
  std::string provider;
  std::string name;
  std::string effective_date;  // YYYY-MM-DD
  std::string file;
  std::string sha256;
  std::string origin;
  std::vector<SavedOverlay> overlays;
  std::string from_month;  // months.from, YYYY-MM
  std::string to_month;    // months.to
  bool projected = false;
};

struct SavedComparison {
  std::string file;  // the JSON file this was read from (as named to read_saved_comparison)
  std::string scenario_name;
  std::string description;
  std::string scenario_file;
  std::string start;  // YYYY-MM
  std::string end;    // YYYY-MM
  int months = 0;
  std::string hours_per_month;
  std::string currency;
  double discount_rate = 0;
  std::string prices_as_of;  // "" when null
  std::vector<std::string> projected_months;
  std::string baseline;
  std::vector<SavedStrategy> strategies;
  std::vector<SavedSheet> sheets;
  std::vector<std::string> month_labels;  // YYYY-MM of each month, start..end (computed)
};

// True when `text` is a JSON document rather than a YAML scenario: its first character that
// is not whitespace (or a UTF-8 byte-order mark) is '{' or '['.
bool looks_like_json(std::string_view text);

// Reads a document written by `tco compare --format json` for one scenario. `file` names it
// in diagnostics. Every error of the document is reported together; any error means no value.
Result<SavedComparison> read_saved_comparison(std::string_view text, const std::string& file);

// The catalog as it stood when a saved result was priced, out of `catalog`: for each provider
// the result used, the sheets no newer than the newest it used and only the overlays it
// applied; other providers as they are. An error (saying why) when a sheet it names is no
// longer in `catalog` with the same SHA-256.
Result<PriceCatalog> catalog_as_saved(const PriceCatalog& catalog, const std::vector<SavedSheet>& used);

}  // namespace tco
