// What ties a plan's capacity together: capacity reservations (a reservation of the strategy
// "planned"), interconnect ports to the owned site, and the usage file's flows between
// resources (tco(1), TERRAFORM).
#include <algorithm>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "terraform_translator.hpp"

namespace tco::terraform {
namespace {

// The string at `path`, when the plan states one.
std::string text_at(const JsonValue& values, std::string_view path) {
  const JsonValue* value = at_path(values, path);
  return value != nullptr && value->is_string() ? value->text : "";
}

// Whether the resource is referred to by another of its module ("aws_ec2_capacity_reservation.p5.id").
std::string referrer(const TerraformPlan& plan, const TerraformResourceChange& target, const std::string& type,
                     const std::string& name) {
  const std::string prefix = type + "." + name + ".";
  for (const auto& other : plan.changes) {
    if (&other == &target || other.module_address != target.module_address) continue;
    for (const auto& reference : other.references) {
      if (reference.starts_with(prefix) || reference == type + "." + name) return other.address;
    }
  }
  return "";
}

}  // namespace

// A reservation that only the instances naming it use (AWS's targeted match, GCP's
// specific_reservation_required, every Azure capacity reservation, used through its group):
// what names it, "" when nothing does; none when any instance may use it.
std::optional<std::string> Translator::targeted(const TerraformResourceChange& change) const {
  if (change.type == "aws_ec2_capacity_reservation") {
    if (text_at(change.after, "instance_match_criteria") != "targeted") return std::nullopt;
    return referrer(plan_, change, change.type, change.name);
  }
  if (change.type == "google_compute_reservation") {
    const JsonValue* required = at_path(change.after, "specific_reservation_required");
    if (required == nullptr || required->text != "true") return std::nullopt;
    return referrer(plan_, change, change.type, change.name);
  }
  // Azure: the VMs of its group.
  const std::string group = [&] {
    const std::string prefix = "azurerm_capacity_reservation_group.";
    for (const auto& reference : change.references) {
      if (reference.starts_with(prefix)) {
        const auto end = reference.find('.', prefix.size());
        return reference.substr(prefix.size(), end == std::string::npos ? end : end - prefix.size());
      }
    }
    return std::string();
  }();
  return group.empty() ? std::string() : referrer(plan_, change, "azurerm_capacity_reservation_group", group);
}

void Translator::reservation(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region) {
  const std::string instance = text_at(change.after, entry.instance);
  if (instance.empty()) return missing(change, "instance type", entry.instance);
  const auto count = count_of(change, entry);
  if (!count) return;
  if (*count <= 0) return unpriced(change, fmt::format("it reserves no instances ({} is 0)", entry.count));
  // tco's sheets price Linux instances of shared tenancy.
  if (const std::string platform = text_at(change.after, "instance_platform");
      !platform.empty() && platform != "Linux/UNIX") {
    return unpriced(change, fmt::format("its platform is {}: tco's price sheets price Linux/UNIX", platform));
  }
  if (const std::string tenancy = text_at(change.after, "tenancy"); !tenancy.empty() && tenancy != "default") {
    return unpriced(change, fmt::format("its tenancy is {}: tco's price sheets price default tenancy", tenancy));
  }
  std::string ends;
  if (text_at(change.after, "end_date_type") == "limited") {
    const std::string end_date = text_at(change.after, "end_date");
    const auto month = parse_year_month(end_date.substr(0, 7));
    if (!month) return missing(change, "end date", "end_date");
    if (*month < out_.start) {
      return unpriced(change, fmt::format("it ends ({}) before the first month priced ({})", format_year_month(*month),
                                          format_year_month(out_.start)));
    }
    ends = format_year_month(*month);
  }
  std::string why;
  const GpuOffer* reserved = offer(std::string(entry.provider), region, instance, why);
  if (reserved == nullptr) return unpriced(change, why);
  if (reserved->hourly.count(PricingModel::on_demand) == 0) {
    return unpriced(
        change, fmt::format("the {} price sheet gives {} in {} no on-demand price", entry.provider, instance, region));
  }
  // Capacity only the instances naming it use: held unused on a site of its own when nothing
  // in the plan names it; which instances those are, a scenario cannot say yet.
  std::string_view suffix;
  if (const auto named_by = targeted(change)) {
    if (!named_by->empty()) {
      return unpriced(change, fmt::format("only the instances that target it use it ({} does), and tco's "
                                          "scenario cannot tie a reservation to instances: state it in a scenario, "
                                          "those instances and the reservation on a site of their own",
                                          *named_by));
    }
    suffix = "-targeted";
  }
  out_.reservations.push_back({change.address, change.type,
                               site_for(std::string(entry.provider), region, false, suffix), instance, *count, ends,
                               change.where});
}

void Translator::interconnect(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region) {
  const std::string value = text_at(change.after, entry.instance);
  if (value.empty()) return missing(change, "port", entry.instance);
  const std::string port(port_name(change.type, value));
  if (port.empty())
    return unpriced(change, fmt::format("tco's price sheets have no port of {} {}", entry.instance, value));
  const auto count = count_of(change, entry);
  if (!count) return;
  if (*count <= 0) return unpriced(change, fmt::format("it has no ports ({} is 0)", entry.count));
  auto sheet = catalog_.select(std::string(entry.provider), first_day(out_.start));
  const Region* priced = sheet ? sheet.value()->find_region(region) : nullptr;
  if (priced == nullptr || priced->network.interconnect_ports.count(port) == 0) {
    return unpriced(change,
                    fmt::format("tco's {} price sheet has no port {} in region {}", entry.provider, port, region));
  }
  if (usage_.owned_hardware.empty()) {
    return unpriced(change,
                    "its ports link the region to your own site: describe the site in the usage file "
                    "(owned: {hardware: …}), and the data sent over them (flows:)");
  }
  const std::string site = site_for(std::string(entry.provider), region, false);
  for (auto& link : out_.interconnects) {
    if (link.site != site) continue;
    if (link.port != port) {
      return unpriced(change, fmt::format("{} already links {} with port {}: a scenario's site has one kind of port",
                                          link.addresses.front(), region, link.port));
    }
    link.count += *count;
    link.addresses.push_back(change.address);
    return;
  }
  out_.interconnects.push_back({{change.address}, change.type, site, port, *count, change.where});
}

// What a flow's end names in the scenario: "workload:ADDR", "dataset:ADDR", "owned" or
// "internet"; none when the resource is not on this side of a diff (the flow does not
// happen here) or is not priced (listed), or on an error (reported).
std::optional<std::string> Translator::flow_end(const TerraformUsage::Flow& flow, const std::string& end,
                                                const SourceLocation& where, const std::string& path, bool to) {
  if (end == "owned") {
    if (!usage_.owned_hardware.empty()) return end;
    d_.error(where, path,
             "'owned' is the owned site, which the usage file describes with owned: {hardware: …}; it has none");
    return std::nullopt;
  }
  if (end == "internet") {
    if (to) return end;
    d_.error(where, path, "expected a resource address or 'owned': data from the internet is not a flow tco prices");
    return std::nullopt;
  }
  for (const auto& workload : out_.workloads) {
    if (workload.address == end) return "workload:" + end;
  }
  for (const auto& bucket : out_.buckets) {
    if (bucket.address == end) return "dataset:" + end;
  }
  for (const auto& listed : out_.unpriced) {
    if (listed.address != end) continue;
    out_.unpriced.push_back({"flows." + flow.name, "flow",
                             fmt::format("its {} {} is not priced: {}", to ? "to" : "from", end, listed.reason),
                             where});
    return std::nullopt;
  }
  const bool elsewhere =
      std::any_of(also_known_.begin(), also_known_.end(), [&](const std::string& a) { return a == "*" || a == end; }) ||
      std::any_of(plan_.changes.begin(), plan_.changes.end(),
                  [&](const auto& c) { return c.address == end; });  // deleted or replaced away
  if (elsewhere) return std::nullopt;
  std::vector<std::string> names{"owned", "internet"};
  for (const auto& workload : out_.workloads) names.push_back(workload.address);
  for (const auto& bucket : out_.buckets) names.push_back(bucket.address);
  d_.error(where, path,
           fmt::format("expected a GPU resource or bucket of the plan ({}), 'owned'{}, found '{}'{}", plan_.file,
                       to ? " or 'internet'" : "", end, did_you_mean(end, names)));
  return std::nullopt;
}

void Translator::flows() {
  for (const auto& flow : usage_.flows) {
    const std::string path = "flows." + flow.name;
    auto from = flow_end(flow, flow.from, flow.from_where, path + ".from", false);
    auto to = flow_end(flow, flow.to, flow.to_where, path + ".to", true);
    if (!from || !to) continue;
    out_.flows.push_back({flow.name, *from, *to, flow.size, flow.every, flow.once});
  }
}

// Ports are paid in the strategies that send data over them: without a flow between their site
// and the owned site, no strategy would, so they are listed rather than priced at $0.
void Translator::check_interconnects() {
  const auto site_of = [&](const std::string& end) -> std::string {
    const auto colon = end.find(':');
    if (colon == std::string::npos) return end;
    const std::string address = end.substr(colon + 1);
    for (const auto& workload : out_.workloads) {
      if (workload.address == address) return workload.site;
    }
    for (const auto& bucket : out_.buckets) {
      if (bucket.address == address) return bucket.site;
    }
    return "";
  };
  std::erase_if(out_.interconnects, [&](const PlannedInterconnect& link) {
    const bool used = std::any_of(out_.flows.begin(), out_.flows.end(), [&](const PlannedFlow& flow) {
      const std::string from = site_of(flow.from);
      const std::string to = site_of(flow.to);
      return (from == link.site && to == "owned") || (from == "owned" && to == link.site);
    });
    for (const auto& address : used ? std::vector<std::string>{} : link.addresses) {
      out_.unpriced.push_back(
          {address, link.type,
           fmt::format("its ports are paid in the strategies that send data over them, and no flow of the usage "
                       "file goes between {} and the owned site (flows: {{NAME: {{from: BUCKET, to: owned, size: …, "
                       "every: …}}}})",
                       link.site),
           link.where});
    }
    return !used;
  });
}

}  // namespace tco::terraform
