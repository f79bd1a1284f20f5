#pragma once
// Which Terraform resource types tco prices, and from which attributes: the one table of the
// mapping (terraform_map.cpp), documented in tco(1), TERRAFORM. Paths are dotted, a number
// indexing a list, as nested blocks appear in plan JSON ("scaling_config.0.desired_size").
#include <optional>
#include <string>
#include <string_view>

#include "tco/inputs/json_value.hpp"

namespace tco::terraform {

enum class Kind {
  gpu_capacity,  // instances, node groups and pools: GPUs on an instance type
  storage,       // a bucket: a dataset, sized by the usage file
  reservation,   // capacity held for an instance type, paid used or not
  interconnect,  // private ports to the owned site: `instance` is the attribute naming the port
  not_priced,    // known, and not priced, for the reason given
};

// How the resource says where it is: its provider's region, or an attribute holding a region,
// a zone (us-central1-a: the region is us-central1) or an Azure location ("East US": eastus),
// or the Azure location of the resource it belongs to (`region_path` is that resource's type:
// a node pool's cluster), found through its configuration's references.
enum class RegionFrom { provider, gcp_zone, gcp_location, azure_location, azure_parent };

struct SpotRule {
  std::string_view path;
  std::string_view value;  // compared without case; "true" for a boolean
};

struct TypeMap {
  std::string_view type;
  std::string_view provider;  // tco's provider id: "aws", "gcp", "azure"
  Kind kind = Kind::not_priced;
  std::string_view instance;  // the instance type's path
  std::string_view count;     // the instance count's path; empty: one
  SpotRule spot[2];           // any one matching: spot capacity
  RegionFrom region = RegionFrom::provider;
  std::string_view region_path;  // the attribute RegionFrom reads
  std::string_view reason;       // not_priced: why
};

// The entry of a Terraform type; none for a type tco does not know.
const TypeMap* find_type(std::string_view type);

// The tco port an interconnect's attribute value names ("10Gbps" of aws_dx_connection:
// dx-10g); empty when tco has no port for it.
std::string_view port_name(std::string_view type, std::string_view value);

// The value at a dotted path; null when absent.
const JsonValue* at_path(const JsonValue& value, std::string_view path);

}  // namespace tco::terraform
