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
  CHECK(hybrid.workload_placement.at("train").portions.at(0).site == "dc");
  CHECK(hybrid.workload_placement.at("serve").portions.at(0).site == "cloud");
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
  CHECK(train.useful_work.value == Approx(0.85));
  CHECK(train.useful_work.where.line == 15);
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

TEST_CASE("schema 2 reads utilization as the duty cycle and useful_work as the useful share") {
  auto scenario = load_scenario(test::header_v2() + kSites +
                                    "workloads:\n  train: {kind: training, gpu: H100, gpus: 8, utilization: 70 %, "
                                    "useful_work: 90 %}\n  serve: {kind: inference, gpu: H100, gpus: 8}\n",
                                "s.yaml");
  REQUIRE(scenario);
  CHECK(scenario->schema_version == 2);
  const Workload& train = scenario->workloads[0];
  REQUIRE(train.utilization);
  CHECK(train.utilization->value == Approx(0.7));
  CHECK(train.useful_work.value == Approx(0.9));
  CHECK(train.useful_work_key == "useful_work");
  // Left out: every hour of its GPUs, all of it useful.
  const Workload& serve = scenario->workloads[1];
  CHECK_FALSE(serve.utilization);
  CHECK(serve.useful_work.value == 1.0);
  CHECK(schema_upgrade_notes(scenario.value()).empty());
}

TEST_CASE("schema 1 reads utilization as the useful share, and its notes say how to write the file in schema 2") {
  auto scenario = load_scenario(test::header() + kSites +
                                    "workloads:\n  train: {kind: training, gpu: H100, gpus: 8, utilization: 70 %}\n"
                                    "  serve: {kind: inference, gpu: H100, gpus: 8}\n",
                                "s.yaml");
  REQUIRE(scenario);
  const Workload& train = scenario->workloads[0];
  CHECK_FALSE(train.utilization);
  CHECK(train.useful_work.value == Approx(0.7));
  CHECK(train.useful_work_key == "utilization");
  const auto notes = schema_upgrade_notes(scenario.value());
  REQUIRE(notes.items().size() == 1);
  CHECK(notes.items()[0].severity == Severity::note);
  CHECK(format_location(notes.items()[0]) ==
        "s.yaml:1:17: schema_version: schema 1 is read as before; to write this file in schema 2 with the same "
        "figures, set 'schema_version: 2' and rename workloads.train.utilization to 'useful_work' (in schema 2, "
        "'utilization' is the share of the provisioned GPUs' hours the work occupies)");
}

TEST_CASE("a schema 2 key in schema 1, and a duty cycle with a schedule that states its own, are errors") {
  CHECK(errors_of(test::header() + kSites +
                  "workloads:\n  train: {kind: training, gpu: H100, gpus: 8, useful_work: 70 %}\n") ==
        std::vector<std::string>{"s.yaml:10:60: workloads.train.useful_work: 'useful_work' needs 'schema_version: 2'; "
                                 "in schema 1, 'utilization' is the useful-work share"});
  CHECK(errors_of(test::header_v2() + kSites +
                  "workloads:\n  train: {kind: training, gpu: H100, gpus: 8, runs: {per_month: 2, duration: 1 h}, "
                  "utilization: 70 %}\n") ==
        std::vector<std::string>{"s.yaml:10:97: workloads.train.utilization: 'utilization' is the duty cycle of a "
                                 "continuous workload; 'runs', 'gpu_hours_per_month' and 'tokens_per_month' state "
                                 "their own demand"});
  CHECK(errors_of(test::header_v2() + kSites +
                  "workloads:\n  train: {kind: training, gpu: H100, gpus: 8, utilization: 170 %}\n") ==
        std::vector<std::string>{"s.yaml:10:60: workloads.train.utilization: expected a utilization above 0 % and at "
                                 "most 100 %, found '170 %'"});
}

TEST_CASE("pricing_dirs lists the scenario's own price directories as written, each with its place") {
  const std::string rest = kSites + "workloads:\n  train: {kind: training, gpu: H100, gpus: 8}\n";
  auto scenario = load_scenario(test::header() + "pricing_dirs: [prices/, /srv/team/prices]\n" + rest, "s.yaml");
  REQUIRE(scenario);
  REQUIRE(scenario->pricing_dirs.size() == 2);
  CHECK(scenario->pricing_dirs[0].path == "prices/");
  CHECK(scenario->pricing_dirs[0].where.line == 6);
  CHECK(scenario->pricing_dirs[0].where.column == 16);
  CHECK(scenario->pricing_dirs[1].path == "/srv/team/prices");
  CHECK(load_scenario(test::header() + rest, "s.yaml")->pricing_dirs.empty());
  const auto alone = load_scenario(test::header() + "pricing_dirs: prices/\n" + rest, "s.yaml");
  REQUIRE(alone);
  REQUIRE(alone->pricing_dirs.size() == 1);
  CHECK(alone->pricing_dirs[0].where.column == 15);
  CHECK(errors_of(test::header() + "pricing_dirs: {a: b}\n" + rest) ==
        std::vector<std::string>{"s.yaml:6:15: pricing_dirs: expected a list of directories, found a mapping"});
  CHECK(errors_of(test::header() + "pricing_dirs: ['']\n" + rest) ==
        std::vector<std::string>{"s.yaml:6:16: pricing_dirs[0]: expected a directory, found an empty name"});
}
