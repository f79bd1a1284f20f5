#pragma once
// A Terraform plan, with a usage file, as the parts of a scenario (tco(1), TERRAFORM): each GPU
// resource a workload on the instance type it names, at a cloud site per provider, region and
// pricing model, in a strategy "planned"; each bucket a dataset sized by the usage file; and,
// when the usage file names owned hardware, a strategy "owned" running the same GPUs on it.
// Which Terraform types are priced, and from which attributes, is the table in
// terraform_map.cpp. Every resource is priced or listed with the reason it is not, never
// counted as $0. The report layer writes the parts as scenario YAML (what `tco scenario
// from-terraform` prints, and what compare and diff price).
#include <optional>
#include <string>
#include <vector>

#include "tco/core/calendar.hpp"
#include "tco/core/result.hpp"
#include "tco/inputs/price_catalog.hpp"
#include "tco/inputs/terraform_plan.hpp"

namespace tco {

// What a plan cannot know, from the usage file (tco-scenario(5), USAGE FILE). Values are kept
// as written, checked, to be written into the scenario.
struct TerraformUsage {
  std::string file;
  std::optional<YearMonth> start;  // default: the current month
  std::string horizon = "36 months";
  std::string kind = "inference";  // of GPU resources, unless a resource says
  std::string utilization;         // of GPU resources, unless a resource says; empty: 100 %
  std::string spot_restart;        // empty: not stated
  std::string spot_interruption_every;
  struct Resource {
    std::string address;  // as written; a trailing [*] matches every instance of a count or for_each
    std::string kind;     // empty: the default
    std::string useful_work;
    std::string utilization;  // the share of hours its instances run (a duty cycle)
    std::string size;  // a bucket's
    std::string growth;
    std::string storage_class;
    std::string region;  // where the plan does not say (an Azure node pool's is its cluster's)
    SourceLocation where;
    bool used = false;
  };
  std::vector<Resource> resources;
  // Data moved between the plan's resources, the owned site and the internet: a scenario's
  // flows, with resource addresses for ends.
  struct Flow {
    std::string name;
    std::string from, to;  // a resource address, "owned", or (to only) "internet"
    std::string size;
    std::string every;  // or
    std::string once;   // YYYY-MM
    SourceLocation where, from_where, to_where;
  };
  std::vector<Flow> flows;
  std::string owned_hardware;  // a catalog SKU: the owned alternative; empty: none
  std::vector<std::pair<std::string, std::string>> owned_site;  // its site's keys: staff, electricity, ...
  SourceLocation where;
};

// A resource the scenario does not price, and why.
struct UnpricedResource {
  std::string address;
  std::string type;
  std::string reason;
  SourceLocation where;
};

struct PlannedSite {
  std::string name;  // "aws-us-east-1", "aws-us-east-1-spot"
  std::string provider;
  std::string region;
  bool spot = false;
};

struct PlannedWorkload {
  std::string address;  // the resource's, the workload's name
  std::string type;
  std::string site;
  std::string instance;
  std::string gpu;
  int gpus = 0;  // instances × GPUs per instance
  int instances = 0;
  std::string kind;
  std::string useful_work;  // empty: 100 %
  std::string utilization;  // empty: 100 %
  SourceLocation where;
};

struct PlannedBucket {
  std::string address;
  std::string type;
  std::string site;
  std::string size;
  std::string growth;
  std::string storage_class;
  SourceLocation where;
};

// Capacity a plan reserves (an EC2 capacity reservation): a reservation of the strategy
// "planned", paid at the on-demand price used or not.
struct PlannedReservation {
  std::string address;
  std::string type;
  std::string site;
  std::string instance;
  int count = 0;
  std::string ends;  // YYYY-MM; empty: to the end of the horizon
  SourceLocation where;
};

// Interconnect ports (Direct Connect) from a cloud site to the owned site.
struct PlannedInterconnect {
  std::vector<std::string> addresses;  // the resources whose ports the site's link counts
  std::string type;
  std::string site;
  std::string port;
  int count = 1;
  SourceLocation where;
};

// A flow of the usage file with its ends as the scenario names them ("dataset:ADDR",
// "workload:ADDR", "owned", "internet").
struct PlannedFlow {
  std::string name;
  std::string from, to;
  std::string size, every, once;
};

struct TerraformScenario {
  std::string plan_file;
  std::string usage_file;
  YearMonth start;
  std::string horizon;
  std::string spot_restart;
  std::string spot_interruption_every;
  std::vector<PlannedSite> sites;
  std::vector<PlannedWorkload> workloads;
  std::vector<PlannedBucket> buckets;
  std::vector<PlannedReservation> reservations;
  std::vector<PlannedInterconnect> interconnects;
  std::vector<PlannedFlow> flows;
  std::string owned_hardware;
  std::string owned_gpu;  // the owned hardware's GPU model: workloads of another stay as planned
  std::vector<std::pair<std::string, std::string>> owned_site;
  std::vector<UnpricedResource> unpriced;
};

// Reads a usage file's text; every error of the file at once, located.
Result<TerraformUsage> load_terraform_usage(const std::string& text, const std::string& file);

// The parts of the scenario a plan describes: the state after the plan applies (deleted
// resources are gone). `catalog` says which GPUs an instance type carries; `today` is the
// default start month. Usage entries that match no resource are errors with a suggestion.
// `also_known`: addresses of another plan the same usage file serves (the other side of a
// diff), whose entries are not errors here; "*" when that plan could not be read, so that
// no entry is checked.
Result<TerraformScenario> terraform_scenario(const TerraformPlan& plan, TerraformUsage usage,
                                             const PriceCatalog& catalog, YearMonth today,
                                             const std::vector<std::string>& also_known = {});

}  // namespace tco
