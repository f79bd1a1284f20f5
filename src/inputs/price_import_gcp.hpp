#pragma once
// The Google Cloud importer's parts: one SKU of a Cloud Billing Catalog page as read, what a
// SKU prices (price_import_gcp_skus.cpp), the collector that keeps the SKUs it needs and
// combines them into machine prices, egress ladders and storage prices
// (price_import_gcp_sheet.cpp), and the page reader (price_import_gcp.cpp).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "price_import_internal.hpp"

namespace tco::price_import {

// The services whose pages tco imports, by the id in a SKU's name ("services/ID/skus/SKU").
struct GcpService {
  std::string_view id;
  std::string_view name;
};
inline constexpr GcpService kGcpComputeEngine{"6F81-5844-456A", "Compute Engine"};
inline constexpr GcpService kGcpCloudStorage{"95FF-2EF5-5EA1", "Cloud Storage"};
inline constexpr std::string_view kGcpCatalogApi = "https://cloudbilling.googleapis.com/v1/services";

struct GcpRate {
  std::string start;  // startUsageAmount, in the usage unit; empty is 0
  std::string units;  // unitPrice.units, an int64 written as a string; empty is 0
  std::string nanos;  // unitPrice.nanos; empty is 0
  std::string currency;
};

// One SKU of a page: the fields the importer reads, from the pricingInfo with the newest
// effectiveTime.
struct GcpSku {
  std::string id;
  std::string service;  // the service id in its name
  std::string description;
  std::string resource_group;        // category.resourceGroup: "GPU", "CPU", "RAM", "LocalSSD", ...
  std::string usage_type;            // category.usageType: "OnDemand", "Preemptible", "Commit1Yr", ...
  std::vector<std::string> regions;  // serviceRegions, or else geoTaxonomy.regions
  std::string unit;                  // pricingExpression.usageUnit: "h", "GiBy.h", "GiBy.mo", "GiBy"
  std::string effective;             // effectiveTime
  std::vector<GcpRate> rates;        // tieredRates
  SourceLocation where;
};

// What a SKU prices, read from its category and description.
enum class GcpPart { gpu, core, ram, local_ssd, egress, storage };
struct GcpItem {
  GcpPart part = GcpPart::gpu;
  std::string name;  // the accelerator, the vCPU and memory family, the storage class, or for
                     // egress the destination ("Americas")
  PricingModel model = PricingModel::on_demand;
  std::string location;  // where the description says it runs: "Americas", "Iowa"
};

// A SKU's item; or why a SKU tco looks at is not taken (skip); or neither, for a SKU of
// something tco does not price (an N2 core, a license), which is passed over without a word.
struct GcpReading {
  std::optional<GcpItem> item;
  std::string skip;
};
GcpReading read_gcp_item(const GcpSku& sku);

// A SKU's tiers, sorted: each from `start` (in the usage unit) at `price` USD per unit, the
// last without end. Empty with `problem` set when its price cannot be read: none, not USD,
// malformed, negative, or tiers not starting at 0.
struct GcpTier {
  double start = 0;
  double price = 0;
};
struct GcpTiers {
  std::vector<GcpTier> tiers;
  std::string problem;
};
GcpTiers read_gcp_tiers(const GcpSku& sku);

// "Americas", "EMEA" or "APAC": the region group of the Catalog's multi-region SKUs a region
// belongs to, by its id's prefix (tco-prices(5), IMPORTING); empty when none.
std::string_view gcp_region_group(std::string_view region);

// One saved page, as the reader finds it.
struct GcpPage {
  std::string service;  // the id of the service its SKUs are of
  std::string next_token;
  int skus = 0;
  std::string newest;        // the newest effectiveTime of its SKUs
  std::string newest_taken;  // the same, of the SKUs a price was taken from
  int prices = 0;            // the sheet's prices some SKU of the page is part of
};

// Keeps the SKUs tco prices as the pages go by, then combines them into the sheet's regions.
class GcpCollector {
 public:
  GcpCollector(const ImportOptions& options, PriceImport& out) : options_(options), out_(out) {}

  // Starts the next file of out.files; the reader fills in the page.
  GcpPage& begin_file(std::size_t index);
  void sku(const GcpSku& sku);
  // Builds the sheet's regions from every page read.
  void finish();
  [[nodiscard]] const std::vector<GcpPage>& pages() const { return pages_; }

 private:
  // A price one SKU gives in one region.
  struct Priced {
    GcpItem item;
    std::vector<GcpTier> tiers;
    std::string sku;
    std::string description;
    std::size_t regions = 0;  // how many regions the SKU lists: fewer is more specific
    std::size_t file = 0;
    SourceLocation where;
    std::string effective;
  };
  // A machine's component: part, accelerator or family, pricing model.
  using ComponentKey = std::tuple<GcpPart, std::string, PricingModel>;
  struct Component {
    Priced priced;
    bool ambiguous = false;
  };
  struct RegionPrices {
    std::map<ComponentKey, Component> components;
    std::vector<Priced> egress;
    std::map<StorageClass, std::vector<Priced>> storage;
  };

  void skip(const SourceLocation& where, const GcpSku& sku, std::string reason);
  void keep_component(const std::string& region, const Priced& priced);
  void finish_machines(const std::string& region, RegionPrices& prices, Region& out);
  void finish_egress(const std::string& region, const RegionPrices& prices, Region& out);
  void finish_storage(const std::string& region, const RegionPrices& prices, Region& out);
  // A price of the sheet that adds up `parts`, citing the first one's service: each part's
  // page counts the price, and the part's effectiveTime dates the import.
  Sourced priced_value(double value, const std::vector<const Priced*>& parts, std::string note);
  [[nodiscard]] bool wanted_region(const std::string& region) const;

  const ImportOptions& options_;
  PriceImport& out_;
  std::vector<GcpPage> pages_;
  std::size_t file_ = 0;
  std::map<std::string, SourceLocation> seen_;  // SKU ids read, where first
  std::map<std::string, RegionPrices> regions_;
  std::vector<Priced> group_egress_;  // egress SKUs that name no region, only their group
  std::map<std::string, std::string> region_names_;
  std::set<std::pair<std::string, std::string>> conflicts_;  // SKU pairs reported
  std::vector<SkippedPrice> unpriced_;                       // machines a region cannot price, reported at the end
};

// Reads one saved page of the Catalog's SKUs into `collector`, and what the page says of
// itself into `page`.
void read_gcp_page(InputStream& in, GcpCollector& collector, GcpPage& page, ImportedFile& file, Diagnostics& d);

// `tco prices import gcp`: the pages read, combined, and cited.
Result<PriceImport> import_gcp(std::vector<InputStream>& files, const ImportOptions& options);

}  // namespace tco::price_import
