// Values written as distributions (tco-scenario(5), UNCERTAINTY): what is read, the central
// value compare uses, and the error each mistake gets, every one of a file at once.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

// A scenario with `top` after the header (line 6 on), `site` inside the on-prem site dc and
// `workload` inside workload train. Line numbers: see lines_before_site() and so on.
std::string scenario_text(const std::string& top, const std::string& site = "", const std::string& workload = "") {
  return test::header() + top +
         "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n  dc:\n    kind: onprem\n    hardware: box\n"
         "    staff: 1\n" +
         site + "workloads:\n  train:\n    kind: training\n    gpu: H100\n    gpus: 8\n" + workload;
}

std::vector<std::string> messages(const std::string& text) {
  const auto scenario = load_scenario(text, "s.yaml");
  std::vector<std::string> out;
  for (const auto& d : scenario.diagnostics().items())
    out.push_back(std::string(severity_name(d.severity)) + ": " + format_location(d));
  return out;
}

// The one message for a workload line (line 17 of the scenario).
std::string workload_error(const std::string& line) {
  const auto all = messages(scenario_text("", "", "    " + line + "\n"));
  REQUIRE(all.size() == 1);
  return all[0];
}

// The one message for a site line (line 12).
std::string site_error(const std::string& line) {
  const auto all = messages(scenario_text("", "    " + line + "\n"));
  REQUIRE(all.size() == 1);
  return all[0];
}

}  // namespace

TEST_CASE("a stated value may be a distribution: the value is its central one, the distribution is kept") {
  const auto scenario = load_scenario(
      scenario_text("drivers:\n  energy: power prices move together\n",
                    "    electricity: {normal: {mean: 0.10 USD/kWh, sd: 0.02 USD/kWh, min: 0.05 USD/kWh}, driver: "
                    "energy}\n    storage: {lognormal: {mean: 0.02 USD/GiB-month, sd: 0.005 USD/GiB-month}}\n",
                    "    utilization: {triangular: [60 %, 85 %, 95 %]}\n"
                    "    runs: {every: {range: [3 days, 4 days]}, duration: {choice: [4 h, 6 h, 8 h], weights: [1, 3, "
                    "1]}}\n"),
      "s.yaml");
  REQUIRE(scenario);
  CHECK(scenario.diagnostics().empty());
  const Workload& train = scenario->workloads[0];
  CHECK(train.useful_work.value == 0.85);
  CHECK(train.useful_work.note == "triangular(60 %, 85 %, 95 %), its mode");
  REQUIRE(train.useful_work.uncertainty);
  CHECK(train.useful_work.uncertainty->text == "triangular(60 %, 85 %, 95 %)");
  CHECK(train.useful_work.uncertainty->driver.empty());
  CHECK(train.useful_work.where.line == 21);
  CHECK(train.schedule.run_interval_hours->value == Approx(84));
  CHECK(train.schedule.run_interval_hours->note == "range(3 days, 4 days), its midpoint");
  CHECK(train.schedule.run_hours.value == 6);
  CHECK(train.schedule.run_hours.note == "choice(4 h, 6 h, 8 h; weights 1, 3, 1), its most likely value");

  const Site& dc = scenario->sites[1];
  CHECK(dc.onprem.electricity->value == Approx(0.10));
  CHECK(dc.onprem.electricity->currency == "USD");
  CHECK(dc.onprem.electricity->note == "normal(mean 0.10 USD/kWh, sd 0.02 USD/kWh, min 0.05 USD/kWh), its mean");
  const Uncertainty& electricity = *dc.onprem.electricity->uncertainty;
  CHECK(electricity.driver == "energy");
  CHECK(electricity.driver_where.line == 14);
  CHECK(electricity.distribution.kind == DistributionKind::normal);
  CHECK(electricity.distribution.lower == Approx(0.05));
  CHECK_FALSE(electricity.distribution.upper);
  CHECK(electricity.unit == "USD/kWh");
  CHECK(electricity.show(0.05) == "0.05 USD/kWh");
  CHECK(dc.onprem.storage->byte_base == ByteBase::binary);
  CHECK(dc.onprem.storage->note == "lognormal(mean 0.02 USD/GiB-month, sd 0.005 USD/GiB-month), its median");
  CHECK(dc.onprem.storage->value == Approx(0.02 / std::sqrt(1.0625) / 1073741824.0));

  // In file order, with their key paths and the dimension as written.
  REQUIRE(scenario->uncertain.size() == 5);
  std::vector<std::string> paths;
  for (const auto& input : scenario->uncertain) paths.push_back(input.path);
  CHECK(paths == std::vector<std::string>{"sites.dc.electricity", "sites.dc.storage", "workloads.train.utilization",
                                          "workloads.train.runs.every", "workloads.train.runs.duration"});
  CHECK(scenario->uncertain[3].dimension == Dimension::hours);
  CHECK(scenario->uncertain[2].uncertainty == train.useful_work.uncertainty);
  REQUIRE(scenario->drivers.size() == 1);
  CHECK(scenario->drivers[0].name == "energy");
  CHECK(scenario->drivers[0].description == "power prices move together");
}

TEST_CASE("the central value per kind, and its note") {
  const auto utilization = [](const std::string& value) {
    const auto scenario = load_scenario(scenario_text("", "", "    utilization: " + value + "\n"), "s.yaml");
    REQUIRE(scenario);
    return std::pair{scenario->workloads[0].useful_work.value, scenario->workloads[0].useful_work.note};
  };
  CHECK(utilization("{range: [60 %, 90 %]}") == std::pair{0.75, std::string("range(60 %, 90 %), its midpoint")});
  CHECK(utilization("{normal: {mean: 99 %, sd: 5 %, min: 50 %, max: 95 %}}") ==
        std::pair{0.95, std::string("normal(mean 99 %, sd 5 %, min 50 %, max 95 %), its mean, lowered to its max")});
  CHECK(utilization("{choice: [50 %, 70 %]}") == std::pair{0.5, std::string("choice(50 %, 70 %), its first value")});
  CHECK(utilization("{choice: [50 %, 70 %], weights: [1, 1]}").first == 0.5);
  CHECK(utilization("{choice: [50 %, 70 %], weights: [1, 1.5]}").first == 0.7);
}

TEST_CASE("a scenario without distributions has none") {
  const auto scenario = load_scenario(test::rent_or_own(), "s.yaml");
  REQUIRE(scenario);
  CHECK(scenario->uncertain.empty());
  CHECK(scenario->drivers.empty());
  CHECK(scenario->price_uncertainty.empty());
  CHECK_FALSE(scenario->workloads[0].useful_work.uncertainty);
}

TEST_CASE("price_uncertainty: a distribution of each service's relative change, centred on the sheets' prices") {
  const auto scenario =
      load_scenario(scenario_text("drivers:\n  gpu-market: GPU rental prices move together\nprice_uncertainty:\n"
                                  "  compute: {triangular: [-20 %, 0 %, +15 %], driver: gpu-market}\n"
                                  "  network: {normal: {mean: 0 %, sd: 10 %, min: -50 %}}\n"),
                    "s.yaml");
  REQUIRE(scenario);
  CHECK(scenario.diagnostics().empty());
  REQUIRE(scenario->price_uncertainty.size() == 2);
  const Sourced& compute = scenario->price_uncertainty.at(PriceService::compute);
  CHECK(compute.value == 0);
  CHECK(compute.where.line == 9);
  CHECK(compute.where.column == 12);
  REQUIRE(compute.uncertainty);
  CHECK(compute.uncertainty->distribution.lowest() == Approx(-0.2));
  CHECK(compute.uncertainty->driver == "gpu-market");
  CHECK(scenario->uncertain.empty());  // not stated values: price_uncertainty holds them

  CHECK(messages(scenario_text("price_uncertainty:\n  compute: 5 %\n  storage: {range: [-10 %, 30 %]}\n"
                               "  network: {normal: {mean: 0 %, sd: 50 %}}\n  gpus: {range: [-1 %, 1 %]}\n"
                               "  hardware: {range: [-100 %, 100 %]}\n")) ==
        std::vector<std::string>{
            "error: s.yaml:7:12: price_uncertainty.compute: expected a distribution of the change, such as "
            "{triangular: [-20 %, 0 %, +15 %]}, found '5 %'",
            "error: s.yaml:8:12: price_uncertainty.storage: expected a central value of 0 % (the sheets' prices), "
            "found +10 %, its midpoint",
            "error: s.yaml:9:12: price_uncertainty.network: expected a change above -100 %, found a normal "
            "distribution, which reaches below -100 %; bound it with min:",
            "error: s.yaml:11:13: price_uncertainty.hardware: expected a change above -100 %, found a range "
            "distribution, which reaches -100 %",
            "error: s.yaml:10:3: price_uncertainty: unknown key 'gpus'; expected one of 'all', 'compute', 'storage', "
            "'network', 'interconnect', 'hardware', 'electricity' or 'colocation'",
        });
}

TEST_CASE("drivers: a distribution names a declared one; one nobody names is a warning") {
  CHECK(messages(scenario_text("drivers:\n  gpu-market: GPU rental prices\n  energy: power prices\n", "",
                               "    utilization: {range: [60 %, 90 %], driver: gpu-markt}\n")) ==
        std::vector<std::string>{"error: s.yaml:20:48: workloads.train.utilization.driver: unknown driver "
                                 "'gpu-markt', did you mean 'gpu-market'?; drivers are 'gpu-market' or 'energy'"});
  CHECK(messages(scenario_text("", "", "    utilization: {range: [60 %, 90 %], driver: market}\n")) ==
        std::vector<std::string>{"error: s.yaml:17:48: workloads.train.utilization.driver: unknown driver 'market'; "
                                 "no drivers are defined (declare it under 'drivers:')"});
  CHECK(messages(scenario_text("drivers:\n  gpu-market: GPU rental prices\n  energy: power prices\n", "",
                               "    utilization: {range: [60 %, 90 %], driver: gpu-market}\n")) ==
        std::vector<std::string>{
            "warning: s.yaml:8:3: drivers.energy: driver 'energy' is declared but no distribution names it"});
  CHECK(messages(scenario_text("drivers:\n  energy: {description: power}\n")) ==
        std::vector<std::string>{"error: s.yaml:7:11: drivers.energy: expected text, found a mapping"});
  CHECK(messages(scenario_text("drivers: [energy]\n")) ==
        std::vector<std::string>{"error: s.yaml:6:10: drivers: expected a mapping, found a list"});
}

TEST_CASE("values that decide the shape of the evaluation are single values") {
  std::string text = scenario_text("", "",
                                   "    duration: {choice: [1 month, 2 months]}\n"
                                   "    checkpoints: {parameters: 70e9, every: 4 h, keep: {range: [1, 3]}}\n") +
                     "budgets:\n  - limit: {range: [1 USD, 2 USD]}\n"
                     "price_trends:\n  compute: {range: [-10 %, 0 %]}\n";
  text.replace(text.find("horizon: 12 months"), 18, "horizon: {range: [12 months, 24 months]}");
  text.replace(text.find("gpus: 8"), 7, "gpus: {triangular: [4, 8, 16]}");
  CHECK(messages(text) ==
        std::vector<std::string>{
            "error: s.yaml:4:10: horizon: expected a single value, found a range distribution: the horizon decides "
            "which months are evaluated",
            "error: s.yaml:22:12: price_trends.compute: expected a single value, found a range distribution: use "
            "price_uncertainty for uncertain prices",
            "error: s.yaml:16:11: workloads.train.gpus: expected a single whole number, found a triangular "
            "distribution",
            "error: s.yaml:17:15: workloads.train.duration: expected a single value, found a choice distribution: "
            "the duration decides which months the workload is active in",
            "error: s.yaml:18:55: workloads.train.checkpoints.keep: expected a single whole number, found a range "
            "distribution",
            "error: s.yaml:20:12: budgets[0].limit: expected a single value, found a range distribution: a budget is "
            "a limit to check against, not an estimate",
        });
}

TEST_CASE("every value a distribution can take must pass the checks a plain value gets") {
  CHECK(workload_error("utilization: {triangular: [50 %, 90 %, 120 %]}") ==
        "error: s.yaml:17:18: workloads.train.utilization: expected a utilization above 0 % and at most 100 %, found "
        "a triangular distribution, which reaches 120 %");
  CHECK(workload_error("utilization: {range: [0 %, 50 %]}") ==
        "error: s.yaml:17:18: workloads.train.utilization: expected a utilization above 0 % and at most 100 %, found "
        "a range distribution, which reaches 0 %");
  CHECK(workload_error("utilization: {lognormal: {mean: 80 %, sd: 10 %}}") ==
        "error: s.yaml:17:18: workloads.train.utilization: expected a utilization above 0 % and at most 100 %, found "
        "a lognormal distribution, which comes arbitrarily close to 0 % and reaches above 100 %; bound it with min: "
        "and max:");
  CHECK(workload_error("runs: {every: {normal: {mean: 3 days, sd: 1 day, min: 0 h}}, duration: 4 h}") ==
        "error: s.yaml:17:19: workloads.train.runs.every: expected a duration above zero, found a normal "
        "distribution, which reaches 0 days");
  CHECK(workload_error("checkpoints: {parameters: 70e9, every: {range: [0 h, 4 h]}}") ==
        "error: s.yaml:17:44: workloads.train.checkpoints.every: expected a checkpoint interval above zero, found a "
        "range distribution, which reaches 0 h");
  // One error per value, naming every tail to bound: below zero too, which no stated value may go.
  CHECK(workload_error("utilization: {normal: {mean: 80 %, sd: 10 %}}") ==
        "error: s.yaml:17:18: workloads.train.utilization: expected a utilization above 0 % and at most 100 %, found "
        "a normal distribution, which reaches below 0 % and reaches above 100 %; bound it with min: and max:");
  CHECK(site_error("maintenance: {normal: {mean: 10 %, sd: 5 %}}") ==
        "error: s.yaml:12:18: sites.dc.maintenance: expected a yearly maintenance cost of at most 100 % of the "
        "purchase price, found a normal distribution, which reaches below 0 % and reaches above 100 %; bound it with "
        "min: and max:");
  CHECK(site_error("pue: {normal: {mean: 1.3, sd: 0.1}}") ==
        "error: s.yaml:12:10: sites.dc.pue: a PUE is 1.0 or more, found a normal distribution, which reaches below 1; "
        "bound it with min:");
  CHECK(site_error("pue: {lognormal: {mean: 1.3, sd: 0.1}}") ==
        "error: s.yaml:12:10: sites.dc.pue: a PUE is 1.0 or more, found a lognormal distribution, which reaches below "
        "1; bound it with min:");
  CHECK(site_error("maintenance: {triangular: [5 %, 10 %, 120 %]}") ==
        "error: s.yaml:12:18: sites.dc.maintenance: expected a yearly maintenance cost of at most 100 % of the "
        "purchase price, found a triangular distribution, which reaches 120 %");
  CHECK(site_error("residual_value: {normal: {mean: 20 %, sd: 10 %, min: 0 %}}") ==
        "error: s.yaml:12:21: sites.dc.residual_value: expected a residual value of at most 100 % of the purchase "
        "price, found a normal distribution, which reaches above 100 %; bound it with max:");
  CHECK(site_error("depreciation: {range: [2 weeks, 5 years]}") ==
        "error: s.yaml:12:19: sites.dc.depreciation: expected a depreciation life of at least 1 month, found a range "
        "distribution, which reaches 2 weeks");
  CHECK(site_error("electricity: {normal: {mean: 0.10 USD/kWh, sd: 0.02 USD/kWh}}") ==
        "error: s.yaml:12:18: sites.dc.electricity: expected a value of zero or more, found a normal distribution, "
        "which reaches below 0 USD/kWh; bound it with min:");
}

TEST_CASE("a distribution's parameters are checked, every error at once") {
  const std::string site =
      "    electricity: {range: [0.2 USD/kWh, 0.1 USD/kWh]}\n"
      "    colocation: {triangular: [100 USD/kW-month, 50 USD/kW-month, 150 USD/kW-month]}\n"
      "    maintenance: {normal: {mean: 10 %, sd: 0 %, min: 0 %}}\n"
      "    storage: {lognormal: {mean: 0 USD/GB-month, sd: 1 USD/GB-month}}\n"
      "    egress: {normal: {mean: 0.05 USD/GB, sd: 0.01 USD/GB, min: 0.06 USD/GB, max: 0.04 USD/GB}}\n"
      "    staff_cost: {normal: {mean: 100000 USD/year, sd: 1000 USD/year, min: 200000 USD/year}}\n";
  const std::string workload =
      "    utilization: {choice: [50 %]}\n"
      "    tokens_per_second_per_gpu: {choice: [100, 200], weights: [1, 0]}\n"
      "    checkpoints: {parameters: {choice: [7e9, 70e9], weights: [1]}, every: {range: [4 h]}}\n";
  // In the order the loader reads the keys (staff_cost before storage), as for plain values.
  CHECK(
      messages(scenario_text("", site, workload)) ==
      std::vector<std::string>{
          "error: s.yaml:12:26: sites.dc.electricity.range: expected [min, max] with min below max, found [0.2 "
          "USD/kWh, 0.1 USD/kWh]",
          "error: s.yaml:13:30: sites.dc.colocation.triangular: expected [min, mode, max] with min <= mode <= max and "
          "min below max, found [100 USD/kW-month, 50 USD/kW-month, 150 USD/kW-month]",
          "error: s.yaml:14:44: sites.dc.maintenance.normal.sd: expected a standard deviation above zero, found '0 %'",
          "error: s.yaml:17:26: sites.dc.staff_cost.normal: expected min and max to keep a share of the "
          "distribution, found less than one millionth of it between them",
          "error: s.yaml:15:33: sites.dc.storage.lognormal.mean: expected a mean above zero (a lognormal's values are "
          "positive), found '0 USD/GB-month'",
          "error: s.yaml:16:82: sites.dc.egress.normal.max: expected max above min, found min '0.06 USD/GB' and max "
          "'0.04 USD/GB'",
          "error: s.yaml:24:66: workloads.train.tokens_per_second_per_gpu.weights[1]: expected a weight above zero, "
          "found '0'",
          "error: s.yaml:23:27: workloads.train.utilization.choice: expected a list of at least 2 values, found 1 "
          "value",
          "error: s.yaml:25:62: workloads.train.checkpoints.parameters.weights: expected a list of 2 weights, one per "
          "value, found 1",
          "error: s.yaml:25:83: workloads.train.checkpoints.every.range: expected a list of 2 values [min, max], "
          "found 1 value",
      });
}

TEST_CASE("a mapping where a value is expected must name one kind of distribution") {
  CHECK(workload_error("utilization: {triangle: [60 %, 85 %, 95 %]}") ==
        "error: s.yaml:17:19: workloads.train.utilization: expected a percentage or a distribution: one of 'range', "
        "'triangular', 'normal', 'lognormal' or 'choice', found 'triangle', did you mean 'triangular'?");
  CHECK(workload_error("utilization: {uniform: [60 %, 95 %]}") ==
        "error: s.yaml:17:19: workloads.train.utilization: expected a percentage or a distribution: one of 'range', "
        "'triangular', 'normal', 'lognormal' or 'choice', found 'uniform', did you mean 'range'?");
  CHECK(workload_error("utilization: {}") ==
        "error: s.yaml:17:18: workloads.train.utilization: expected a percentage or a distribution: one of 'range', "
        "'triangular', 'normal', 'lognormal' or 'choice', found an empty mapping");
  CHECK(workload_error("utilization: {range: [60 %, 95 %], normal: {mean: 80 %, sd: 5 %}}") ==
        "error: s.yaml:17:40: workloads.train.utilization: expected one distribution, found both 'range' and "
        "'normal'");
  CHECK(workload_error("utilization: {choice: [60 %, 95 %], weight: [1, 2]}") ==
        "error: s.yaml:17:41: workloads.train.utilization: unknown key 'weight', did you mean 'weights'?");
  CHECK(workload_error("utilization: {range: [60 %, 95 %], weights: [1, 2]}") ==
        "error: s.yaml:17:40: workloads.train.utilization: unknown key 'weights'; expected one of 'range' or "
        "'driver'");
  CHECK(
      workload_error("utilization: {range: [60 %, 95 h]}") ==
      "error: s.yaml:17:33: workloads.train.utilization.range[1]: expected a percentage (a percentage such as '85 %'), "
      "found '95 h', which is a duration");
  CHECK(workload_error("utilization: {normal: {mean: 80 %}}") ==
        "error: s.yaml:17:27: workloads.train.utilization.normal: missing required key 'sd'");
}

TEST_CASE("the other checks of stated values hold for every value a distribution can take") {
  std::string text = scenario_text("",
                                   "    hardware: {name: q, gpu: H100, gpus: 8, price: {range: [90000 USD, 110000 "
                                   "USD]}, max_power: {range: [6 kW, "
                                   "8 kW]}, idle_power: {range: [1 kW, 7 kW]}}\n",
                                   "    checkpoints: {parameters: 70e9, every: 4 h}\n") +
                     "datasets:\n  corpus:\n    size: {range: [10 TB, 20 TB]}\n    origin: cloud\n"
                     "    refresh: {every: {range: [0 days, 7 days]}, changed: {triangular: [5 %, 10 %, 110 %]}}\n"
                     "flows:\n  out:\n    from: workload:train\n    to: internet\n    size: 1 TB\n"
                     "    every: {choice: [0 h, 1 week]}\n";
  text.replace(text.find("    hardware: box\n"), 18, "");
  text.replace(text.find("discount_rate: 0 %"), 18, "discount_rate: {range: [5 %, 150 %]}");
  text.replace(text.find("  cloud: {kind: cloud, provider: acme, region: east}"), 52,
               "  cloud: {kind: cloud, provider: acme, region: east, spot: {interruption_every: {range: [0 h, 40 h]}, "
               "restart: 1 h}}");
  CHECK(messages(text) ==
        std::vector<std::string>{
            "error: s.yaml:5:16: discount_rate: expected an annual rate of at most 100 %, found a range distribution, "
            "which reaches 150 %",
            "error: s.yaml:7:81: sites.cloud.spot.interruption_every: expected a duration above zero, found a range "
            "distribution, which reaches 0 h",
            "error: s.yaml:11:132: sites.dc.hardware.idle_power: idle power must not exceed max power, whatever values "
            "their distributions take",
            "error: s.yaml:22:22: datasets.corpus.refresh.every: expected a duration above zero, found a range "
            "distribution, which reaches 0 days",
            "error: s.yaml:22:58: datasets.corpus.refresh.changed: expected at most 100 %, found a triangular "
            "distribution, which reaches 110 %",
            "error: s.yaml:28:12: flows.out.every: expected a duration above zero, found a choice distribution, which "
            "reaches 0 h",
        });
}

TEST_CASE("a value given as an interval keeps the interval's distribution, and its central rate") {
  const auto scenario = load_scenario(scenario_text("", "", "") +
                                          "datasets:\n  corpus:\n    size: 10 TB\n    origin: cloud\n"
                                          "    refresh: {every: {choice: [1 week, 2 weeks]}}\n",
                                      "s.yaml");
  REQUIRE(scenario);
  const Dataset& corpus = scenario->datasets[0];
  CHECK(corpus.refreshes_per_month.value == Approx(730.0 / 168));
  REQUIRE(corpus.refreshes_per_month.uncertainty);
  CHECK(corpus.refreshes_per_month.uncertainty->distribution.values == std::vector<double>{168, 336});
  CHECK(scenario->uncertain.at(0).path == "datasets.corpus.refresh.every");
  CHECK(scenario->uncertain.at(0).dimension == Dimension::hours);
}

TEST_CASE("a strategy's changed share is at most 100 %, as the dataset's own") {
  const std::string text = scenario_text("", "", "") +
                           "datasets:\n  corpus: {size: 10 TB, origin: cloud, refresh: {per_month: 4}}\n"
                           "strategies:\n  a:\n    workloads: {train: cloud}\n"
                           "    datasets: {corpus: {site: dc, changed: 150 %}}\n"
                           "  b:\n    workloads: {train: dc}\n"
                           "    datasets: {corpus: {site: dc, changed: {range: [10 %, 120 %]}}}\n";
  CHECK(messages(text) ==
        std::vector<std::string>{
            "error: s.yaml:22:44: strategies.a.datasets.corpus.changed: expected at most 100 %",
            "error: s.yaml:25:44: strategies.b.datasets.corpus.changed: expected at most 100 %, found a range "
            "distribution, which reaches 120 %"});
}
