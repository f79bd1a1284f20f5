// Timeline pricing: each month priced by the sheet in effect then; pinned dates; trends.
#include <cmath>

#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

// acme at 10 USD/h from 2026-01-01, at 8 USD/h (1y: 5) from 2027-04-01.
PriceCatalog two_versions() {
  PriceCatalog catalog;
  catalog.add(load_price_sheet(test::kAcmeSheet, "acme-old.yaml").value());
  std::string newer = replaced(test::kAcmeSheet, "effective_date: 2026-01-01", "effective_date: 2027-04-01");
  newer = replaced(newer, "on-demand: 10 USD/h", "on-demand: 8 USD/h");
  newer = replaced(newer, "1y: 6 USD/h", "1y: 5 USD/h");
  catalog.add(load_price_sheet(newer, "acme-new.yaml").value());
  return catalog;
}

std::vector<double> monthly(const std::string& extra, const std::string& pricing, ModelOptions options = {}) {
  const std::string text = test::header() + extra +
                           "sites:\n  c: {kind: cloud, provider: acme, region: east, pricing: " + pricing +
                           "}\nworkloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                           "strategies:\n  s: {workloads: {w: c}}\n";
  auto scenario = load_scenario(text, "t.yaml");
  REQUIRE(scenario);
  const auto catalog = two_versions();
  auto model = run_model(scenario.value(), catalog, options);
  for (const auto& d : model.diagnostics().items()) INFO(format_location(d));
  REQUIRE(model);
  return model->strategies.front().monthly_cash_totals();
}

}  // namespace

TEST_CASE("a price change inside the horizon changes the months from its date on, and only those") {
  const auto months = monthly("", "on-demand");
  REQUIRE(months.size() == 12);
  for (int m = 0; m < 3; ++m) CHECK(months[static_cast<std::size_t>(m)] == Approx(730 * 10.0));  // Jan..Mar 2027
  for (int m = 3; m < 12; ++m) CHECK(months[static_cast<std::size_t>(m)] == Approx(730 * 8.0));  // from Apr 2027
}

TEST_CASE("as_of pins every month to the sheets in effect on one date") {
  ModelOptions options;
  options.as_of = parse_date("2027-01-15");
  for (double month : monthly("", "on-demand", options)) CHECK(month == Approx(730 * 10.0));
  for (double month : monthly("as_of: 2027-05-01\n", "on-demand")) CHECK(month == Approx(730 * 8.0));
}

TEST_CASE("a committed term keeps the price of the month it was bought") {
  for (double month : monthly("", "1y")) CHECK(month == Approx(730 * 6.0));
}

TEST_CASE("price trends project prices beyond the newest sheet, and mark those months") {
  const std::string text = test::header() + "price_trends: {compute: -15 %}\n" +
                           "sites:\n  c: {kind: cloud, provider: acme, region: east, pricing: on-demand}\n"
                           "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                           "strategies:\n  s: {workloads: {w: c}}\n";
  auto scenario = load_scenario(text, "t.yaml");
  REQUIRE(scenario);
  const auto catalog = two_versions();
  auto model = run_model(scenario.value(), catalog, {});
  REQUIRE(model);
  const auto months = model->strategies.front().monthly_cash_totals();
  // Before the newest sheet and in its first month: list prices, not projected.
  CHECK(months[0] == Approx(730 * 10.0));
  CHECK(months[3] == Approx(730 * 8.0));
  CHECK_FALSE(model->projected_months[3]);
  // May 2027 is 30 days past 2027-04-01.
  CHECK(model->projected_months[4]);
  CHECK(months[4] == Approx(730 * 8.0 * std::pow(0.85, 30 / 365.2425)));
  CHECK(months[11] == Approx(730 * 8.0 * std::pow(0.85, 244 / 365.2425)));
  REQUIRE(model->sheet_uses.size() == 2);
  CHECK(model->sheet_uses[1].first_month == 3);
  CHECK(model->sheet_uses[1].projected);
}

TEST_CASE("a trend must be an annual change between -90 % and +100 %") {
  auto scenario = load_scenario(test::header() + "price_trends: {compute: -95 %, gpus: 5 %}\n" +
                                    "sites:\n  c: {kind: cloud, provider: acme, region: east}\n"
                                    "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n",
                                "t.yaml");
  REQUIRE_FALSE(scenario);
  const auto& items = scenario.diagnostics().items();
  REQUIRE(items.size() >= 2);
  CHECK_THAT(items[0].message, Catch::Contains("from -90 % to +100 %"));
  CHECK_THAT(items[1].message, Catch::Contains("unknown key 'gpus'"));
}

TEST_CASE("each strategy cites the sources of the prices it used") {
  auto run =
      test::run(test::header() +
                "sites:\n  c: {kind: cloud, provider: acme, region: east, pricing: on-demand}\n"
                "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\nstrategies:\n  s: {workloads: {w: c}}\n");
  REQUIRE(run);
  const auto& citations = run->model->strategies.front().citations;
  REQUIRE(citations.size() == 1);
  CHECK(citations[0].sheet == "acme@2026-01-01");
  CHECK(citations[0].source.id == "list");
  CHECK(citations[0].prices == 1);
}
