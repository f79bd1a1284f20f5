#pragma once
// `tco prices`: the catalog's sheets (list), one sheet's prices (show), what changed between
// two versions (diff) and every provider's offer for one GPU (gpu). Each report is built
// from the catalog, then rendered as a table or JSON by pure functions.
#include <optional>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/report/format.hpp"
#include "tco/report/price_rows.hpp"

namespace tco {

// ---- list ----
struct SheetSummary {
  std::string provider;
  std::string kind;  // "sheet" or "overlay"
  std::string name;
  std::string effective_date;
  std::string file;
  std::string sha256;
  std::string origin;
  int regions = 0;
  int gpu_offers = 0;
  int prices = 0;
  int secondhand_prices = 0;
  int sources = 0;
};
std::vector<SheetSummary> list_sheets(const PriceCatalog& catalog);
std::string render_price_list_table(const std::vector<SheetSummary>& sheets);
std::string render_price_list_json(const std::vector<SheetSummary>& sheets);

// ---- validate ----
struct PriceValidation {
  std::vector<std::string> directories;
  bool ok = false;
  int files = 0;
  int providers = 0;
  int prices = 0;
  int secondhand_prices = 0;
  std::vector<Diagnostic> diagnostics;  // errors and warnings of every file
};
// `catalog` is null when loading failed; `diagnostics` are the loader's.
PriceValidation summarize_validation(std::vector<std::string> directories, const PriceCatalog* catalog,
                                     const Diagnostics& diagnostics);
std::string render_price_validation_table(const PriceValidation& validation);
std::string render_price_validation_json(const PriceValidation& validation);

// ---- show ----
struct PriceShowReport {
  std::string sheet;  // label, with overlays
  std::string file;
  std::string sha256;
  std::string in_effect_from;
  std::string billing_gb;
  std::vector<PriceRow> rows;
  std::vector<PriceSource> sources;        // those the rows cite
  std::vector<ExitProgram> exit_programs;  // with their conditions (unfiltered shows only)
};
struct PriceShowFilter {
  std::string region;
  std::string gpu;
};
Result<PriceShowReport> show_prices(const PriceSheet& sheet, const PriceShowFilter& filter);
std::string render_price_show_table(const PriceShowReport& report);
std::string render_price_show_json(const PriceShowReport& report);

// ---- diff ----
struct PriceChange {
  std::string region;
  std::string category;
  std::string item;
  std::string unit;
  std::optional<double> before;  // none = added
  std::optional<double> after;   // none = removed
};
struct PriceDiffReport {
  std::string before;  // sheet labels
  std::string after;
  std::string before_file;
  std::string after_file;
  std::vector<PriceChange> changes;
  int unchanged = 0;
};
PriceDiffReport diff_prices(const PriceSheet& before, const PriceSheet& after);
std::string render_price_diff_table(const PriceDiffReport& report);
std::string render_price_diff_json(const PriceDiffReport& report);

// ---- gpu ----

struct GpuQuery {
  std::string gpu;
  PricingModel pricing = PricingModel::on_demand;
  Date as_of;
  std::optional<double> data_bytes;  // bring this much data ...
  std::string data_text;             // ... as the user wrote it
  std::string from_provider;         // ... from this provider region
  std::string from_region;
  double gpu_hours = 0;  // the GPU-hours the ranking prices when data is moved
};
struct GpuOfferRow {
  std::string provider;
  std::string sheet;  // label
  std::string region;
  std::string instance;
  int gpus = 0;
  double hourly = 0;
  double per_gpu_hour = 0;
  std::string source_id;
  const PriceSource* source = nullptr;
  std::optional<double> transfer;  // one-time cost of bringing the data
  std::string transfer_note;       // "internet egress from aws:us-east-1", "same region"
  std::optional<double> total;     // gpu_hours x per_gpu_hour + transfer
};
struct GpuRanking {
  GpuQuery query;
  std::string currency = "USD";
  std::vector<GpuOfferRow> offers;              // cheapest first
  std::vector<std::string> providers_without;   // providers with a sheet but no such offer
  std::vector<std::string> providers_unpriced;  // providers with no sheet in effect on the date
};
Result<GpuRanking> rank_gpu_offers(const PriceCatalog& catalog, const GpuQuery& query);
std::string render_gpu_ranking_table(const GpuRanking& ranking);
std::string render_gpu_ranking_json(const GpuRanking& ranking);

// The formats of each tco prices report (src/report/prices/table.cpp and json.cpp).
const Renderers<std::vector<SheetSummary>>& price_list_renderers();
const Renderers<PriceValidation>& price_validation_renderers();
const Renderers<PriceShowReport>& price_show_renderers();
const Renderers<PriceDiffReport>& price_diff_renderers();
const Renderers<GpuRanking>& gpu_ranking_renderers();

}  // namespace tco
