// Sites, workloads, datasets and flows of a scenario (tco-scenario(5)).
#include <fmt/format.h>

#include "hardware_reader.hpp"
#include "scenario_internal.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

namespace tco::scenario_detail {

namespace {

// A rate per month written as an interval (`every: 1 week`): kHoursPerMonth ÷ the interval.
// A distribution stays one of the interval, marked so that a drawn interval becomes a rate.
Sourced rate_of(const Sourced& interval, Scenario& scenario) {
  Sourced rate = interval;
  rate.value = kHoursPerMonth / interval.value;
  if (interval.uncertainty) {
    auto as_rate = std::make_shared<Uncertainty>(*interval.uncertainty);
    as_rate->interval_as_rate = true;
    for (auto& input : scenario.uncertain) {
      if (input.uncertainty == interval.uncertainty) input.uncertainty = as_rate;
    }
    rate.uncertainty = std::move(as_rate);
  }
  return rate;
}

// Durations between events (interruptions, runs, refreshes, transfers) must be above zero.
const Limits kAboveZero{0.0, {}, false, "", ""};

void read_spot(const YamlNode& node, const std::string& path, CloudSite& cloud, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::spot(), node, path, d);
  if (!reader.valid()) return;
  // Unstated, the interruption rate is the price sheet's for the instance chosen (tco-model(7)).
  const bool every_stated = reader.get("interruption_every") != nullptr;
  auto every = stated(reader, "interruption_every", scenario);
  auto restart = stated(reader, "restart", scenario);
  reader.finish();
  within(every, reader.path("interruption_every"), kAboveZero, "expected a duration above zero", "", d);
  if (restart && (every || !every_stated)) cloud.spot = SpotTerms{every, *restart};
}

// One pricing model for every workload, or a mapping with 'default' and workloads' names.
void read_pricing(const YamlNode& node, const std::string& path, CloudSite& cloud, Diagnostics& d) {
  const Section& by_workload = scenario_format::pricing_by_workload();
  auto model_of = [&](const YamlNode& value, const std::string& value_path) {
    if (auto name = read_enum(value, value_path, by_workload.entries->allowed, d)) return parse_pricing_model(*name);
    return std::optional<PricingModel>{};
  };
  if (!node.is_mapping()) {
    if (auto model = model_of(node, path)) cloud.default_pricing = *model;
    return;
  }
  for (const auto& entry : node.entries) {
    const auto model = model_of(entry.value, join_path(path, entry.key));
    if (!model) continue;
    if (entry.key == "default")
      cloud.default_pricing = *model;
    else
      cloud.pricing_by_workload[entry.key] = *model;
  }
}

void read_interconnect(const YamlNode& node, const std::string& path, CloudSite& cloud, Diagnostics& d) {
  MapReader reader(scenario_format::interconnect(), node, path, d);
  if (!reader.valid()) return;
  InterconnectLink link;
  link.where = node.where;
  link.port = read_text(reader, "port").value_or("");
  link.count = static_cast<int>(read_integer(reader, "count").value_or(1));
  link.to = read_string_list(reader, "to").value_or(std::vector<std::string>{});
  reader.finish();
  cloud.interconnect = link;
}

void read_inline_hardware(const YamlNode& node, const std::string& path, OnPremSite& site, Scenario& scenario,
                          Diagnostics& d) {
  MapReader reader(scenario_format::inline_hardware(), node, path, d);
  if (!reader.valid()) return;
  reader.get("source");  // free text: where the quote came from
  auto sku = read_hardware_sku(reader, [&](MapReader& r, const char* key) { return stated(r, key, scenario); });
  if (!sku) return;
  sku->id = "inline";
  sku->where = node.where;
  site.inline_hardware = sku;
}

}  // namespace

// A site's or a placement's relative_time: schema 2, above zero, at most 10.
std::optional<Sourced> read_relative_time(MapReader& reader, const Scenario& scenario, Diagnostics& d) {
  const YamlNode* node = reader.node().find("relative_time");
  if (node == nullptr) return std::nullopt;
  if (scenario.schema_version < 2) {
    reader.get("relative_time");
    d.error(node->where, reader.path("relative_time"), "'relative_time' needs 'schema_version: 2'");
    return std::nullopt;
  }
  auto value = stated_single(reader, "relative_time", "a relative time decides how much work a site does");
  if (value && (value->value <= 0 || value->value > 10)) {
    d.error(value->where, reader.path("relative_time"),
            fmt::format("expected a share of the time above 0 and at most 10, such as 0.85, found {}",
                        format_number(value->value)));
    return std::nullopt;
  }
  return value;
}

namespace {

void read_site(const YamlEntry& entry, const std::string& path, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::site(), entry.value, path, d);
  if (!reader.valid()) return;
  Site site;
  site.name = entry.key;
  site.where = entry.key_where;
  reader.get("description");
  const auto kind_name = read_enum(reader, "kind");
  if (kind_name) reader.choose(*kind_name);
  site.relative_time = read_relative_time(reader, scenario, d);
  if (kind_name == "cloud") {
    site.kind = SiteKind::cloud;
    auto& cloud = site.cloud;
    if (const YamlNode* provider = reader.get("provider")) {
      cloud.provider = read_string(*provider, reader.path("provider"), d).value_or("");
      site.value_where["provider"] = provider->where;
    }
    if (const YamlNode* region = reader.get("region")) {
      cloud.region = read_string(*region, reader.path("region"), d).value_or("");
      site.value_where["region"] = region->where;
    }
    if (const YamlNode* zone = reader.get("zone")) cloud.zone = read_string(*zone, reader.path("zone"), d).value_or("");
    if (const YamlNode* pricing = reader.get("pricing")) read_pricing(*pricing, reader.path("pricing"), cloud, d);
    if (const YamlNode* spot = reader.get("spot")) read_spot(*spot, reader.path("spot"), cloud, scenario, d);
    if (const YamlNode* link = reader.get("interconnect"))
      read_interconnect(*link, reader.path("interconnect"), cloud, d);
    if (const YamlNode* commitments = reader.get("commitments"))
      read_commitments(*commitments, reader.path("commitments"), cloud, d);
  } else if (kind_name == "onprem") {
    site.kind = SiteKind::onprem;
    auto& onprem = site.onprem;
    if (const YamlNode* hardware = reader.get("hardware")) {
      site.value_where["hardware"] = hardware->where;
      if (hardware->is_mapping()) {
        read_inline_hardware(*hardware, reader.path("hardware"), onprem, scenario, d);
      } else {
        onprem.hardware_sku = read_string(*hardware, reader.path("hardware"), d).value_or("");
      }
    }
    onprem.electricity = stated(reader, "electricity", scenario);
    onprem.pue = stated(reader, "pue", scenario);
    onprem.colocation = stated(reader, "colocation", scenario);
    onprem.maintenance = stated(reader, "maintenance", scenario);
    onprem.depreciation_life = stated(reader, "depreciation", scenario);
    onprem.residual_value = stated(reader, "residual_value", scenario);
    onprem.staff_fte = stated(reader, "staff", scenario);
    onprem.staff_cost = stated(reader, "staff_cost", scenario);
    onprem.storage = stated(reader, "storage", scenario);
    onprem.egress = stated(reader, "egress", scenario);
    at_most_whole(onprem.maintenance, reader.path("maintenance"), "a yearly maintenance cost", d);
    at_most_whole(onprem.residual_value, reader.path("residual_value"), "a residual value", d);
    within(onprem.pue, reader.path("pue"), Limits{1.0, {}, true, "1", ""}, "a PUE is 1.0 or more",
           onprem.pue ? fmt::format("a PUE is 1.0 or more, found {}", onprem.pue->value) : "", d);
    within(onprem.depreciation_life, reader.path("depreciation"), Limits{kHoursPerMonth, {}, true, "1 month", ""},
           "expected a depreciation life of at least 1 month", "", d);
  }
  reader.finish();
  scenario.sites.push_back(std::move(site));
}

void read_schedule(MapReader& reader, Workload& workload, Scenario& scenario, Diagnostics& d) {
  auto& schedule = workload.schedule;
  const YamlNode* runs = reader.get("runs");
  auto gpu_hours = stated(reader, "gpu_hours_per_month", scenario);
  auto tokens = stated(reader, "tokens_per_month", scenario);
  auto tokens_per_second = stated(reader, "tokens_per_second_per_gpu", scenario);
  const int chosen = (runs ? 1 : 0) + (gpu_hours ? 1 : 0) + (tokens ? 1 : 0);
  if (chosen > 1) {
    d.error(reader.node().where, reader.path(), "choose one of 'runs', 'gpu_hours_per_month' or 'tokens_per_month'");
    return;
  }
  if (runs) {
    schedule.kind = ScheduleKind::runs;
    MapReader run_reader(scenario_format::runs(), *runs, reader.path("runs"), d);
    if (!run_reader.valid()) return;
    schedule.run_interval_hours = stated(run_reader, "every", scenario);
    schedule.runs_per_month = stated(run_reader, "per_month", scenario);
    if (schedule.run_interval_hours.has_value() == schedule.runs_per_month.has_value()) {
      d.error(runs->where, reader.path("runs"), "give exactly one of 'every' (a duration) or 'per_month' (a number)");
    }
    within(schedule.run_interval_hours, run_reader.path("every"), kAboveZero, "expected a duration above zero", "", d);
    if (auto duration = stated(run_reader, "duration", scenario)) schedule.run_hours = *duration;
    run_reader.finish();
  } else if (gpu_hours) {
    schedule.kind = ScheduleKind::gpu_hours;
    schedule.gpu_hours_per_month = *gpu_hours;
  } else if (tokens) {
    schedule.kind = ScheduleKind::tokens;
    schedule.tokens_per_month = *tokens;
    if (!tokens_per_second) {
      d.error(reader.node().where, reader.path(), "'tokens_per_month' needs 'tokens_per_second_per_gpu' above zero");
    }
  }
  if (tokens_per_second) {
    // With any schedule, an inference workload's throughput gives the tokens it serves
    // (for the cost per million tokens).
    const bool above_zero = within(tokens_per_second, reader.path("tokens_per_second_per_gpu"), kAboveZero,
                                   "expected a throughput above zero", "", d);
    if (above_zero && !tokens && workload.kind != WorkloadKind::inference) {
      d.error(tokens_per_second->where, reader.path("tokens_per_second_per_gpu"),
              "a throughput without 'tokens_per_month' is for inference workloads (it counts the tokens served)");
    } else if (above_zero) {
      schedule.tokens_per_second_per_gpu = *tokens_per_second;
    }
  }
}

void read_checkpoints(const YamlNode& node, const std::string& path, Workload& workload, Scenario& scenario,
                      Diagnostics& d) {
  MapReader reader(scenario_format::checkpoints(), node, path, d);
  if (!reader.valid()) return;
  Checkpoints checkpoints;
  checkpoints.where = node.where;
  auto parameters = stated(reader, "parameters", scenario);
  checkpoints.bytes_per_parameter = stated_or(reader, "bytes_per_parameter", 14.0, scenario);
  auto interval = stated(reader, "every", scenario);
  checkpoints.keep = static_cast<int>(read_integer(reader, "keep").value_or(1));
  if (auto replicas = read_string_list(reader, "replicate_to")) checkpoints.replicate_to = *replicas;
  reader.finish();
  if (!parameters || !interval) return;
  if (!within(interval, reader.path("every"), kAboveZero, "expected a checkpoint interval above zero", "", d)) return;
  checkpoints.parameters = *parameters;
  checkpoints.interval_hours = *interval;
  workload.checkpoints = checkpoints;
  const auto& schedule = workload.schedule;
  if (schedule.kind == ScheduleKind::runs && schedule.run_hours.value > 0 &&
      interval->value > schedule.run_hours.value) {
    d.warning(interval->where, reader.path("every"),
              fmt::format("checkpoints every {} h, longer than a run ({} h): each run writes one, at its end",
                          format_number(interval->value), format_number(schedule.run_hours.value)));
  }
}

// A share of GPU time, above 0 % and at most 100 %. Under 10 % is legal but warned about:
// often 0.85 % written for 85 % (for a distribution, its central value: the one compare uses).
void check_share(const Sourced& share, MapReader& reader, const std::string& key, const std::string& what,
                 const std::string& idle, Diagnostics& d) {
  const std::string expected = "expected " + what + " above 0 % and at most 100 %";
  const bool valid = within(
      share, reader.path(key), Limits{0.0, 1.0, false, "0 %", "100 %"}, expected,
      fmt::format("{}, found '{} %'", expected, trim_trailing_zeros(fmt::format("{:.4f}", share.value * 100))), d);
  if (!valid || share.value >= 0.1) return;
  const double percent = share.value * 100;
  std::string hint;
  if (percent * 100 <= 100) hint = "; was " + trim_trailing_zeros(fmt::format("{:.2f}", percent * 100)) + " % meant?";
  d.warning(share.where, reader.path(key),
            fmt::format("{} of {} % leaves the GPUs idle over 90 % of {}{}", what,
                        trim_trailing_zeros(fmt::format("{:.4f}", percent)), idle, hint));
}

// The useful-work share and, in schema 2, the duty cycle (tco-scenario(5), SCHEMA VERSIONS).
void read_shares(MapReader& reader, Workload& workload, Scenario& scenario, Diagnostics& d) {
  if (scenario.schema_version < 2) {
    if (const YamlNode* useful = reader.get("useful_work")) {
      d.error(useful->where, reader.path("useful_work"),
              "'useful_work' needs 'schema_version: 2'; in schema 1, 'utilization' is the useful-work share");
    }
    workload.useful_work_key = "utilization";
    workload.useful_work_stated = reader.node().find("utilization") != nullptr;
    workload.useful_work = stated_or(reader, "utilization", 1.0, scenario);
    check_share(workload.useful_work, reader, "utilization", "a utilization", "the time they are allocated", d);
    return;
  }
  workload.useful_work_stated = reader.node().find("useful_work") != nullptr;
  workload.useful_work = stated_or(reader, "useful_work", 1.0, scenario);
  check_share(workload.useful_work, reader, "useful_work", "a useful-work share", "the time they are occupied", d);
  workload.utilization = stated(reader, "utilization", scenario);
  if (!workload.utilization) return;
  if (workload.schedule.kind != ScheduleKind::continuous) {
    d.error(workload.utilization->where, reader.path("utilization"),
            "'utilization' is the duty cycle of a continuous workload; 'runs', 'gpu_hours_per_month' and "
            "'tokens_per_month' state their own demand");
    workload.utilization.reset();
    return;
  }
  check_share(*workload.utilization, reader, "utilization", "a utilization", "the hours they are provisioned", d);
}

void read_workload(const YamlEntry& entry, const std::string& path, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::workload(), entry.value, path, d);
  if (!reader.valid()) return;
  Workload workload;
  workload.name = entry.key;
  workload.where = entry.key_where;
  workload.start = scenario.start;
  reader.get("description");
  workload.kind = read_enum(reader, "kind") == "inference" ? WorkloadKind::inference : WorkloadKind::training;
  workload.gpu = read_enum(reader, "gpu").value_or("");
  workload.gpus = static_cast<int>(read_integer(reader, "gpus").value_or(0));
  if (const YamlNode* gpus = reader.node().find("gpus")) workload.gpus_where = gpus->where;
  read_schedule(reader, workload, scenario, d);
  // Only runs and continuous workloads need gpus; a demand (GPU-hours, tokens) gives them.
  // Checked after the schedule, whose errors come first.
  const bool needs_gpus =
      workload.schedule.kind == ScheduleKind::continuous || workload.schedule.kind == ScheduleKind::runs;
  if (needs_gpus && reader.node().find("gpus") == nullptr) reader.report_missing("gpus");
  read_shares(reader, workload, scenario, d);
  if (const YamlNode* start = reader.get("start"))
    workload.start = read_year_month(*start, reader.path("start"), d).value_or(scenario.start);
  if (auto months = stated_single(reader, "duration", "the duration decides which months the workload is active in")) {
    const double count = months->value / kHoursPerMonth;
    if (count < 1 || count != static_cast<double>(static_cast<int>(count))) {
      d.error(months->where, reader.path("duration"), "expected a whole number of months or years, e.g. '3 months'");
    } else {
      workload.months = static_cast<int>(count);
    }
  }
  if (const YamlNode* checkpoints = reader.get("checkpoints"))
    read_checkpoints(*checkpoints, reader.path("checkpoints"), workload, scenario, d);
  if (auto reads = read_string_list(reader, "reads")) workload.reads = *reads;
  reader.finish();
  scenario.workloads.push_back(std::move(workload));
}

void read_dataset(const YamlEntry& entry, const std::string& path, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::dataset(), entry.value, path, d);
  if (!reader.valid()) return;
  Dataset dataset;
  dataset.name = entry.key;
  dataset.where = entry.key_where;
  reader.get("description");
  if (auto size = stated(reader, "size", scenario)) dataset.size_bytes = *size;
  dataset.growth_per_month = stated_or(reader, "growth", 0.0, scenario);
  dataset.origin = read_text(reader, "origin").value_or("");
  if (auto name = read_enum(reader, "storage_class")) dataset.storage_class = *parse_storage_class(*name);
  dataset.refreshes_per_month = Sourced::stated(0, entry.value.where, "no refresh");
  dataset.changed_per_refresh = Sourced::stated(1.0, entry.value.where, "default changed = 100 %");
  if (const YamlNode* refresh = reader.get("refresh")) {
    MapReader refresh_reader(scenario_format::refresh(), *refresh, reader.path("refresh"), d);
    if (refresh_reader.valid()) {
      auto every = stated(refresh_reader, "every", scenario);
      auto per_month = stated(refresh_reader, "per_month", scenario);
      if (every.has_value() == per_month.has_value()) {
        d.error(refresh->where, reader.path("refresh"),
                "give exactly one of 'every' (a duration) or 'per_month' (a number)");
      } else if (every) {
        if (within(every, refresh_reader.path("every"), kAboveZero, "expected a duration above zero", "", d)) {
          dataset.refreshes_per_month = rate_of(*every, scenario);
        }
      } else {
        dataset.refreshes_per_month = *per_month;
      }
      dataset.changed_per_refresh = stated_or(refresh_reader, "changed", 1.0, scenario);
      within(dataset.changed_per_refresh, refresh_reader.path("changed"), Limits{{}, 1.0, true, "", "100 %"},
             "expected at most 100 %", "", d);
      refresh_reader.finish();
    }
  }
  reader.finish();
  scenario.datasets.push_back(std::move(dataset));
}

std::optional<Endpoint> read_endpoint(const YamlNode& node, const std::string& path, Diagnostics& d) {
  auto text = read_string(node, path, d);
  if (!text) return std::nullopt;
  if (*text == "internet") return Endpoint{Endpoint::Kind::internet, ""};
  const auto colon = text->find(':');
  if (colon == std::string::npos) return Endpoint{Endpoint::Kind::site, *text};
  const std::string kind = text->substr(0, colon);
  const std::string name = text->substr(colon + 1);
  if (kind == "workload") return Endpoint{Endpoint::Kind::workload, name};
  if (kind == "dataset") return Endpoint{Endpoint::Kind::dataset, name};
  if (kind == "site") return Endpoint{Endpoint::Kind::site, name};
  d.error(node.where, path,
          fmt::format("expected 'internet', a site name, 'workload:NAME' or 'dataset:NAME', found '{}'", *text));
  return std::nullopt;
}

void read_flow(const YamlEntry& entry, const std::string& path, Scenario& scenario, Diagnostics& d) {
  MapReader reader(scenario_format::flow(), entry.value, path, d);
  if (!reader.valid()) return;
  Flow flow;
  flow.name = entry.key;
  flow.where = entry.key_where;
  reader.get("description");
  const YamlNode* from = reader.get("from");
  const YamlNode* to = reader.get("to");
  auto from_endpoint = from ? read_endpoint(*from, reader.path("from"), d) : std::nullopt;
  auto to_endpoint = to ? read_endpoint(*to, reader.path("to"), d) : std::nullopt;
  if (auto size = stated(reader, "size", scenario)) flow.size_bytes = *size;
  const YamlNode* once = reader.get("once");
  auto every = stated(reader, "every", scenario);
  if ((once != nullptr) == every.has_value()) {
    d.error(entry.value.where, path,
            "give exactly one of 'once' (a month, YYYY-MM) or 'every' (a duration, e.g. '1 month')");
  } else if (once) {
    flow.once = read_year_month(*once, reader.path("once"), d);
  } else if (within(every, reader.path("every"), kAboveZero, "expected a duration above zero", "", d)) {
    flow.per_month = rate_of(*every, scenario);
  }
  if (auto strategies = read_string_list(reader, "strategies")) flow.strategies = *strategies;
  reader.finish();
  if (!from_endpoint || !to_endpoint) return;
  if (from_endpoint->kind == Endpoint::Kind::internet) {
    d.error(from->where, reader.path("from"),
            "a flow's source must be a site, a workload or a dataset, not the internet");
    return;
  }
  flow.from = *from_endpoint;
  flow.to = *to_endpoint;
  scenario.flows.push_back(std::move(flow));
}

template <typename ReadOne>
void read_named_map(const Section& declared, const YamlNode& node, const char* section, Scenario& scenario,
                    Diagnostics& d, ReadOne read_one) {
  MapReader reader(declared, node, section, d);
  if (!reader.valid()) return;
  for (const auto& entry : node.entries) read_one(entry, reader.path(entry.key), scenario, d);
}

}  // namespace

void read_sites(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  read_named_map(scenario_format::sites(), node, "sites", scenario, d, read_site);
}
void read_workloads(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  read_named_map(scenario_format::workloads(), node, "workloads", scenario, d, read_workload);
}
void read_datasets(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  read_named_map(scenario_format::datasets(), node, "datasets", scenario, d, read_dataset);
}
void read_flows(const YamlNode& node, Scenario& scenario, Diagnostics& d) {
  read_named_map(scenario_format::flows(), node, "flows", scenario, d, read_flow);
}

}  // namespace tco::scenario_detail
