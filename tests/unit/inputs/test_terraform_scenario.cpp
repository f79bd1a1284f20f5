// A plan and its usage file as the parts of a scenario (src/inputs/terraform_scenario.cpp,
// terraform_map.cpp, terraform_usage.cpp), against small sheets written for the tests: what
// each resource becomes, what is listed as not priced and why, and the usage file's checks.
#include <catch2/catch.hpp>

#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/inputs/terraform_scenario.hpp"

using namespace tco;

namespace {

std::string sheet(const std::string& provider, const std::string& region, const std::string& offers) {
  return "schema_version: 1\nprovider: " + provider + "\nname: " + provider +
         "\neffective_date: 2026-01-01\ncurrency: USD\nbilling_gb: GiB\nsources:\n"
         "  - {id: list, title: list, url: https://example.com, retrieved: 2026-01-01, confidence: primary}\n"
         "regions:\n  " +
         region + ":\n    source: list\n    gpu_instances:\n" + offers +
         "    storage:\n      standard: 0.02 USD/GiB-month\n";
}

PriceCatalog catalog() {
  PriceCatalog out;
  out.add(load_price_sheet(sheet("aws", "us-east-1",
                                 "      p5.48xlarge: {gpu: H100, gpus: 8, on-demand: 55.04 USD/h, spot: 17 USD/h}\n"),
                           "aws.yaml")
              .value());
  out.add(load_price_sheet(sheet("gcp", "us-central1", "      a3-highgpu-8g: {gpu: H100, gpus: 8, on-demand: 88 USD/h}\n"),
                           "gcp.yaml")
              .value());
  return out;
}

std::string change(const std::string& address, const std::string& type, const std::string& actions,
                   const std::string& after, const std::string& provider = "aws") {
  return R"({"address": ")" + address + R"(", "mode": "managed", "type": ")" + type + R"(", "name": "x",
    "provider_name": "registry.terraform.io/hashicorp/)" + provider + R"(", "change": {"actions": )" + actions +
         R"(, "before": null, "after": )" + after + R"(, "after_unknown": {"id": true}}})";
}

TerraformPlan plan(const std::string& changes) {
  const std::string text = R"({"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {},
    "resource_changes": [)" + changes +
                           R"(], "configuration": {"provider_config": {"aws": {"name": "aws",
      "expressions": {"region": {"constant_value": "us-east-1"}}}}}})";
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

}  // namespace

TEST_CASE("terraform scenario: GPU resources become workloads on their instance type, spot on a site of its own") {
  const auto parts = terraform_scenario(
      plan(change("aws_eks_node_group.a", "aws_eks_node_group", R"(["create"])",
                  R"({"instance_types": ["p5.48xlarge"], "scaling_config": [{"desired_size": 3}]})") +
           "," +
           change("aws_instance.s", "aws_instance", R"(["create"])",
                  R"({"instance_type": "p5.48xlarge", "instance_market_options": [{"market_type": "spot"}]})") +
           "," + change("aws_instance.gone", "aws_instance", R"(["delete"])", "null") + "," +
           change("aws_iam_role.r", "aws_iam_role", R"(["create"])", "{}")),
      usage("spot: {restart: 0.5 h}\nresources:\n  aws_instance.s: {kind: training}\n"), catalog(), {});
  REQUIRE(parts);
  REQUIRE(parts->workloads.size() == 2);
  CHECK(parts->workloads[0].gpus == 24);  // 3 instances × 8
  CHECK(parts->workloads[0].site == "aws-us-east-1");
  CHECK(parts->workloads[0].kind == "inference");
  CHECK(parts->workloads[1].site == "aws-us-east-1-spot");
  CHECK(parts->workloads[1].kind == "training");
  REQUIRE(parts->unpriced.size() == 1);  // the deleted instance is gone, not unpriced
  CHECK(parts->unpriced[0].address == "aws_iam_role.r");
}

TEST_CASE("terraform scenario: a GKE node pool's node_count is per zone") {
  const auto pool = [](const std::string& location) {
    return change("google_container_node_pool.p", "google_container_node_pool", R"(["create"])",
                  R"({"node_config": [{"machine_type": "a3-highgpu-8g"}], "node_count": 2, )" + location + "}",
                  "google");
  };
  // Three zones: 2 nodes in each, 6 × 8 GPUs.
  const auto zones = terraform_scenario(
      plan(pool(R"("location": "us-central1", "node_locations": ["us-central1-a", "us-central1-b", "us-central1-c"])")),
      usage(""), catalog(), {});
  REQUIRE(zones);
  REQUIRE(zones->workloads.size() == 1);
  CHECK(zones->workloads[0].gpus == 48);
  // A zonal pool: its one zone.
  const auto zonal = terraform_scenario(plan(pool(R"("location": "us-central1-b")")), usage(""), catalog(), {});
  REQUIRE(zonal);
  CHECK(zonal->workloads[0].gpus == 16);
  // A regional pool without node_locations: its zones are the cluster's, not in the plan.
  const auto regional = terraform_scenario(plan(pool(R"("location": "us-central1")")), usage(""), catalog(), {});
  REQUIRE(regional);
  CHECK(regional->workloads.empty());
  REQUIRE(regional->unpriced.size() == 1);
  CHECK(regional->unpriced[0].reason.starts_with("its zones are not in the plan"));
}

TEST_CASE("terraform scenario: usage addresses, [*] for count and for_each, and a typo with a suggestion") {
  const std::string p5 = R"({"instance_type": "p5.48xlarge"})";
  const auto changes = change("aws_instance.node[0]", "aws_instance", R"(["create"])", p5) + "," +
                       change("aws_instance.node[1]", "aws_instance", R"(["create"])", p5) + "," +
                       change("aws_s3_bucket.data", "aws_s3_bucket", R"(["create"])", "{}");
  const auto parts = terraform_scenario(plan(changes),
                                        usage("resources:\n  aws_instance.node[*]: {kind: training}\n"
                                              "  aws_instance.node[1]: {useful_work: 50 %}\n"
                                              "  aws_s3_bucket.data: {size: 10 TB}\n"),
                                        catalog(), {});
  REQUIRE(parts);
  CHECK(parts->workloads[0].kind == "training");
  CHECK(parts->workloads[1].useful_work == "50 %");  // the exact address wins over [*]
  REQUIRE(parts->buckets.size() == 1);
  CHECK(parts->buckets[0].size == "10 TB");
  const auto typo = terraform_scenario(plan(changes), usage("resources:\n  aws_s3_bucket.dta: {size: 10 TB}\n"),
                                       catalog(), {});
  REQUIRE_FALSE(typo);
  CHECK(format_location(typo.diagnostics().items().front()) ==
        "usage.yml:4:3: resources.aws_s3_bucket.dta: no resource of the plan (plan.json) has this address, did you "
        "mean 'aws_s3_bucket.data'?");
  // The other plan of a diff has it: not a typo here.
  CHECK(terraform_scenario(plan(changes), usage("resources:\n  aws_s3_bucket.new: {size: 1 TB}\n"), catalog(), {},
                           {"aws_s3_bucket.new"}));
}

TEST_CASE("terraform usage: checked as a scenario is, every error at once") {
  const auto bad = load_terraform_usage(
      "schema_version: 1\nhorizon: 5 weeks\nkind: serving\nresources:\n  a.b: {sise: 1 TB}\n", "usage.yml");
  REQUIRE_FALSE(bad);
  std::vector<std::string> errors;
  for (const auto& d : bad.diagnostics().items()) errors.push_back(format_location(d));
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].starts_with("usage.yml:2:10: horizon: expected a whole number of months"));
  CHECK(errors[1].starts_with("usage.yml:3:7: kind: "));
  CHECK(errors[2].find("unknown key 'sise'") != std::string::npos);
  CHECK(errors[2].find("did you mean 'size'") != std::string::npos);
}

TEST_CASE("terraform usage: utilization, the file's for every GPU resource unless one says, a share of the hours") {
  const auto parts = terraform_scenario(
      plan(change("aws_instance.a", "aws_instance", R"(["create"])", R"({"instance_type": "p5.48xlarge"})") + "," +
           change("aws_instance.b", "aws_instance", R"(["create"])", R"({"instance_type": "p5.48xlarge"})")),
      usage("utilization: 80 %\nresources:\n  aws_instance.b: {utilization: 50 %}\n"), catalog(), {});
  REQUIRE(parts);
  REQUIRE(parts->workloads.size() == 2);
  CHECK(parts->workloads[0].utilization == "80 %");
  CHECK(parts->workloads[1].utilization == "50 %");
  for (const std::string value : {"0 %", "120 %"}) {
    const auto read = load_terraform_usage("schema_version: 1\nresources:\n  aws_instance.a: {utilization: " + value + "}\n",
                                           "usage.yml");
    REQUIRE_FALSE(read);
    CHECK_THAT(format_location(read.diagnostics().items().at(0)),
               Catch::Contains("usage.yml:3:33: resources.aws_instance.a.utilization: expected a share above 0 % and at "
                               "most 100 %, found '" + value + "'"));
  }
}
