#pragma once
// A provider's prices in effect from one date, as loaded from pricing-data/<provider>/<date>.yaml
// (format: tco-prices(5)). All values are converted to base units at load time: per-byte
// prices are per byte whatever "GB" the provider bills, sizes are bytes, power is kW.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tco/core/calendar.hpp"
#include "tco/core/quantity.hpp"
#include "tco/inputs/sourced.hpp"

namespace tco {

enum class Confidence { primary, secondhand };

struct PriceSource {
  std::string id;
  std::string title;
  std::string url;
  Date retrieved;
  Confidence confidence = Confidence::primary;
  std::string note;
};

enum class PricingModel { on_demand, spot, commit_1y, commit_3y };
constexpr std::array<PricingModel, 4> kPricingModels{PricingModel::on_demand, PricingModel::spot,
                                                     PricingModel::commit_1y, PricingModel::commit_3y};
std::string to_string(PricingModel model);  // "on-demand", "spot", "1y", "3y"
std::vector<std::string> pricing_model_names();
std::optional<PricingModel> parse_pricing_model(std::string_view text);

enum class StorageClass { standard, infrequent, cold, archive };
std::string to_string(StorageClass storage_class);
std::vector<std::string> storage_class_names();
std::optional<StorageClass> parse_storage_class(std::string_view text);

// GPU models tco knows; sheets and scenarios must use these names.
const std::vector<std::string>& gpu_model_names();

struct GpuOffer {
  std::string instance;                    // "p5.48xlarge"
  std::string gpu;                         // "H100"
  int gpus = 0;                            // GPUs per instance
  std::map<PricingModel, Sourced> hourly;  // price per instance-hour
  SourceLocation where;
};

struct EgressTier {
  std::optional<double> up_to_bytes;  // cumulative upper bound; none for the last tier
  Sourced price;                      // per byte
};

struct TieredEgress {
  Sourced free_bytes;  // free allowance per month
  std::vector<EgressTier> tiers;
};

struct Network {
  std::optional<Sourced> ingress;  // per byte
  std::optional<TieredEgress> internet_egress;
  std::optional<Sourced> inter_region_default;  // per byte
  std::map<std::string, Sourced> inter_region_to;
  std::optional<Sourced> inter_zone;  // per byte, per direction
  bool inter_zone_both_directions = false;
  std::optional<Sourced> interconnect_egress;         // per byte
  std::map<std::string, Sourced> interconnect_ports;  // per port-hour
};

struct Region {
  std::string id;
  std::string name;
  std::vector<GpuOffer> gpu_offers;
  std::map<StorageClass, Sourced> storage;  // per byte-month
  Network network;
};

struct HardwareSku {
  std::string id;
  std::string name;
  std::string gpu;
  int gpus = 0;
  Sourced price;  // money
  Sourced max_kw;
  Sourced idle_kw;
  int rack_units = 0;
  SourceLocation where;
};

struct SiteDefaults {
  std::optional<Sourced> pue;                // ratio
  std::optional<Sourced> electricity;        // per kWh
  std::optional<Sourced> colocation;         // per kW-month
  std::optional<Sourced> maintenance;        // fraction of purchase price per year
  std::optional<Sourced> depreciation_life;  // hours
  std::optional<Sourced> residual_value;     // fraction of purchase price
  std::optional<Sourced> staff_cost;         // per FTE-year
};

struct PriceSheet {
  std::string provider;  // "aws", "onprem"
  std::string name;
  Date effective;
  std::string currency;
  ByteBase billing_gb = ByteBase::binary;
  std::vector<PriceSource> sources;
  std::map<std::string, Region> regions;
  std::map<std::string, HardwareSku> hardware;           // on-prem catalog
  SiteDefaults site_defaults;                            // on-prem catalog
  std::map<std::string, Sourced> electricity_by_region;  // on-prem catalog, per kWh
  std::map<std::string, Sourced> carbon_intensity;       // on-prem catalog, gCO2e/kWh
  std::string file;                                      // as given to the loader
  std::string content_hash;                              // SHA-256 of the file's bytes, hex

  [[nodiscard]] const PriceSource* find_source(const std::string& id) const;
  [[nodiscard]] const Region* find_region(const std::string& id) const;
  [[nodiscard]] std::string id() const;  // "aws@2025-06-05"
};

}  // namespace tco
