#pragma once
// A price sheet flattened into rows, one per price, in the units the provider bills: what
// `tco prices show` lists and `tco prices diff` compares.
#include <optional>
#include <string>
#include <vector>

#include "tco/inputs/price_sheet.hpp"

namespace tco {

struct PriceRow {
  std::string region;    // "" for sheet-wide values (the on-prem catalog)
  std::string category;  // gpu, storage, egress, network, interconnect, hardware, site, electricity, carbon, pue,
                         // exit program
  std::string item;      // "p5.48xlarge on-demand", "standard", "internet up to 10 TiB"
  std::string key;       // region/category/item: identifies the price across versions
  double value = 0;      // in `unit`
  std::string unit;      // "USD/h", "USD/GiB", "USD/GiB-month", "%", "years", ...
  std::string gpu;       // gpu rows: the model, GPUs per instance, price per GPU-hour
  int gpus = 0;
  std::optional<double> per_gpu_hour;
  std::string source_id;
  const PriceSource* source = nullptr;
  std::string note;
  std::vector<std::string> adjustments;  // overlay discounts, trend projections
  std::optional<double> list_value;      // before adjustments, in `unit`
};

// Every price of the sheet in a stable order: regions by id, then categories as above.
std::vector<PriceRow> price_rows(const PriceSheet& sheet);

// "0.09", "55.04", "113.9328": a price with the digits it was written with.
std::string format_price(double value);

// The confidence of the source a row cites ("primary", "secondary", ...), "-" for none.
std::string confidence_name(const PriceSource* source);

}  // namespace tco
