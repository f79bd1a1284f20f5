// Capacity reservations, interconnect ports, regions from a parent resource or the usage file,
// and the usage file's flows (src/inputs/terraform_links.cpp, terraform_scenario.cpp), against
// small sheets written for the tests.
#include <catch2/catch.hpp>

#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/inputs/terraform_scenario.hpp"

using namespace tco;

namespace {

std::string sheet(const std::string& provider, const std::string& region, const std::string& extra = "") {
  return "schema_version: 1\nprovider: " + provider + "\nname: " + provider +
         "\neffective_date: 2026-01-01\ncurrency: USD\nbilling_gb: GiB\nsources:\n"
         "  - {id: list, title: list, url: https://example.com, retrieved: 2026-01-01, confidence: primary}\n"
         "regions:\n  " +
         region +
         ":\n    source: list\n    gpu_instances:\n"
         "      gpu8: {gpu: H100, gpus: 8, on-demand: 10 USD/h}\n"
         "    storage:\n      standard: 0.02 USD/GiB-month\n" +
         extra;
}

PriceCatalog catalog() {
  PriceCatalog out;
  out.add(load_price_sheet(sheet("aws", "us-east-1", "    network:\n      interconnect_ports: {dx-10g: 2.25 USD/h}\n"),
                           "aws.yaml")
              .value());
  out.add(load_price_sheet(sheet("gcp", "us-central1"), "gcp.yaml").value());
  out.add(load_price_sheet(sheet("azure", "eastus"), "azure.yaml").value());
  return out;
}

struct Resource {
  std::string address, type, after, actions = R"(["create"])", references = "";
};

// A plan of `resources`, each with its configuration's references (for a resource's parent).
TerraformPlan plan(const std::vector<Resource>& resources) {
  std::string changes;
  std::string configured;
  for (const auto& r : resources) {
    const std::string name = r.address.substr(r.address.find('.') + 1);
    const std::string provider =
        r.type.substr(0, r.type.find('_')) == "google" ? "google" : r.type.substr(0, r.type.find('_'));
    changes += std::string(changes.empty() ? "" : ",") + R"({"address": ")" + r.address +
               R"(", "mode": "managed", "type": ")" + r.type + R"(", "name": ")" + name +
               R"(", "provider_name": "registry.terraform.io/hashicorp/)" + provider + R"(", "change": {"actions": )" +
               r.actions + R"(, "before": null, "after": )" + r.after + R"(, "after_unknown": {}}})";
    configured += std::string(configured.empty() ? "" : ",") + R"({"address": ")" + r.address +
                  R"(", "mode": "managed", )" + R"("type": ")" + r.type + R"(", "name": ")" + name +
                  R"(", "provider_config_key": ")" + provider + R"(", "expressions": {"x": {"references": [)" +
                  r.references + "]}}}";
  }
  const std::string text = R"({"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {},
    "resource_changes": [)" +
                           changes +
                           R"(], "configuration": {"provider_config": {"aws": {"name": "aws",
      "expressions": {"region": {"constant_value": "us-east-1"}}}, "google": {"name": "google",
      "expressions": {"region": {"constant_value": "us-central1"}}}}, "root_module": {"resources": [)" +
                           configured + "]}}}";
  auto in = InputStream::from_string(text, "plan.json");
  auto read = read_terraform_plan(in);
  REQUIRE(read);
  return read.value();
}

TerraformUsage usage(const std::string& text) {
  auto read = load_terraform_usage("schema_version: 1\nstart: 2027-01\n" + text, "usage.yml");
  REQUIRE(read);
  return read.value();
}

std::string reasons(const TerraformScenario& parts) {
  std::string out;
  for (const auto& u : parts.unpriced) out += u.address + ": " + u.reason + "\n";
  return out;
}

const char* kOwned = "owned: {hardware: dgx-h100}\n";

}  // namespace

TEST_CASE("terraform links: capacity reservations become the planned strategy's reservations") {
  const auto parts = terraform_scenario(
      plan(
          {{"aws_ec2_capacity_reservation.open", "aws_ec2_capacity_reservation",
            R"({"instance_type": "gpu8", "instance_count": 2, "instance_platform": "Linux/UNIX", "tenancy": "default",
                 "end_date_type": "limited", "end_date": "2027-06-30T23:59:59Z", "instance_match_criteria": "open"})"},
           {"aws_ec2_capacity_reservation.forever", "aws_ec2_capacity_reservation",
            R"({"instance_type": "gpu8", "instance_count": 1, "end_date_type": "unlimited"})"},
           {"aws_ec2_capacity_reservation.alone", "aws_ec2_capacity_reservation",
            R"({"instance_type": "gpu8", "instance_count": 1, "instance_match_criteria": "targeted"})"},
           {"aws_ec2_capacity_reservation.named", "aws_ec2_capacity_reservation",
            R"({"instance_type": "gpu8", "instance_count": 1, "instance_match_criteria": "targeted"})"},
           {"aws_instance.user", "aws_instance", R"({"instance_type": "gpu8"})", R"(["create"])",
            R"("aws_ec2_capacity_reservation.named.id", "aws_ec2_capacity_reservation.named")"},
           {"aws_ec2_capacity_reservation.windows", "aws_ec2_capacity_reservation",
            R"({"instance_type": "gpu8", "instance_count": 1, "instance_platform": "Windows"})"},
           {"aws_ec2_capacity_reservation.past", "aws_ec2_capacity_reservation",
            R"({"instance_type": "gpu8", "instance_count": 1, "end_date_type": "limited", "end_date": "2026-03-01T00:00:00Z"})"},
           {"google_compute_reservation.r", "google_compute_reservation",
            R"({"zone": "us-central1-a", "specific_reservation": [{"count": 3, "instance_properties": [{"machine_type": "gpu8"}]}]})"}}),
      usage(""), catalog(), date::year{2027} / 1);
  REQUIRE(parts);
  REQUIRE(parts->reservations.size() == 4);
  CHECK(parts->reservations[0].site == "aws-us-east-1");
  CHECK(parts->reservations[0].count == 2);
  CHECK(parts->reservations[0].ends == "2027-06");
  CHECK(parts->reservations[1].ends.empty());  // unlimited: to the end of the horizon
  // Targeted, and nothing in the plan targets it: held unused, on a site of its own.
  CHECK(parts->reservations[2].site == "aws-us-east-1-targeted");
  CHECK(parts->reservations[3].site == "gcp-us-central1");
  CHECK(parts->reservations[3].count == 3);
  const std::string listed = reasons(parts.value());
  CHECK_THAT(listed, Catch::Contains("aws_ec2_capacity_reservation.named: only the instances that target it use it "
                                     "(aws_instance.user does)"));
  CHECK_THAT(listed, Catch::Contains("aws_ec2_capacity_reservation.windows: its platform is Windows"));
  CHECK_THAT(listed, Catch::Contains("aws_ec2_capacity_reservation.past: it ends (2026-03) before the first month "
                                     "priced (2027-01)"));
}

TEST_CASE("terraform links: an Azure node pool's region is its cluster's, or the usage file's") {
  const std::vector<Resource> resources{
      {"azurerm_kubernetes_cluster.aks", "azurerm_kubernetes_cluster", R"({"location": "East US"})"},
      {"azurerm_kubernetes_cluster_node_pool.in_plan", "azurerm_kubernetes_cluster_node_pool",
       R"({"vm_size": "gpu8", "node_count": 2})", R"(["create"])", R"("azurerm_kubernetes_cluster.aks.id")"},
      {"azurerm_kubernetes_cluster_node_pool.elsewhere", "azurerm_kubernetes_cluster_node_pool",
       R"({"vm_size": "gpu8", "node_count": 1})", R"(["create"])", R"("var.cluster_id")"}};
  const auto without = terraform_scenario(plan(resources), usage(""), catalog(), date::year{2027} / 1);
  REQUIRE(without);
  REQUIRE(without->workloads.size() == 1);
  CHECK(without->workloads[0].site == "azure-eastus");
  CHECK_THAT(reasons(without.value()),
             Catch::Contains("elsewhere: its region is its azurerm_kubernetes_cluster's, which is "
                             "not in the plan"));
  const auto with = terraform_scenario(
      plan(resources), usage("resources:\n  azurerm_kubernetes_cluster_node_pool.elsewhere: {region: eastus}\n"),
      catalog(), date::year{2027} / 1);
  REQUIRE(with);
  CHECK(with->workloads.size() == 2);
  // A region the plan states already is not overridden: a different one is an error.
  const auto conflict = terraform_scenario(
      plan(resources), usage("resources:\n  azurerm_kubernetes_cluster_node_pool.in_plan: {region: westus}\n"),
      catalog(), date::year{2027} / 1);
  REQUIRE_FALSE(conflict);
  CHECK_THAT(format_location(conflict.diagnostics().items().at(0)),
             Catch::Contains("in_plan.region: the plan puts azurerm_kubernetes_cluster_node_pool.in_plan in eastus"));
}

TEST_CASE("terraform links: Direct Connect ports reach the owned site, priced with the flows over them") {
  const std::vector<Resource> resources{
      {"aws_dx_connection.a", "aws_dx_connection", R"({"bandwidth": "10Gbps", "location": "EqDC2"})"},
      {"aws_dx_connection.b", "aws_dx_connection", R"({"bandwidth": "10Gbps", "location": "EqDC2"})"},
      {"aws_dx_connection.big", "aws_dx_connection", R"({"bandwidth": "400Gbps", "location": "EqDC2"})"},
      {"aws_s3_bucket.data", "aws_s3_bucket", R"({"bucket": "data"})"}};
  const std::string sized = "resources:\n  aws_s3_bucket.data: {size: 10 TB}\n";
  // Without the owned site, or without a flow over them, they are listed, never $0.
  const auto alone = terraform_scenario(plan(resources), usage(sized), catalog(), date::year{2027} / 1);
  REQUIRE(alone);
  CHECK(alone->interconnects.empty());
  CHECK_THAT(reasons(alone.value()),
             Catch::Contains("aws_dx_connection.a: its ports link the region to your own site"));
  CHECK_THAT(reasons(alone.value()),
             Catch::Contains("aws_dx_connection.big: tco's price sheets have no port of bandwidth 400Gbps"));
  const auto idle = terraform_scenario(plan(resources), usage(sized + kOwned), catalog(), date::year{2027} / 1);
  REQUIRE(idle);
  CHECK(idle->interconnects.empty());
  CHECK_THAT(reasons(idle.value()),
             Catch::Contains("aws_dx_connection.b: its ports are paid in the strategies that send "
                             "data over them"));
  const auto used = terraform_scenario(
      plan(resources),
      usage(sized + kOwned + "flows:\n  home: {from: aws_s3_bucket.data, to: owned, size: 1 TB, every: 1 week}\n"),
      catalog(), date::year{2027} / 1);
  REQUIRE(used);
  REQUIRE(used->interconnects.size() == 1);
  CHECK(used->interconnects[0].port == "dx-10g");
  CHECK(used->interconnects[0].count == 2);
  CHECK(used->interconnects[0].addresses == std::vector<std::string>{"aws_dx_connection.a", "aws_dx_connection.b"});
  REQUIRE(used->flows.size() == 1);
  CHECK(used->flows[0].from == "dataset:aws_s3_bucket.data");
  CHECK(used->flows[0].to == "owned");
}

TEST_CASE("terraform links: a flow whose resource is not on this side of a diff does not happen there") {
  const std::string flows =
      "resources:\n  aws_s3_bucket.data: {size: 10 TB}\n"
      "flows:\n  out: {from: aws_s3_bucket.data, to: internet, size: 1 TB, once: 2027-02}\n";
  const auto base = terraform_scenario(plan({{"aws_instance.x", "aws_instance", R"({"instance_type": "gpu8"})"}}),
                                       usage(flows), catalog(), date::year{2027} / 1, {"aws_s3_bucket.data"});
  REQUIRE(base);
  CHECK(base->flows.empty());
  const auto deleted = terraform_scenario(plan({{"aws_s3_bucket.data", "aws_s3_bucket", "null", R"(["delete"])"}}),
                                          usage(flows), catalog(), date::year{2027} / 1);
  REQUIRE(deleted);
  CHECK(deleted->flows.empty());
}

TEST_CASE("terraform usage: a flow happens once or every so often, not both") {
  for (const std::string timing : {"", ", every: 1 week, once: 2027-02"}) {
    const auto read = load_terraform_usage(
        "schema_version: 1\nflows:\n  f: {from: owned, to: internet, size: 1 TB" + timing + "}\n", "usage.yml");
    REQUIRE_FALSE(read);
    CHECK_THAT(format_location(read.diagnostics().items().at(0)), Catch::Contains("usage.yml:3:3: flows.f: expected"));
  }
}
