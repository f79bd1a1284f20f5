// The AWS importer on small offer files written for the tests: the filters that pick the one
// SKU that is the price, reserved terms turned into effective hourly rates, the egress ladder
// told apart from the free tier and the global aggregate, and files that are not AWS's.
#include <catch2/catch.hpp>

#include "tco/inputs/price_import.hpp"

using namespace tco;

namespace {

Result<PriceImport> import_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                 ImportOptions options = {}) {
  std::vector<InputStream> streams;
  for (const auto& [name, text] : files) streams.push_back(InputStream::from_string(text, name));
  return import_prices("aws", streams, options);
}

std::string ec2_product(const std::string& sku, const std::string& type, const std::string& gpu,
                        const std::string& os = "Linux", const std::string& tenancy = "Shared") {
  return "\"" + sku + R"(": {"sku": ")" + sku + R"(", "productFamily": "Compute Instance", "attributes": {
      "instanceType": ")" +
         type + R"(", "gpu": ")" + gpu + R"(", "operatingSystem": ")" + os + R"(", "tenancy": ")" + tenancy +
         R"(", "preInstalledSw": "NA", "capacitystatus": "Used",
      "licenseModel": "No License required", "regionCode": "us-east-1", "location": "US East, N. Virginia"}})";
}

std::string term(const std::string& sku, const std::string& code, const std::string& dims,
                 const std::string& attributes = "{}") {
  return "\"" + sku + "\": {\"" + sku + "." + code + R"(": {"offerTermCode": ")" + code + R"(", "priceDimensions": {)" +
         dims + R"(}, "termAttributes": )" + attributes + "}}";
}

std::string dim(const std::string& id, const std::string& unit, const std::string& usd, const std::string& begin = "0",
                const std::string& end = "Inf") {
  return "\"" + id + R"(": {"unit": ")" + unit + R"(", "beginRange": ")" + begin + R"(", "endRange": ")" + end +
         R"(", "pricePerUnit": {"USD": ")" + usd + "\"}}";
}

std::string offer(const std::string& code, const std::string& products, const std::string& terms) {
  return R"({"formatVersion": "v1.0", "offerCode": ")" + code +
         R"(", "version": "20261101000000", "publicationDate": "2026-11-01T00:00:00Z", "products": {)" + products +
         "}, \"terms\": {" + terms + "}}";
}

const GpuOffer& only_offer(const PriceImport& import) {
  const Region& region = import.sheet.regions.at("us-east-1");
  REQUIRE(region.gpu_offers.size() == 1);
  return region.gpu_offers.front();
}

}  // namespace

TEST_CASE("aws import: the Linux shared SKU is the price, never the Windows or dedicated one") {
  const std::string products = ec2_product("WIN", "p5.48xlarge", "8", "Windows") + "," +
                               ec2_product("LIN", "p5.48xlarge", "8") + "," +
                               ec2_product("DED", "p5.48xlarge", "8", "Linux", "Dedicated");
  const std::string terms = R"("OnDemand": {)" + term("WIN", "OD", dim("a", "Hrs", "57.25")) + "," +
                            term("LIN", "OD", dim("a", "Hrs", "55.0440000000")) + "," +
                            term("DED", "OD", dim("a", "Hrs", "60.5")) + "}";
  const auto import = import_texts({{"ec2.json", offer("AmazonEC2", products, terms)}});
  REQUIRE(import);
  const GpuOffer& p5 = only_offer(import.value());
  CHECK(p5.instance == "p5.48xlarge");
  CHECK(p5.gpu == "H100");
  CHECK(p5.gpus == 8);
  CHECK(p5.hourly.at(PricingModel::on_demand).value == 55.044);
  CHECK(p5.hourly.at(PricingModel::on_demand).source == "aws-price-list-amazonec2-us-east-1");
  CHECK(import->sheet.effective == *parse_date("2026-11-01"));
  CHECK(import->sheet.sources.front().url ==
        "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.json");
}

TEST_CASE("aws import: a reserved term's upfront fee is spread over its hours") {
  // 3-year Partial Upfront: 12 USD/h + 315,360 USD / 26,280 h = 24 USD/h. Preferred to a
  // convertible No Upfront term; a 1-year standard No Upfront term is preferred to All Upfront.
  const std::string products = ec2_product("LIN", "p5.48xlarge", "8");
  const std::string reserved =
      R"("Reserved": {"LIN": {)"
      R"("LIN.A": {"priceDimensions": {)" +
      dim("h", "Hrs", "12") + "," + dim("q", "Quantity", "315360") +
      R"(}, "termAttributes": {"LeaseContractLength": "3yr", "PurchaseOption": "Partial Upfront", "OfferingClass": "standard"}},)"
      R"("LIN.B": {"priceDimensions": {)" +
      dim("h", "Hrs", "20") +
      R"(}, "termAttributes": {"LeaseContractLength": "3yr", "PurchaseOption": "No Upfront", "OfferingClass": "convertible"}},)"
      R"("LIN.C": {"priceDimensions": {)" +
      dim("h", "Hrs", "0") + "," + dim("q", "Quantity", "298000") +
      R"(}, "termAttributes": {"LeaseContractLength": "1yr", "PurchaseOption": "All Upfront", "OfferingClass": "standard"}},)"
      R"("LIN.D": {"priceDimensions": {)" +
      dim("h", "Hrs", "35.5") +
      R"(}, "termAttributes": {"LeaseContractLength": "1yr", "PurchaseOption": "No Upfront", "OfferingClass": "standard"}}}})";
  const auto import = import_texts({{"ec2.json", offer("AmazonEC2", products, reserved)}});
  REQUIRE(import);
  const GpuOffer& p5 = only_offer(import.value());
  CHECK(p5.hourly.at(PricingModel::commit_3y).value == Approx(24.0));
  CHECK(p5.hourly.at(PricingModel::commit_3y).note ==
        "3-yr Standard RI, Partial Upfront: 12 USD/h + 315360 USD upfront / 26280 h");
  CHECK(p5.hourly.at(PricingModel::commit_1y).value == 35.5);
  CHECK(p5.hourly.count(PricingModel::on_demand) == 0);
}

TEST_CASE("aws import: GPUs it cannot price are reported by SKU, never priced at 0") {
  const std::string products = ec2_product("FRAC", "g6f.large", "0.125") + "," + ec2_product("A10G", "g5.xlarge", "1") +
                               "," + ec2_product("NEW", "g9x.4xlarge", "4") + "," +
                               ec2_product("NAN", "p4d.24xlarge", "8") + "," +
                               ec2_product("ZERO", "p4de.24xlarge", "8");
  const std::string terms =
      R"("OnDemand": {)" + term("FRAC", "OD", dim("a", "Hrs", "0.28")) + "," +
      term("A10G", "OD", dim("a", "Hrs", "1.006")) + "," + term("NEW", "OD", dim("a", "Hrs", "9.99")) + "," +
      term("NAN", "OD", dim("a", "Hrs", "NaN")) + "," + term("ZERO", "OD", dim("a", "Hrs", "0.0000000000")) + "}";
  const auto import = import_texts({{"ec2.json", offer("AmazonEC2", products, terms)}});
  REQUIRE_FALSE(import);  // nothing left to write
  // The skipped prices are reported even so: run again with a priced offer to see them.
  const auto with_p5 =
      import_texts({{"ec2.json", offer("AmazonEC2", products + "," + ec2_product("LIN", "p5.48xlarge", "8"),
                                       terms.substr(0, terms.size() - 1) + "," +
                                           term("LIN", "OD", dim("a", "Hrs", "55.04")) + "}")}});
  REQUIRE(with_p5);
  std::vector<std::string> reasons;
  for (const auto& s : with_p5->skipped) reasons.push_back(s.what + ": " + s.reason);
  CHECK(reasons ==
        std::vector<std::string>{
            "g6f.large (SKU FRAC): it has 0.125 of an L4 GPU; tco's offers hold whole GPUs",
            "g5.xlarge (SKU A10G): its GPU, A10G, is not one of tco's GPU models",
            "g9x.4xlarge (SKU NEW): its GPU (4 per instance) is not in tco's GPU map; nothing is priced for it",
            "p4d.24xlarge in us-east-1 (SKU NAN, OnDemand term): its price 'NaN' is not a price",
            "p4de.24xlarge in us-east-1 (SKU ZERO, OnDemand term): its on-demand price is 0, which tco reads "
            "as missing",
            "p4d.24xlarge in us-east-1: the files give it no price",
            "p4de.24xlarge in us-east-1: the files give it no price",
        });
}

TEST_CASE("aws import: the egress ladder, not the free tier or the global aggregate") {
  const auto out = [](const std::string& sku, const std::string& usage) {
    return "\"" + sku + R"(": {"productFamily": "Data Transfer", "attributes": {"fromRegionCode": "us-east-1",
      "fromLocation": "US East, N. Virginia", "toLocation": "External", "transferType": "AWS Outbound",
      "usagetype": ")" +
           usage + "\"}}";
  };
  const std::string products = out("FREE", "DataTransfer-Out-Bytes") + "," + out("LADDER", "DataTransfer-Out-Bytes") +
                               "," + out("GLOBAL", "Global-DataTransfer-Out-Bytes");
  const std::string terms =
      R"("OnDemand": {)" + term("FREE", "OD", dim("f", "GB", "0", "0", "100")) + "," +
      term("LADDER", "OD",
           dim("t1", "GB", "0.09", "0", "10240") + "," + dim("t2", "GB", "0.085", "10240", "51200") + "," +
               dim("t3", "GB", "0.05", "51200", "Inf")) +
      "," + term("GLOBAL", "OD", dim("g", "GB", "0")) + "}";
  const auto import = import_texts({{"dt.json", offer("AWSDataTransfer", products, terms)}});
  REQUIRE(import);
  const auto& egress = *import->sheet.regions.at("us-east-1").network.internet_egress;
  constexpr double kGiB = 1024.0 * 1024 * 1024;
  CHECK(egress.free_bytes.value == 100 * kGiB);
  REQUIRE(egress.tiers.size() == 3);
  CHECK(*egress.tiers[0].up_to_bytes == 10240 * kGiB);
  CHECK(egress.tiers[0].price.value * kGiB == Approx(0.09));
  CHECK(*egress.tiers[1].up_to_bytes == 51200 * kGiB);
  CHECK_FALSE(egress.tiers[2].up_to_bytes);
  CHECK(egress.tiers[2].price.value * kGiB == Approx(0.05));
}

TEST_CASE("aws import: another provider's file, or no offer file at all, is refused with its location") {
  const auto azure = import_texts({{"page.json", R"({"BillingCurrency": "USD", "Items": []})"}});
  REQUIRE_FALSE(azure);
  CHECK(format_location(azure.diagnostics().items().front()) ==
        "page.json:1:2: BillingCurrency: this is not an AWS Price List offer file: it looks like an Azure Retail "
        "Prices page; "
        "import it with `tco prices import azure`");
  const auto empty = import_texts({{"empty.json", "{}"}});
  REQUIRE_FALSE(empty);
  CHECK(format_location(empty.diagnostics().items().front()) ==
        "empty.json:1:1: this is not an AWS Price List offer file: it has no 'offerCode' and 'products'");
}

TEST_CASE("aws import: Savings Plans rates stand in where no reserved instance prices a term") {
  // p5 has a 1-year reserved instance, which is kept; its 3-year term comes from the EC2
  // Instance Savings Plan, preferred to the Compute one. Windows and dedicated rates are not
  // the Linux, shared-tenancy price.
  const std::string ec2 =
      offer("AmazonEC2", ec2_product("LIN", "p5.48xlarge", "8"),
            R"("OnDemand": {)" + term("LIN", "OD", dim("a", "Hrs", "55.04")) + R"(}, "Reserved": {)" +
                term("LIN", "RI", dim("h", "Hrs", "35.5"),
                     R"({"LeaseContractLength": "1yr", "PurchaseOption": "No Upfront", "OfferingClass": "standard"})") +
                "}");
  const auto product = [](const std::string& sku, const std::string& family, const std::string& lease) {
    return R"({"sku": ")" + sku + R"(", "productFamily": ")" + family +
           R"(", "attributes": {"purchaseOption": "No Upfront", "purchaseTerm": ")" + lease + "\"}}";
  };
  const auto rate = [](const std::string& usage, const std::string& operation, const std::string& price) {
    return R"({"discountedUsageType": ")" + usage + R"(", "discountedOperation": ")" + operation +
           R"(", "discountedServiceCode": "AmazonEC2", "unit": "Hrs", "discountedRate": {"price": ")" + price +
           R"(", "currency": "USD"}})";
  };
  const std::string plans =
      R"({"version": "20261101000000", "publicationDate": "2026-11-01T00:00:00Z", "regionCode": "us-east-1",
          "products": [)" +
      product("I1", "EC2InstanceSavingsPlans", "1yr") + "," + product("I3", "EC2InstanceSavingsPlans", "3yr") + "," +
      product("C3", "ComputeSavingsPlans", "3yr") + R"(], "terms": {"savingsPlan": [
        {"sku": "I1", "rates": [)" +
      rate("BoxUsage:p5.48xlarge", "RunInstances", "34.12") + R"(]},
        {"sku": "C3", "rates": [)" +
      rate("BoxUsage:p5.48xlarge", "RunInstances", "26.0") + R"(]},
        {"sku": "I3", "rates": [)" +
      rate("BoxUsage:p5.48xlarge", "RunInstances:0002", "30.0") + "," +
      rate("DedicatedUsage:p5.48xlarge", "RunInstances", "31.0") + "," +
      rate("BoxUsage:p5.48xlarge", "RunInstances", "23.5") + "]}]}}";
  const auto import = import_texts({{"ec2.json", ec2}, {"plans.json", plans}});
  REQUIRE(import);
  const GpuOffer& p5 = only_offer(import.value());
  CHECK(p5.hourly.at(PricingModel::commit_1y).value == 35.5);
  CHECK(p5.hourly.at(PricingModel::commit_3y).value == 23.5);
  CHECK(p5.hourly.at(PricingModel::commit_3y).note == "3-yr EC2 Instance Savings Plan, No Upfront");
  CHECK(p5.hourly.at(PricingModel::commit_3y).source == "aws-price-list-awscomputesavingsplan-us-east-1");
  CHECK(import->sheet.find_source("aws-price-list-awscomputesavingsplan-us-east-1")->url ==
        "https://pricing.us-east-1.amazonaws.com/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20261101000000/us-east-1/"
        "index.json");
}

TEST_CASE("aws import: the Spot Advisor's bucket is a mean time between interruptions, 730 h over its bound") {
  const std::string ec2 = offer("AmazonEC2", ec2_product("LIN", "p5.48xlarge", "8"),
                                R"("OnDemand": {)" + term("LIN", "OD", dim("a", "Hrs", "55.04")) + "}");
  // "ranges" after "spot_advisor", as the file may order them; Windows and non-GPU entries are
  // not read; us-west-2 has no offer in the files.
  const auto advisor = [](const std::string& bucket, const std::string& ranges) {
    return R"({"spot_advisor": {"us-east-1": {"Windows": {"p5.48xlarge": {"s": 40, "r": 0}},
                 "Linux": {"m7i.large": {"s": 55, "r": 0}, "p5.48xlarge": {"s": 57, "r": )" +
           bucket + R"(}}}, "us-west-2": {"Linux": {"p5.48xlarge": {"s": 60, "r": 3}}}},
               "ranges": )" +
           ranges + "}";
  };
  const std::string ranges =
      R"([{"index": 0, "label": "<5%", "dots": 0, "max": 5}, {"index": 1, "label": "5-10%", "dots": 1, "max": 11},
          {"index": 2, "label": "10-15%", "dots": 2, "max": 16}, {"index": 3, "label": "15-20%", "dots": 3, "max": 22},
          {"index": 4, "label": ">20%", "dots": 4, "max": 100}])";
  // 15-20 %: 730 h / 20 % = 3,650 h; <5 %: 14,600 h; 10-15 %: 4,866.67 → 4,867 h; >20 %: 730 h.
  for (const auto& [bucket, hours] : std::vector<std::pair<std::string, double>>{
           {"3", 3650}, {"0", 14600}, {"2", 4867}, {"4", 730}}) {
    const auto import = import_texts({{"ec2.json", ec2}, {"spot-advisor-data.json", advisor(bucket, ranges)}});
    REQUIRE(import);
    const GpuOffer& p5 = only_offer(import.value());
    REQUIRE(p5.interruption_every);
    CHECK(p5.interruption_every->value == hours);
    CHECK(p5.interruption_every->source == "aws-spot-advisor");
    CHECK(import->files[1].prices == 1);
    CHECK(import->files[1].taken == "interruption rate");
    REQUIRE(import->skipped.size() == 1);  // us-west-2's p5, which no file prices
    CHECK(import->skipped[0].what == "Spot Advisor rates of 1 GPU instance types and regions");
  }
  const auto p5 = import_texts({{"ec2.json", ec2}, {"a.json", advisor("3", ranges)}});
  CHECK(only_offer(p5.value()).interruption_every->note ==
        "Spot Advisor: 15-20% of instances interrupted in the trailing month; 730 h ÷ 20 %");

  // A bucket that is not one of the ranges, or a label of another form, is skipped and reported.
  const auto unknown = import_texts({{"ec2.json", ec2}, {"a.json", advisor("9", ranges)}});
  REQUIRE(unknown);
  CHECK_FALSE(only_offer(unknown.value()).interruption_every);
  CHECK(unknown->skipped[0].reason == "its frequency of interruption 9 is not one of 'ranges'");
  const auto odd = import_texts({{"ec2.json", ec2}, {"a.json", advisor("0", R"([{"index": 0, "label": "rare"}])")}});
  REQUIRE(odd);
  CHECK(odd->skipped[0].reason == "its frequency of interruption 'rare' is not a range tco reads");

  // Without "ranges" the buckets mean nothing: an error, located at the end of the file.
  const auto no_ranges =
      import_texts({{"ec2.json", ec2}, {"a.json", R"({"spot_advisor": {"us-east-1": {"Linux": {}}}})"}});
  REQUIRE_FALSE(no_ranges);
  CHECK(format_location(no_ranges.diagnostics().items().front()) ==
        "a.json:1:47: ranges: expected 'ranges', which names the buckets of the frequency of interruption; found "
        "none");
}
