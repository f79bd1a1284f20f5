// A strategy's reservations (tco-scenario(5), STRATEGIES): capacity it holds on a cloud site,
// paid at the on-demand price used or not. Whether the instance type exists is known only
// with the prices, so the model checks it.
#include <fmt/format.h>

#include "scenario_internal.hpp"

namespace tco::scenario_detail {

void read_reservations(const YamlNode& node, const std::string& path, Strategy& strategy, Diagnostics& d) {
  if (!node.is_sequence()) return;  // the reader reported the shape
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    MapReader reader(scenario_format::reservation(), node.items[i], fmt::format("{}[{}]", path, i), d);
    if (!reader.valid()) continue;
    Reservation reservation;
    reservation.where = node.items[i].where;
    reservation.name = read_text(reader, "name").value_or(fmt::format("reservation {}", i + 1));
    reservation.site = read_text(reader, "site").value_or("");
    reservation.instance = read_text(reader, "instance").value_or("");
    const auto count = read_integer(reader, "count");
    if (const YamlNode* ends = reader.get("ends")) reservation.ends = read_year_month(*ends, reader.path("ends"), d);
    reader.finish();
    if (reservation.site.empty() || reservation.instance.empty()) continue;
    reservation.count = static_cast<int>(count.value_or(1));
    strategy.reservations.push_back(std::move(reservation));
  }
}

void check_reservations(const Scenario& scenario, const Strategy& strategy, Diagnostics& d) {
  for (std::size_t i = 0; i < strategy.reservations.size(); ++i) {
    const Reservation& held = strategy.reservations[i];
    const std::string path = fmt::format("strategies.{}.reservations[{}]", strategy.name, i);
    if (!check_site(scenario, held.site, held.where, path + ".site", d)) continue;
    const Site* site = scenario.find_site(held.site);
    if (site->kind != SiteKind::cloud) {
      d.error(held.where, path + ".site",
              fmt::format("site '{}' is owned: a reservation holds a cloud provider's capacity", held.site));
    } else if (site->cloud.default_pricing == PricingModel::spot) {
      d.error(held.where, path + ".site",
              fmt::format("site '{}' prices its work on spot: a reservation holds on-demand capacity, which spot "
                          "instances do not use",
                          held.site));
    }
    if (held.ends && *held.ends < scenario.start) {
      d.error(held.where, path + ".ends",
              fmt::format("expected a month from the start, {}, found {}", format_year_month(scenario.start),
                          format_year_month(*held.ends)));
    }
  }
}

}  // namespace tco::scenario_detail
