// What leaving costs (src/analysis/exit.cpp, src/model/exit_transfers.cpp; tco-model(7),
// LEAVING). Every expected figure is worked out in its comment.
#include <numeric>

#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/analysis/exit.hpp"

using namespace tco;

namespace {

// acme east bills internet egress in tiers (100 GiB free, 0.09 to 10 TiB, 0.085 to 50 TiB,
// ...), acme west at a flat 0.10 USD/GiB; between the two regions 0.02 USD/GiB. East holds a
// 20 TiB corpus and sends 5 TiB a month to the internet anyway; west holds a 1,024 GiB
// archive growing 10 % a month. A training run of 10 h a month on one 8-GPU instance costs
// 10 h × 10 USD/h = 100 USD a month.
const std::string kTwoRegions = test::header_v2("3 months") +
                                "sites:\n"
                                "  east: {kind: cloud, provider: acme, region: east}\n"
                                "  west: {kind: cloud, provider: acme, region: west}\n"
                                "  dc: {kind: onprem, hardware: box, maintenance: 0 %, staff: 0, egress: 0 USD/GB}\n"
                                "workloads:\n"
                                "  w: {kind: training, gpu: H100, gpus: 8, runs: {per_month: 1, duration: 10 h}}\n"
                                "datasets:\n"
                                "  corpus: {size: 20 TiB, origin: east}\n"
                                "  archive: {size: 1024 GiB, growth: 10 %, origin: west}\n"
                                "flows:\n"
                                "  out: {from: east, to: internet, size: 5 TiB, every: 1 month}\n"
                                "strategies:\n"
                                "  cloud: {workloads: {w: east}, datasets: {corpus: east, archive: west}}\n"
                                "  owned: {workloads: {w: dc}, datasets: {corpus: east, archive: west}}\n"
                                "  committed: {workloads: {w: {site: east, pricing: 1y}}}\n"
                                "baseline: cloud\n";

// The acme sheet with an exit program refunding `refund` of the egress of leaving it.
PriceCatalog with_exit_program(const std::string& refund) {
  std::string sheet = test::kAcmeSheet;
  const std::string program =
      "exit_programs:\n"
      "  - id: acme-exit\n"
      "    name: Free egress when leaving Acme\n"
      "    covers: internet egress of the data being moved\n"
      "    scope: worldwide\n"
      "    conditions: [ask first]\n"
      "    refund: {value: " +
      refund + ", source: list}\n";
  sheet.insert(sheet.find("regions:"), program);
  PriceCatalog out;
  out.add(load_price_sheet(sheet, "acme.yaml").value());
  out.add(load_price_sheet(test::kOnPremSheet, "onprem.yaml").value());
  return out;
}

// The acme sheet with `programs` as its exit programs. Here east stands for an EU region and
// west for a US one: "eu-data-act" covers east from 2027-01-12 (the EU Data Act's end of
// switching charges), "acme-exit" everywhere, always.
PriceCatalog with_programs(bool worldwide) {
  std::string programs =
      "exit_programs:\n"
      "  - {id: eu-data-act, name: EU Data Act, covers: switching charges, scope: EU, from: 2027-01-12,\n"
      "     regions: [east], conditions: [switch], refund: {value: 100 %, source: list}}\n";
  if (worldwide) {
    programs +=
        "  - {id: acme-exit, name: Acme exit, covers: egress, scope: worldwide, conditions: [ask],\n"
        "     refund: {value: 50 %, source: list}}\n";
  }
  std::string sheet = test::kAcmeSheet;
  sheet.insert(sheet.find("regions:"), programs);
  PriceCatalog out;
  out.add(load_price_sheet(sheet, "acme.yaml").value());
  out.add(load_price_sheet(test::kOnPremSheet, "onprem.yaml").value());
  return out;
}

struct Exit {
  std::unique_ptr<test::Run> run;
  std::unique_ptr<PreparedModel> prepared;
};

Exit prepare(PriceCatalog prices = test::catalog()) {
  Exit out;
  out.run = test::run(kTwoRegions, std::move(prices));
  REQUIRE(out.run);
  REQUIRE(out.run->model);
  auto prepared = PreparedModel::prepare(out.run->scenario, out.run->prices, {});
  REQUIRE(prepared);
  out.prepared = std::make_unique<PreparedModel>(std::move(prepared).value());
  return out;
}

ExitResult leave(const Exit& exit, ExitOptions options) {
  auto result = analyse_exit(*exit.prepared, exit.run->model.value(), options);
  REQUIRE(result);
  return std::move(result).value();
}

constexpr double kGiB = 1024.0 * 1024 * 1024;

}  // namespace

TEST_CASE("leaving: everything stored in the clouds goes out, billed as a month's egress of its own", "[exit]") {
  const Exit exit = prepare();
  const ExitResult result = leave(exit, {"cloud", "", {0, 2}, true, std::nullopt});
  REQUIRE(result.points.size() == 2);
  const ExitAtMonth& first = result.points[0];
  REQUIRE(first.items.size() == 2);
  CHECK(first.items[0].site == "east");
  CHECK(first.items[0].what == "dataset corpus");
  CHECK(first.items[0].bytes == Approx(20480 * kGiB));
  // The corpus alone through east's tiers, whatever else east sends that month (as tco
  // egress quotes it): (10,240 - 100) GiB × 0.09 + 10,240 GiB × 0.085 = 912.60 + 870.40.
  CHECK(first.items[0].egress == Approx(1783.00));
  // West: 1,024 GiB × 0.10 = 102.40.
  CHECK(first.items[1].egress == Approx(102.40));
  CHECK(first.egress == Approx(1885.40));
  CHECK(first.waivers.empty());  // the test sheet lists no exit program
  CHECK(first.total() == Approx(1885.40));
  // Two months later the archive has grown by 1.1^2: 1,239.04 GiB × 0.10 = 123.904.
  CHECK(result.points[1].egress == Approx(1783.00 + 123.904));
}

TEST_CASE("leaving: an exit program waives its share of the egress to the internet", "[exit]") {
  const Exit exit = prepare(with_exit_program("50 %"));
  const ExitResult with = leave(exit, {"cloud", "", {0}, true, std::nullopt});
  REQUIRE(with.points[0].waivers.size() == 1);
  CHECK(with.points[0].waivers[0].program->id == "acme-exit");
  CHECK(with.points[0].waived == Approx(0.5 * 1885.40));
  CHECK(with.points[0].total() == Approx(942.70));
  CHECK(with.points[0].total_without_programs() == Approx(1885.40));
  const ExitResult without = leave(exit, {"cloud", "", {0}, false, std::nullopt});
  CHECK(without.points[0].waived == 0);
  CHECK(without.points[0].total() == Approx(1885.40));
}

TEST_CASE("leaving for a site: another region of the provider is no exit from it", "[exit]") {
  const Exit exit = prepare(with_exit_program("100 %"));
  // East to west: 20,480 GiB × 0.02 = 409.60 between regions; west's archive stays.
  const ExitResult to_west = leave(exit, {"cloud", "west", {0}, true, std::nullopt});
  REQUIRE(to_west.points[0].items.size() == 1);
  CHECK(to_west.points[0].egress == Approx(409.60));
  CHECK(to_west.points[0].waivers.empty());
  // To the owned site it goes out through the internet tiers, and the program applies.
  const ExitResult to_dc = leave(exit, {"cloud", "dc", {0}, true, std::nullopt});
  CHECK(to_dc.points[0].egress == Approx(1885.40));
  CHECK(to_dc.points[0].waived == Approx(1885.40));
}

TEST_CASE("leaving: retraining is a share of the training compute spent in the clouds so far", "[exit]") {
  const Exit exit = prepare();
  const ExitResult result = leave(exit, {"cloud", "", {0, 2}, true, 0.5});
  // 100 USD a month: 100 by the first month, 300 by the third.
  CHECK(result.points[0].training_compute == Approx(100));
  CHECK(result.points[1].retraining == Approx(150));
  CHECK(result.points[1].total() == Approx(1783.00 + 123.904 + 150));
  // Trained on owned GPUs: nothing to redo in the clouds.
  const ExitResult owned = leave(exit, {"owned", "", {2}, true, 0.5});
  CHECK(owned.points[0].retraining == 0);
}

TEST_CASE("leaving: with no deletions, the exit cost never falls from one month to the next", "[exit][property]") {
  const Exit exit = prepare();
  const ExitResult result = leave(exit, {"cloud", "", {0, 1, 2}, false, std::nullopt});
  for (std::size_t i = 1; i < result.points.size(); ++i) {
    CHECK(result.points[i].bytes >= result.points[i - 1].bytes);
    CHECK(result.points[i].total() >= result.points[i - 1].total());
  }
}

TEST_CASE("leaving changes nothing of the run without it", "[exit]") {
  const Exit exit = prepare();
  Variation leaving;
  leaving.leave = Variation::Leave{{1}, ""};
  const auto with = exit.prepared->run(leaving);
  REQUIRE(with);
  const auto& before = exit.run->model->strategies[0];
  const auto& after = with->strategies[0];
  // Every line but the exit's is the same: its tiers are its own, so the month's other egress
  // is billed as before.
  const auto others = [](const StrategyResult& strategy) {
    double total = 0;
    for (const auto& line : strategy.lines)
      if (!line.cause.starts_with(kExitCause)) total += line.cash;
    return total;
  };
  CHECK(others(after) == Approx(others(before)));
  const auto monthly = after.monthly_cash_totals();
  CHECK(others(after) < std::accumulate(monthly.begin(), monthly.end(), 0.0));
}

TEST_CASE("leaving: a commitment still owes the months left of its term, past the horizon too", "[exit]") {
  const Exit exit = prepare();
  const ExitResult result = leave(exit, {"committed", "", {0, 2}, true, std::nullopt});
  // One 8-GPU instance committed for a year at 6 USD/h: 730 h × 6 = 4,380 a month, bought in
  // the first month. Left in it, 11 months are still owed; in the third, 9 (the horizon of 3
  // months charges none of them).
  REQUIRE(result.points[0].owed.size() == 1);
  CHECK(result.points[0].owed[0].months_left == 11);
  CHECK(result.points[0].owed[0].monthly == Approx(4380));
  CHECK(result.points[0].commitments == Approx(48180));
  CHECK(result.points[1].commitments == Approx(39420));
  CHECK(result.points[1].total() == Approx(1783.00 + 123.904 + 39420));
  // On demand nothing is owed.
  CHECK(leave(exit, {"cloud", "", {0}, true, std::nullopt}).points[0].owed.empty());
}

TEST_CASE("leaving: a program applies by region and by the first day of the month left in", "[exit]") {
  const Exit exit = prepare(with_programs(false));
  // The horizon starts in 2027-01: its first day, 2027-01-01, is before 2027-01-12, so nothing is
  // waived (east's 1,783.00 and west's 102.40, as above); on 2027-02-01 east's egress is.
  const ExitResult result = leave(exit, {"cloud", "", {0, 1}, true, std::nullopt});
  const ExitAtMonth& january = result.points[0];
  CHECK(january.waivers.empty());
  CHECK(january.total() == Approx(1885.40));
  const ExitAtMonth& february = result.points[1];
  // West's archive has grown by 10 %: 1,126.4 GiB × 0.10 = 112.64, never waived (a US region).
  CHECK(february.egress == Approx(1783.00 + 112.64));
  REQUIRE(february.waivers.size() == 1);
  CHECK(february.waivers[0].program->id == "eu-data-act");
  CHECK(february.waivers[0].sheet == "acme@2026-01-01");
  CHECK(february.waivers[0].egress == Approx(1783.00));
  CHECK(february.waived == Approx(1783.00));
  CHECK(february.total() == Approx(112.64));
  CHECK(february.total_without_programs() == Approx(1895.64));
}

TEST_CASE("leaving: each region gets the program refunding the most there, one waiver per program", "[exit]") {
  const Exit exit = prepare(with_programs(true));
  const ExitResult result = leave(exit, {"cloud", "", {0, 1}, true, std::nullopt});
  // 2027-01-01: only the worldwide 50 % applies, to both regions: 0.5 × 1,885.40 = 942.70.
  REQUIRE(result.points[0].waivers.size() == 1);
  CHECK(result.points[0].waivers[0].program->id == "acme-exit");
  CHECK(result.points[0].waivers[0].egress == Approx(1885.40));
  CHECK(result.points[0].waived == Approx(942.70));
  // 2027-02-01: east gets the Data Act's 100 % (1,783.00), west still the 50 % (0.5 × 112.64 = 56.32).
  const ExitAtMonth& february = result.points[1];
  REQUIRE(february.waivers.size() == 2);
  CHECK(february.waivers[0].program->id == "eu-data-act");
  CHECK(february.waivers[0].amount == Approx(1783.00));
  CHECK(february.waivers[1].program->id == "acme-exit");
  CHECK(february.waivers[1].egress == Approx(112.64));
  CHECK(february.waivers[1].amount == Approx(56.32));
  CHECK(february.waived == Approx(1839.32));
  CHECK(february.total() == Approx(56.32));
}
