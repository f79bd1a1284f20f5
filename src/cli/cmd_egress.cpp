// tco egress SIZE --from PROVIDER:REGION --to DEST: a quick egress quote with its tiers.
#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/core/suggest.hpp"
#include "tco/report/egress_quote.hpp"

namespace tco::cli {
namespace {

std::optional<std::pair<std::string, std::string>> split_site(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  return std::make_pair(text.substr(0, colon), text.substr(colon + 1));
}

class EgressCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.add_option("size", size_, "Volume to move, with its unit: 150TiB, '94 TB', 500GB")
        ->required()
        ->type_name("SIZE");
    app.add_option("--from", from_, "Source, as PROVIDER:REGION (e.g. aws:us-east-1)")
        ->required()
        ->type_name("PROVIDER:REGION");
    app.add_option("--to", to_, "Destination: internet, zone (another zone of the region) or PROVIDER:REGION")
        ->default_str("internet")
        ->type_name("DEST");
    add_format_option(app, format_, egress_renderers().formats());
    pricing_.add_to(app);
    app.footer(
        "Without --as-of the newest sheet of the provider is used. Tiers apply to one month's volume.\n\n"
        "Examples:\n"
        "  tco egress 150TiB --from aws:us-east-1 --to internet\n"
        "  tco egress '94 TB' --from aws:us-east-1 --to aws:eu-west-1\n"
        "  tco egress 2TB --from gcp:us-central1 --to zone --format json");
  }

  int run(Console& console) override {
    const auto usage = [&](const std::string& message) {
      console.error(message);
      return kExitInvalidInput;
    };
    QuantityError error;
    const auto size = parse_quantity(size_, Dimension::bytes, &error);
    if (!size) return usage("SIZE: " + error.message);
    const auto from = split_site(from_);
    if (!from) return usage(fmt::format("--from: expected PROVIDER:REGION, e.g. aws:us-east-1, found '{}'", from_));
    EgressRoute route;
    if (to_ == "zone") {
      route.kind = EgressRoute::Kind::zone;
    } else if (to_ != "internet") {
      const auto to = split_site(to_);
      if (!to) return usage(fmt::format("--to: expected internet, zone or PROVIDER:REGION, found '{}'", to_));
      route = {EgressRoute::Kind::region, to->first, to->second};
    }
    const auto as_of = pricing_.as_of_date();
    if (!as_of) {
      console.report(as_of.diagnostics());
      return kExitInvalidInput;
    }
    const Date day = as_of->value_or(kNewest);
    const auto catalog = load_catalog(pricing_, console);
    if (!catalog) return kExitInvalidInput;
    auto sheet = catalog->select(from->first, day);
    if (!sheet) {
      console.report(sheet.diagnostics());
      return kExitInvalidInput;
    }
    const Region* region = sheet.value()->find_region(from->second);
    if (region == nullptr) {
      const auto regions = keys_of(sheet.value()->regions);
      return usage(fmt::format("--from: region '{}' is not in the {} price sheet{}; its regions are {}", from->second,
                               sheet.value()->id(), did_you_mean(from->second, regions), quoted_list(regions)));
    }
    auto report = make_egress_report(*sheet.value(), *region, route, size->value);
    if (!report) {
      console.report(report.diagnostics());
      return kExitInvalidInput;
    }
    report.value().volume = size_;
    return print_report(console, egress_renderers(), format_, report.value(), {}, "");
  }

 private:
  std::string size_;
  std::string from_;
  std::string to_ = "internet";
  std::string format_;
  PricingOptions pricing_;
};

}  // namespace

std::unique_ptr<Command> make_egress_command() { return std::make_unique<EgressCommand>(); }

}  // namespace tco::cli
