#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/model/egress.hpp"
#include "tco/model/figures.hpp"

using namespace tco;

namespace {
constexpr double kGiB = 1073741824.0;
constexpr double kTiB = 1099511627776.0;
const TieredEgress& acme_tiers() {
  static const PriceSheet sheet = load_price_sheet(test::kAcmeSheet, "acme.yaml").value();
  return *sheet.regions.at("east").network.internet_egress;
}
}  // namespace

TEST_CASE("AWS-style internet egress of 150 TiB, tier by tier") {
  // 100 GiB free; (10,240 - 100) GiB x 0.09 + 40,960 GiB x 0.085 + 102,400 GiB x 0.07.
  const EgressQuote quote = quote_tiered_egress(acme_tiers(), 150 * kTiB);
  REQUIRE(quote.bands.size() == 4);
  CHECK(quote.bands[0].billed_bytes == 100 * kGiB);
  CHECK(quote.bands[0].cost == 0);
  CHECK(quote.bands[1].cost == Approx(10140 * 0.09));
  CHECK(quote.bands[2].cost == Approx(40960 * 0.085));
  CHECK(quote.bands[3].cost == Approx(102400 * 0.07));
  CHECK(quote.total == Approx(11562.20));
}

TEST_CASE("egress within the free allowance costs nothing; above the last bound the last tier applies") {
  CHECK(quote_tiered_egress(acme_tiers(), 50 * kGiB).total == 0);
  CHECK(quote_tiered_egress(acme_tiers(), 160 * kTiB).total == Approx(11562.20 + 10240 * 0.05));
}

TEST_CASE("property: more egress never costs less") {
  double previous = 0;
  for (double tib = 0; tib <= 400; tib += 0.37) {
    const double cost = quote_tiered_egress(acme_tiers(), tib * kTiB).total;
    CHECK(cost >= previous);
    previous = cost;
  }
}

TEST_CASE("NPV discounts monthly at (1 + r)^(1/12) - 1 and leaves the first month undiscounted") {
  const double annual = std::pow(1.01, 12) - 1;  // exactly 1 % a month
  CHECK(monthly_rate(annual) == Approx(0.01));
  CHECK(net_present_value({100, 100, 100}, annual) == Approx(100 + 100 / 1.01 + 100 / (1.01 * 1.01)));
  CHECK(net_present_value({100, 100}, 0.0) == 200);
}

TEST_CASE("break-even is the month from which the cumulative cost stays at or below the baseline's") {
  CHECK(breakeven_month({150, 0, 0}, {50, 50, 50}) == 3);  // a tie counts
  CHECK(breakeven_month({150, 0, 0}, {50, 50, 49.99}) == std::nullopt);
  CHECK(breakeven_month({10, 10}, {20, 20}) == 1);
  CHECK(breakeven_month({0, 100, 0}, {10, 10, 100}) == 3);  // crossing back resets it
  // The research-team figures: $50,000 + $416.67/month against $1,666.67/month.
  std::vector<double> owned(60, 5000.0 / 12);
  owned[0] += 50000;
  const std::vector<double> cloud(60, 20000.0 / 12);
  CHECK(breakeven_month(owned, cloud) == 40);
}
