// Pricing the bytes that leave sites (src/model/transfers.cpp, src/model/egress.cpp) through
// the public API: internet tiers on a region's monthly total shared back in proportion,
// inter-zone, inter-region, private interconnect, owned sites, and missing prices.
// Rules and formulas: tco-model(7), EGRESS. Every expected figure is worked out in its comment.
//
// acme east: 100 GiB free, then up to 10 TiB at 0.09, up to 50 TiB at 0.085, up to 150 TiB
// at 0.07, above at 0.05 USD/GiB; inter-region 0.02 USD/GiB by default; inter-zone
// 0.01 USD/GiB billed in both directions.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

// A second provider: r1 lists an inter-region price to r2 besides its default, an inter-zone
// price billed one way, a private interconnect; r2 has no inter-region or inter-zone price,
// r3 no internet egress.
const char* kBravoSheet = R"(schema_version: 1
provider: bravo
name: Bravo Cloud
effective_date: 2026-01-01
currency: USD
billing_gb: GiB
sources:
  - {id: list, title: Bravo price list, url: https://bravo.example/prices, retrieved: 2026-01-01, confidence: primary}
regions:
  r1:
    source: list
    network:
      internet_egress: {free: 0 GiB, tiers: [{price: 0.1 USD/GiB}]}
      inter_region: {default: 0.02 USD/GiB, to: {r2: 0.01 USD/GiB}}
      inter_zone: 0.01 USD/GiB
      interconnect_egress: 0.005 USD/GiB
      interconnect_ports: {p10: 1 USD/h}
  r2:
    source: list
    network:
      internet_egress: {free: 0 GiB, tiers: [{price: 0.1 USD/GiB}]}
  r3:
    source: list
    storage:
      standard: 0.02 USD/GiB-month
)";

PriceCatalog with_bravo() {
  PriceCatalog out = test::catalog();
  out.add(load_price_sheet(kBravoSheet, "bravo.yaml").value());
  return out;
}

// A scenario of sites and flows only, priced over `horizon`.
std::string moves(const std::string& horizon, const std::string& sites, const std::string& flows) {
  return test::header(horizon) + "sites:\n" + sites + "workloads: {}\nflows:\n" + flows +
         "strategies:\n  s: {workloads: {}}\n";
}

// The one egress line of a flow in a month.
CostLine egress_of(const StrategyResult& s, const std::string& flow, int month = 0) {
  std::vector<CostLine> found;
  for (const auto& line : test::lines(s, Component::egress, month)) {
    if (line.cause == "flow " + flow) found.push_back(line);
  }
  REQUIRE(found.size() == 1);
  return found[0];
}

constexpr double kGiB = 1073741824.0;

}  // namespace

TEST_CASE("internet egress: the month's tiered charge over every site of a region is shared in proportion to bytes",
          "[transfers]") {
  auto run = test::run(moves("1 month",
                             "  a: {kind: cloud, provider: acme, region: east, zone: east-1a}\n"
                             "  b: {kind: cloud, provider: acme, region: east, zone: east-1b}\n",
                             "  big: {from: a, to: internet, size: 15 TiB, every: 1 month}\n"
                             "  small: {from: b, to: internet, size: 5 TiB, every: 1 month}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // One volume for the region: 20 TiB = 20,480 GiB.
  // (10,240 - 100) × 0.09 + (20,480 - 10,240) × 0.085 = 912.60 + 870.40 = 1,783.00.
  CHECK(s.component_cash(Component::egress) == Approx(1783.0));
  // Shared 15 : 5. Priced alone they would cost 1,347.80 and 451.80.
  const CostLine big = egress_of(s, "big");
  const CostLine small = egress_of(s, "small");
  CHECK(big.cash == Approx(1783.0 * 15 / 20));   // 1,337.25
  CHECK(small.cash == Approx(1783.0 * 5 / 20));  // 445.75
  CHECK(big.site == "a");
  CHECK(small.site == "b");
}

TEST_CASE("internet egress: the allowance is free, a volume on a tier bound fills the tier below, each month afresh",
          "[transfers]") {
  auto run = test::run(moves("4 months", "  a: {kind: cloud, provider: acme, region: east}\n",
                             "  free: {from: a, to: internet, size: 100 GiB, once: 2027-01}\n"
                             "  above: {from: a, to: internet, size: 101 GiB, once: 2027-02}\n"
                             "  ten: {from: a, to: internet, size: 10 TiB, once: 2027-03}\n"
                             "  fifty: {from: a, to: internet, size: 50 TiB, once: 2027-04}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // Exactly the 100 GiB allowance: nothing billed.
  CHECK(egress_of(s, "free", 0).cash == 0);
  // 1 GiB above it: 1 × 0.09.
  CHECK(egress_of(s, "above", 1).cash == Approx(0.09));
  // Exactly 10 TiB: (10,240 - 100) × 0.09 = 912.60, nothing at 0.085.
  CHECK(egress_of(s, "ten", 2).cash == Approx(912.6));
  // Exactly 50 TiB: 912.60 + 40,960 × 0.085 = 912.60 + 3,481.60 = 4,394.20, nothing at 0.07.
  CHECK(egress_of(s, "fifty", 3).cash == Approx(4394.2));
}

TEST_CASE("inter-zone: zones that differ pay the inter-zone price, twice when billed both ways; else it is free",
          "[transfers]") {
  auto run = test::run(moves("1 month",
                             "  a: {kind: cloud, provider: acme, region: east, zone: z1}\n"
                             "  b: {kind: cloud, provider: acme, region: east, zone: z2}\n"
                             "  c: {kind: cloud, provider: acme, region: east, zone: z1}\n"
                             "  d: {kind: cloud, provider: acme, region: east}\n"
                             "  e: {kind: cloud, provider: bravo, region: r1, zone: z1}\n"
                             "  f: {kind: cloud, provider: bravo, region: r1, zone: z2}\n",
                             "  ab: {from: a, to: b, size: 100 GiB, every: 1 month}\n"
                             "  ac: {from: a, to: c, size: 100 GiB, every: 1 month}\n"
                             "  ad: {from: a, to: d, size: 100 GiB, every: 1 month}\n"
                             "  ef: {from: e, to: f, size: 100 GiB, every: 1 month}\n"),
                       with_bravo());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // acme bills both directions: 100 GiB × 0.01 × 2 = 2.
  CHECK(egress_of(s, "ab").cash == Approx(2.0));
  // Same zone, or a site without a zone: free (and kept out of the internet tiers).
  CHECK(egress_of(s, "ac").cash == 0);
  CHECK(egress_of(s, "ad").cash == 0);
  // bravo bills one direction: 100 GiB × 0.01 = 1.
  CHECK(egress_of(s, "ef").cash == Approx(1.0));
  // All four moves count as bytes sent to other sites, charged or not.
  CHECK(s.site_transfer_bytes == Approx(400 * kGiB));
}

TEST_CASE("inter-region: the price to the destination region when the sheet lists one, else the default",
          "[transfers]") {
  auto run = test::run(moves("1 month",
                             "  g: {kind: cloud, provider: bravo, region: r1}\n"
                             "  h: {kind: cloud, provider: bravo, region: r2}\n"
                             "  k: {kind: cloud, provider: bravo, region: r3}\n",
                             "  gh: {from: g, to: h, size: 100 GiB, every: 1 month}\n"
                             "  gk: {from: g, to: k, size: 100 GiB, every: 1 month}\n"),
                       with_bravo());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  CHECK(egress_of(s, "gh").cash == Approx(1.0));  // to r2, listed: 100 GiB × 0.01
  CHECK(egress_of(s, "gk").cash == Approx(2.0));  // to r3, the default: 100 GiB × 0.02
}

TEST_CASE("transfers to another provider or an owned site go through the source region's internet tiers",
          "[transfers]") {
  auto run = test::run(moves("1 month",
                             "  a: {kind: cloud, provider: acme, region: east}\n"
                             "  e: {kind: cloud, provider: bravo, region: r1}\n"
                             "  dc: {kind: onprem, hardware: box}\n",
                             "  other: {from: a, to: e, size: 5 TiB, every: 1 month}\n"
                             "  owned: {from: a, to: dc, size: 5 TiB, every: 1 month}\n"
                             "  web: {from: a, to: internet, size: 5 TiB, every: 1 month}\n"),
                       with_bravo());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // One tiered volume of 15 TiB = 15,360 GiB:
  // (10,240 - 100) × 0.09 + (15,360 - 10,240) × 0.085 = 912.60 + 435.20 = 1,347.80, a third each.
  CHECK(egress_of(s, "other").cash == Approx(1347.8 / 3));
  CHECK(egress_of(s, "owned").cash == Approx(1347.8 / 3));
  CHECK(egress_of(s, "web").cash == Approx(1347.8 / 3));
}

TEST_CASE("private interconnect: a linked destination pays interconnect_egress, before the internet or inter-region",
          "[transfers]") {
  auto run = test::run(moves("1 month",
                             "  e: {kind: cloud, provider: bravo, region: r1, interconnect: {port: p10, to: [dc, k]}}\n"
                             "  k: {kind: cloud, provider: bravo, region: r3}\n"
                             "  h: {kind: cloud, provider: bravo, region: r2}\n"
                             "  dc: {kind: onprem, hardware: box}\n",
                             "  to-dc: {from: e, to: dc, size: 1000 GiB, every: 1 month}\n"
                             "  to-k: {from: e, to: k, size: 1000 GiB, every: 1 month}\n"
                             "  to-h: {from: e, to: h, size: 1000 GiB, every: 1 month}\n"),
                       with_bravo());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // Linked: 1,000 GiB × 0.005 = 5 (instead of 100 through the tiers, 20 inter-region).
  CHECK(egress_of(s, "to-dc").cash == Approx(5.0));
  CHECK(egress_of(s, "to-k").cash == Approx(5.0));
  // Not linked: inter-region to r2, 1,000 GiB × 0.01 = 10.
  CHECK(egress_of(s, "to-h").cash == Approx(10.0));
}

TEST_CASE("owned site: data leaving it costs its egress price, whatever the destination", "[transfers]") {
  auto run = test::run(moves("1 month",
                             "  dc: {kind: onprem, hardware: box, egress: 0.05 USD/GB}\n"
                             "  a: {kind: cloud, provider: acme, region: east}\n",
                             "  web: {from: dc, to: internet, size: 1 TB, every: 1 month}\n"
                             "  up: {from: dc, to: a, size: 1 TB, every: 1 month}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // 1 TB = 1,000 GB × 0.05 = 50 each; no free allowance, no tiers, no ingress charge at a.
  CHECK(egress_of(s, "web").cash == Approx(50.0));
  CHECK(egress_of(s, "up").cash == Approx(50.0));
  CHECK(egress_of(s, "up").site == "dc");
  CHECK(s.component_cash(Component::egress) == Approx(100.0));
}

TEST_CASE("a missing transfer price is an error naming the key, the region and the sheet, never zero", "[transfers]") {
  struct Case {
    const char* what;
    std::string sites;
    std::string flow;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"owned site without egress", "  dc: {kind: onprem, hardware: box}\n",
       "  out: {from: dc, to: internet, size: 1 TB, every: 1 month}\n",
       "sites.dc: missing 'egress' (a price per GB leaving this on-prem site; 0 USD/GB if the uplink is flat-rate), "
       "needed for flow out"},
      {"no inter-region price",
       "  g: {kind: cloud, provider: bravo, region: r1}\n  h: {kind: cloud, provider: bravo, region: r2}\n",
       "  back: {from: h, to: g, size: 1 GiB, every: 1 month}\n",
       "sites.h: no inter_region (to r1) price in region r2 of the bravo@2026-01-01 price sheet (bravo.yaml), "
       "needed for flow back to site 'g'"},
      {"no inter-zone price",
       "  h: {kind: cloud, provider: bravo, region: r2, zone: z1}\n"
       "  h2: {kind: cloud, provider: bravo, region: r2, zone: z2}\n",
       "  across: {from: h, to: h2, size: 1 GiB, every: 1 month}\n",
       "sites.h: no inter_zone price in region r2 of the bravo@2026-01-01 price sheet (bravo.yaml), needed for flow "
       "across to site 'h2'"},
      {"no interconnect egress price",
       "  h: {kind: cloud, provider: bravo, region: r2, interconnect: {port: p10, to: dc}}\n"
       "  dc: {kind: onprem, hardware: box}\n",
       "  linked: {from: h, to: dc, size: 1 GiB, every: 1 month}\n",
       "sites.h: no interconnect_egress price in region r2 of the bravo@2026-01-01 price sheet (bravo.yaml), needed "
       "for flow linked to site 'dc'"},
      {"no internet egress", "  k: {kind: cloud, provider: bravo, region: r3}\n",
       "  out: {from: k, to: internet, size: 1 GiB, every: 1 month}\n",
       "sites.k: no internet_egress price in region r3 of the bravo@2026-01-01 price sheet (bravo.yaml)"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto run = test::attempt(moves("1 month", c.sites, c.flow), with_bravo());
    REQUIRE(run);
    REQUIRE_FALSE(run->model);
    CHECK_THAT(test::errors(*run), Catch::Contains(c.expected));
  }
}
