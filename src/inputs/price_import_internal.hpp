#pragma once
// What the importers share: the GPU map, price-text parsing, and the collector that turns the
// AWS Price List's products and terms, from its JSON or its CSV files, into a sheet's regions.
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tco/inputs/json_stream.hpp"
#include "tco/inputs/price_import.hpp"

namespace tco::price_import {

// A "GB" as AWS, Google Cloud and Azure bill it: 2^30 bytes (tco-prices(5), BYTE BASE).
inline constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

inline bool starts_with(std::string_view text, std::string_view prefix) { return text.starts_with(prefix); }
inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The GPU an instance type or SKU carries, from the GPU map (gpu_map.cpp): the one place that
// names GPUs, each entry with the source that says which GPU the instance has.
struct GpuIdentity {
  std::string_view gpu;   // a tco GPU model ("H100"), or the GPU's own name when tco has no model of it
  bool modelled = false;  // whether `gpu` is one of gpu_model_names()
  std::string_view source;
};
std::optional<GpuIdentity> aws_instance_gpu(std::string_view instance_type);

// Google Cloud prices a GPU as a SKU of its own; its description, without the usage and
// region wording ("Nvidia H100 80GB GPU"), names the accelerator type Compute Engine knows it
// by ("nvidia-h100-80gb"), which says the GPU.
struct GcpGpu {
  std::string_view accelerator;
  GpuIdentity identity;
};
std::optional<GcpGpu> gcp_sku_gpu(std::string_view name);
std::optional<GpuIdentity> gcp_accelerator_gpu(std::string_view accelerator);

// A machine type tco prices from Compute Engine's component SKUs (tco-prices(5), IMPORTING):
// per hour, gpus x its GPU SKU + vcpus x its family's "Instance Core" SKU + ram_gib x its
// "Instance Ram" SKU + local_ssd_gib x the local SSD SKU (per GiB-month) / 730 h. A machine
// with no family (A4) is priced by GPU slices that hold its vCPUs and memory too.
struct GcpMachineType {
  std::string_view name;         // "a3-highgpu-8g"
  std::string_view accelerator;  // its GPUs, as gcp_sku_gpu names them
  int gpus = 0;
  std::string_view family;  // "A3": the SKUs "A3 Instance Core" and "A3 Instance Ram"
  int vcpus = 0;
  int ram_gib = 0;
  int local_ssd_gib = 0;  // bundled with the machine, billed by the local SSD SKU
  std::string_view source;
};
std::span<const GcpMachineType> gcp_machine_types();

// An Azure VM size's GPU and how many it has ("Standard_ND96isr_H100_v5": 8 H100), from the
// GPU map, which lists sizes, not series: the size says the count (NC40ads_H100_v5 has one
// GPU, NC80adis_H100_v5 two).
struct AzureVmGpu {
  GpuIdentity identity;
  int gpus = 0;  // 0 when tco has no model of the GPU
};
std::optional<AzureVmGpu> azure_vm_gpu(std::string_view arm_sku_name);
// Whether an Azure VM size is of a GPU series (Standard_NC…, ND…, NG…, NV…), listed in the
// map or not: a size of these series the map does not list is reported, never priced.
bool azure_gpu_series(std::string_view arm_sku_name);

// A provider's price text as a number: "55.0440000000" → 55.044. Empty, "NaN", negative or
// malformed text has no value.
std::optional<double> parse_price_text(std::string_view text);

// Replaces the placeholder source ids of the sheet's prices ("#0", "#1": a file's place
// among the files) by the ids in `ids`, the sources citing the files, and counts each file's
// prices.
void cite_files(PriceImport& out, const std::map<std::string, std::string>& ids);

// The fields an importer reads of one AWS product, by the JSON attribute names (the CSV
// importer maps its column titles onto them).
struct AwsProduct {
  std::string sku;
  std::string family;
  std::map<std::string, std::string, std::less<>> attributes;
  SourceLocation where;
  [[nodiscard]] std::string attribute(std::string_view name) const;
};

struct AwsPriceDimension {
  std::string unit;
  std::string usd;  // pricePerUnit.USD as written
  std::string begin_range;
  std::string end_range;
  std::string description;
  SourceLocation where;
};

struct AwsTerm {
  std::string sku;
  std::string type;            // "OnDemand", "Reserved"
  std::string lease;           // "1yr", "3yr"
  std::string purchase;        // "No Upfront", "Partial Upfront", "All Upfront"
  std::string offering_class;  // "standard", "convertible"
  std::vector<AwsPriceDimension> dimensions;
  SourceLocation where;
};

// Turns products and terms into GPU offers, internet egress ladders, inter-region prices and
// storage prices of the sheet's regions. Products come before their terms, as AWS publishes
// them; only the products it keeps are remembered, so memory follows the GPU offers, not the
// size of the file.
class AwsCollector {
 public:
  AwsCollector(const ImportOptions& options, PriceImport& out) : options_(options), out_(out) {}

  // Starts a file of the offer `offer_code` ("AmazonEC2", "AWSDataTransfer", "AmazonS3").
  void begin_file(std::string offer_code, ImportedFile& file);
  void product(const AwsProduct& product);
  [[nodiscard]] bool wants_terms_of(std::string_view sku) const { return kept_.count(sku) > 0; }
  void term(const AwsTerm& term);
  // A Savings Plans file's hourly rate for `instance` in `region` under the plan `family`
  // ("EC2InstanceSavingsPlans", "ComputeSavingsPlans"), `purchase` option and `lease` ("1yr").
  void savings_plan_rate(const std::string& region, const std::string& instance, const std::string& family,
                         const std::string& purchase, const std::string& lease, const std::string& price,
                         const SourceLocation& where);
  // The Spot Advisor's mean time between interruptions of `instance` in `region`, for the
  // offer an AmazonEC2 file prices.
  void interruption_rate(const std::string& region, const std::string& instance, double hours, std::string note,
                         const SourceLocation& where);
  void skip_rate(const SourceLocation& where, std::string what, std::string reason) {
    skip(where, std::move(what), std::move(reason));
  }
  void note_file_region(const std::string& region) { file_regions_.insert(region); }
  // Builds the sheet's regions from everything collected.
  void finish();
  // The regions the current file's products are in, kept or not: one for a region's file.
  [[nodiscard]] const std::set<std::string>& file_regions() const { return file_regions_; }

 private:
  struct Kept;
  void product_ec2(const AwsProduct& product);
  void product_transfer(const AwsProduct& product);
  void product_storage(const AwsProduct& product);
  void term_ec2(const Kept& kept, const AwsTerm& term);
  void term_ladder(const Kept& kept, const AwsTerm& term);
  void finish_egress(const std::string& region, Region& out);
  void finish_inter_region(const std::string& region, Region& out);
  [[nodiscard]] bool wanted_region(const std::string& region) const;
  void skip(const SourceLocation& where, std::string what, std::string reason);
  Sourced priced(double value, const SourceLocation& where, std::string note = {}) const;

  struct Kept {
    enum class Kind { gpu_instance, internet_egress, inter_region, ingress, storage } kind;
    std::string region;
    std::string name;  // instance type, destination region, storage class
    std::string gpu;
    int gpus = 0;
    SourceLocation where;
    std::string source_id;
  };
  struct Ladder {
    std::vector<AwsPriceDimension> dimensions;
    std::string sku;
    std::string source_id;
    SourceLocation where;
  };
  struct Commitment {
    double hourly = 0;
    std::string note;
    int rank = 0;  // lower is preferred
    SourceLocation where;
    std::string source_id;  // when not the offer's own file (a Savings Plans file)
  };
  struct Offer {
    std::string gpu;
    int gpus = 0;
    std::string source_id;
    SourceLocation where;
    std::optional<Sourced> on_demand;
    std::map<PricingModel, Commitment> commitments;
    bool ambiguous = false;
  };

  const ImportOptions& options_;
  PriceImport& out_;
  std::string offer_code_;
  ImportedFile* file_ = nullptr;
  std::set<std::string> file_regions_;
  std::map<std::string, Kept, std::less<>> kept_;  // by SKU
  std::map<std::string, std::string> region_names_;
  std::map<std::pair<std::string, std::string>, Offer> offers_;  // by region, instance type
  struct PlanRate {
    Commitment commitment;
    std::string source_id;
  };
  // Savings Plans rates of GPU instances, by region and instance type.
  std::map<std::pair<std::string, std::string>, std::map<PricingModel, PlanRate>> plan_rates_;
  std::map<std::string, std::vector<Ladder>> egress_;                   // by region
  std::map<std::string, std::map<std::string, Sourced>> inter_region_;  // by source, destination
  std::map<std::string, Sourced> ingress_;
  std::optional<Sourced> global_free_;  // AWS's free tier of internet egress, for every region
  std::map<std::string, std::map<StorageClass, Sourced>> storage_;
  std::map<std::pair<std::string, std::string>, Sourced> interruptions_;  // by region, instance type
};

// The AWS Price List's offer files, JSON or CSV, read into `collector`. A Savings Plans file
// (its products an array) is read by read_aws_savings_plans, from its "products" on.
void read_aws_json(InputStream& in, AwsCollector& collector, ImportedFile& file, Diagnostics& d);
void read_aws_csv(InputStream& in, AwsCollector& collector, ImportedFile& file, Diagnostics& d);

// A Savings Plans file (AWSComputeSavingsPlan, one per region): its products and its terms'
// plans are arrays, and each plan lists a rate per usage type it discounts.
class SavingsPlansReader {
 public:
  explicit SavingsPlansReader(AwsCollector& collector) : collector_(collector) {}
  bool products(JsonReader& r);                          // right after the '[' of "products"
  bool terms(JsonReader& r, const std::string& region);  // right after the key "terms"

 private:
  struct Plan {
    std::string family;    // "EC2InstanceSavingsPlans", "ComputeSavingsPlans"
    std::string purchase;  // "No Upfront"
    std::string lease;     // "1yr"
  };
  bool plan(JsonReader& r, const std::string& region);
  AwsCollector& collector_;
  std::map<std::string, Plan> plans_;  // by SKU
};

// The kind an ImportedFile of the Spot Advisor data has; its first word is not an offer code.
inline constexpr std::string_view kSpotAdvisorKind = "EC2 Spot Advisor data (JSON)";

// The EC2 Spot Advisor data (spot-advisor-data.json): its "ranges" name the buckets of the
// frequency of interruption, its "spot_advisor" gives each instance type's bucket by region and
// operating system. Entries are kept until the file ends, as "ranges" may come after them.
class SpotAdvisorReader {
 public:
  explicit SpotAdvisorReader(AwsCollector& collector) : collector_(collector) {}
  bool ranges(JsonReader& r);   // right after the key "ranges"
  bool regions(JsonReader& r);  // right after the key "spot_advisor"
  // At the end of the file: each GPU instance's bucket as a mean time between interruptions.
  void finish(JsonReader& r, const SourceLocation& end);

 private:
  struct Entry {
    std::string region;
    std::string instance;
    long bucket = -1;
    SourceLocation where;
  };
  bool entry(JsonReader& r, const std::string& region, const std::string& instance, const std::string& path);
  AwsCollector& collector_;
  bool seen_ranges_ = false;
  std::map<int, std::string> labels_;  // by index
  std::vector<Entry> entries_;         // of GPU instances under Linux
};

}  // namespace tco::price_import
