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
std::string to_string(Confidence confidence);  // "primary", "secondhand"

struct PriceSource {
  std::string id;
  std::string title;
  std::string url;
  Date retrieved;
  Confidence confidence = Confidence::primary;
  std::string note;
  std::string file;  // the sheet or overlay that declared it
};

enum class PricingModel { on_demand, spot, commit_1y, commit_3y };
constexpr std::array<PricingModel, 4> kPricingModels{PricingModel::on_demand, PricingModel::spot,
                                                     PricingModel::commit_1y, PricingModel::commit_3y};
std::string to_string(PricingModel model);  // "on-demand", "spot", "1y", "3y"
std::vector<std::string> pricing_model_names();
std::optional<PricingModel> parse_pricing_model(std::string_view text);
// A 1y or 3y commitment: capacity paid for every hour of its term, used or not.
inline bool is_commitment(PricingModel model) {
  return model == PricingModel::commit_1y || model == PricingModel::commit_3y;
}

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
  // The mean hours between spot interruptions of one instance the provider reports (AWS's
  // Spot Advisor bucket, tco-prices(5)): the default of a spot site's interruption_every.
  std::optional<Sourced> interruption_every;
  SourceLocation where;
};

struct EgressTier {
  std::optional<double> up_to_bytes;  // cumulative upper bound; none for the last tier
  Sourced price;                      // per byte
};

// Whom a free allowance is granted to each month: each region on its own, or the account once,
// shared by every region of the provider (AWS's 100 GB of internet egress).
enum class AllowanceScope { region, account };

struct TieredEgress {
  Sourced free_bytes;  // free allowance per month
  AllowanceScope free_scope = AllowanceScope::region;
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

// A program that waives egress fees when a customer leaves the provider, or a rule that
// abolishes them (the EU Data Act from 2027-01-12). Whether a move qualifies depends on
// conditions tco cannot check: `tco exit`, and a strategy's move that leaves the provider,
// apply it as a line of its own, with its conditions listed (tco-prices(5), EXIT PROGRAMS).
struct ExitProgram {
  std::string id;
  std::string name;
  std::string covers;                   // which transfers qualify
  std::vector<std::string> conditions;  // what the customer must do
  std::optional<Sourced> window;        // hours to complete the move, when stated
  Sourced refund;                       // share of the qualifying egress bill waived or credited
  std::string scope;                    // "worldwide", "EU/EEA/UK customers"
  std::optional<Date> from;             // it applies to exits on or after this day
  std::optional<Date> until;            // and before this one
  std::vector<std::string> regions;     // the sheet's regions it covers; empty = every region
  SourceLocation regions_where;         // where `regions` is written, for errors
  SourceLocation where;

  // Whether it covers an exit from `region` on `day`.
  [[nodiscard]] bool applies(const std::string& region, Date day) const;
};

// What a discount in an overlay applies to.
enum class PriceService { all, compute, storage, network, interconnect, hardware, electricity, colocation };
constexpr std::array<PriceService, 8> kPriceServices{
    PriceService::all,          PriceService::compute,  PriceService::storage,     PriceService::network,
    PriceService::interconnect, PriceService::hardware, PriceService::electricity, PriceService::colocation};
std::string to_string(PriceService service);
std::vector<std::string> price_service_names();
std::optional<PriceService> parse_price_service(std::string_view text);

// A change an overlay makes to the prices of the sheets below it: a discount ("20 % off compute
// in us-east-1", change -20 %) or an adjustment, which may raise a price ("+40 % on 1y compute"
// at a renewal). Multiplies the matching prices by (1 + change). Prices the overlay sets itself
// are taken as given.
struct OverlayChange {
  PriceService service = PriceService::all;
  Sourced change;                     // signed fraction, above -1 and not 0
  std::vector<std::string> regions;   // empty = every region
  std::vector<PricingModel> pricing;  // empty = every pricing model (compute only)
  std::string path;                   // "discounts[0]", "adjustments[1]": where it is written
  SourceLocation where;
};

// A sheet is a provider's complete price list; an overlay (tco-prices(5), OVERLAYS) adds to
// or overrides the sheets of its provider from its effective date on.
enum class SheetKind { sheet, overlay };

struct AppliedOverlay {
  std::string name;
  std::string file;
  std::string content_hash;
  Date effective;
};

struct PriceSheet {
  SheetKind kind = SheetKind::sheet;
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
  std::map<std::string, Sourced> pue_by_facility;        // on-prem catalog, published PUE figures
  std::vector<OverlayChange> price_changes;              // overlays only: discounts, then adjustments
  std::vector<ExitProgram> exit_programs;
  std::string file;          // as given to the loader
  std::string content_hash;  // SHA-256 of the file's bytes, hex
  std::string origin;        // "bundled", or the --pricing-dir it came from
  int layer = 0;             // its directory's place in the load order
  // Set on the catalog's merged views: the overlays applied on top, in order, and the
  // first day the view is in effect (the later of the sheet's and its overlays' dates).
  std::vector<AppliedOverlay> overlays;
  Date in_effect_from;

  [[nodiscard]] const PriceSource* find_source(const std::string& id) const;
  [[nodiscard]] const Region* find_region(const std::string& id) const;
  // The exit program that covers an exit from `region` on `day` with the largest refund (the
  // first listed of equal ones); nullptr when none does.
  [[nodiscard]] const ExitProgram* exit_program_for(const std::string& region, Date day) const;
  [[nodiscard]] std::string id() const;  // "aws@2025-06-01"
  // id() plus the overlays applied: "aws@2025-06-01 + acme-discount".
  [[nodiscard]] std::string label() const;
};

}  // namespace tco
