// The usage file beside a Terraform plan (tco-scenario(5), USAGE FILE): what a plan cannot know,
// checked here as a scenario is, and kept as written, to be written into the scenario.
#include <fmt/format.h>

#include "tco/core/quantity.hpp"
#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/input_format.hpp"
#include "tco/inputs/price_sheet.hpp"
#include "tco/inputs/scenario.hpp"
#include "tco/inputs/terraform_scenario.hpp"
#include "tco/inputs/yaml_tree.hpp"

namespace tco {
namespace {

const Section& spot_usage() {
  static const Section declared =
      mapping("usage_spot", "What each spot interruption costs",
              {
                  required("restart", quantity(Dimension::hours),
                           "The time lost per interruption besides the work redone, such as '0.5 h'."),
                  optional("interruption_every", quantity(Dimension::hours),
                           "The mean time between interruptions of one instance; default the price sheet's."),
              });
  return declared;
}

const Section& resource_usage() {
  static const Section declared = mapping(
      "usage_resource", "What the plan cannot know of one resource",
      {
          optional("kind", one_of({"training", "inference"}), "A GPU resource's work; default the file's."),
          optional("utilization", quantity(Dimension::fraction),
                   "The share of every hour its instances run, such as '50 %' for a group scaled to zero half the "
                   "time (a duty cycle, as a workload's); default the file's, else 100 %."),
          optional("useful_work", quantity(Dimension::fraction),
                   "The share of the GPUs' time doing useful work, such as '70 %'; default 100 %."),
          optional("size", quantity(Dimension::bytes), "A bucket's size in the first month, such as '50 TB'."),
          optional("growth", quantity(Dimension::fraction), "A bucket's growth per month, compounding, such as '2 %'."),
          optional("storage_class", one_of(storage_class_names()), "A bucket's storage class; default standard."),
          optional("region", text(),
                   "The resource's region where the plan does not say, such as eastus for an Azure node pool whose "
                   "cluster the plan does not have."),
      });
  return declared;
}

const Section& flow_usage() {
  static const Section declared =
      mapping("usage_flow", "Data moved between the plan's resources, the owned site and the internet",
              {
                  required("from", text(), "Where the data leaves: a GPU resource's or bucket's address, or owned."),
                  required("to", text(), "Where it goes: a GPU resource's or bucket's address, owned, or internet."),
                  required("size", quantity(Dimension::bytes), "The size of one transfer, such as '2 TB'."),
                  optional("every", quantity(Dimension::hours), "The time between transfers, such as '1 week'."),
                  optional("once", year_month(), "The month of a single transfer, YYYY-MM."),
              });
  return declared;
}

const Section& owned_usage() {
  static const Section declared =
      mapping("usage_owned", "The owned alternative: the same GPUs on hardware you buy",
              {
                  required("hardware", text(), "A server SKU of the on-prem catalog, such as dgx-h100."),
                  optional("staff", quantity(Dimension::count), "People running it, in FTE."),
                  optional("staff_cost", quantity(Dimension::money_per_year),
                           "The cost of one FTE a year; default the catalog's."),
                  optional("electricity", quantity(Dimension::money_per_kwh),
                           "The price of electricity; default the catalog's."),
                  optional("colocation", quantity(Dimension::money_per_kw_month),
                           "Space and cooling per kW a month; default the catalog's."),
                  optional("maintenance", quantity(Dimension::fraction),
                           "Maintenance a year, as a share of the purchase price; default the catalog's."),
                  optional("storage", quantity(Dimension::money_per_byte_month),
                           "The price of data kept on the site, such as '0.01 USD/GB-month'."),
                  optional("egress", quantity(Dimension::money_per_byte),
                           "The price of data leaving the site, such as '0.05 USD/GB' (0 USD/GB for a flat-rate "
                           "uplink): needed by flows from it to the internet."),
              });
  return declared;
}

const Section& usage_root() {
  static const Section declared = mapping(
      "usage", "A Terraform plan's usage file",
      {
          required("schema_version", integer(1, 1), "The usage file's format version, 1."),
          optional("start", year_month(), "The first month priced, YYYY-MM; default the current month."),
          optional("horizon", quantity(Dimension::hours), "How long to price, such as '36 months' (the default)."),
          optional("kind", one_of({"training", "inference"}), "The work of GPU resources; default inference."),
          optional("utilization", quantity(Dimension::fraction),
                   "The share of every hour GPU resources' instances run, unless a resource says; default 100 %."),
          optional("spot", section(spot_usage()), "Needed when the plan has spot capacity."),
          optional("resources",
                   section(named_map("usage_resources", "Usage by resource address", section(resource_usage()),
                                     "A resource address, such as "
                                     "aws_s3_bucket.datasets; [*] ends "
                                     "one that matches every instance.")),
                   "What the plan cannot know, by resource address."),
          optional("flows", section(named_map("usage_flows", "Flows by name", section(flow_usage()), "A flow's name")),
                   "Data moved between resources, the owned site and the internet, by name."),
          optional("owned", section(owned_usage()), "The owned alternative to compare against."),
      });
  return declared;
}

// A scalar's text once it reads as the shape says.
std::string checked(MapReader& reader, std::string_view key) {
  const YamlNode* node = reader.get(key);
  if (node == nullptr) return "";
  const Shape& shape = reader.shape_of(key);
  const std::string path = reader.path(key);
  if (shape.kind == ValueKind::quantity) {
    return read_quantity(*node, path, shape, reader.diagnostics()) ? node->scalar : "";
  }
  if (!shape.allowed.empty()) return read_enum(*node, path, shape.allowed, reader.diagnostics()).value_or("");
  return read_string(*node, path, reader.diagnostics()).value_or("");
}

void read_flows(const YamlNode& flows, TerraformUsage& usage, Diagnostics& d) {
  if (!flows.is_mapping()) {
    d.error(flows.where, "flows", "expected a mapping of flow names, found " + describe(flows));
    return;
  }
  for (const auto& entry : flows.entries) {
    const std::string path = "flows." + entry.key;
    MapReader reader(flow_usage(), entry.value, path, d);
    if (!reader.valid()) continue;
    TerraformUsage::Flow flow;
    flow.name = entry.key;
    flow.where = entry.key_where;
    flow.from = checked(reader, "from");
    flow.to = checked(reader, "to");
    if (const YamlNode* from = reader.get("from")) flow.from_where = from->where;
    if (const YamlNode* to = reader.get("to")) flow.to_where = to->where;
    flow.size = checked(reader, "size");
    flow.every = checked(reader, "every");
    if (const YamlNode* once = reader.get("once")) {
      if (auto month = read_year_month(*once, reader.path("once"), d)) flow.once = format_year_month(*month);
    }
    const bool every = reader.get("every") != nullptr;
    const bool once = reader.get("once") != nullptr;
    reader.finish();
    if (every == once) {
      d.error(entry.key_where, path,
              every ? "expected one of 'once' and 'every', found both"
                    : "expected 'once: YYYY-MM' or 'every: DURATION', found neither");
      continue;
    }
    if (!flow.from.empty() && !flow.to.empty() && !flow.size.empty() &&
        (every ? !flow.every.empty() : !flow.once.empty()))
      usage.flows.push_back(std::move(flow));
  }
}

// A share of time, above 0 % and at most 100 %, as a workload's utilization and useful_work.
std::string share(MapReader& reader, std::string_view key) {
  std::string text = checked(reader, key);
  if (text.empty()) return text;
  const auto value = parse_quantity(text, Dimension::fraction);
  if (value && (value->value <= 0 || value->value > 1)) {
    reader.diagnostics().error(reader.get(key)->where, reader.path(key),
                               fmt::format("expected a share above 0 % and at most 100 %, found '{}'", text));
    return "";
  }
  return text;
}

}  // namespace

Result<TerraformUsage> load_terraform_usage(const std::string& text, const std::string& file) {
  auto tree = parse_yaml(text, file);
  if (!tree) return tree.diagnostics();
  Diagnostics d;
  TerraformUsage usage;
  usage.file = file;
  usage.where = tree->where;
  MapReader root(usage_root(), tree.value(), "", d);
  if (!root.valid()) return d;
  read_integer(root, "schema_version");
  if (const YamlNode* start = root.get("start")) usage.start = read_year_month(*start, root.path("start"), d);
  if (auto horizon = checked(root, "horizon"); !horizon.empty()) {
    const auto hours = parse_quantity(horizon, Dimension::hours);
    const double months = hours ? hours->value / kHoursPerMonth : 0;
    if (months < 1 || months > 360 || months != static_cast<int>(months)) {
      d.error(root.node().find("horizon")->where, "horizon",
              fmt::format("expected a whole number of months from 1 to 360, such as '36 months', found '{}'", horizon));
    }
    usage.horizon = horizon;
  }
  if (auto kind = checked(root, "kind"); !kind.empty()) usage.kind = kind;
  usage.utilization = share(root, "utilization");
  if (const YamlNode* spot = root.get("spot")) {
    MapReader reader(spot_usage(), *spot, "spot", d);
    if (reader.valid()) {
      usage.spot_restart = checked(reader, "restart");
      usage.spot_interruption_every = checked(reader, "interruption_every");
      reader.finish();
    }
  }
  if (const YamlNode* resources = root.get("resources")) {
    if (!resources->is_mapping()) {
      d.error(resources->where, "resources", "expected a mapping of resource addresses, found " + describe(*resources));
    } else {
      for (const auto& entry : resources->entries) {
        MapReader reader(resource_usage(), entry.value, "resources." + entry.key, d);
        if (!reader.valid()) continue;
        TerraformUsage::Resource resource;
        resource.address = entry.key;
        resource.where = entry.key_where;
        resource.kind = checked(reader, "kind");
        resource.useful_work = share(reader, "useful_work");
        resource.utilization = share(reader, "utilization");
        resource.size = checked(reader, "size");
        resource.growth = checked(reader, "growth");
        resource.storage_class = checked(reader, "storage_class");
        resource.region = checked(reader, "region");
        reader.finish();
        usage.resources.push_back(std::move(resource));
      }
    }
  }
  if (const YamlNode* flows = root.get("flows")) read_flows(*flows, usage, d);
  if (const YamlNode* owned = root.get("owned")) {
    MapReader reader(owned_usage(), *owned, "owned", d);
    if (reader.valid()) {
      usage.owned_hardware = checked(reader, "hardware");
      for (const char* key : {"staff", "staff_cost", "electricity", "colocation", "maintenance", "storage", "egress"}) {
        if (auto value = checked(reader, key); !value.empty()) usage.owned_site.emplace_back(key, value);
      }
      reader.finish();
    }
  }
  root.finish();
  if (d.has_errors()) return d;
  return Result<TerraformUsage>(std::move(usage), std::move(d));
}

}  // namespace tco
