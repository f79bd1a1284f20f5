// A plan's resources as the parts of a scenario: what each is, how many, on which terms
// (tco(1), TERRAFORM). A resource that cannot be priced is listed with the reason.
#include "tco/inputs/terraform_scenario.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "terraform_translator.hpp"

namespace tco::terraform {

bool matches(const std::string& pattern, const std::string& address) {
  if (pattern == address) return true;
  if (!pattern.ends_with("[*]")) return false;
  const std::string stem = pattern.substr(0, pattern.size() - 3);
  return address.starts_with(stem) && address.size() > stem.size() && address[stem.size()] == '[' &&
         address.back() == ']' && address.find('.', stem.size()) == std::string::npos;
}

Translator::Translator(const TerraformPlan& plan, TerraformUsage& usage, const PriceCatalog& catalog, YearMonth today,
                       const std::vector<std::string>& also_known)
    : plan_(plan), usage_(usage), catalog_(catalog), also_known_(also_known) {
  out_.plan_file = plan.file;
  out_.usage_file = usage.file;
  out_.start = usage.start.value_or(today);
  out_.horizon = usage.horizon;
  out_.spot_restart = usage.spot_restart;
  out_.spot_interruption_every = usage.spot_interruption_every;
  out_.owned_hardware = usage.owned_hardware;
  out_.owned_site = usage.owned_site;
  if (auto onprem = catalog.select("onprem", first_day(out_.start)); onprem && !usage.owned_hardware.empty()) {
    const auto& hardware = onprem.value()->hardware;
    if (const auto it = hardware.find(usage.owned_hardware); it != hardware.end()) out_.owned_gpu = it->second.gpu;
  }
}

Result<TerraformScenario> Translator::run() {
  for (const auto& change : plan_.changes) {
    if (change.action == PlanAction::remove || change.action == PlanAction::read) continue;
    resource(change);
  }
  flows();
  check_interconnects();
  for (const auto& resource : usage_.resources) {
    if (resource.used) continue;
    std::vector<std::string> addresses;
    for (const auto& change : plan_.changes) addresses.push_back(change.address);
    d_.error(resource.where, "resources." + resource.address,
             fmt::format("no resource of the plan ({}) has this address{}", plan_.file,
                         did_you_mean(resource.address, addresses)));
  }
  if (d_.has_errors()) return d_;
  return Result<TerraformScenario>(std::move(out_), std::move(d_));
}

void Translator::unpriced(const TerraformResourceChange& change, std::string reason) {
  out_.unpriced.push_back({change.address, change.type, std::move(reason), change.where});
}

void Translator::missing(const TerraformResourceChange& change, std::string_view what, std::string_view path) {
  unpriced(change, unknown(change, path) ? fmt::format("its {} ({}) is known only after apply", what, path)
                                         : fmt::format("its {} is not in the plan ({})", what, path));
}

// The usage entries naming the resource, the exact address before a [*].
const TerraformUsage::Resource* Translator::usage_of(const std::string& address) {
  TerraformUsage::Resource* found = nullptr;
  for (auto& resource : usage_.resources) {
    if (!matches(resource.address, address)) continue;
    resource.used = true;
    if (found == nullptr || resource.address == address) found = &resource;
  }
  return found;
}

bool Translator::unknown(const TerraformResourceChange& change, std::string_view path) const {
  const JsonValue* flag = at_path(change.after_unknown, path);
  return flag != nullptr && flag->text == "true";
}

void Translator::resource(const TerraformResourceChange& change) {
  const TypeMap* entry = find_type(change.type);
  if (entry == nullptr) {
    return unpriced(change, fmt::format("tco prices GPU instances, node groups and pools, capacity reservations, "
                                        "interconnect ports and buckets; {} is none of them (tco(1), TERRAFORM)",
                                        change.type));
  }
  if (entry->kind == Kind::not_priced) return unpriced(change, std::string(entry->reason));
  const auto where = region(change, *entry);
  if (!where) {
    if (entry->region == RegionFrom::azure_parent) {
      return unpriced(change, fmt::format("its region is its {}'s, which is not in the plan: give it in the usage "
                                          "file (resources: {{{}: {{region: eastus}}}})",
                                          entry->region_path, change.address));
    }
    return unpriced(change, entry->region_path.empty() || unknown(change, entry->region_path)
                                ? "its region is not known from the plan: its provider configuration states none"
                                : fmt::format("its region is not known from the plan ({})", entry->region_path));
  }
  switch (entry->kind) {
    case Kind::storage:
      return bucket(change, *entry, *where);
    case Kind::reservation:
      return reservation(change, *entry, *where);
    case Kind::interconnect:
      return interconnect(change, *entry, *where);
    default:
      return gpu_capacity(change, *entry, *where);
  }
}

std::string Translator::site_for(const std::string& provider, const std::string& region, bool spot,
                                 std::string_view suffix) {
  std::string name = provider + "-" + region + (spot ? "-spot" : "") + std::string(suffix);
  const bool known = std::any_of(out_.sites.begin(), out_.sites.end(), [&](const auto& s) { return s.name == name; });
  if (!known) out_.sites.push_back({name, provider, region, spot});
  return name;
}

void Translator::bucket(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region) {
  const auto* usage = usage_of(change.address);
  if (usage == nullptr || usage->size.empty()) {
    return unpriced(change, fmt::format("its size is not in the plan: give it in the usage file "
                                        "(resources: {{{}: {{size: 50 TB}}}})",
                                        change.address));
  }
  // A bucket is priced at its region's storage price for its class; without one it is listed.
  const std::string storage_class = usage->storage_class.empty() ? "standard" : usage->storage_class;
  auto sheet = catalog_.select(std::string(entry.provider), first_day(out_.start));
  const Region* priced = sheet ? sheet.value()->find_region(region) : nullptr;
  const auto wanted = parse_storage_class(storage_class);
  if (priced == nullptr || !wanted || priced->storage.count(*wanted) == 0) {
    return unpriced(change, fmt::format("tco's {} price sheet has no {} storage price in region {}", entry.provider,
                                        storage_class, region));
  }
  out_.buckets.push_back({change.address, change.type, site_for(std::string(entry.provider), region, false),
                          usage->size, usage->growth, usage->storage_class, change.where});
}

// The zones of a GKE node pool: its node_locations, else one when its location is a zone.
std::optional<int> Translator::pool_zones(const TerraformResourceChange& change) const {
  if (const JsonValue* zones = at_path(change.after, "node_locations");
      zones != nullptr && zones->is_array() && !zones->items.empty()) {
    return static_cast<int>(zones->items.size());
  }
  const JsonValue* location = at_path(change.after, "location");
  if (location != nullptr && location->is_string() &&
      gcp_region_of(to_lower(location->text)) != to_lower(location->text))
    return 1;
  return std::nullopt;
}

// The instance type: the attribute, or for an autoscaling group its launch template's.
std::optional<std::string> Translator::instance_of(const TerraformResourceChange& change, const TypeMap& entry) const {
  if (const JsonValue* value = at_path(change.after, entry.instance); value != nullptr && value->is_string())
    return value->text;
  if (change.type != "aws_autoscaling_group") return std::nullopt;
  const auto name = [](const JsonValue& v, const char* path) {
    const JsonValue* at = at_path(v, path);
    return at != nullptr && at->is_string() ? at->text : std::string();
  };
  // By the template's name when the plan knows it, else by what the configuration refers to.
  const std::string template_name = name(change.after, "launch_template.0.name");
  const TerraformResourceChange* by_reference = referred(change, "aws_launch_template");
  for (const auto& other : plan_.changes) {
    if (other.type != "aws_launch_template") continue;
    const bool named = !template_name.empty() && name(other.after, "name") == template_name;
    if (named || &other == by_reference) {
      if (auto type = other.after.text_of("instance_type")) return type;
    }
  }
  return std::nullopt;
}

const GpuOffer* Translator::offer(const std::string& provider, const std::string& region, const std::string& instance,
                                  std::string& why) const {
  auto sheet = catalog_.select(provider, first_day(out_.start));
  if (!sheet) {
    why = fmt::format("tco has no {} price sheet in effect in {}", provider, format_year_month(out_.start));
    return nullptr;
  }
  const Region* priced = sheet.value()->find_region(region);
  if (priced == nullptr) {
    why = fmt::format("the {} price sheet has no region {}", sheet.value()->id(), region);
    return nullptr;
  }
  for (const auto& gpu_offer : priced->gpu_offers) {
    if (gpu_offer.instance == instance) return &gpu_offer;
  }
  why =
      fmt::format("{} is not a GPU instance of region {} in the {} price sheet", instance, region, sheet.value()->id());
  return nullptr;
}

// How many instances the resource states (none: listed as not priced); one without a count.
std::optional<int> Translator::count_of(const TerraformResourceChange& change, const TypeMap& entry) {
  if (entry.count.empty()) return 1;
  const JsonValue* count = at_path(change.after, entry.count);
  if (count == nullptr || count->kind != JsonValue::Kind::number) {
    missing(change, "instance count", entry.count);
    return std::nullopt;
  }
  return std::stoi(count->text);
}

void Translator::gpu_capacity(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region) {
  const auto instance = instance_of(change, entry);
  if (!instance) return missing(change, "instance type", entry.instance);
  auto instances = count_of(change, entry);
  if (!instances) return;
  // A GKE node pool's node_count is per zone: a regional pool has that many in each zone.
  if (change.type == "google_container_node_pool") {
    const auto zones = pool_zones(change);
    if (!zones) {
      return unpriced(change,
                      "its zones are not in the plan: a regional pool has node_count nodes in each of "
                      "its cluster's zones (state node_locations)");
    }
    *instances *= *zones;
  }
  std::string why;
  const GpuOffer* gpu_offer = offer(std::string(entry.provider), region, *instance, why);
  if (gpu_offer == nullptr) return unpriced(change, why);
  if (*instances <= 0) return unpriced(change, fmt::format("it has no instances ({} is 0)", entry.count));
  bool spot = false;
  for (const auto& rule : entry.spot) {
    if (rule.path.empty()) continue;
    const JsonValue* value = at_path(change.after, rule.path);
    spot = spot || (value != nullptr && to_lower(value->text) == to_lower(std::string(rule.value)));
  }
  const PricingModel model = spot ? PricingModel::spot : PricingModel::on_demand;
  if (gpu_offer->hourly.count(model) == 0) {
    return unpriced(change, fmt::format("the {} price sheet gives {} in {} no {} price", entry.provider, *instance,
                                        region, to_string(model)));
  }
  if (spot && usage_.spot_restart.empty()) {
    d_.error(change.where, change.address,
             "it runs on spot capacity: the usage file (--usage) needs 'spot: {restart: DURATION}', the time lost "
             "per interruption besides the work redone");
  }
  const auto* usage = usage_of(change.address);
  PlannedWorkload workload;
  workload.address = change.address;
  workload.type = change.type;
  workload.site = site_for(std::string(entry.provider), region, spot);
  workload.instance = *instance;
  workload.gpu = gpu_offer->gpu;
  workload.instances = *instances;
  workload.gpus = *instances * gpu_offer->gpus;
  workload.kind = usage != nullptr && !usage->kind.empty() ? usage->kind : usage_.kind;
  workload.useful_work = usage != nullptr ? usage->useful_work : "";
  workload.utilization = usage != nullptr && !usage->utilization.empty() ? usage->utilization : usage_.utilization;
  workload.where = change.where;
  out_.workloads.push_back(std::move(workload));
}

}  // namespace tco::terraform

namespace tco {

Result<TerraformScenario> terraform_scenario(const TerraformPlan& plan, TerraformUsage usage,
                                             const PriceCatalog& catalog, YearMonth today,
                                             const std::vector<std::string>& also_known) {
  // An entry for a resource this plan deletes, or another plan has, is not a typo.
  for (auto& resource : usage.resources) {
    for (const auto& change : plan.changes)
      resource.used = resource.used || terraform::matches(resource.address, change.address);
    for (const auto& address : also_known) {
      resource.used = resource.used || address == "*" || terraform::matches(resource.address, address);
    }
  }
  return terraform::Translator(plan, usage, catalog, today, also_known).run();
}

}  // namespace tco
