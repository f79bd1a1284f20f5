#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/price_rows.hpp"

namespace tco {
namespace {

class RowBuilder {
 public:
  explicit RowBuilder(const PriceSheet& sheet) : sheet_(sheet) {
    const bool binary = sheet.billing_gb == ByteBase::binary;
    gb_ = bytes_per_gb(sheet.billing_gb);
    gb_name_ = gb_name(sheet.billing_gb);
    tb_name_ = binary ? "TiB" : "TB";
  }

  // `scale` converts the base unit to `unit`.
  void add(const std::string& region, const std::string& category, const std::string& item, const Sourced& value,
           double scale, const std::string& unit) {
    PriceRow row;
    row.region = region;
    row.category = category;
    row.item = item;
    row.key = fmt::format("{}/{}/{}", region, category, item);
    row.value = value.value * scale;
    row.unit = unit;
    row.source_id = value.source;
    row.source = sheet_.find_source(value.source);
    row.note = value.note;
    row.adjustments = value.adjustments;
    if (value.list_value) row.list_value = *value.list_value * scale;
    rows.push_back(std::move(row));
  }

  void region(const Region& region) {
    const std::string usd = sheet_.currency;
    for (const auto& offer : region.gpu_offers) {
      for (const auto& [model, price] : offer.hourly) {
        add(region.id, "gpu", offer.instance + " " + to_string(model), price, 1.0, usd + "/h");
        rows.back().gpu = offer.gpu;
        rows.back().gpus = offer.gpus;
        rows.back().per_gpu_hour = price.value / offer.gpus;
      }
    }
    for (const auto& [storage_class, price] : region.storage)
      add(region.id, "storage", to_string(storage_class), price, gb_, usd + "/" + gb_name_ + "-month");
    network(region.id, region.network);
  }

  void network(const std::string& region, const Network& network) {
    const std::string per_gb = sheet_.currency + "/" + gb_name_;
    if (network.internet_egress) {
      const auto& egress = *network.internet_egress;
      add(region, "egress",
          egress.free_scope == AllowanceScope::account ? "internet free per account" : "internet free allowance",
          egress.free_bytes, 1.0 / gb_, gb_name_ + "/month");
      double from = 0;
      for (const auto& tier : egress.tiers) {
        const std::string band = tier.up_to_bytes
                                     ? fmt::format("internet {}-{} {}", format_number(from / tb()),
                                                   format_number(*tier.up_to_bytes / tb()), tb_name_)
                                     : fmt::format("internet above {} {}", format_number(from / tb()), tb_name_);
        add(region, "egress", band, tier.price, gb_, per_gb);
        if (tier.up_to_bytes) from = *tier.up_to_bytes;
      }
    }
    if (network.ingress) add(region, "network", "ingress", *network.ingress, gb_, per_gb);
    if (network.inter_region_default)
      add(region, "network", "inter-region", *network.inter_region_default, gb_, per_gb);
    for (const auto& [to, price] : network.inter_region_to)
      add(region, "network", "inter-region to " + to, price, gb_, per_gb);
    if (network.inter_zone)
      add(region, "network", network.inter_zone_both_directions ? "inter-zone (each direction)" : "inter-zone",
          *network.inter_zone, gb_, per_gb);
    if (network.interconnect_egress)
      add(region, "interconnect", "egress over interconnect", *network.interconnect_egress, gb_, per_gb);
    for (const auto& [port, price] : network.interconnect_ports)
      add(region, "interconnect", "port " + port, price, 1.0, sheet_.currency + "/port-hour");
  }

  void onprem() {
    const std::string usd = sheet_.currency;
    for (const auto& [id, sku] : sheet_.hardware) {
      add("", "hardware", id + " price", sku.price, 1.0, usd);
      rows.back().gpu = sku.gpu;
      rows.back().gpus = sku.gpus;
      add("", "hardware", id + " max power", sku.max_kw, 1.0, "kW");
      add("", "hardware", id + " idle power", sku.idle_kw, 1.0, "kW");
    }
    const SiteDefaults& d = sheet_.site_defaults;
    auto site = [&](const std::optional<Sourced>& value, const char* item, double scale, const std::string& unit) {
      if (value) add("", "site", item, *value, scale, unit);
    };
    site(d.pue, "pue", 1.0, "");
    site(d.electricity, "electricity", 1.0, usd + "/kWh");
    site(d.colocation, "colocation", 1.0, usd + "/kW-month");
    site(d.maintenance, "maintenance", 100.0, "%/year");
    site(d.depreciation_life, "depreciation life", 1.0 / kHoursPerYear, "years");
    site(d.residual_value, "residual value", 100.0, "%");
    site(d.staff_cost, "staff cost", 1.0, usd + "/FTE-year");
    for (const auto& [region, price] : sheet_.electricity_by_region)
      add(region, "electricity", "electricity", price, 1.0, usd + "/kWh");
    for (const auto& [region, value] : sheet_.carbon_intensity)
      add(region, "carbon", "grid carbon intensity", value, 1.0, "gCO2e/kWh");
    for (const auto& [facility, value] : sheet_.pue_by_facility) add("", "pue", facility, value, 1.0, "");
  }

  std::vector<PriceRow> rows;

 private:
  [[nodiscard]] double tb() const { return gb_ * (sheet_.billing_gb == ByteBase::binary ? 1024.0 : 1000.0); }

  const PriceSheet& sheet_;
  double gb_ = 1e9;
  std::string gb_name_;
  std::string tb_name_;
};

}  // namespace

std::vector<PriceRow> price_rows(const PriceSheet& sheet) {
  RowBuilder builder(sheet);
  for (const auto& [id, region] : sheet.regions) builder.region(region);
  builder.onprem();
  for (const auto& program : sheet.exit_programs) {
    builder.add("", "exit program", program.id + " refund", program.refund, 100.0, "% of qualifying egress");
    if (program.window) builder.add("", "exit program", program.id + " window", *program.window, 1.0 / 24.0, "days");
  }
  return std::move(builder.rows);
}

std::string format_price(double value) { return fmt::format("{:.10g}", value); }

std::string confidence_name(const PriceSource* source) { return source ? to_string(source->confidence) : "-"; }

}  // namespace tco
