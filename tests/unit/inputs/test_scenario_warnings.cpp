// Warnings for what is surprising but legal: the figures are computed, and the user is told
// what to look at. None of these is an error.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

const std::string kSites =
    "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n  dc: {kind: onprem, hardware: box, staff: 1}\n";

// The warnings of a scenario that loads, as "LINE:COL: key.path: message".
std::vector<std::string> warnings_of(const std::string& workload) {
  const auto scenario = load_scenario(test::header() + kSites + "workloads:\n  train:\n" + workload, "s.yaml");
  REQUIRE(scenario);
  std::vector<std::string> out;
  for (const auto& d : scenario.diagnostics().items()) {
    CHECK(d.severity == Severity::warning);
    out.push_back(format_location(d));
  }
  return out;
}

const std::string kTrain =
    "    kind: training\n    gpu: H100\n    gpus: 8\n    runs: {every: 1 week, duration: 10 h}\n";

}  // namespace

TEST_CASE("a utilization under 10 % is a warning, with the likely meant value when it looks like a slip") {
  CHECK(warnings_of(kTrain + "    utilization: 5 %\n") ==
        std::vector<std::string>{"s.yaml:15:18: workloads.train.utilization: a utilization of 5 % leaves the GPUs "
                                 "idle over 90 % of the time they are allocated"});
  CHECK(warnings_of(kTrain + "    utilization: 0.85 %\n") ==
        std::vector<std::string>{"s.yaml:15:18: workloads.train.utilization: a utilization of 0.85 % leaves the "
                                 "GPUs idle over 90 % of the time they are allocated; was 85 % meant?"});
  CHECK(warnings_of(kTrain + "    utilization: 10 %\n").empty());
}

TEST_CASE("a checkpoint interval longer than a run is a warning") {
  CHECK(warnings_of(kTrain + "    checkpoints: {parameters: 70e9, every: 12 h}\n") ==
        std::vector<std::string>{"s.yaml:15:44: workloads.train.checkpoints.every: checkpoints every 12 h, longer "
                                 "than a run (10 h): each run writes one, at its end"});
  CHECK(warnings_of(kTrain + "    checkpoints: {parameters: 70e9, every: 10 h}\n").empty());
}

TEST_CASE("a price sheet more than a year older than the scenario's start is a warning") {
  // The test sheets take effect on 2026-01-01: 365 days before 2027-01 is fine, 2027-06 is not.
  const std::string workloads = "workloads:\n  train: {kind: training, gpu: H100, gpus: 8}\n";
  for (const auto& [start, expected] :
       std::vector<std::pair<std::string, std::size_t>>{{"2027-01", 0}, {"2027-06", 2}}) {
    std::string text = test::header() + kSites + workloads;
    text.replace(text.find("start: 2027-01"), 14, "start: " + start);
    const auto scenario = load_scenario(text, "s.yaml");
    REQUIRE(scenario);
    const auto prices = test::catalog();
    const auto prepared = PreparedModel::prepare(scenario.value(), prices, {});
    REQUIRE(prepared);
    const auto& items = prepared.diagnostics().items();
    REQUIRE(items.size() == expected);
    if (expected == 2) {  // the cloud sheet and the on-prem catalog, both of 2026-01-01
      CHECK(format_location(items[0]) ==
            "s.yaml:3:8: start: acme is priced with its sheet of 2026-01-01, 16 months before 2027-06-01: its prices "
            "may be out of date (tco prices list shows every version)");
    }
  }
}
