// What one event costs (event_costs, src/model/figures.cpp; tco-model(7), UNIT ECONOMICS,
// "Per event"): a dataset's migration, a checkpoint save sent to its replica, one transfer of
// a flow, each priced from its egress lines in the first month it happens. The acme sheet
// (tests/unit/support.hpp) sends 100 GiB a month free from its east region to the internet,
// then 0.09 USD/GiB; 0.02 USD/GiB to its west region. The owned site sends at a flat
// 0.05 USD/GiB. Every expected figure is worked out in its comment.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "tco/model/figures.hpp"

using namespace tco;

namespace {

// One checkpointed workload on the cloud, its checkpoints copied to the owned site over the
// internet; a weekly flow to the internet from the same region; a dataset migrated to the
// west region; a one-off flow from the owned site in the third month.
std::string events_scenario() {
  // 21474836480 parameters x 1 byte = 20 GiB a checkpoint, every 73 h: 730 / 73 = 10 a month.
  return test::header("3 months") +
         "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
         "  west: {kind: cloud, provider: acme, region: west}\n"
         "  dc: {kind: onprem, hardware: box, storage: 0.01 USD/GiB-month, egress: 0.05 USD/GiB}\n"
         "workloads:\n"
         "  w:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
         "    checkpoints: {parameters: 21474836480, bytes_per_parameter: 1, every: 73 h, keep: 2, replicate_to: dc}\n"
         "  local:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
         "    checkpoints: {parameters: 1e9, every: 73 h}\n"
         "datasets:\n  d: {size: 1000 GiB, origin: cloud}\n"
         "flows:\n"
         "  logs: {from: cloud, to: internet, size: 50 GiB, every: 1 week}\n"
         "  release: {from: dc, to: internet, size: 100 GiB, once: 2027-03}\n"
         "strategies:\n  s: {workloads: {w: cloud, local: cloud}, datasets: {d: west}}\n";
}

const EventCost& find_event(const std::vector<EventCost>& events, EventKind kind, const std::string& name) {
  const auto it = std::find_if(events.begin(), events.end(),
                               [&](const EventCost& event) { return event.kind == kind && event.name == name; });
  REQUIRE(it != events.end());
  return *it;
}

}  // namespace

TEST_CASE("per event: a checkpoint save and a flow transfer share the month's tiered egress by their bytes",
          "[figures][per_event]") {
  auto run = test::run(events_scenario());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  const auto events = event_costs(s, run->scenario);
  // The migration, then the replicated checkpoints (not `local`'s, which move nothing), then
  // the flows, in scenario order.
  REQUIRE(events.size() == 4);
  CHECK(events[0].kind == EventKind::dataset_migration);
  CHECK(events[1].kind == EventKind::checkpoint_save);
  CHECK(events[2].name == "logs");
  CHECK(events[3].name == "release");

  // Month 0 leaves east for the internet: 10 saves x 20 GiB = 200 GiB of checkpoints, and
  // 730 / 168 = 4.345238 transfers x 50 GiB = 217.2619 GiB of logs; B = 417.2619 GiB in all.
  // The month's charge is (B - 100 free) x 0.09 = 28.553571, shared by bytes: each GiB pays
  // 28.553571 / 417.2619 = 0.0684308 USD.
  const double all = 200.0 + 50.0 * 730.0 / 168.0;
  const double charge = (all - 100.0) * 0.09;
  CHECK(all == Approx(417.2619));
  CHECK(charge == Approx(28.553571));

  // A save: 20 GiB x 0.0684308 = 1.368616 USD; 10 of them, 13.686 USD, in the month.
  const EventCost& save = find_event(events, EventKind::checkpoint_save, "w");
  CHECK(save.month == 0);
  CHECK(save.cause == "workload w (checkpoints)");
  CHECK(save.sites == std::vector<std::string>{"cloud"});
  CHECK(save.events == Approx(10.0));
  CHECK(save.bytes_per_event() == Approx(20.0 * 1073741824.0));
  CHECK(save.cash == Approx(charge * 200.0 / all));
  CHECK(save.per_event() == Approx(1.368616));

  // A transfer of logs: 50 GiB x 0.0684308 = 3.421541 USD; 4.345238 of them in the month.
  const EventCost& logs = find_event(events, EventKind::flow_transfer, "logs");
  CHECK(logs.month == 0);
  CHECK(logs.cause == "flow logs");
  CHECK(logs.events == Approx(730.0 / 168.0));
  CHECK(logs.per_event() == Approx(3.421541));
  // Together they are the month's charge.
  CHECK(save.cash + logs.cash == Approx(charge));

  // The migration is one event: 1,000 GiB east -> west at 0.02 = 20 USD, in month 0.
  const EventCost& migration = find_event(events, EventKind::dataset_migration, "d");
  CHECK(migration.cause == "dataset d (migration)");
  CHECK(migration.events == Approx(1.0));
  CHECK(migration.per_event() == Approx(20.0));

  // A once flow is one event, in its month: 100 GiB from the owned site at 0.05 = 5 USD.
  const EventCost& release = find_event(events, EventKind::flow_transfer, "release");
  CHECK(release.month == 2);
  CHECK(release.sites == std::vector<std::string>{"dc"});
  CHECK(release.events == Approx(1.0));
  CHECK(release.per_event() == Approx(5.0));
}

TEST_CASE("per event: in a given month, only the events that happen in it, at that month's rate",
          "[figures][per_event]") {
  auto run = test::run(events_scenario());
  REQUIRE(run);
  REQUIRE(run->model);
  const StrategyResult& s = run->model->strategies[0];
  // Month 2 has the saves, the logs and the release, but no migration (month 0 only). East's
  // internet traffic is the same 417.2619 GiB as in month 0, so the same 1.368616 a save; the
  // release leaves the owned site, which is not tiered with it.
  const auto events = event_costs(s, run->scenario, 2);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == EventKind::checkpoint_save);
  CHECK(events[0].month == 2);
  CHECK(events[0].per_event() == Approx(1.368616));
  CHECK(events[2].name == "release");
  CHECK(events[2].per_event() == Approx(5.0));
  // Month 1 has no release.
  for (const auto& event : event_costs(s, run->scenario, 1)) CHECK(event.name != "release");
}

TEST_CASE("per event: two replica sites make a save twice the bytes, one event", "[figures][per_event]") {
  // 1 GiB checkpoints every 73 h (10 a month) to west (0.02 USD/GiB, inter-region) and to the
  // owned site (internet: 10 GiB a month, within the 100 GiB free): a save moves 2 GiB and
  // costs 1 x 0.02 + 0 = 0.02 USD.
  auto run = test::run(test::header("1 month") +
                       "sites:\n  cloud: {kind: cloud, provider: acme, region: east}\n"
                       "  west: {kind: cloud, provider: acme, region: west}\n"
                       "  dc: {kind: onprem, hardware: box, storage: 0.01 USD/GiB-month, egress: 0.05 USD/GiB}\n"
                       "workloads:\n  w:\n    kind: training\n    gpu: H100\n    gpus: 8\n"
                       "    checkpoints: {parameters: 1073741824, bytes_per_parameter: 1, every: 73 h,"
                       " replicate_to: [west, dc]}\n"
                       "strategies:\n  s: {workloads: {w: cloud}}\n");
  REQUIRE(run);
  REQUIRE(run->model);
  const auto events = event_costs(run->model->strategies[0], run->scenario);
  REQUIRE(events.size() == 1);
  CHECK(events[0].events == Approx(10.0));
  CHECK(events[0].bytes_per_event() == Approx(2.0 * 1073741824.0));
  CHECK(events[0].per_event() == Approx(0.02));
}
