// The ledger: every cost line says what was used, in which unit, at which rate, and where
// the rate came from; usage × rate is the line's cost. Checked on every line of the bundled
// scenarios, and on hand-computed lines of the test catalog.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/inputs/file.hpp"
#include "tco/model/figures.hpp"

using namespace tco;

namespace {

ModelResult run_bundled(const std::string& name, Scenario& scenario, PriceCatalog& catalog) {
  const std::string root = TCO_SOURCE_DIR;
  const std::string file = root + "/scenarios/" + name + ".yaml";
  auto text = read_text_file(file);
  REQUIRE(text);
  auto loaded = load_scenario(text.value(), file);
  REQUIRE(loaded);
  scenario = std::move(loaded).value();
  auto loaded_catalog = PriceCatalog::load({{root + "/pricing-data", "bundled"}});
  REQUIRE(loaded_catalog);
  catalog = std::move(loaded_catalog).value();
  auto model = run_model(scenario, catalog, {});
  REQUIRE(model);
  return std::move(model).value();
}

// The cost a line's usage and rate stand for: its cash, or a depreciation's amortized amount.
double cost_of(const CostLine& line) { return line.cash != 0 ? line.cash : line.amortized; }

UsageUnit expected_unit(const CostLine& line) {
  switch (line.component) {
    case Component::compute:
      return UsageUnit::instance_hours;
    case Component::hardware:
      return line.cash != 0 ? UsageUnit::servers : UsageUnit::server_months;
    case Component::power:
      return UsageUnit::kilowatt_hours;
    case Component::space:
      return UsageUnit::kilowatt_months;
    case Component::maintenance:
      return UsageUnit::server_months;
    case Component::staff:
      return UsageUnit::full_time_months;
    case Component::storage:
      return UsageUnit::byte_months;
    case Component::egress:
      return UsageUnit::bytes;
    case Component::interconnect:
      return UsageUnit::port_hours;
  }
  return UsageUnit::bytes;
}

}  // namespace

TEST_CASE("every line of the bundled scenarios: usage × rate is its cost, in the unit its component uses", "[ledger]") {
  for (const std::string name : {"llm-70b", "research-team", "delta-sync", "lock-in-70b"}) {
    Scenario scenario;
    PriceCatalog catalog;
    const ModelResult model = run_bundled(name, scenario, catalog);
    std::size_t lines = 0;
    for (const auto& strategy : model.strategies) {
      for (const auto& line : strategy.lines) {
        INFO(name << " " << strategy.name << " month " << line.month << " " << to_string(line.component) << " "
                  << line.cause << " at " << line.site);
        ++lines;
        CHECK(line.strategy == strategy.name);
        CHECK(line.usage.unit == expected_unit(line));
        CHECK(line.usage.quantity * line.rate.value == Approx(cost_of(line)).epsilon(1e-12).margin(1e-9));
        CHECK_FALSE(line.offer.empty());
        // A rate is a price with its origin, or says how it was derived from several.
        CHECK((line.rate.origin.has_value() || !line.rate.derived.empty() || line.rate.value == 0));
        const Site* site = scenario.find_site(line.site);
        REQUIRE(site != nullptr);
        if (site->kind == SiteKind::cloud) {
          CHECK(line.provider == site->cloud.provider);
          CHECK(line.region == site->cloud.region);
        } else {
          CHECK(line.provider == "onprem");
          CHECK(line.region.empty());
        }
        if (line.component == Component::power) CHECK(line.measures.kilowatt_hours == line.usage.quantity);
        if (line.component == Component::compute) CHECK(line.measures.gpu_hours.value_or(0) >= line.usage.quantity);
      }
    }
    CHECK(lines > 0);
  }
}

TEST_CASE("the ledger's monthly amounts are the strategy's figures", "[ledger]") {
  Scenario scenario;
  PriceCatalog catalog;
  const ModelResult model = run_bundled("llm-70b", scenario, catalog);
  for (const auto& strategy : model.strategies) {
    CHECK(amounts_by_month(strategy.lines, model.months, Basis::cash) == strategy.monthly_cash);
    CHECK(amounts_by_month(strategy.lines, model.months, Basis::amortized) == strategy.monthly_amortized);
  }
}

TEST_CASE("ledger lines by hand: compute, storage, egress, and the owned site's fleet", "[ledger]") {
  // One month; 8 H100 rented on demand at 10 USD/h for 730 h; or owned (the test catalog's box).
  auto run = test::run(test::header("1 month") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "  dc: {kind: onprem, hardware: box, maintenance: 12 %, staff: 2, storage: 0.01 USD/GB-month, "
                       "egress: 0.02 USD/GB}\n"
                       "datasets:\n  d: {size: 1 TiB, origin: cloud}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, reads: [d]}\n"
                       "strategies:\n  rent: {workloads: {w: cloud}}\n  own: {workloads: {w: dc}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const auto& rent = run->model->strategies[0];
  const auto compute = test::lines(rent, Component::compute);
  REQUIRE(compute.size() == 1);
  CHECK(compute[0].offer == "gpu8");
  CHECK(compute[0].provider == "acme");
  CHECK(compute[0].region == "east");
  CHECK(compute[0].usage.quantity == 730);  // 1 instance × 730 h
  CHECK(compute[0].rate.value == 10);
  CHECK(compute[0].rate.origin->sheet == "acme@2026-01-01");
  CHECK(compute[0].rate.origin->source->id == "list");
  CHECK(compute[0].measures.gpu_hours == 730 * 8);
  const auto storage = test::lines(rent, Component::storage);
  REQUIRE(storage.size() == 1);
  CHECK(storage[0].dataset == "d");
  CHECK(storage[0].usage.quantity == 1099511627776.0);   // 1 TiB for the month
  CHECK(storage[0].rate.byte_base == ByteBase::binary);  // acme bills GiB
  CHECK(storage[0].usage.quantity * storage[0].rate.value == Approx(1024 * 0.02));

  const auto& own = run->model->strategies[1];
  const auto capex = test::lines(own, Component::hardware, 0);
  REQUIRE(capex.size() == 2);  // the purchase (cash) and its depreciation (amortized)
  CHECK(capex[0].usage.unit == UsageUnit::servers);
  CHECK(capex[0].usage.quantity == 1);
  CHECK(capex[0].rate.value == 120000);
  CHECK(capex[1].usage.unit == UsageUnit::server_months);
  CHECK(capex[1].rate.value == Approx(120000 * 0.8 / 60));  // 20 % residual, 5 years
  CHECK_FALSE(capex[1].rate.origin.has_value());
  const auto power = test::lines(own, Component::power, 0);
  REQUIRE(power.size() == 1);
  // 1 server × (2 + 8 × 100 %) kW × PUE 1.5 × 730 h = 10,950 kWh at 0.10 USD/kWh.
  CHECK(power[0].usage.quantity == Approx(10950));
  CHECK(power[0].rate.value == Approx(0.10));
  CHECK(power[0].measures.kilowatt_hours == power[0].usage.quantity);
  const auto staff = test::lines(own, Component::staff, 0);
  REQUIRE(staff.size() == 1);
  CHECK(staff[0].usage.quantity == 2);                  // FTE-months
  CHECK(staff[0].rate.value == Approx(120000.0 / 12));  // per FTE-month
  const auto egress = test::lines(own, Component::egress, 0);
  REQUIRE(egress.size() == 1);  // the dataset copied from the cloud to the owned site
  CHECK(egress[0].site == "cloud");
  CHECK(egress[0].offer == "internet egress");
  CHECK(egress[0].usage.quantity == 1099511627776.0);
  // (1 TiB − 100 GiB free) × 0.09 USD/GiB, spread over the 1 TiB sent.
  CHECK(egress[0].usage.quantity * egress[0].rate.value == Approx(924 * 0.09));
}
