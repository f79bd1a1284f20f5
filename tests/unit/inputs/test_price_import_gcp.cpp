// The Google Cloud importer on small Cloud Billing Catalog pages written for the tests: machine
// prices summed from their component SKUs (hand-computed), usage types read from the usage
// type and the wording together, what is reported and never priced, egress ladders and storage
// classes per GiB, and files that are not Catalog pages.
#include <catch2/catch.hpp>

#include "tco/inputs/price_import.hpp"

using namespace tco;

namespace {

constexpr double kGiB = 1024.0 * 1024 * 1024;

struct Rate {
  std::string start;
  std::string units;
  std::string nanos;
};

// One SKU in the Catalog's shape. `rates` are {startUsageAmount, units, nanos}.
std::string sku(const std::string& id, const std::string& description, const std::string& group,
                const std::string& usage, const std::vector<std::string>& regions, const std::string& unit,
                const std::vector<Rate>& rates, const std::string& service = "6F81-5844-456A",
                const std::string& currency = "USD") {
  std::string region_list;
  for (const auto& r : regions) region_list += (region_list.empty() ? "\"" : ", \"") + r + "\"";
  std::string tiers;
  for (const auto& rate : rates) {
    tiers += (tiers.empty() ? "" : ", ") + std::string(R"({"startUsageAmount": )") + rate.start +
             R"(, "unitPrice": {"currencyCode": ")" + currency + R"(", "units": ")" + rate.units + R"(", "nanos": )" +
             rate.nanos + "}}";
  }
  const std::string display = service == "6F81-5844-456A"   ? "Compute Engine"
                              : service == "95FF-2EF5-5EA1" ? "Cloud Storage"
                                                            : "Cloud SQL";
  return R"({"name": "services/)" + service + "/skus/" + id + R"(", "skuId": ")" + id + R"(", "description": ")" +
         description + R"(", "category": {"serviceDisplayName": ")" + display + R"(", "resourceFamily": "Compute",
         "resourceGroup": ")" +
         group + R"(", "usageType": ")" + usage + R"("}, "serviceRegions": [)" + region_list +
         R"(], "pricingInfo": [{"summary": "", "pricingExpression": {"usageUnit": ")" + unit +
         R"(", "displayQuantity": 1, "tieredRates": [)" + tiers +
         R"(]}, "currencyConversionRate": 1, "effectiveTime": "2026-11-20T08:15:00.000Z"}],
         "serviceProviderName": "Google", "geoTaxonomy": {"type": "MULTI_REGIONAL", "regions": [)" +
         region_list + "]}}";
}

// A one-tier price of `units` and `nanos`, per hour.
std::string hourly(const std::string& id, const std::string& description, const std::string& group,
                   const std::string& units, const std::string& nanos, const std::string& usage = "OnDemand",
                   const std::vector<std::string>& regions = {"us-central1", "us-east1"}) {
  return sku(id, description, group, usage, regions, group == "RAM" ? "GiBy.h" : "h", {{"0", units, nanos}});
}

std::string page(const std::vector<std::string>& skus, const std::string& token = "") {
  std::string list;
  for (const auto& s : skus) list += (list.empty() ? "" : ",\n") + s;
  return "{\"skus\": [\n" + list + "\n], \"nextPageToken\": \"" + token + "\"}";
}

Result<PriceImport> import_pages(const std::vector<std::string>& pages, ImportOptions options = {}) {
  std::vector<InputStream> streams;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    streams.push_back(InputStream::from_string(pages[i], "page-" + std::to_string(i + 1) + ".json"));
  }
  return import_prices("gcp", streams, options);
}

const GpuOffer& offer(const PriceImport& import, const std::string& region, const std::string& instance) {
  const auto& offers = import.sheet.regions.at(region).gpu_offers;
  const auto it = std::find_if(offers.begin(), offers.end(), [&](const GpuOffer& o) { return o.instance == instance; });
  REQUIRE(it != offers.end());
  return *it;
}

std::vector<std::string> skipped(const PriceImport& import) {
  std::vector<std::string> out;
  for (const auto& s : import.skipped) out.push_back(s.what + ": " + s.reason);
  return out;
}

// The A2 components of OpenCost's real SKUs (pkg/cloud/gcp/test/skus.json).
const std::vector<std::string> kA2 = {
    hourly("A100-OD", "Nvidia Tesla A100 GPU running in Americas", "GPU", "2", "933908000"),
    hourly("A2CORE-OD", "A2 Instance Core running in Americas", "CPU", "0", "31611000"),
    hourly("A2RAM-OD", "A2 Instance Ram running in Americas", "RAM", "0", "4237000"),
};

}  // namespace

TEST_CASE("gcp import: a machine type is its vCPUs, memory and GPUs at their component prices") {
  const auto import = import_pages({page(kA2)});
  REQUIRE(import);
  const GpuOffer& one = offer(import.value(), "us-central1", "a2-highgpu-1g");
  CHECK(one.gpu == "A100-40GB");
  CHECK(one.gpus == 1);
  // 12 x 0.031611 + 85 x 0.004237 + 1 x 2.933908 = 0.379332 + 0.360145 + 2.933908
  CHECK(one.hourly.at(PricingModel::on_demand).value == Approx(3.673385).epsilon(1e-12));
  CHECK(one.hourly.at(PricingModel::on_demand).note ==
        "1 x 2.933908 per GPU + 12 vCPU x 0.031611 + 85 GiB x 0.004237 (SKUs A100-OD, A2CORE-OD, A2RAM-OD)");
  CHECK(one.hourly.at(PricingModel::on_demand).source == "gcp-catalog-compute-engine");
  // 8 x 2.933908 + 96 x 0.031611 + 680 x 0.004237 = 23.471264 + 3.034656 + 2.88116
  CHECK(offer(import.value(), "us-east1", "a2-highgpu-8g").hourly.at(PricingModel::on_demand).value ==
        Approx(29.38708).epsilon(1e-12));
  // No A100 80GB SKU: the a2-ultragpu machines are not priced, and nothing else is said of
  // them (no part of their own is priced here; A2 vCPUs alone do not make them sold here).
  CHECK(import->sheet.regions.at("us-central1").gpu_offers.size() == 5);
  CHECK(import->sheet.effective == *parse_date("2026-11-20"));
  const PriceSource& source = import->sheet.sources.front();
  CHECK(source.url == "https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus");
  CHECK(source.title ==
        "Google Cloud Billing Catalog API, Compute Engine SKUs (service 6F81-5844-456A), page 1 of 1 as saved");
  CHECK(import->sheet.billing_gb == ByteBase::binary);
}

TEST_CASE("gcp import: a3-highgpu-8g adds its 6000 GiB of local SSD, priced per GiB-month over 730 h") {
  const std::vector<std::string> skus = {
      hourly("H100-OD", "Nvidia H100 80GB GPU running in Americas", "GPU", "9", "796550569"),
      hourly("A3CORE-OD", "A3 Instance Core running in Americas", "CPU", "0", "25210000"),
      hourly("A3RAM-OD", "A3 Instance Ram running in Americas", "RAM", "0", "2253000"),
      sku("SSD-OD", "SSD backed Local Storage", "LocalSSD", "OnDemand", {"us-central1"}, "GiBy.mo",
          {{"0", "0", "80000000"}}),
      // Spot: one GPU SKU in the "attached to" wording, cores in the "Spot Preemptible" one.
      hourly("H100-SPOT", "Nvidia H100 80GB GPU attached to Spot Preemptible VMs running in Americas", "GPU", "2",
             "250000000", "Preemptible"),
      hourly("A3CORE-SPOT", "Spot Preemptible A3 Instance Core running in Americas", "CPU", "0", "10200000",
             "Preemptible"),
      hourly("A3RAM-SPOT", "Spot Preemptible A3 Instance Ram running in Americas", "RAM", "0", "888000", "Preemptible"),
      sku("SSD-SPOT", "SSD backed Local Storage attached to Spot Preemptible VMs", "LocalSSD", "Preemptible",
          {"us-central1"}, "GiBy.mo", {{"0", "0", "64000000"}}),
  };
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  const GpuOffer& a3 = offer(import.value(), "us-central1", "a3-highgpu-8g");
  CHECK(a3.gpu == "H100");
  CHECK(a3.gpus == 8);
  // 8 x 9.796550569 + 208 x 0.02521 + 1872 x 0.002253 + 6000 x 0.08 / 730
  // = 78.372404552 + 5.24368 + 4.217616 + 0.657534247 = 88.491234799
  CHECK(a3.hourly.at(PricingModel::on_demand).value == Approx(88.491234799).epsilon(1e-10));
  CHECK(a3.hourly.at(PricingModel::on_demand).note ==
        "8 x 9.796550569 per GPU + 208 vCPU x 0.02521 + 1872 GiB x 0.002253 + 6000 GiB local SSD x 0.08 / 730 h "
        "(SKUs H100-OD, A3CORE-OD, A3RAM-OD, SSD-OD)");
  // 8 x 2.25 + 208 x 0.0102 + 1872 x 0.000888 + 6000 x 0.064 / 730 = 18 + 2.1216 + 1.662336 + 0.526027397
  CHECK(a3.hourly.at(PricingModel::spot).value == Approx(22.309963397).epsilon(1e-10));
  // us-east1 has the GPU, vCPU and memory SKUs but no local SSD SKU: not priced there.
  CHECK(import->sheet.regions.count("us-east1") == 0);
  CHECK(skipped(import.value()) ==
        std::vector<std::string>{"a3-highgpu-8g in us-east1: no on-demand or spot price of its local SSD; not "
                                 "priced there"});
}

TEST_CASE("gcp import: commitments by usage type and wording; A4 by GPU slices") {
  const std::vector<std::string> skus = {
      hourly("A100-1Y", "Commitment v1: Nvidia Tesla A100 GPU running in Americas for 1 Year", "GPU", "1", "848000000",
             "Commit1Yr"),
      hourly("A2CPU-1Y", "Commitment v1: A2 Cpu in Americas for 1 Year", "CPU", "0", "19915000", "Commit1Yr"),
      hourly("A2RAM-1Y", "Commitment v1: A2 Ram in Americas for 1 Year", "RAM", "0", "2669000", "Commit1Yr"),
      hourly("B200-OD", "A4 Nvidia B200 (1 gpu slice) running in Americas", "GPU", "16", "110000000"),
      // Filed as OnDemand, worded as spot: a spot price.
      hourly("B200-SPOT", "Spot Preemptible A4 Nvidia B200 (1 gpu slice) running in Americas", "GPU", "4", "954200000"),
      hourly("B200-3Y", "Commitment v1: A4 Nvidia B200 (1 gpu slice) in Americas for 3 Years", "GPU", "7", "249500000",
             "Commit3Yr"),
  };
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  // 1 x 1.848 + 12 x 0.019915 + 85 x 0.002669 = 1.848 + 0.23898 + 0.226865
  CHECK(offer(import.value(), "us-central1", "a2-highgpu-1g").hourly.at(PricingModel::commit_1y).value ==
        Approx(2.313845).epsilon(1e-12));
  const GpuOffer& a4 = offer(import.value(), "us-central1", "a4-highgpu-8g");
  CHECK(a4.gpu == "B200");
  CHECK(a4.hourly.at(PricingModel::on_demand).value == Approx(8 * 16.11));
  CHECK(a4.hourly.at(PricingModel::spot).value == Approx(8 * 4.9542));
  CHECK(a4.hourly.at(PricingModel::commit_3y).value == Approx(8 * 7.2495));
  CHECK(a4.hourly.at(PricingModel::on_demand).note ==
        "8 x 16.11 per GPU slice, which includes its share of the vCPUs and memory (SKU B200-OD)");
}

TEST_CASE("gcp import: what is not an on-demand, spot or committed price is reported, never priced") {
  std::vector<std::string> skus = kA2;
  skus.push_back(hourly("DWS", "Nvidia H100 Mega 80GB GPU attached to DWS Defined Duration VMs running in Americas",
                        "GPU", "4", "0"));
  skus.push_back(hourly("CAL", "Reserved Nvidia H100 80GB Mega GPU in Americas in Calendar Mode", "GPU", "0", "0"));
  skus.push_back(
      hourly("SOLE", "Nvidia Tesla T4 GPU attached to Sole Tenancy VMs running in Americas", "GPU", "0", "385000000"));
  skus.push_back(hourly("T4", "Nvidia Tesla T4 GPU running in Americas", "GPU", "0", "350000000"));
  skus.push_back(hourly("PLUS", "Nvidia H100 80GB Plus GPU running in Americas", "GPU", "10", "344275712"));
  skus.push_back(hourly("FIVE", "Commitment v1: A2 Cpu in Americas for 5 Years", "CPU", "0", "12555100", "Commit"));
  skus.push_back(hourly("MIXED", "Commitment v1: A2 Ram in Americas for 3 Years", "RAM", "0", "1", "Commit1Yr"));
  skus.push_back(hourly("N2", "N2 Instance Core running in Americas", "CPU", "0", "31611000"));  // not a GPU machine
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  CHECK(skipped(import.value()) ==
        std::vector<std::string>{
            "'Nvidia H100 Mega 80GB GPU attached to DWS Defined Duration VMs running in Americas' (SKU DWS): a "
            "Dynamic Workload Scheduler (DWS) price, not an on-demand, spot or committed one",
            "'Reserved Nvidia H100 80GB Mega GPU in Americas in Calendar Mode' (SKU CAL): a reservation (Calendar "
            "Mode) price, not an on-demand, spot or committed one",
            "'Nvidia Tesla T4 GPU attached to Sole Tenancy VMs running in Americas' (SKU SOLE): a sole-tenancy "
            "price; tco prices VMs on shared hosts",
            "'Nvidia Tesla T4 GPU running in Americas' (SKU T4): its GPU, T4, is not one of tco's GPU models",
            "'Nvidia H100 80GB Plus GPU running in Americas' (SKU PLUS): its GPU, 'Nvidia H100 80GB Plus GPU', is "
            "not in tco's GPU map; nothing is priced for it",
            "'Commitment v1: A2 Cpu in Americas for 5 Years' (SKU FIVE): its usage type 'Commit' is not Commit1Yr or "
            "Commit3Yr; tco takes 1- and 3-year commitments",
            "'Commitment v1: A2 Ram in Americas for 3 Years' (SKU MIXED): its usage type Commit1Yr disagrees with "
            "its description (3 years)",
        });
  CHECK(offer(import.value(), "us-central1", "a2-highgpu-1g").hourly.size() == 1);
}

TEST_CASE("gcp import: a machine missing a component in a region is not priced there, and says which") {
  const std::vector<std::string> skus = {
      // A3 Mega's vCPUs and memory are sold in us-central1, its GPU only in us-east4.
      hourly("A3P-CORE", "A3Plus Instance Core running in Americas", "CPU", "0", "26924000", "OnDemand",
             {"us-central1", "us-east4"}),
      hourly("A3P-RAM", "A3Plus Instance Ram running in Americas", "RAM", "0", "2344000", "OnDemand",
             {"us-central1", "us-east4"}),
      hourly("MEGA", "Nvidia H100 80GB Mega GPU running in Virginia", "GPU", "10", "344275712", "OnDemand",
             {"us-east4"}),
      sku("SSD", "SSD backed Local Storage", "LocalSSD", "OnDemand", {"us-central1", "us-east4"}, "GiBy.mo",
          {{"0", "0", "80000000"}}),
  };
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  CHECK(import->sheet.regions.count("us-central1") == 0);
  CHECK(import->sheet.regions.at("us-east4").name == "Virginia");
  // 8 x 10.344275712 + 208 x 0.026924 + 1872 x 0.002344 + 6000 x 0.08 / 730
  CHECK(offer(import.value(), "us-east4", "a3-megagpu-8g").hourly.at(PricingModel::on_demand).value ==
        Approx(82.754205696 + 5.600192 + 4.387968 + 0.657534247).epsilon(1e-10));
  CHECK(skipped(import.value()) ==
        std::vector<std::string>{
            "a3-megagpu-8g in us-central1: no on-demand price of its GPU (nvidia-h100-mega-80gb); not priced there"});
}

TEST_CASE("gcp import: of two SKUs for one part, the one of fewer regions is taken; two as specific, neither") {
  std::vector<std::string> skus = kA2;
  // Iowa's own A100 SKU beats the group's; two vCPU prices of as many regions conflict.
  skus.push_back(
      hourly("A100-IOWA", "Nvidia Tesla A100 GPU running in Iowa", "GPU", "3", "0", "OnDemand", {"us-central1"}));
  skus.push_back(hourly("A2CORE-OTHER", "A2 Instance Core running in Americas", "CPU", "0", "40000000", "OnDemand",
                        {"us-east1", "us-west1"}));
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  // 1 x 3 + 12 x 0.031611 + 85 x 0.004237
  CHECK(offer(import.value(), "us-central1", "a2-highgpu-1g").hourly.at(PricingModel::on_demand).value ==
        Approx(3.739477).epsilon(1e-12));
  CHECK(import->sheet.regions.at("us-central1").name == "Iowa");
  CHECK(import->sheet.regions.count("us-east1") == 0);
  CHECK(skipped(import.value()) ==
        std::vector<std::string>{
            "'A2 Instance Core running in Americas' (SKU A2CORE-OTHER): SKU A2CORE-OD ('A2 Instance Core running in "
            "Americas') prices the same part in us-east1 differently; tco takes neither",
            "a2-highgpu-1g, a2-highgpu-2g, a2-highgpu-4g, a2-highgpu-8g, a2-megagpu-16g in us-east1: two SKUs give the "
            "on-demand price of its A2 vCPUs; not priced there",
        });
}

TEST_CASE("gcp import: a price is units + nanos / 1e9; zero, NaN and other currencies are missing, reported") {
  std::vector<std::string> skus = kA2;
  skus.push_back(hourly("ZERO", "Nvidia Tesla A100 80GB GPU running in Americas", "GPU", "0", "0"));
  skus.push_back(hourly("NAN", "Spot Preemptible A2 Instance Core running in Americas", "CPU", "NaN", "0"));
  skus.push_back(sku("EUR", "A2 Instance Ram running in Belgium", "RAM", "OnDemand", {"europe-west1"}, "GiBy.h",
                     {{"0", "0", "4500000"}}, "6F81-5844-456A", "EUR"));
  skus.push_back(sku("UNIT", "Nvidia Tesla A100 GPU running in Belgium", "GPU", "OnDemand", {"europe-west1"}, "GiBy.h",
                     {{"0", "3", "0"}}));
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  CHECK(skipped(import.value()) ==
        std::vector<std::string>{
            "'Nvidia Tesla A100 80GB GPU running in Americas' (SKU ZERO): its price is 0, which tco reads as missing",
            "'Spot Preemptible A2 Instance Core running in Americas' (SKU NAN): its price (units 'NaN', nanos '0') is "
            "not a price",
            "'A2 Instance Ram running in Belgium' (SKU EUR): its price is in EUR; tco imports USD prices (fetch the "
            "pages without currencyCode)",
            "'Nvidia Tesla A100 GPU running in Belgium' (SKU UNIT): its usage unit is 'GiBy.h', not h",
        });
}

TEST_CASE("gcp import: internet egress is the ladder to the region's own group, in GiB, its free tier the first") {
  const auto egress = [](const std::string& id, const std::string& route, const std::vector<Rate>& rates,
                         const std::vector<std::string>& regions) {
    return sku(id, "Network Internet Egress from " + route, "PremiumInternetEgress", "OnDemand", regions, "GiBy",
               rates);
  };
  const std::vector<std::string> skus = {
      egress("AM-AM", "Americas to Americas",
             {{"0", "0", "0"}, {"1", "0", "120000000"}, {"1024", "0", "110000000"}, {"10240", "0", "80000000"}},
             {"us-central1"}),
      egress("AM-EMEA", "Americas to EMEA",
             {{"0", "0", "0"}, {"1", "0", "120000000"}, {"1024", "0", "110000000"}, {"10240", "0", "80000000"}},
             {"us-central1"}),
      egress("AM-CN", "Americas to China",
             {{"0", "0", "0"}, {"1", "0", "230000000"}, {"1024", "0", "220000000"}, {"10240", "0", "200000000"}},
             {"us-central1"}),
      // Newer wording, a city as the source; no free tier from Europe.
      sku("FRA-EMEA", "Network Internet Data Transfer Out from Frankfurt to EMEA", "PremiumInternetEgress", "OnDemand",
          {"europe-west3"}, "GiBy", {{"0", "0", "120000000"}, {"1024", "0", "110000000"}, {"10240", "0", "85000000"}}),
  };
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  const TieredEgress& iowa = *import->sheet.regions.at("us-central1").network.internet_egress;
  CHECK(iowa.free_bytes.value == 1 * kGiB);
  CHECK(iowa.free_bytes.note ==
        "Premium Tier from Americas to Americas (SKU AM-AM); the SKU prices the first 1 GiB a month at 0; priced "
        "otherwise and not in this ladder: to China");
  REQUIRE(iowa.tiers.size() == 3);
  CHECK(*iowa.tiers[0].up_to_bytes == 1024 * kGiB);
  CHECK(iowa.tiers[0].price.value * kGiB == Approx(0.12));
  CHECK(*iowa.tiers[1].up_to_bytes == 10240 * kGiB);
  CHECK(iowa.tiers[1].price.value * kGiB == Approx(0.11));
  CHECK_FALSE(iowa.tiers[2].up_to_bytes);
  CHECK(iowa.tiers[2].price.value * kGiB == Approx(0.08));
  const TieredEgress& frankfurt = *import->sheet.regions.at("europe-west3").network.internet_egress;
  CHECK(frankfurt.free_bytes.value == 0);
  CHECK(frankfurt.tiers.front().price.value * kGiB == Approx(0.12));
  CHECK(frankfurt.tiers.back().price.value * kGiB == Approx(0.085));
  CHECK(import->sheet.regions.at("europe-west3").name == "Frankfurt");
  // An egress SKU naming no region, only its group, applies to the group's regions priced.
  const auto global = sku("EMEA-EMEA", "Network Internet Egress from EMEA to EMEA", "PremiumInternetEgress", "OnDemand",
                          {}, "GiBy", {{"0", "0", "120000000"}, {"1024", "0", "110000000"}});
  const auto ram = sku("A2RAM-BE", "A2 Instance Ram running in Belgium", "RAM", "OnDemand", {"europe-west1"}, "GiBy.h",
                       {{"0", "0", "4500000"}});
  const auto belgium = import_pages({page({global, ram})});
  REQUIRE(belgium);
  CHECK(belgium->sheet.regions.at("europe-west1").network.internet_egress->tiers.size() == 2);
}

TEST_CASE("gcp import: Cloud Storage classes of a regional bucket, per GiB-month") {
  const auto storage = [](const std::string& id, const std::string& description, const std::string& units,
                          const std::string& nanos) {
    return sku(id, description, "RegionalStorage", "OnDemand", {"us-central1"}, "GiBy.mo", {{"0", units, nanos}},
               "95FF-2EF5-5EA1");
  };
  const std::vector<std::string> skus = {
      storage("STD", "Standard Storage Iowa", "0", "20000000"),
      storage("NL", "Nearline Storage Iowa", "0", "10000000"),
      storage("CL", "Coldline Storage Iowa", "0", "4000000"),
      storage("AR", "Archive Storage Iowa", "0", "1200000"),
      storage("NL-EARLY", "Nearline Storage Early Delete Iowa", "0", "10000000"),
      storage("STD-MULTI", "Standard Storage US Multi-region", "0", "26000000"),
  };
  const auto import = import_pages({page(skus)});
  REQUIRE(import);
  const Region& iowa = import->sheet.regions.at("us-central1");
  CHECK(iowa.storage.at(StorageClass::standard).value * kGiB == Approx(0.02));
  CHECK(iowa.storage.at(StorageClass::infrequent).value * kGiB == Approx(0.01));
  CHECK(iowa.storage.at(StorageClass::cold).value * kGiB == Approx(0.004));
  CHECK(iowa.storage.at(StorageClass::archive).value * kGiB == Approx(0.0012));
  CHECK(iowa.storage.at(StorageClass::standard).source == "gcp-catalog-cloud-storage");
  CHECK(import->skipped.empty());
}

TEST_CASE("gcp import: --region keeps the regions asked for; pages follow nextPageToken") {
  ImportOptions options;
  options.regions = {"us-east1"};
  const std::vector<std::string> first(kA2.begin(), kA2.begin() + 2);
  const auto import = import_pages({page(first, "token-2"), page({kA2[2]})}, options);
  REQUIRE(import);
  CHECK(import->sheet.regions.size() == 1);
  CHECK(import->sheet.regions.count("us-east1") == 1);
  CHECK(offer(import.value(), "us-east1", "a2-highgpu-1g").hourly.at(PricingModel::on_demand).source ==
        "gcp-catalog-compute-engine");
  // One source cites both pages: the machine adds up SKUs of each.
  REQUIRE(import->sheet.sources.size() == 1);
  CHECK(import->sheet.sources.front().title ==
        "Google Cloud Billing Catalog API, Compute Engine SKUs (service 6F81-5844-456A), pages 1 to 2 as saved");
  // Each page counts the prices its SKUs are part of: the 5 machines' on-demand prices.
  CHECK(import->files.at(0).prices == 5);
  CHECK(import->files.at(1).prices == 5);
  CHECK(import.diagnostics().empty());
  // The last page given still has a token: the pages after it are missing.
  const auto cut = import_pages({page(kA2, "token-2")});
  REQUIRE(cut);
  REQUIRE(cut.diagnostics().items().size() == 1);
  CHECK(format_location(cut.diagnostics().items().front()) ==
        "page-1.json: nextPageToken: more pages of Compute Engine SKUs follow this one, and their prices are not "
        "imported: fetch the next with pageToken=token-2 (tco-prices(5), IMPORTING)");
}

TEST_CASE("gcp import: another provider's file, an API error or an empty page is refused with its location") {
  const auto message = [](const std::string& text) {
    const auto import = import_pages({text});
    REQUIRE_FALSE(import);
    return format_location(import.diagnostics().items().front());
  };
  CHECK(message(R"({"formatVersion": "v1.0", "offerCode": "AmazonEC2"})") ==
        "page-1.json:1:2: formatVersion: this is not a Cloud Billing Catalog page of SKUs: it looks like an AWS "
        "Price List offer file; import it with `tco prices import aws`");
  CHECK(message(R"({"error": {"code": 403, "message": "The request is missing a valid API key.",
                   "status": "PERMISSION_DENIED"}})") ==
        "page-1.json:1:2: error: this is an error the Catalog API returned, not a page of SKUs: 403 "
        "PERMISSION_DENIED: The request is missing a valid API key. (fetch the page again, with a valid API key: "
        "see `tco prices urls gcp`)");
  CHECK(message(R"({"skus": [], "nextPageToken": ""})") == "page-1.json:1:2: skus: the page holds no SKUs");
  CHECK(message(page({sku("SQL", "Cloud SQL for PostgreSQL: Zonal - vCPU", "SQLGen2InstancesCPU", "OnDemand",
                          {"us-central1"}, "h", {{"0", "0", "41300000"}}, "9662-B51E-5089")})) ==
        "page-1.json:2:1: skus.0: SKU SQL is of the service 'Cloud SQL' (9662-B51E-5089); tco imports the SKUs "
        "of Compute Engine (6F81-5844-456A) and Cloud Storage (95FF-2EF5-5EA1)");
}
