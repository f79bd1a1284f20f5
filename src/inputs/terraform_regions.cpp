// Where each resource of a plan is (tco(1), TERRAFORM): its own region, zone or location, its
// provider configuration's region, the location of the resource it belongs to (an Azure node
// pool's cluster), or the usage file's region where the plan says none.
#include <algorithm>

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "terraform_translator.hpp"

namespace tco::terraform {

std::string gcp_region_of(const std::string& location) {
  const auto dash = location.rfind('-');
  const bool zone = dash != std::string::npos && location.size() - dash == 2 &&
                    std::count(location.begin(), location.end(), '-') == 2;
  return zone ? location.substr(0, dash) : location;
}

namespace {

// "East US" → "eastus".
std::string azure_region_of(const std::string& location) {
  std::string out = to_lower(location);
  std::erase(out, ' ');
  return out;
}

}  // namespace

// The resource of `type` the change's configuration refers to, within its module.
const TerraformResourceChange* Translator::referred(const TerraformResourceChange& change,
                                                    std::string_view type) const {
  const std::string prefix = std::string(type) + ".";
  for (const auto& reference : change.references) {
    if (!reference.starts_with(prefix)) continue;
    const std::string address = reference.substr(0, reference.find('.', prefix.size()));
    const std::string full = change.module_address.empty() ? address : change.module_address + "." + address;
    for (const auto& other : plan_.changes) {
      if (other.address == full && other.action != PlanAction::remove) return &other;
    }
  }
  return nullptr;
}

// Where the plan says the resource is; none when it does not.
std::optional<std::string> Translator::plan_region(const TerraformResourceChange& change, const TypeMap& entry) const {
  const JsonValue* value = entry.region_path.empty() || entry.region == RegionFrom::azure_parent
                               ? nullptr
                               : at_path(change.after, entry.region_path);
  const std::string text = value != nullptr && value->is_string() ? value->text : "";
  switch (entry.region) {
    case RegionFrom::provider:
      if (auto own = change.after.text_of("region")) return own;  // AWS provider 6: per resource
      return change.provider_region;
    case RegionFrom::gcp_zone:
    case RegionFrom::gcp_location:
      if (!text.empty()) return gcp_region_of(to_lower(text));
      return change.provider_region;
    case RegionFrom::azure_location:
      if (text.empty()) return std::nullopt;
      return azure_region_of(text);
    case RegionFrom::azure_parent: {
      const TerraformResourceChange* parent = referred(change, entry.region_path);
      const JsonValue* location = parent != nullptr ? at_path(parent->after, "location") : nullptr;
      if (location == nullptr || !location->is_string()) return std::nullopt;
      return azure_region_of(location->text);
    }
  }
  return std::nullopt;
}

// The plan's region, else the usage file's; both, and different, is an error.
std::optional<std::string> Translator::region(const TerraformResourceChange& change, const TypeMap& entry) {
  const auto planned = plan_region(change, entry);
  const TerraformUsage::Resource* usage = usage_of(change.address);
  if (usage == nullptr || usage->region.empty()) return planned;
  if (planned && *planned != usage->region) {
    d_.error(usage->where, "resources." + usage->address + ".region",
             fmt::format("the plan puts {} in {}: give 'region' only where the plan does not say", change.address,
                         *planned));
  }
  return usage->region;
}

}  // namespace tco::terraform
