// The Terraform types tco prices and the attributes it reads, each as the provider's
// documentation names them (registry.terraform.io/providers/hashicorp/{aws,google,azurerm}),
// and the types it knows but does not price, with the reason. tco(1), TERRAFORM, prints this
// table; a type not listed is reported as not priced.
#include "terraform_map.hpp"

#include <array>
#include <charconv>

namespace tco::terraform {
namespace {

constexpr TypeMap gpu(std::string_view type, std::string_view provider, std::string_view instance,
                      std::string_view count, SpotRule spot, SpotRule also_spot = {},
                      RegionFrom region = RegionFrom::provider, std::string_view region_path = {}) {
  return TypeMap{type, provider, Kind::gpu_capacity, instance, count, {spot, also_spot}, region, region_path, {}};
}

constexpr TypeMap bucket(std::string_view type, std::string_view provider, RegionFrom region = RegionFrom::provider,
                         std::string_view region_path = {}) {
  return TypeMap{type, provider, Kind::storage, {}, {}, {{}, {}}, region, region_path, {}};
}

// Capacity held for `count` instances of `instance`, used or not.
constexpr TypeMap reserved(std::string_view type, std::string_view provider, std::string_view instance,
                           std::string_view count, RegionFrom region = RegionFrom::provider,
                           std::string_view region_path = {}) {
  return TypeMap{type, provider, Kind::reservation, instance, count, {{}, {}}, region, region_path, {}};
}

// Ports of the kind the attribute at `port` names (port_name), `count` of them (empty: one).
constexpr TypeMap ports(std::string_view type, std::string_view provider, std::string_view port,
                        std::string_view count) {
  return TypeMap{type, provider, Kind::interconnect, port, count, {{}, {}}, RegionFrom::provider, {}, {}};
}

constexpr TypeMap not_priced(std::string_view type, std::string_view provider, std::string_view reason) {
  return TypeMap{type, provider, Kind::not_priced, {}, {}, {{}, {}}, RegionFrom::provider, {}, reason};
}

constexpr std::array kTypes{
    // AWS: the provider configuration's region (or the resource's own, AWS provider 6).
    gpu("aws_instance", "aws", "instance_type", "", {"instance_market_options.0.market_type", "spot"}),
    gpu("aws_eks_node_group", "aws", "instance_types.0", "scaling_config.0.desired_size", {"capacity_type", "SPOT"}),
    // Its instance type: a mixed instances policy's first override, else its launch template's.
    gpu("aws_autoscaling_group", "aws", "mixed_instances_policy.0.launch_template.0.override.0.instance_type",
        "desired_capacity", {}),
    bucket("aws_s3_bucket", "aws"),
    not_priced("aws_launch_template", "aws",
               "a template costs nothing; the instances or groups launched from it are priced"),
    // Billed at the on-demand price of its instances, used or not (Linux, default tenancy).
    reserved("aws_ec2_capacity_reservation", "aws", "instance_type", "instance_count"),
    not_priced("aws_ec2_capacity_block_reservation", "aws",
               "a Capacity Block's instance type, count and price are known only from its offering, after apply"),
    ports("aws_dx_connection", "aws", "bandwidth", ""),
    not_priced("aws_dx_hosted_connection", "aws",
               "a hosted connection is billed by its AWS Direct Connect Partner, whose price tco does not have"),
    not_priced("aws_s3_bucket_replication_configuration", "aws",
               "the transfer it causes is a flow: give it in the usage file (flows:) between the two buckets"),
    // Google Cloud: the resource's zone or location, else the provider's region.
    gpu("google_compute_instance", "gcp", "machine_type", "", {"scheduling.0.provisioning_model", "SPOT"},
        {"scheduling.0.preemptible", "true"}, RegionFrom::gcp_zone, "zone"),
    gpu("google_container_node_pool", "gcp", "node_config.0.machine_type", "node_count", {"node_config.0.spot", "true"},
        {"node_config.0.preemptible", "true"}, RegionFrom::gcp_location, "location"),
    bucket("google_storage_bucket", "gcp", RegionFrom::gcp_location, "location"),
    // Billed at the on-demand price of the machines it reserves, used or not.
    reserved("google_compute_reservation", "gcp", "specific_reservation.0.instance_properties.0.machine_type",
             "specific_reservation.0.count", RegionFrom::gcp_zone, "zone"),
    not_priced("google_compute_region_commitment", "gcp",
               "a committed-use discount on resources (vCPUs, memory, GPUs) is not priced per machine type as tco's "
               "GCP sheet is: state it as a commitment of a scenario's site, with its price per GPU-hour"),
    // A Dedicated Interconnect's circuits; its region is its provider's.
    ports("google_compute_interconnect", "gcp", "link_type", "requested_link_count"),
    not_priced("google_compute_interconnect_attachment", "gcp",
               "a VLAN attachment's hourly price is not in tco's GCP price sheet (its interconnect's circuits are "
               "priced)"),
    // Azure: the resource's location.
    gpu("azurerm_linux_virtual_machine", "azure", "size", "", {"priority", "Spot"}, {}, RegionFrom::azure_location,
        "location"),
    // A cluster's default node pool (its system pool; rarely GPUs, then listed as such).
    gpu("azurerm_kubernetes_cluster", "azure", "default_node_pool.0.vm_size", "default_node_pool.0.node_count", {}, {},
        RegionFrom::azure_location, "location"),
    // A node pool's location is its cluster's.
    gpu("azurerm_kubernetes_cluster_node_pool", "azure", "vm_size", "node_count", {"priority", "Spot"}, {},
        RegionFrom::azure_parent, "azurerm_kubernetes_cluster"),
    bucket("azurerm_storage_account", "azure", RegionFrom::azure_location, "location"),
    // Billed at the pay-as-you-go price of its VMs, used or not; its location is its group's.
    reserved("azurerm_capacity_reservation", "azure", "sku.0.name", "sku.0.capacity", RegionFrom::azure_parent,
             "azurerm_capacity_reservation_group"),
    not_priced("azurerm_capacity_reservation_group", "azure",
               "a group costs nothing; the capacity reservations in it are priced"),
    not_priced("azurerm_express_route_circuit", "azure", "an ExpressRoute circuit is not in tco's Azure price sheet"),
};

// The ports of tco's price sheets (interconnect_ports, tco-prices(5)) each value names.
struct PortName {
  std::string_view type;
  std::string_view value;
  std::string_view port;
};

constexpr std::array kPorts{
    PortName{"aws_dx_connection", "1Gbps", "dx-1g"},
    PortName{"aws_dx_connection", "10Gbps", "dx-10g"},
    PortName{"aws_dx_connection", "100Gbps", "dx-100g"},
    PortName{"google_compute_interconnect", "LINK_TYPE_ETHERNET_10G_LR", "dedicated-10g"},
    PortName{"google_compute_interconnect", "LINK_TYPE_ETHERNET_100G_LR", "dedicated-100g"},
};

}  // namespace

const TypeMap* find_type(std::string_view type) {
  for (const auto& entry : kTypes) {
    if (entry.type == type) return &entry;
  }
  return nullptr;
}

std::string_view port_name(std::string_view type, std::string_view value) {
  for (const auto& entry : kPorts) {
    if (entry.type == type && entry.value == value) return entry.port;
  }
  return {};
}

const JsonValue* at_path(const JsonValue& value, std::string_view path) {
  const JsonValue* at = &value;
  while (!path.empty() && at != nullptr) {
    const auto dot = path.find('.');
    const std::string_view part = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (at->is_array()) {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), index);
      if (error != std::errc() || end != part.data() + part.size() || index >= at->items.size()) return nullptr;
      at = &at->items[index];
    } else {
      at = at->find(part);
    }
  }
  return at;
}

}  // namespace tco::terraform
