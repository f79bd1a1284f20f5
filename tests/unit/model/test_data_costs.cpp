// Data at rest and in motion (src/model/data_costs.cpp) through the public API: dataset
// growth, migration, copies and refreshes where a dataset is read, checkpoint retention,
// and flows. Formulas: tco-model(7), STORAGE and TRANSFERS. The acme sheet stores at
// 0.02 USD/GiB-month and charges 0.02 USD/GiB between its regions; the owned site "dc" below
// stores at 0.01 USD/GiB-month and sends at a flat 0.05 USD/GiB, so transfers from it are
// priced without internet tiers. Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

// The lines of one component with a given cause.
std::vector<CostLine> caused(const StrategyResult& s, Component component, const std::string& cause) {
  std::vector<CostLine> out;
  for (const auto& line : test::lines(s, component)) {
    if (line.cause == cause) out.push_back(line);
  }
  return out;
}

// The cash of the lines of one component with a given cause, in one month.
double cash_of(const StrategyResult& s, Component component, const std::string& cause, int month) {
  double total = 0;
  for (const auto& line : test::lines(s, component, month)) {
    if (line.cause == cause) total += line.cash;
  }
  return total;
}

const std::string kOwnedSite =
    "  dc: {kind: onprem, hardware: box, storage: 0.01 USD/GiB-month, egress: 0.05 USD/GiB}\n";

}  // namespace

TEST_CASE("dataset storage: stored at its home every month at size × (1 + growth)^month", "[data_costs]") {
  auto run = test::run(test::header("3 months") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads: {}\n"
                       "datasets:\n  d: {size: 1000 GiB, growth: 10 %, origin: cloud}\n"
                       "strategies:\n  s: {workloads: {}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  const auto stored = test::lines(s, Component::storage);
  REQUIRE(stored.size() == 3);
  // 1,000 GiB × 0.02 = 20; then 1,100 GiB × 0.02 = 22; then 1,000 × 1.1^2 = 1,210 GiB × 0.02 = 24.20.
  CHECK(stored[0].cash == Approx(20.0));
  CHECK(stored[1].cash == Approx(22.0));
  CHECK(stored[2].cash == Approx(24.2));
  for (int month = 0; month < 3; ++month) {
    const CostLine& line = stored[static_cast<std::size_t>(month)];
    CHECK(line.month == month);
    CHECK(line.cause == "dataset d");
    CHECK(line.dataset == "d");
    CHECK(line.site == "cloud");
    CHECK(line.workload.empty());
  }
  // Nothing moves: the dataset stays where it is and no one reads it elsewhere.
  CHECK(test::lines(s, Component::egress).empty());
}

TEST_CASE("dataset migration: stored away from its origin, it is sent once, in the first month, at its first size",
          "[data_costs]") {
  auto run = test::run(test::header("3 months") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "  backup: {kind: cloud, provider: acme, region: west}\n"
                       "workloads: {}\n"
                       "datasets:\n  d: {size: 1000 GiB, growth: 10 %, origin: cloud}\n"
                       "strategies:\n  stay: {workloads: {}}\n  move: {workloads: {}, datasets: {d: backup}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& move = test::strategy(*run, "move");
  // east -> west is inter-region, the default 0.02 USD/GiB: 1,000 GiB × 0.02 = 20, month 0 only.
  const auto migration = test::lines(move, Component::egress);
  REQUIRE(migration.size() == 1);
  CHECK(migration[0].month == 0);
  CHECK(migration[0].cause == "dataset d (migration)");
  CHECK(migration[0].site == "cloud");
  CHECK(migration[0].dataset == "d");
  CHECK(migration[0].cash == Approx(20.0));
  // Stored at the new home only: 20, 22, 24.20 at backup, nothing at cloud.
  CHECK(test::lines(move, Component::storage, std::nullopt, "cloud").empty());
  const auto stored = test::lines(move, Component::storage, std::nullopt, "backup");
  REQUIRE(stored.size() == 3);
  CHECK(stored[2].cash == Approx(24.2));
  CHECK(test::lines(test::strategy(*run, "stay"), Component::egress).empty());
}

TEST_CASE("dataset read elsewhere: a copy is stored there, a full copy comes first, then refreshes × changed share",
          "[data_costs]") {
  // The reader runs from 2027-02 (month 1) on the cloud; the dataset stays on dc.
  auto run = test::run(test::header("4 months") + "sites:\n" + kOwnedSite +
                       "  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, start: 2027-02, reads: [d]}\n"
                       "datasets:\n  d: {size: 1000 GiB, origin: dc, refresh: {per_month: 4, changed: 10 %}}\n"
                       "strategies:\n"
                       "  sync: {workloads: {w: cloud}}\n"
                       "  delta: {workloads: {w: cloud}, datasets: {d: {site: dc, changed: 50 %}}}\n"
                       "  moved: {workloads: {w: cloud}, datasets: {d: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);

  const StrategyResult& sync = test::strategy(*run, "sync");
  for (int month = 0; month < 4; ++month) {
    // At home on dc every month: 1,000 GiB × 0.01 = 10.
    CHECK(cash_of(sync, Component::storage, "dataset d", month) == Approx(10.0));
  }
  // The copy on the cloud only while the reader runs: 1,000 GiB × 0.02 = 20 in months 1..3.
  const auto copies = caused(sync, Component::storage, "dataset d (copy)");
  REQUIRE(copies.size() == 3);
  CHECK(copies[0].month == 1);
  for (const auto& line : copies) {
    CHECK(line.site == "cloud");
    CHECK(line.cash == Approx(20.0));
  }
  // Sent from dc at 0.05 USD/GiB. Month 1, a full copy in place of the first refresh:
  // (1,000 + (4 - 1) × 10 % × 1,000) GiB = 1,300 GiB × 0.05 = 65.
  // Months 2 and 3: 4 × 10 % × 1,000 = 400 GiB × 0.05 = 20.
  const auto sent = caused(sync, Component::egress, "dataset d");
  REQUIRE(sent.size() == 3);
  CHECK(sent[0].month == 1);
  CHECK(sent[0].site == "dc");
  CHECK(sent[0].dataset == "d");
  CHECK(sent[0].cash == Approx(65.0));
  CHECK(sent[1].cash == Approx(20.0));
  CHECK(sent[2].cash == Approx(20.0));

  // The strategy's changed replaces the dataset's: month 1 (1,000 + 3 × 50 % × 1,000) GiB =
  // 2,500 GiB × 0.05 = 125; later 4 × 50 % × 1,000 = 2,000 GiB × 0.05 = 100.
  const StrategyResult& delta = test::strategy(*run, "delta");
  CHECK(cash_of(delta, Component::egress, "dataset d", 1) == Approx(125.0));
  CHECK(cash_of(delta, Component::egress, "dataset d", 2) == Approx(100.0));

  // Stored where its reader runs, it is migrated once (1,000 GiB × 0.05 = 50 in month 0)
  // and never copied or refreshed: 1,000 GiB × 0.02 = 20 a month on the cloud.
  const StrategyResult& moved = test::strategy(*run, "moved");
  const auto moves = test::lines(moved, Component::egress);
  REQUIRE(moves.size() == 1);
  CHECK(moves[0].month == 0);
  CHECK(moves[0].cause == "dataset d (migration)");
  CHECK(moves[0].cash == Approx(50.0));
  CHECK(caused(moved, Component::storage, "dataset d (copy)").empty());
  CHECK(cash_of(moved, Component::storage, "dataset d", 3) == Approx(20.0));
}

TEST_CASE("dataset read elsewhere without refresh: one full copy, then no updates", "[data_costs]") {
  auto run = test::run(test::header("3 months") + "sites:\n" + kOwnedSite +
                       "  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, reads: d}\n"
                       "datasets:\n  d: {size: 500 GiB, origin: dc}\n"
                       "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // 500 GiB × 0.05 = 25 in month 0; no refreshes, so nothing after.
  const auto sent = test::lines(s, Component::egress);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].month == 0);
  CHECK(sent[0].cash == Approx(25.0));
  // The copy stays stored while the reader runs: 500 GiB × 0.02 = 10 a month.
  const auto copies = caused(s, Component::storage, "dataset d (copy)");
  REQUIRE(copies.size() == 3);
  for (const auto& line : copies) CHECK(line.cash == Approx(10.0));
}

TEST_CASE("checkpoints: keep limits the stored bytes to the newest ones, kept after the workload ends",
          "[data_costs]") {
  // 2^30 parameters × 1 byte = 1 GiB a checkpoint. Each 10 h run with checkpoints every 4 h
  // writes ceil(10 / 4) = 3, so 2 runs write 6 a month, in months 0..2.
  auto run = test::run(test::header("5 months") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n  w:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
                       "    duration: 3 months\n    runs: {per_month: 2, duration: 10 h}\n"
                       "    checkpoints: {parameters: 1073741824, bytes_per_parameter: 1, every: 4 h, keep: 10}\n"
                       "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  const auto stored = test::lines(s, Component::storage);
  REQUIRE(stored.size() == 5);
  // Month 0: min(10, 6) = 6 GiB × 0.02 = 0.12.
  CHECK(stored[0].cash == Approx(0.12));
  // Months 1..4: min(10, 12 or more) = 10 GiB × 0.02 = 0.20, also after the last run (months 3, 4).
  for (std::size_t month = 1; month < 5; ++month) {
    CHECK(stored[month].month == static_cast<int>(month));
    CHECK(stored[month].cash == Approx(0.2));
  }
  CHECK(stored[0].cause == "workload w (checkpoints)");
  CHECK(stored[0].workload == "w");
  CHECK(stored[0].site == "cloud");
}

TEST_CASE("flows: once in its month only, every as 730 h / interval, from a workload while it runs, named strategies",
          "[data_costs]") {
  // The workload runs in 2027-02..2027-03 (months 1 and 2) of a 4-month horizon.
  auto run = test::run(test::header("4 months") +
                       "sites:\n  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0, "
                       "egress: 0.05 USD/GiB}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, start: 2027-02, duration: 2 months}\n"
                       "flows:\n"
                       "  release: {from: dc, to: internet, size: 200 GiB, once: 2027-02}\n"
                       "  late: {from: dc, to: internet, size: 200 GiB, once: 2028-01}\n"
                       "  logs: {from: workload:w, to: internet, size: 10 GiB, every: 1 week}\n"
                       "  mirror: {from: dc, to: internet, size: 100 GiB, every: 1 month, strategies: [b]}\n"
                       "strategies:\n  a: {workloads: {w: dc}}\n  b: {workloads: {w: dc}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& a = test::strategy(*run, "a");
  // once: 200 GiB × 0.05 = 10 in 2027-02 only; the one in 2028-01 is beyond the horizon.
  const auto release = caused(a, Component::egress, "flow release");
  REQUIRE(release.size() == 1);
  CHECK(release[0].month == 1);
  CHECK(release[0].cash == Approx(10.0));
  CHECK(caused(a, Component::egress, "flow late").empty());
  // every 1 week: 730 / 168 = 4.345 transfers a month × 10 GiB × 0.05 = 2.1726, only while w runs.
  const auto logs = caused(a, Component::egress, "flow logs");
  REQUIRE(logs.size() == 2);
  CHECK(logs[0].month == 1);
  CHECK(logs[1].month == 2);
  CHECK(logs[0].cash == Approx(730.0 / 168 * 10 * 0.05));
  CHECK(logs[0].workload == "w");
  // mirror happens only in strategy b.
  CHECK(caused(a, Component::egress, "flow mirror").empty());
  const auto mirror = caused(test::strategy(*run, "b"), Component::egress, "flow mirror");
  REQUIRE(mirror.size() == 4);
  for (const auto& line : mirror) CHECK(line.cash == Approx(5.0));  // 100 GiB × 0.05
  // Bytes moved in a: 200 GiB + 2 months × 4.345 × 10 GiB.
  CHECK(a.egress_bytes == Approx((200 + 2 * 730.0 / 168 * 10) * 1073741824.0));
}

TEST_CASE("storage: a class the region does not price, or an owned site without storage, is an error", "[data_costs]") {
  auto archive = test::attempt(test::header("1 month") +
                               "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                               "workloads: {}\n"
                               "datasets:\n  d: {size: 1 TiB, origin: cloud, storage_class: archive}\n"
                               "strategies:\n  s: {workloads: {}}\n");
  REQUIRE(archive);
  REQUIRE_FALSE(archive->model);
  CHECK_THAT(test::errors(*archive),
             Catch::Contains("sites.cloud: no 'archive' storage price in region east of the acme@2026-01-01 price "
                             "sheet (acme.yaml), needed for dataset d"));

  auto owned = test::attempt(test::header("1 month") +
                             "sites:\n  dc: {kind: onprem, hardware: box}\n"
                             "workloads: {}\n"
                             "datasets:\n  d: {size: 1 TB, origin: dc}\n"
                             "strategies:\n  s: {workloads: {}}\n");
  REQUIRE(owned);
  REQUIRE_FALSE(owned->model);
  CHECK_THAT(test::errors(*owned),
             Catch::Contains("sites.dc: missing 'storage' (a price per GB-month for owned storage), needed for "
                             "dataset d"));
}

TEST_CASE("dataset read by two workloads on one site: one copy stored and one sync there", "[data_costs]") {
  auto run = test::run(test::header("2 months") + "sites:\n" + kOwnedSite +
                       "  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n"
                       "  w1: {kind: training, gpu: H100, gpus: 8, reads: d}\n"
                       "  w2: {kind: inference, gpu: H100, gpus: 8, reads: d}\n"
                       "datasets:\n  d: {size: 1000 GiB, origin: dc, refresh: {per_month: 1, changed: 10 %}}\n"
                       "strategies:\n  s: {workloads: {w1: cloud, w2: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // One copy: 1,000 GiB × 0.02 = 20 a month.
  const auto copies = caused(s, Component::storage, "dataset d (copy)");
  REQUIRE(copies.size() == 2);
  CHECK(copies[0].cash == Approx(20.0));
  // One sync: month 0 the full 1,000 GiB × 0.05 = 50 (1 refresh, replaced by the copy);
  // month 1: 1 × 10 % × 1,000 GiB = 100 GiB × 0.05 = 5.
  const auto sent = caused(s, Component::egress, "dataset d");
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].cash == Approx(50.0));
  CHECK(sent[1].cash == Approx(5.0));
}

TEST_CASE("flows from a dataset leave from wherever the strategy stores it", "[data_costs]") {
  auto run = test::run(test::header("1 month") + "sites:\n" + kOwnedSite +
                       "  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads: {}\n"
                       "datasets:\n  d: {size: 1 GiB, origin: dc}\n"
                       "flows:\n  export: {from: dataset:d, to: internet, size: 200 GiB, every: 1 month}\n"
                       "strategies:\n  here: {workloads: {}}\n  moved: {workloads: {}, datasets: {d: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  // At its origin dc: 200 GiB × 0.05 = 10.
  const auto here = caused(test::strategy(*run, "here"), Component::egress, "flow export");
  REQUIRE(here.size() == 1);
  CHECK(here[0].site == "dc");
  CHECK(here[0].cash == Approx(10.0));
  // Moved to the cloud: out of acme east's tiers, (200 - 100 free) GiB × 0.09 = 9.
  const auto moved = caused(test::strategy(*run, "moved"), Component::egress, "flow export");
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].site == "cloud");
  CHECK(moved[0].cash == Approx(9.0));
}
