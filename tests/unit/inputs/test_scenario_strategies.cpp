#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/inputs/scenario_loader.hpp"

using namespace tco;

namespace {

const std::string kSitesAndWork =
    "sites:\n"
    "  cloud: {kind: cloud, provider: acme, region: east}\n"
    "  dc: {kind: onprem, hardware: box, staff: 1}\n"
    "workloads:\n"
    "  train: {kind: training, gpu: H100, gpus: 64, utilization: 70 %}\n"
    "  serve: {kind: inference, gpu: H100, gpus: 8}\n";

std::vector<std::string> placement_errors(const std::string& train, const std::string& header = test::header_v2()) {
  const auto scenario = load_scenario(
      header + kSitesAndWork + "strategies:\n  s:\n    workloads:\n      train: " + train + "\n      serve: cloud\n",
      "s.yaml");
  std::vector<std::string> out;
  for (const auto& d : scenario.diagnostics().items()) out.push_back(format_location(d));
  return out;
}

}  // namespace

TEST_CASE("a strategy places a workload on a site, nowhere, on a sized site, or as a base and a burst",
          "[strategies]") {
  const auto scenario = load_scenario(test::header_v2() + kSitesAndWork +
                                          "strategies:\n"
                                          "  none:\n    workloads: {train: none, serve: cloud}\n"
                                          "  sized:\n    workloads: {train: {site: cloud, pricing: 3y, gpus: 80}, "
                                          "serve: dc}\n"
                                          "  split:\n    workloads:\n"
                                          "      train: {base: {site: dc, gpus: 32}, burst: {site: cloud, pricing: "
                                          "spot}}\n"
                                          "      serve: {base: {site: cloud, gpus: 4, pricing: 1y}, burst: cloud}\n",
                                      "s.yaml");
  REQUIRE(scenario.ok());
  const auto& strategies = scenario->strategies;
  CHECK_FALSE(strategies[0].workload_placement.at("train").runs());

  const auto& sized = strategies[1].workload_placement.at("train").portions;
  REQUIRE(sized.size() == 1);
  CHECK(sized[0].role == Portion::Role::whole);
  CHECK(sized[0].site == "cloud");
  CHECK(sized[0].pricing == PricingModel::commit_3y);
  CHECK(sized[0].gpus == 80);
  CHECK(sized[0].where.line == 16);

  const auto& split = strategies[2].workload_placement.at("train").portions;
  REQUIRE(split.size() == 2);
  CHECK(split[0].role == Portion::Role::base);
  CHECK(split[0].site == "dc");
  CHECK(split[0].gpus == 32);
  CHECK_FALSE(split[0].pricing.has_value());
  CHECK(split[1].role == Portion::Role::burst);
  CHECK(split[1].site == "cloud");
  CHECK(split[1].pricing == PricingModel::spot);
  const auto& serve = strategies[2].workload_placement.at("serve").portions;
  REQUIRE(serve.size() == 2);
  CHECK(serve[0].pricing == PricingModel::commit_1y);
  CHECK(serve[1].site == "cloud");
  CHECK_FALSE(serve[1].pricing.has_value());
}

TEST_CASE("placements beyond a site's name need schema 2, where 'none' is not a site", "[strategies]") {
  CHECK(placement_errors("{site: cloud}", test::header()) ==
        std::vector<std::string>{"s.yaml:15:14: strategies.s.workloads.train: a placement written as a mapping "
                                 "needs 'schema_version: 2'; in schema 1, a workload maps to a site's name"});
  // In schema 1, `none` is a site's name like any other.
  CHECK(placement_errors("none", test::header()) ==
        std::vector<std::string>{"s.yaml:15:14: strategies.s.workloads.train: unknown site 'none'; sites are "
                                 "'cloud' or 'dc'"});
  CHECK(placement_errors("none").empty());
}

TEST_CASE("a split states a base and a burst, and nothing beside them", "[strategies]") {
  CHECK(placement_errors("{base: {site: dc, gpus: 8}}") ==
        std::vector<std::string>{"s.yaml:15:14: strategies.s.workloads.train: a base needs a burst site for the "
                                 "rest of the demand: {base: {site, gpus}, burst: SITE}; for one site with a stated "
                                 "size, write {site, gpus}"});
  CHECK(placement_errors("{burst: cloud}") ==
        std::vector<std::string>{
            "s.yaml:15:14: strategies.s.workloads.train: a burst needs a base: {base: {site, gpus}, burst: SITE}"});
  CHECK(placement_errors("{site: dc, base: {site: dc, gpus: 8}, burst: cloud}") ==
        std::vector<std::string>{"s.yaml:15:21: strategies.s.workloads.train.site: a split states 'site' in its "
                                 "base or its burst, not beside them"});
  CHECK(placement_errors("{pricing: 3y}") ==
        std::vector<std::string>{"s.yaml:15:14: strategies.s.workloads.train: expected 'site' (one site) or "
                                 "'base' and 'burst' (a split), found neither"});
  CHECK(placement_errors("{base: {site: dc}, burst: cloud}") ==
        std::vector<std::string>{"s.yaml:15:21: strategies.s.workloads.train.base: missing required key 'gpus'"});
  CHECK(placement_errors("{base: {site: dc, gpus: 8}, burst: {site: cloud, gpus: 8}}") ==
        std::vector<std::string>{"s.yaml:15:63: strategies.s.workloads.train.burst: unknown key 'gpus', did you "
                                 "mean 'gpu'?"});
}

TEST_CASE("a base is capacity held, a burst is paid for what it occupies", "[strategies]") {
  CHECK(placement_errors("{base: {site: cloud, gpus: 8}, burst: cloud}") ==
        std::vector<std::string>{"s.yaml:15:28: strategies.s.workloads.train.base: a base is capacity held, used "
                                 "or not: own it (an onprem site) or commit it ('pricing: 1y' or '3y'), found "
                                 "on-demand at site 'cloud'"});
  CHECK(placement_errors("{base: {site: cloud, gpus: 8, pricing: 3y}, burst: dc}") ==
        std::vector<std::string>{"s.yaml:15:65: strategies.s.workloads.train.burst: site 'dc' is owned: a burst "
                                 "runs on a cloud site, paid on-demand or spot"});
  CHECK(placement_errors("{base: {site: dc, gpus: 8}, burst: {site: cloud, pricing: 1y}}") ==
        std::vector<std::string>{"s.yaml:15:56: strategies.s.workloads.train.burst: a burst is paid for what it "
                                 "occupies: on-demand or spot, found a 1y commitment at site 'cloud'"});
  CHECK(placement_errors("{site: cloud, gpus: 80}") ==
        std::vector<std::string>{"s.yaml:15:21: strategies.s.workloads.train: 'gpus' sizes capacity held: a 1y "
                                 "or 3y commitment or an owned site; on-demand at site 'cloud' pays for what the "
                                 "work occupies"});
  CHECK(placement_errors("{site: dc, pricing: 3y}") ==
        std::vector<std::string>{"s.yaml:15:21: strategies.s.workloads.train: site 'dc' is owned: 'pricing' "
                                 "applies to a cloud site's instances"});
  CHECK(placement_errors("{base: {site: dx, gpus: 8}, burst: cloud}") ==
        std::vector<std::string>{
            "s.yaml:15:28: strategies.s.workloads.train.base: unknown site 'dx', did you mean 'dc'?; sites are "
            "'cloud' or 'dc'"});
}

TEST_CASE("schema 2 makes no default hybrid that would copy cloud-only or on-prem", "[strategies]") {
  const std::string sites =
      "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n  dc: {kind: onprem, hardware: box}\n";
  const auto names = [](const Result<Scenario>& scenario) {
    std::vector<std::string> out;
    for (const auto& strategy : scenario->strategies) out.push_back(strategy.name);
    return out;
  };
  const std::string training = "workloads:\n  train: {kind: training, gpu: H100, gpus: 8}\n";
  const std::string both = training + "  serve: {kind: inference, gpu: H100, gpus: 8}\n";
  const auto only_training = load_scenario(test::header_v2() + sites + training, "s.yaml");
  REQUIRE(only_training.ok());
  CHECK(names(only_training) == std::vector<std::string>{"cloud-only", "on-prem"});
  const auto mixed = load_scenario(test::header_v2() + sites + both, "s.yaml");
  REQUIRE(mixed.ok());
  CHECK(names(mixed) == std::vector<std::string>{"cloud-only", "hybrid", "on-prem"});
  // Schema 1 files keep the three they always had.
  const auto schema1 = load_scenario(test::header() + sites + training, "s.yaml");
  REQUIRE(schema1.ok());
  CHECK(names(schema1) == std::vector<std::string>{"cloud-only", "hybrid", "on-prem"});
}
