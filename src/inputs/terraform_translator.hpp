#pragma once
// The translation of a plan's resources into the parts of a scenario (tco(1), TERRAFORM), in three
// files: terraform_scenario.cpp (GPU capacity and buckets), terraform_regions.cpp (where each
// resource is) and terraform_links.cpp (reservations, interconnect ports and the usage file's
// flows). Not a
// public header.
#include <optional>
#include <string>

#include "tco/inputs/terraform_scenario.hpp"
#include "terraform_map.hpp"

namespace tco::terraform {

// "us-central1-a" → "us-central1": a zone's region; a region stays as it is.
std::string gcp_region_of(const std::string& location);

// Whether a usage address names the resource: exactly, or with a trailing [*] every instance
// of a count or for_each ("aws_instance.node[*]" matches "aws_instance.node[0]").
bool matches(const std::string& pattern, const std::string& address);

class Translator {
 public:
  Translator(const TerraformPlan& plan, TerraformUsage& usage, const PriceCatalog& catalog, YearMonth today,
             const std::vector<std::string>& also_known);
  Result<TerraformScenario> run();

 private:
  void unpriced(const TerraformResourceChange& change, std::string reason);
  // Lists the resource as not priced for want of `what` (at `path`): known only after apply,
  // or not in the plan.
  void missing(const TerraformResourceChange& change, std::string_view what, std::string_view path);
  const TerraformUsage::Resource* usage_of(const std::string& address);
  bool unknown(const TerraformResourceChange& change, std::string_view path) const;
  std::optional<std::string> plan_region(const TerraformResourceChange& change, const TypeMap& entry) const;
  std::optional<std::string> region(const TerraformResourceChange& change, const TypeMap& entry);
  void resource(const TerraformResourceChange& change);
  std::string site_for(const std::string& provider, const std::string& region, bool spot, std::string_view suffix = {});
  void bucket(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region);
  std::optional<int> pool_zones(const TerraformResourceChange& change) const;
  std::optional<std::string> instance_of(const TerraformResourceChange& change, const TypeMap& entry) const;
  const TerraformResourceChange* referred(const TerraformResourceChange& change, std::string_view type) const;
  const GpuOffer* offer(const std::string& provider, const std::string& region, const std::string& instance,
                        std::string& why) const;
  std::optional<int> count_of(const TerraformResourceChange& change, const TypeMap& entry);
  void gpu_capacity(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region);
  // terraform_links.cpp
  void reservation(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region);
  std::optional<std::string> targeted(const TerraformResourceChange& change) const;
  void interconnect(const TerraformResourceChange& change, const TypeMap& entry, const std::string& region);
  void flows();
  std::optional<std::string> flow_end(const TerraformUsage::Flow& flow, const std::string& end,
                                      const SourceLocation& where, const std::string& path, bool to);
  void check_interconnects();

  const TerraformPlan& plan_;
  TerraformUsage& usage_;
  const PriceCatalog& catalog_;
  const std::vector<std::string>& also_known_;
  TerraformScenario out_;
  Diagnostics d_;
};

}  // namespace tco::terraform
