#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {
std::vector<std::string> errors_of(const std::string& text) {
  const auto scenario = load_scenario(text, "s.yaml");
  std::vector<std::string> out;
  for (const auto& d : scenario.diagnostics().items()) out.push_back(format_location(d));
  return out;
}
const std::string kSites =
    "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n  dc: {kind: onprem, hardware: box, staff: 1}\n";
}  // namespace

TEST_CASE("a scenario without strategies gets cloud-only, hybrid and on-prem") {
  auto scenario = load_scenario(
      test::header() + kSites +
          "workloads:\n  train: {kind: training, gpu: H100, gpus: 8}\n  serve: {kind: inference, gpu: H100, gpus: 8}\n",
      "s.yaml");
  REQUIRE(scenario);
  REQUIRE(scenario->strategies.size() == 3);
  CHECK(scenario->baseline == "cloud-only");
  const Strategy& hybrid = scenario->strategies[1];
  CHECK(hybrid.name == "hybrid");
  CHECK(hybrid.workload_site.at("train") == "dc");
  CHECK(hybrid.workload_site.at("serve") == "cloud");
  CHECK(scenario->horizon_months == 12);
}

TEST_CASE("scenario values keep their units and locations") {
  auto scenario = load_scenario(test::header() + kSites +
                                    "workloads:\n  train:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
                                    "    runs: {every: 3.65 days, duration: 6.25 h}\n    utilization: 85 %\n",
                                "s.yaml");
  REQUIRE(scenario);
  const Workload& train = scenario->workloads[0];
  CHECK(train.schedule.kind == ScheduleKind::runs);
  CHECK(train.schedule.run_interval_hours->value == Approx(87.6));
  CHECK(train.utilization.value == Approx(0.85));
  CHECK(train.utilization.where.line == 15);
}

TEST_CASE("scenario errors name the file, line, key path and what was expected") {
  const auto errors = errors_of(test::header("36 parsecs") + kSites +
                                "workloads:\n  train: {kind: trainnig, gpu: H100, gpus: 8, utilisation: 50 %}\n");
  REQUIRE(errors.size() == 3);
  CHECK_THAT(errors[0], Catch::StartsWith("s.yaml:4:10: horizon: expected a duration"));
  CHECK(errors[1] ==
        "s.yaml:10:17: workloads.train.kind: expected one of 'training' or 'inference', found 'trainnig', did you mean "
        "'training'?");
  CHECK(errors[2] == "s.yaml:10:47: workloads.train: unknown key 'utilisation', did you mean 'utilization'?");
}

TEST_CASE("references to undefined names list what is defined") {
  const auto errors = errors_of(test::header() + kSites +
                                "workloads:\n  train: {kind: training, gpu: H100, gpus: 8}\n"
                                "strategies:\n  a: {workloads: {train: clod}}\n");
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Contains("unknown site 'clod', did you mean 'cloud'?; sites are 'cloud' or 'dc'"));
}

TEST_CASE("a horizon must be whole months within 30 years") {
  CHECK_THAT(errors_of(test::header("31 years") + kSites + "workloads: {}\n")[0],
             Catch::Contains("from 1 month to 30 years"));
  CHECK_THAT(errors_of(test::header("10 days") + kSites + "workloads: {}\n")[0],
             Catch::Contains("whole number of months"));
}
