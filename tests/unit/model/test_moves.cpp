// Strategies that change over time (src/model/moves.cpp, existing_commitments.cpp): staged
// moves with dual running and a failback window, datasets that move, commitments held before
// the horizon and their renewal, and the migration's payback. Formulas: tco-model(7), MOVES,
// EXISTING COMMITMENTS; keys: tco-scenario(5), STRATEGIES and Cloud sites. Every expected
// figure is worked out in its comment; a month is 730 hours.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/model/figures.hpp"

using namespace tco;

namespace {

double total_cash(const StrategyResult& s) {
  double total = 0;
  for (const auto& line : s.lines) total += line.cash;
  return total;
}

double cash_with_cause(const StrategyResult& s, const std::string& cause, int month) {
  double total = 0;
  for (const auto& line : s.lines) {
    if (line.cause == cause && line.month == month) total += line.cash;
  }
  return total;
}

// 8 H100s serving around the clock: one acme 8-GPU instance, 10 USD/h on demand (7,300 USD a
// month) or 6 USD/h committed for a year (4,380 USD a month).
std::string serving(const std::string& horizon, const std::string& sites, const std::string& strategies) {
  return test::header_v2(horizon) + "sites:\n  a: {kind: cloud, provider: acme, region: east}\n" + sites +
         "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
         "strategies:\n  stay: {workloads: {w: a}}\n" +
         strategies;
}

const std::string kCommittedSite = "  b: {kind: cloud, provider: acme, region: east, pricing: 1y}\n";

}  // namespace

TEST_CASE("a staged move: both sites paid for what each runs, the old one held until the failback ends", "[moves]") {
  // From February 1 (hour 730): 50 % at b for 73 h, then all of it; a holds its GPUs until
  // 730 h after the cutover, hour 730 + 73 + 730 = 1,533.
  auto run = test::run(serving("4 months", kCommittedSite,
                               "  move:\n    workloads: {w: a}\n    moves:\n"
                               "      - {at: 2027-02, to: b, stages: [{share: 50 %, for: 73 h}], failback: 730 h}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& move = test::strategy(*run, "move");
  // January: all at a, 730 h × 10 = 7,300.
  CHECK(test::cash_at_site(move, Component::compute, "a", 0) == Approx(7300.0));
  // February: b runs (0.5 × 73 + 657) / 730 = 95 % of the work; a runs 5 %: 36.5 h × 10 = 365.
  CHECK(cash_with_cause(move, "workload w", 1) == Approx(365.0 + 4380.0));
  // b is committed: 4,380 a month from February, whatever share it runs.
  CHECK(test::cash_at_site(move, Component::compute, "b", 1) == Approx(4380.0));
  CHECK(test::cash_at_site(move, Component::compute, "b", 3) == Approx(4380.0));
  // a holds 8 GPUs all February: 5,840 GPU-hours, less the 8 × 36.5 = 292 it runs: 5,548
  // GPU-hours = 693.5 instance-hours × 10 = 6,935. In March the window's last 73 h: 730.
  CHECK(cash_with_cause(move, "migration: workload w (old site held)", 1) == Approx(6935.0));
  CHECK(cash_with_cause(move, "migration: workload w (old site held)", 2) == Approx(730.0));
  CHECK(cash_with_cause(move, "migration: workload w (old site held)", 3) == 0.0);
  // 7,300 + (365 + 6,935 + 4,380) + (730 + 4,380) + 4,380 = 28,470; staying: 4 × 7,300 = 29,200.
  CHECK(total_cash(move) == Approx(28470.0));
  CHECK(total_cash(test::strategy(*run, "stay")) == Approx(29200.0));
  // The migration: 6,935 + 730 = 7,665, from February. Savings since: -4,380, +2,190, +2,920:
  // repaid in April (month index 3).
  REQUIRE(move.payback);
  CHECK(move.payback->cost == Approx(7665.0));
  CHECK(move.payback->start_month == 1);
  CHECK(move.payback->month == 3);
  CHECK_FALSE(test::strategy(*run, "stay").payback);
}

TEST_CASE("a move's payback: none within the horizon when the savings never repay it", "[moves]") {
  auto run = test::run(serving("3 months", kCommittedSite,
                               "  move:\n    workloads: {w: a}\n    moves:\n"
                               "      - {at: 2027-02, to: b, stages: [{share: 50 %, for: 73 h}], failback: 730 h}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& move = test::strategy(*run, "move");
  REQUIRE(move.payback);
  CHECK(move.payback->cost == Approx(7665.0));
  CHECK_FALSE(move.payback->month);  // -4,380 + 2,190 < 0
}

TEST_CASE("one phase costs what the placement costs: no moves, or a move to the same site", "[moves][property]") {
  auto run = test::run(serving("3 months", "",
                               "  same:\n    workloads: {w: a}\n    moves:\n"
                               "      - {at: 2027-02, to: a, stages: [{share: 30 %, for: 100 h}], failback: 200 h}\n"));
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& stay = test::strategy(*run, "stay");
  const StrategyResult& same = test::strategy(*run, "same");
  for (int month = 0; month < 3; ++month)
    CHECK(same.monthly_cash_totals()[static_cast<std::size_t>(month)] ==
          Approx(stay.monthly_cash_totals()[static_cast<std::size_t>(month)]).margin(0.005));
  CHECK_FALSE(same.payback);  // nothing held: no migration line
}

TEST_CASE("a commitment held before the horizon: paid until it ends, covering the work first, renewed +40 %",
          "[moves][commitments]") {
  // 8 GPUs at 0.5 USD per GPU-hour: 2,920 a month, holding 5,840 GPU-hours. w needs 16 GPUs:
  // the other 8 are on demand, 730 instance-hours × 10 = 7,300. w runs for three months.
  auto run = test::run(test::header_v2("4 months") +
                       "sites:\n  a:\n    kind: cloud\n    provider: acme\n    region: east\n"
                       "    commitments:\n"
                       "      - {name: ri, gpus: 8, gpu: H100, price: 0.5 USD/h, ends: 2027-02, renewal: +40 %}\n"
                       "workloads:\n  w: {kind: inference, gpu: H100, gpus: 16, duration: 3 months}\n"
                       "strategies:\n  s: {workloads: {w: a}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  CHECK(cash_with_cause(s, "commitment ri", 0) == Approx(2920.0));
  CHECK(cash_with_cause(s, "workload w", 0) == Approx(7300.0));
  CHECK(cash_with_cause(s, "commitment ri", 1) == Approx(2920.0));
  // w still runs in March: renewed for a year at 0.7: 8 × 730 × 0.7 = 4,088.
  CHECK(cash_with_cause(s, "commitment ri", 2) == Approx(4088.0));
  // April: w has ended, the term has not: owed, on its own line.
  CHECK(cash_with_cause(s, "commitment ri", 3) == 0.0);
  CHECK(cash_with_cause(s, "commitment ri (unused)", 3) == Approx(4088.0));
  CHECK(total_cash(s) == Approx(2920.0 * 2 + 4088.0 * 2 + 7300.0 * 3));
  // The renewal is a term: tco exit counts its months as owed.
  for (const auto& line : s.lines) {
    if (line.cause.starts_with("commitment ri") && line.month >= 2) CHECK(line.term_end == 14);
  }
}

TEST_CASE("a commitment held before the horizon is not renewed when the work has moved away", "[moves][commitments]") {
  auto run = test::run(test::header_v2("4 months") +
                       "sites:\n  a:\n    kind: cloud\n    provider: acme\n    region: east\n"
                       "    commitments:\n"
                       "      - {name: ri, gpus: 8, gpu: H100, price: 0.5 USD/h, ends: 2027-02, renewal: +40 %,"
                       " term: 1 month}\n"
                       "  b: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s:\n    workloads: {w: a}\n    moves: [{at: 2027-03, to: b}]\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // January and February: the commitment holds all of w's 5,840 GPU-hours: no on-demand line.
  CHECK(test::cash_at_site(s, Component::compute, "a", 0) == Approx(2920.0));
  CHECK(test::cash_at_site(s, Component::compute, "a", 1) == Approx(2920.0));
  // From March, w runs at b, on demand; a's commitment has ended and is not renewed.
  CHECK(test::cash_at_site(s, Component::compute, "a", 2) == 0.0);
  CHECK(test::cash_at_site(s, Component::compute, "b", 2) == Approx(7300.0));
  CHECK(test::cash_at_site(s, Component::compute, "b", 3) == Approx(7300.0));
  REQUIRE_FALSE(s.payback);  // a move without stages or failback adds no migration line
}

TEST_CASE("a dataset that moves: one full copy at the month's size, the old home keeps it through the failback",
          "[moves][data_costs]") {
  // 1,000 GiB growing 10 % a month, moved east -> west from February (inter-region 0.02 USD/GiB),
  // the old copy kept until the window ends, at hour 730 + 730 = 1,460: as March begins.
  auto run = test::run(test::header_v2("3 months") +
                       "sites:\n  east: {kind: cloud, provider: acme, region: east}\n"
                       "  west: {kind: cloud, provider: acme, region: west}\n"
                       "workloads: {}\n"
                       "datasets:\n  d: {size: 1000 GiB, growth: 10 %, origin: east}\n"
                       "strategies:\n  s:\n    workloads: {}\n"
                       "    moves: [{at: 2027-02, to: west, datasets: [d], failback: 730 h}]\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // February: 1,100 GiB × 0.02 = 22 sent once.
  CHECK(cash_with_cause(s, "migration: dataset d (full copy)", 1) == Approx(22.0));
  CHECK(test::lines(s, Component::egress).size() == 1);
  // Stored at east in January (20), at west from February (22, 24.20); east keeps its copy in
  // February (22) only: the window ends at the start of March.
  CHECK(test::cash_at_site(s, Component::storage, "east", 0) == Approx(20.0));
  CHECK(test::cash_at_site(s, Component::storage, "west", 1) == Approx(22.0));
  CHECK(cash_with_cause(s, "migration: dataset d (old copy kept)", 1) == Approx(22.0));
  CHECK(test::cash_at_site(s, Component::storage, "east", 2) == 0.0);
  CHECK(test::cash_at_site(s, Component::storage, "west", 2) == Approx(24.2));
}

namespace {

// The acme sheet with an exit program refunding all egress of leaving it within 60 days.
PriceCatalog acme_with_exit_program() {
  std::string sheet = test::kAcmeSheet;
  sheet.insert(sheet.find("regions:"),
               "exit_programs:\n"
               "  - id: acme-exit\n"
               "    name: Free egress when leaving Acme\n"
               "    covers: the data being moved\n"
               "    scope: worldwide\n"
               "    conditions: [ask first]\n"
               "    window: {value: 60 days, source: list}\n"
               "    refund: {value: 100 %, source: list}\n");
  PriceCatalog out;
  out.add(load_price_sheet(sheet, "acme.yaml").value());
  out.add(load_price_sheet(test::kOnPremSheet, "onprem.yaml").value());
  return out;
}

// 8 H100s and a 1,000 GiB dataset at acme east, all moved to the owned site from February.
std::string leaving_acme(const std::string& extra) {
  return test::header_v2("3 months") +
         "sites:\n  east: {kind: cloud, provider: acme, region: east}\n"
         "  dc: {kind: onprem, hardware: box, maintenance: 10 %, staff: 0, storage: 0.01 USD/GiB-month}\n"
         "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
         "datasets:\n  d: {size: 1000 GiB, origin: east}\n"
         "strategies:\n  stay: {workloads: {w: east}}\n  move:\n    workloads: {w: east}\n" +
         extra + "    moves: [{at: 2027-02, to: dc, workloads: [w], datasets: [d]}]\n";
}

}  // namespace

TEST_CASE("a move that leaves a provider: its exit program waives the migration's egress", "[moves][exit]") {
  auto run = test::run(leaving_acme(""), acme_with_exit_program());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = test::strategy(*run, "move");
  // The full copy: 1,000 GiB to the internet, the first 100 free, 900 × 0.09 = 81; waived in full.
  CHECK(cash_with_cause(s, "migration: dataset d (full copy)", 1) == Approx(81.0));
  CHECK(cash_with_cause(s, "migration: waived by exit program acme-exit", 1) == Approx(-81.0));
  REQUIRE(s.payback);
  CHECK(s.payback->cost == Approx(0.0).margin(1e-9));
  // Turned off for the strategy: the bill stands.
  auto off = test::run(leaving_acme("    exit_programs: false\n"), acme_with_exit_program());
  REQUIRE(off);
  REQUIRE(off->model);
  const StrategyResult& paid = test::strategy(*off, "move");
  CHECK(cash_with_cause(paid, "migration: waived by exit program acme-exit", 1) == 0.0);
  REQUIRE(paid.payback);
  CHECK(paid.payback->cost == Approx(81.0));
}

TEST_CASE("a move that keeps something at the provider is no exit: no waiver", "[moves][exit]") {
  // The dataset stays at east: acme is still used after the move.
  std::string text = leaving_acme("");
  text.replace(text.find(", datasets: [d]"), std::string(", datasets: [d]").size(), "");
  auto run = test::run(text, acme_with_exit_program());
  REQUIRE(run);
  REQUIRE(run->model);
  for (const auto& line : test::strategy(*run, "move").lines) CHECK(line.cash >= 0);
}

TEST_CASE("a strategy's reservation: paid at the on-demand price used or not, its instances used first, owed "
          "nothing after it ends",
          "[moves][reservations]") {
  // Two acme gpu8 instances (8 × H100, 10 USD/h on demand) reserved to February: 2 × 730 × 10
  // = 14,600 a month. w needs one instance: it runs on the reservation, and pays nothing of
  // its own until March, when the reservation has ended: 7,300.
  auto run = test::run(test::header_v2("4 months") +
                       "sites:\n  a: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s:\n    workloads: {w: a}\n"
                       "    reservations:\n      - {name: odcr, site: a, instance: gpu8, count: 2, ends: 2027-02}\n"
                       "  t: {workloads: {w: a}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = test::strategy(*run, "s");
  CHECK(cash_with_cause(s, "reservation odcr", 0) == Approx(14600.0));
  CHECK(cash_with_cause(s, "workload w", 0) == 0.0);
  CHECK(cash_with_cause(s, "reservation odcr", 1) == Approx(14600.0));
  CHECK(cash_with_cause(s, "reservation odcr", 2) == 0.0);
  CHECK(cash_with_cause(s, "workload w", 2) == Approx(7300.0));
  CHECK(total_cash(s) == Approx(14600.0 * 2 + 7300.0 * 2));
  // It may be cancelled: no term, so tco exit counts none of it as owed.
  for (const auto& line : s.lines) CHECK(line.term_end == -1);
  // Another strategy does not hold it.
  CHECK(total_cash(test::strategy(*run, "t")) == Approx(7300.0 * 4));
}

TEST_CASE("a reservation without work on its site is paid all the same, on its own line", "[moves][reservations]") {
  auto run = test::run(test::header_v2("2 months") +
                       "sites:\n  a: {kind: cloud, provider: acme, region: east}\n"
                       "  b: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s:\n    workloads: {w: a}\n"
                       "    reservations:\n      - {site: b, instance: gpu8}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = test::strategy(*run, "s");
  // To the end of the horizon by default: 730 × 10 a month, besides w's 7,300 at a.
  CHECK(cash_with_cause(s, "reservation reservation 1 (unused)", 0) == Approx(7300.0));
  CHECK(cash_with_cause(s, "reservation reservation 1 (unused)", 1) == Approx(7300.0));
  CHECK(total_cash(s) == Approx(7300.0 * 4));
}

TEST_CASE("a reservation names a cloud site of on-demand work, a month of the horizon and an instance the sheet has",
          "[moves][reservations]") {
  const auto loaded = load_scenario(test::header_v2("2 months") +
                                        "sites:\n  a: {kind: cloud, provider: acme, region: east}\n"
                                        "  s: {kind: cloud, provider: acme, region: east, pricing: spot,"
                                        " spot: {restart: 1 h, interruption_every: 100 h}}\n"
                                        "  dc: {kind: onprem, hardware: box}\n"
                                        "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
                                        "strategies:\n  x:\n    workloads: {w: a}\n"
                                        "    reservations:\n"
                                        "      - {site: dc, instance: gpu8}\n"
                                        "      - {site: s, instance: gpu8}\n"
                                        "      - {site: a, instance: gpu8, ends: 2026-12}\n"
                                        "      - {site: nowhere, instance: gpu8}\n",
                                    "test.yaml");
  REQUIRE_FALSE(loaded);
  std::string errors;
  for (const auto& d : loaded.diagnostics().items()) errors += format_location(d) + "\n";
  CHECK_THAT(errors, Catch::Contains("reservations[0].site: site 'dc' is owned"));
  CHECK_THAT(errors, Catch::Contains("reservations[1].site: site 's' prices its work on spot"));
  CHECK_THAT(errors, Catch::Contains("reservations[2].ends: expected a month from the start, 2027-01, found 2026-12"));
  CHECK_THAT(errors, Catch::Contains("reservations[3].site"));
  auto unknown = test::attempt(test::header_v2("2 months") +
                               "sites:\n  a: {kind: cloud, provider: acme, region: east}\n"
                               "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
                               "strategies:\n  x:\n    workloads: {w: a}\n"
                               "    reservations: [{site: a, instance: gpu9}]\n");
  REQUIRE(unknown);
  CHECK_THAT(test::errors(*unknown), Catch::Contains("reservations[0].instance: no GPU instance 'gpu9' priced "
                                                     "on-demand in region east"));
}
