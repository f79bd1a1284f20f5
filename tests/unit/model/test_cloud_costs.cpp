// Cloud GPU compute (src/model/cloud_costs.cpp) through the public API: pricing model per
// workload, the cheapest offer per GPU-hour, commitments, spot rework, whole instances vs
// packed instance-hours, and interconnect ports. Formulas: tco-model(7), CLOUD COMPUTE and
// EGRESS (Interconnect ports). Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"

using namespace tco;

namespace {

// A second provider with several H100 offers, so the cheapest per GPU-hour differs by
// pricing model, an A100 offer cheaper per GPU-hour than any H100 one, and a priced port.
//   on-demand: big8 24/8 = 3.00, small2 5/2 = 2.50 per GPU-hour -> small2
//   1y:        big8 16/8 = 2.00, small2 4.4/2 = 2.20 per GPU-hour -> big8
//   3y, spot:  big8 only
const char* kNimbusSheet = R"(schema_version: 1
provider: nimbus
name: Nimbus Cloud
effective_date: 2026-01-01
currency: USD
billing_gb: GiB
sources:
  - {id: list, title: Nimbus price list, url: https://nimbus.example/prices, retrieved: 2026-01-01, confidence: primary}
regions:
  north:
    source: list
    gpu_instances:
      big8: {gpu: H100, gpus: 8, on-demand: 24 USD/h, spot: 8 USD/h, 1y: 16 USD/h, 3y: 12 USD/h,
             interruption_every: 200 h}
      small2: {gpu: H100, gpus: 2, on-demand: 5 USD/h, 1y: 4.4 USD/h}
      cheap4: {gpu: A100-80GB, gpus: 4, on-demand: 4 USD/h}
    storage:
      standard: 0.02 USD/GiB-month
    network:
      internet_egress: {free: 0 GiB, tiers: [{price: 0.1 USD/GiB}]}
      interconnect_egress: 0.01 USD/GiB
      interconnect_ports: {link-10g: 2 USD/h}
  south:
    source: list
    storage:
      standard: 0.02 USD/GiB-month
)";

PriceCatalog nimbus() {
  PriceCatalog out;
  out.add(load_price_sheet(kNimbusSheet, "nimbus.yaml").value());
  return out;
}

// The compute cash of one workload in one month (0 when it has no line then).
double compute_of(const StrategyResult& s, const std::string& workload, int month) {
  double total = 0;
  for (const auto& line : test::lines(s, Component::compute, month)) {
    if (line.workload == workload) total += line.cash;
  }
  return total;
}

}  // namespace

TEST_CASE("cloud compute: a site's pricing map gives a workload its own pricing model, the others the default",
          "[cloud_costs]") {
  auto run = test::run(test::header("3 months") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east, "
                       "pricing: {default: on-demand, serve: 1y}}\n"
                       "workloads:\n"
                       "  train: {kind: training, gpu: H100, gpus: 8, runs: {per_month: 10, duration: 10 h}}\n"
                       "  serve: {kind: inference, gpu: H100, gpus: 8}\n"
                       "strategies:\n  s: {workloads: {train: cloud, serve: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  for (int month = 0; month < 3; ++month) {
    // train, the default on-demand: 1 instance × (10 runs × 10 h) × 10 USD/h = 1,000.
    CHECK(compute_of(s, "train", month) == 1000);
    // serve, 1y: 1 instance × 730 h × 6 USD/h = 4,380, every hour, used or not.
    CHECK(compute_of(s, "serve", month) == 4380);
  }
  const auto month0 = test::lines(s, Component::compute, 0);
  REQUIRE(month0.size() == 2);
  for (const auto& line : month0) {
    CHECK(line.cause == "workload " + line.workload);
    CHECK(line.site == "cloud");
    CHECK(line.amortized == line.cash);
  }
}

TEST_CASE("cloud compute: the cheapest offer per GPU-hour with the workload's GPU model, chosen per pricing model",
          "[cloud_costs]") {
  auto run = test::run(test::header("2 months") +
                           "sites:\n"
                           "  od: {kind: cloud, provider: nimbus, region: north, pricing: on-demand}\n"
                           "  c1: {kind: cloud, provider: nimbus, region: north, pricing: 1y}\n"
                           "workloads:\n"
                           "  a: {kind: training, gpu: H100, gpus: 8}\n"
                           "  b: {kind: training, gpu: H100, gpus: 8}\n"
                           "  small: {kind: inference, gpu: H100, gpus: 2}\n"
                           "strategies:\n  s: {workloads: {a: od, b: c1, small: c1}}\n",
                       nimbus());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  for (int month = 0; month < 2; ++month) {
    // On demand small2 is cheapest per H100-hour (2.50 < 3.00; the A100 offer's 1.00 does
    // not count): ceil(8 / 2) = 4 instances × 730 h × 5 USD/h = 14,600.
    CHECK(compute_of(s, "a", month) == 14600);
    // On 1y big8 is (2.00 < 2.20): 1 instance × 730 h × 16 USD/h = 11,680.
    CHECK(compute_of(s, "b", month) == 11680);
    // The rule is per GPU-hour, not per workload: 2 GPUs on 1y still take one big8,
    // 1 × 730 h × 16 USD/h = 11,680 (one small2 would be 730 × 4.4 = 3,212).
    CHECK(compute_of(s, "small", month) == 11680);
  }
}

TEST_CASE("1y commitment: a term bought in the first active month is paid every hour up to the horizon's end only",
          "[cloud_costs]") {
  // Active 2027-03..2027-04 (months 2 and 3) in an 8-month horizon (2027-01..2027-08): the
  // term bought in 2027-03 would run to 2028-02; months 2..7 fall in the horizon.
  // (A second term bought 12 months after the first, at that month's price, is pinned in
  // test_timeline.cpp, "a committed term keeps the price of the month it was bought".)
  auto run = test::run(test::header("8 months") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: 1y}\n"
                       "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, start: 2027-03, duration: 2 months}\n"
                       "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  CHECK(test::lines(s, Component::compute, 0).empty());
  CHECK(test::lines(s, Component::compute, 1).empty());
  // 1 instance × 730 h × 6 USD/h = 4,380 in each of months 2..7, used or not.
  for (int month = 2; month < 8; ++month) CHECK(compute_of(s, "w", month) == 4380);
  // 6 months × 4,380 = 26,280: half the term, the rest lies beyond the horizon.
  CHECK(s.component_cash(Component::compute) == 26280);
  // Used: 2 active months × 8 GPUs × 730 h = 11,680 GPU-hours.
  CHECK(s.used_gpu_hours == 11680);
}

TEST_CASE("3y commitment: whole instances for the peak GPUs every hour, whatever the schedule", "[cloud_costs]") {
  auto run = test::run(test::header("2 months") +
                           "sites:\n  c3: {kind: cloud, provider: nimbus, region: north, pricing: 3y}\n"
                           "workloads:\n"
                           "  w: {kind: training, gpu: H100, gpus: 16, runs: {per_month: 1, duration: 1 h}}\n"
                           "strategies:\n  s: {workloads: {w: c3}}\n",
                       nimbus());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // ceil(16 / 8) = 2 big8 × 730 h × 12 USD/h = 17,520 a month, for one 1-hour run.
  CHECK(compute_of(s, "w", 0) == 17520);
  CHECK(compute_of(s, "w", 1) == 17520);
}

TEST_CASE("spot: rework is 1/(1 - n(R + c/2)/M) for training over n instances, 1/(1 - R/M) for inference",
          "[cloud_costs]") {
  // tco-model(7)'s example: 16 GPUs on two 8-GPU instances, checkpoints every 2 h, a
  // 0.5 h restart, an interruption every 100 h per instance.
  auto run = test::run(test::header("1 month") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: spot, "
                       "spot: {interruption_every: 100 h, restart: 0.5 h}}\n"
                       "workloads:\n"
                       "  train: {kind: training, gpu: H100, gpus: 16, checkpoints: {parameters: 1e9, every: 2 h}}\n"
                       "  serve: {kind: inference, gpu: H100, gpus: 16}\n"
                       "strategies:\n  s: {workloads: {train: cloud, serve: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // Training: L = 2 × (0.5 + 2/2) / 100 = 3 %; 2 instances × 730 h × 4 USD/h / 0.97 = 6,020.62.
  CHECK(compute_of(s, "train", 0) == Approx(5840.0 / 0.97));
  // Inference: only the instance restarts, L = 0.5 / 100 = 0.5 %; 5,840 / 0.995 = 5,869.35.
  CHECK(compute_of(s, "serve", 0) == Approx(5840.0 / 0.995));
}

TEST_CASE("spot: a site without spot terms is an error, not spot prices without rework", "[cloud_costs]") {
  auto run = test::attempt(test::header("1 month") +
                           "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: spot}\n"
                           "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
                           "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run),
             Catch::Contains("sites.cloud.spot: pricing 'spot' needs 'spot: {interruption_every: DURATION, restart: "
                             "DURATION}' on the site"));
}

TEST_CASE("cloud compute: a placement's instance rents that instance type, not the cheapest", "[cloud_costs]") {
  const auto scenario = [](const std::string& instance) {
    return test::header_v2("1 month") +
           "sites:\n  od: {kind: cloud, provider: nimbus, region: north, pricing: on-demand}\n"
           "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
           "strategies:\n  s: {workloads: {w: {site: od, instance: " +
           instance + "}}}\n";
  };
  // big8 although small2 is cheaper per GPU-hour: 1 instance × 730 h × 24 USD/h = 17,520.
  auto big = test::run(scenario("big8"), nimbus());
  REQUIRE(big);
  REQUIRE(big->model);
  CHECK(compute_of(big->model->strategies[0], "w", 0) == 17520);
  // small2, the cheapest anyway: 4 instances × 730 h × 5 USD/h = 14,600.
  auto small = test::run(scenario("small2"), nimbus());
  REQUIRE(small);
  REQUIRE(small->model);
  CHECK(compute_of(small->model->strategies[0], "w", 0) == 14600);
  // An instance the region does not offer, or not with the workload's GPU, is an error.
  auto missing = test::attempt(scenario("cheap4"), nimbus());
  REQUIRE(missing);
  REQUIRE_FALSE(missing->model);
  CHECK_THAT(test::errors(*missing), Catch::Contains("no H100 offer cheap4 priced 'on-demand' in region north"));
}

TEST_CASE("spot: without interruption_every, the sheet's rate for the offer chosen; the site's overrides it",
          "[cloud_costs]") {
  const auto scenario = [](const std::string& spot) {
    return test::header("1 month") + "sites:\n  cloud: {kind: cloud, provider: nimbus, region: north, pricing: spot, " +
           "spot: " + spot +
           "}\n"
           "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
           "strategies:\n  s: {workloads: {w: cloud}}\n";
  };
  // The sheet's 200 h: L = 0.5 / 200 = 0.25 %; 1 instance × 730 h × 8 USD/h / 0.9975 = 5,854.64.
  auto from_sheet = test::run(scenario("{restart: 0.5 h}"), nimbus());
  REQUIRE(from_sheet);
  REQUIRE(from_sheet->model);
  CHECK(compute_of(from_sheet->model->strategies[0], "w", 0) == Approx(5840.0 / 0.9975));
  // The site's 100 h: L = 0.5 %; 5,840 / 0.995 = 5,869.35.
  auto stated = test::run(scenario("{interruption_every: 100 h, restart: 0.5 h}"), nimbus());
  REQUIRE(stated);
  REQUIRE(stated->model);
  CHECK(compute_of(stated->model->strategies[0], "w", 0) == Approx(5840.0 / 0.995));
}

TEST_CASE("spot: without interruption_every and no rate in the sheet, an error names the offer", "[cloud_costs]") {
  auto run = test::attempt(test::header("1 month") +
                           "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: spot, "
                           "spot: {restart: 0.5 h}}\n"
                           "workloads:\n  w: {kind: inference, gpu: H100, gpus: 8}\n"
                           "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run), Catch::Contains("sites.cloud.spot.interruption_every: expected the mean time between "
                                                 "interruptions of one instance, such as '40 h': the acme@"));
  CHECK_THAT(test::errors(*run), Catch::Contains("gives none for gpu8 in region east"));
}

TEST_CASE("spot: training on spot without checkpoints is an error", "[cloud_costs]") {
  auto run = test::attempt(test::header("1 month") +
                           "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: spot, "
                           "spot: {interruption_every: 100 h, restart: 1 h}}\n"
                           "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                           "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run), Catch::Contains("workloads.w.checkpoints: training on spot needs checkpoints"));
}

TEST_CASE("spot: losing 90 % of the time to interruptions is an error; 89 % is priced", "[cloud_costs]") {
  const auto scenario = [](const std::string& restart) {
    return test::header("1 month") +
           "sites:\n  cloud: {kind: cloud, provider: acme, region: east, pricing: spot, "
           "spot: {interruption_every: 10 h, restart: " +
           restart +
           "}}\n"
           "workloads:\n  w: {kind: training, gpu: H100, gpus: 8, checkpoints: {parameters: 1e9, every: 8 h}}\n"
           "strategies:\n  s: {workloads: {w: cloud}}\n";
  };
  // L = 1 × (5 + 8/2) / 10 = 90 %: the job cannot finish.
  auto lost = test::attempt(scenario("5 h"));
  REQUIRE(lost);
  REQUIRE_FALSE(lost->model);
  CHECK_THAT(test::errors(*lost),
             Catch::Contains("sites.cloud.spot: workload 'w' would lose 90 % of its time to spot interruptions; it "
                             "cannot finish on spot"));
  // L = (4.9 + 4) / 10 = 89 %: 1 instance × 730 h × 4 USD/h / 0.11 = 26,545.45.
  auto priced = test::run(scenario("4.9 h"));
  REQUIRE(priced);
  REQUIRE(priced->model);
  CHECK(compute_of(priced->model->strategies[0], "w", 0) == Approx(2920.0 / 0.11));
}

TEST_CASE("cloud compute: GPU-hour and token demand is packed into instance-hours, runs rent whole instances",
          "[cloud_costs]") {
  auto run = test::run(test::header("1 month") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "workloads:\n"
                       "  hours: {kind: training, gpu: H100, gpu_hours_per_month: 1000}\n"
                       "  tokens: {kind: inference, gpu: H100, tokens_per_month: 3.6e9, tokens_per_second_per_gpu: "
                       "1000, utilization: 50 %}\n"
                       "  runs: {kind: training, gpu: H100, gpus: 12, runs: {per_month: 3, duration: 10 h}}\n"
                       "strategies:\n  s: {workloads: {hours: cloud, tokens: cloud, runs: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // 1,000 GPU-hours / 8 GPUs per instance = 125 instance-hours × 10 USD/h = 1,250.
  CHECK(compute_of(s, "hours", 0) == 1250);
  // 3.6e9 tokens / (1,000 tokens/s × 3,600 s × 50 %) = 2,000 GPU-hours; / 8 × 10 = 2,500.
  CHECK(compute_of(s, "tokens", 0) == 2500);
  // 12 GPUs take ceil(12 / 8) = 2 whole instances × (3 × 10 h) × 10 USD/h = 600
  // (packed, 360 GPU-hours would be 45 instance-hours, 450).
  CHECK(compute_of(s, "runs", 0) == 600);
  // Used GPU-hours: 1,000 + 2,000 × 50 % + 12 × 30 = 2,360.
  CHECK(s.used_gpu_hours == Approx(2360));
}

TEST_CASE("interconnect ports: count × port-hour price × hours, only where the site and a site it links are used",
          "[cloud_costs]") {
  auto run = test::run(test::header("3 months") +
                           "sites:\n"
                           "  a: {kind: cloud, provider: nimbus, region: north, "
                           "interconnect: {port: link-10g, count: 2, to: b}}\n"
                           "  b: {kind: cloud, provider: nimbus, region: south}\n"
                           "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                           "flows:\n  sync: {from: a, to: b, size: 100 GiB, every: 1 month, strategies: linked}\n"
                           "strategies:\n  linked: {workloads: {w: a}}\n  alone: {workloads: {w: a}}\n",
                       nimbus());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& linked = test::strategy(*run, "linked");
  const auto ports = test::lines(linked, Component::interconnect);
  REQUIRE(ports.size() == 3);
  for (const auto& line : ports) {
    // 2 ports × 2 USD/h × 730 h = 2,920, every month of the horizon.
    CHECK(line.cash == 2920);
    CHECK(line.cause == "site a");
    CHECK(line.site == "a");
  }
  // Without the flow, the strategy never uses b: no ports.
  CHECK(test::lines(test::strategy(*run, "alone"), Component::interconnect).empty());
}

TEST_CASE("interconnect ports: a port the region does not price is an error with a suggestion", "[cloud_costs]") {
  auto run = test::attempt(test::header("1 month") +
                               "sites:\n"
                               "  a: {kind: cloud, provider: nimbus, region: north, "
                               "interconnect: {port: link-1g, to: b}}\n"
                               "  b: {kind: cloud, provider: nimbus, region: south}\n"
                               "workloads:\n  w: {kind: training, gpu: H100, gpus: 8}\n"
                               "flows:\n  sync: {from: a, to: b, size: 100 GiB, every: 1 month}\n"
                               "strategies:\n  s: {workloads: {w: a}}\n",
                           nimbus());
  REQUIRE(run);
  REQUIRE_FALSE(run->model);
  CHECK_THAT(test::errors(*run),
             Catch::Contains("sites.a.interconnect.port: unknown port 'link-1g' in region north of the "
                             "nimbus@2026-01-01 price sheet, did you mean 'link-10g'?; ports there: 'link-10g'"));
}
