// The declared input formats (input_format.hpp): declarations that agree with their readers,
// and a MapReader that refuses keys its section does not declare.
#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "tco/core/distribution.hpp"
#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/input_format.hpp"
#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/inputs/yaml_tree.hpp"

using namespace tco;

namespace {

// Every key of the scenario format, with each site kind and each distribution kind once.
const char* kEveryScenarioKey = R"(schema_version: 1
name: every-key
description: every key of the format
start: 2027-01
horizon: 12 months
hours_per_month: calendar
currency: USD
discount_rate: {range: [5 %, 10 %], driver: market}
as_of: 2026-06-01
price_trends: {all: -5 %, colocation: 2 %}
drivers: {market: prices that move together}
price_uncertainty:
  all: {triangular: [-10 %, 0 %, 10 %]}
  compute: {normal: {mean: 0 %, sd: 5 %, min: -20 %, max: 20 %}, driver: market}
baseline: rent
sites:
  cloud:
    description: a region
    kind: cloud
    provider: acme
    region: east
    zone: a
    pricing: {default: on-demand, serve: spot}
    spot: {interruption_every: 40 h, restart: 0.5 h}
    interconnect: {port: dx-10g, count: 2, to: [dc]}
  dc:
    description: a data center
    kind: onprem
    hardware:
      source: a quote
      name: Box
      gpu: H100
      gpus: 8
      rack_units: 4
      price: {lognormal: {mean: 100000 USD, sd: 10000 USD}}
      max_power: 10 kW
      idle_power: 2 kW
    electricity: 0.1 USD/kWh
    pue: {choice: [1.2, 1.4], weights: [1, 2]}
    colocation: 100 USD/kW-month
    maintenance: 10 %
    depreciation: 5 years
    residual_value: 10 %
    staff: 1
    staff_cost: 100000 USD/year
    storage: 0.01 USD/GB-month
    egress: 0.05 USD/GB
workloads:
  train:
    description: pretraining
    kind: training
    gpu: H100
    gpus: 8
    runs: {every: 1 week, duration: 10 h}
    utilization: 80 %
    start: 2027-02
    duration: 6 months
    checkpoints: {parameters: 70e9, bytes_per_parameter: 14, every: 4 h, keep: 2, replicate_to: cloud}
    reads: corpus
  serve:
    kind: inference
    gpu: H100
    tokens_per_month: 1e9
    tokens_per_second_per_gpu: 1000
datasets:
  corpus:
    description: the corpus
    size: 10 TB
    growth: 1 %
    origin: cloud
    storage_class: standard
    refresh: {every: 1 week, changed: 10 %}
flows:
  out:
    description: responses
    from: workload:serve
    to: internet
    size: 1 TB
    every: 1 month
    strategies: [rent]
strategies:
  rent:
    description: everything rented
    workloads: {train: cloud, serve: cloud}
    datasets: {corpus: {site: cloud, changed: 5 %}}
budgets:
  - {name: cap, strategy: rent, component: egress, basis: cash, limit: 1000 USD/month}
)";

// What only schema 2 reads: the duty cycle, useful work, and placements beyond a site's name.
const char* kEverySchema2Key = R"(schema_version: 2
name: every-key-2
start: 2027-01
horizon: 12 months
sites:
  cloud: {kind: cloud, provider: acme, region: east, relative_time: 0.9}
  dc: {kind: onprem, hardware: box, staff: 1}
workloads:
  train: {kind: training, gpu: H100, gpus: 8, utilization: 50 %, useful_work: 90 %}
  serve: {kind: inference, gpu: H100, gpus: 8}
  tune: {kind: training, gpu: H100, gpus: 8}
strategies:
  split:
    workloads:
      train: {base: {site: dc, gpus: 4, gpu: H100, relative_time: 0.85}, burst: {site: cloud, pricing: on-demand, gpu: A100, relative_time: 1.2}}
      serve: {site: cloud, pricing: 3y, gpus: 8, gpu: H100, relative_time: 1}
      tune: none
  commit:
    workloads:
      train: {base: {site: cloud, gpus: 4, pricing: 1y}, burst: cloud}
      serve: dc
      tune: dc
    reservations:
      - {name: odcr, site: cloud, instance: gpu8, count: 2, ends: 2027-06}
)";

// Every key of a sheet, each sourced value of both kinds (price, value) written as a mapping.
const char* kEverySheetKey = R"(schema_version: 1
kind: sheet
provider: acme
name: Acme
effective_date: 2026-01-01
currency: USD
billing_gb: GiB
sources:
  - {id: s, title: List, url: https://acme.example, note: n, retrieved: 2026-01-01, confidence: primary}
regions:
  east:
    name: East
    source: s
    gpu_instances:
      gpu8: {gpu: H100, gpus: 8, source: s, on-demand: {price: 10 USD/h, source: s, note: n}, spot: 4 USD/h}
    storage: {source: s, standard: 0.02 USD/GiB-month}
    network:
      source: s
      ingress: 0 USD/GiB
      internet_egress:
        source: s
        free: {value: 100 GiB, source: s, note: n}
        tiers:
          - {source: s, up_to: 10 TiB, price: 0.09 USD/GiB, note: n}
          - {price: 0.05 USD/GiB}
      inter_region: {source: s, default: 0.02 USD/GiB, to: {west: 0.01 USD/GiB}}
      inter_zone: {price: 0.01 USD/GiB, source: s, both_directions: true, note: n}
      interconnect_egress: 0.02 USD/GiB
      interconnect_ports: {source: s, dx-10g: 2.25 USD/h}
hardware:
  box: {source: s, name: Box, gpu: H100, gpus: 8, rack_units: 8, price: 1 USD, max_power: 10 kW, idle_power: 2 kW}
site_defaults:
  source: s
  pue: 1.5
  electricity: 0.1 USD/kWh
  colocation: 100 USD/kW-month
  maintenance: 10 %
  depreciation_life: 5 years
  residual_value: 20 %
  staff_cost: 100000 USD/year
electricity_by_region: {source: s, US-VA: 0.08 USD/kWh}
carbon_intensity: {source: s, US: 367 gCO2e/kWh}
pue_by_facility: {source: s, average: 1.5}
exit_programs:
  - {id: e, name: E, covers: egress, scope: worldwide, from: 2027-01-12, until: 2030-01-01, regions: [east],
     source: s, conditions: [leave], refund: 100 %, window: 60 days, note: n}
)";

const char* kEveryOverlayKey = R"(schema_version: 1
kind: overlay
provider: acme
name: acme-edp
effective_date: 2026-01-01
currency: USD
sources:
  - {id: edp, title: Contract, url: https://acme.example/edp, retrieved: 2026-01-01, confidence: primary}
discounts:
  - {service: compute, off: 20 %, regions: [east], pricing: [on-demand], source: edp, note: n}
)";

std::vector<std::string> yaml_files(const std::string& directory) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const std::string& file) {
  auto text = read_text_file(file);
  REQUIRE(text);
  return text.value();
}

// Sections made by one function for every dimension ("distribution.fraction",
// "distribution.bytes.signed") share their reader: a field read in one is read in all.
std::string family(const Section& section) { return section.id.substr(0, section.id.find('.')); }

// Loads every bundled scenario and sheet, the golden overlays, and the texts above, recording
// which declared fields the readers asked for.
struct Uses {
  FieldUseLog log;
  Uses() {
    set_field_use_log(&log);
    const std::string root = TCO_SOURCE_DIR;
    for (const auto& file : yaml_files(root + "/scenarios")) (void)load_scenario(read(file), file);
    for (const auto& file : yaml_files(root + "/pricing-data")) (void)load_price_sheet(read(file), file);
    for (const auto& file : yaml_files(root + "/tests/golden/inputs/overlays"))
      (void)load_price_sheet(read(file), file);
    (void)load_scenario(kEveryScenarioKey, "every.yaml");
    (void)load_scenario(kEverySchema2Key, "every2.yaml");
    (void)load_price_sheet(kEverySheetKey, "sheet.yaml");
    (void)load_price_sheet(kEveryOverlayKey, "overlay.yaml");
    set_field_use_log(nullptr);
  }
  [[nodiscard]] bool read_in_family(const Section& section, const std::string& field) const {
    const auto used = log.sections();
    return std::any_of(used.begin(), used.end(),
                       [&](const Section* s) { return family(*s) == family(section) && log.has(*s, field); });
  }
};

std::vector<const Section*> every_section() {
  std::vector<const Section*> out;
  for (const InputFormat* format : input_formats()) {
    for (const Section* section : sections_of(*format))
      if (std::find(out.begin(), out.end(), section) == out.end()) out.push_back(section);
  }
  return out;
}

const Section kPoint = mapping("point", "A test section",
                               {
                                   required("x", quantity(Dimension::count), "X."),
                                   optional("label", text(), "A label."),
                                   required("metal", one_of({"gold", "lead"}), "Which metal.").in("metal"),
                                   optional("colour", text(), "A colour.").in("paint"),
                                   required("kind", one_of({"metal", "paint"}), "Which kind."),
                               },
                               "kind");

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(format_location(item));
  return out;
}

}  // namespace

TEST_CASE("every declared field of every format is read by its reader", "[input_format]") {
  const Uses uses;
  std::vector<std::string> unread;
  for (const Section* section : every_section()) {
    for (const auto& field : section->fields) {
      if (!uses.read_in_family(*section, field.name)) unread.push_back(section->id + "." + field.name);
    }
  }
  INFO("declared, but no reader asked for them (read them, or remove the declaration)");
  CHECK(unread == std::vector<std::string>{});
}

TEST_CASE("every section a reader reads is part of a declared format", "[input_format]") {
  const Uses uses;
  const auto declared = every_section();
  std::vector<std::string> undeclared;
  for (const Section* section : uses.log.sections()) {
    if (std::find(declared.begin(), declared.end(), section) == declared.end()) undeclared.push_back(section->id);
  }
  CHECK(undeclared == std::vector<std::string>{});
}

TEST_CASE("declarations are consistent", "[input_format]") {
  std::set<std::string> ids;
  for (const Section* section : every_section()) {
    INFO(section->id);
    CHECK(ids.insert(section->id).second);  // one schema definition per section
    CHECK_FALSE(section->title.empty());
    std::set<std::string> names;
    for (const auto& field : section->fields) {
      INFO(field.name);
      CHECK(names.insert(field.name).second);
      CHECK_FALSE(field.doc.empty());
      if (field.need == Need::with_other || field.need == Need::unless_others) {
        for (const auto& key : field.need_keys) CHECK(section->find(key) != nullptr);
      }
    }
    if (section->entries) CHECK_FALSE(section->entry_doc.empty());
    if (!section->variant_key.empty()) {
      // Variants picked by a key's value are exactly its values.
      const Field* key = section->find(section->variant_key);
      REQUIRE(key != nullptr);
      CHECK(key->shape.allowed == section->variants());
    }
  }
  const Section& distribution = distribution_section(Dimension::fraction, false);
  CHECK(distribution.variants() == distribution_kind_names());
  CHECK(sourced_section(Dimension::money).fields.front().name == "price");
  CHECK(sourced_section(Dimension::bytes).fields.front().name == "value");
}

TEST_CASE("the formats are found by name", "[input_format]") {
  std::vector<std::string> names;
  for (const InputFormat* format : input_formats()) names.push_back(format->name);
  CHECK(names == std::vector<std::string>{"scenario", "prices", "overlay"});
  REQUIRE(find_input_format("overlay") != nullptr);
  CHECK(find_input_format("overlay")->root == find_input_format("prices")->root);
  CHECK(find_input_format("sheet") == nullptr);
  // Discounts belong to overlays: the prices format leaves their section out.
  const auto has_discount = [](const InputFormat& format) {
    const auto sections = sections_of(format);
    return std::any_of(sections.begin(), sections.end(), [](const Section* s) { return s->id == "discount"; });
  };
  CHECK(has_discount(*find_input_format("overlay")));
  CHECK_FALSE(has_discount(*find_input_format("prices")));
}

TEST_CASE("a declared reader reports unknown and missing keys from its declaration", "[input_format]") {
  const auto tree = parse_yaml("kind: paint\ncolor: red\nmetal: gold\n", "p.yaml");
  REQUIRE(tree);
  Diagnostics d;
  MapReader reader(kPoint, tree.value(), "point", d);
  reader.choose("paint");
  reader.get("x");
  reader.get("colour");
  reader.finish();
  CHECK(messages(d) == std::vector<std::string>{
                           "p.yaml:1:1: point: missing required key 'x'",
                           "p.yaml:2:1: point: unknown key 'color', did you mean 'colour'?",
                           "p.yaml:3:1: point: unknown key 'metal'; expected one of 'x', 'label', 'colour' or 'kind'",
                       });
  CHECK(read_enum(reader, "kind") == "paint");
}

TEST_CASE("asking a declared reader for a key it does not declare is a programming error", "[input_format]") {
  const auto tree = parse_yaml("x: 1\n", "p.yaml");
  REQUIRE(tree);
  Diagnostics d;
  MapReader reader(kPoint, tree.value(), "point", d);
  CHECK_THROWS_AS(reader.get("y"), std::logic_error);
  CHECK_THROWS_AS(reader.get("metal"), std::logic_error);  // a variant's key, before the variant is chosen
  CHECK_THROWS_AS(reader.choose("wood"), std::logic_error);
  CHECK_THROWS_AS(reader.require("x"), std::logic_error);  // the declaration says what is required
  CHECK_THROWS_AS(read_integer(reader, "label"), std::logic_error);
  reader.choose("metal");
  CHECK(reader.get("metal") == nullptr);
  CHECK_THROWS_AS(reader.get("colour"), std::logic_error);
  CHECK(messages(d) == std::vector<std::string>{"p.yaml:1:1: point: missing required key 'metal'"});
}

TEST_CASE("the texts that use every key are valid files", "[input_format]") {
  const auto scenario = load_scenario(kEveryScenarioKey, "every.yaml");
  CHECK(messages(scenario.diagnostics()) == std::vector<std::string>{});
  const auto sheet = load_price_sheet(kEverySheetKey, "sheet.yaml");
  CHECK(messages(sheet.diagnostics()) == std::vector<std::string>{});
  const auto overlay = load_price_sheet(kEveryOverlayKey, "overlay.yaml");
  CHECK(messages(overlay.diagnostics()) == std::vector<std::string>{});
}
