#pragma once
// `tco egress`: a quick quote for moving a volume out of one provider region.
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/price_sheet.hpp"
#include "tco/report/format.hpp"

namespace tco {

struct EgressRoute {
  enum class Kind { internet, region, zone };
  Kind kind = Kind::internet;
  std::string to_provider;  // for Kind::region
  std::string to_region;
};

struct EgressBand {
  std::string label;        // "free allowance", "up to 10 TiB", "above 150 TiB", "inter-region to eu-west-1"
  double billed_units = 0;  // in the provider's billing unit (GiB or GB)
  double price_per_unit = 0;
  double cost = 0;
  const PriceSource* source = nullptr;
  std::string source_id;
};

struct EgressReport {
  std::string volume;  // as the user wrote it
  double bytes = 0;
  std::string from;  // "aws:us-east-1"
  std::string to;    // "internet"
  std::string sheet_id;
  std::string sheet_file;
  std::string sheet_sha256;
  std::string billing_unit;  // "GiB" or "GB"
  std::string currency;
  std::vector<EgressBand> bands;
  double total = 0;
  std::string note;  // e.g. why the internet tiers apply
};

Result<EgressReport> make_egress_report(const PriceSheet& sheet, const Region& region, const EgressRoute& route,
                                        double bytes);
std::string render_egress_table(const EgressReport& report);
std::string render_egress_json(const EgressReport& report);

// tco egress's formats (src/report/egress/).
const Renderers<EgressReport>& egress_renderers();

}  // namespace tco
