// The Azure importer on small Retail Prices pages written for the tests: the row that is the
// pay-as-you-go Linux price among a dozen for one VM size, reservations whose price is the
// total for the term, savings plans, the egress ladder from tierMinimumUnits, rows reported
// and never priced at 0, pages given in any order or not at all, and files that are not pages.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>

#include "tco/core/text.hpp"
#include "tco/inputs/price_import.hpp"

using namespace tco;

namespace {

constexpr double kGiB = 1024.0 * 1024 * 1024;
const std::string kQuery =
    "https://prices.azure.com/api/retail/prices?api-version=2023-01-01-preview&$filter=serviceName%20eq%20%27Virtual%"
    "20Machines%27";

// One item: the fields of a Linux pay-as-you-go row of `size` in eastus, with `fields` (JSON
// values by name) replacing or adding to them.
std::string item(const std::string& size, const std::string& price, std::map<std::string, std::string> fields = {}) {
  std::map<std::string, std::string> all{
      {"currencyCode", "\"USD\""},
      {"tierMinimumUnits", "0.0"},
      {"retailPrice", price},
      {"unitPrice", price},
      {"armRegionName", "\"eastus\""},
      {"location", "\"US East\""},
      {"effectiveStartDate", "\"2026-06-01T00:00:00Z\""},
      {"meterName", "\"" + size.substr(size.find('_') + 1) + "\""},
      {"skuId", "\"SKU/" + size + "\""},
      {"productName", "\"Virtual Machines Series\""},
      {"skuName", "\"" + size.substr(size.find('_') + 1) + "\""},
      {"serviceName", "\"Virtual Machines\""},
      {"unitOfMeasure", "\"1 Hour\""},
      {"type", "\"Consumption\""},
      {"isPrimaryMeterRegion", "true"},
      {"armSkuName", "\"" + size + "\""},
  };
  for (auto& [name, value] : fields) all[name] = value;
  std::vector<std::string> members;
  for (const auto& [name, value] : all) members.push_back("\"" + name + "\": " + value);
  return "{" + join(members, ", ") + "}";
}

// A bandwidth row of the default routing's internet egress meter.
std::string egress(const std::string& region, const std::string& tier, const std::string& price,
                   std::map<std::string, std::string> fields = {}) {
  std::map<std::string, std::string> all{{"serviceName", "\"Bandwidth\""},
                                         {"productName", "\"Rtn Preference: MGN\""},
                                         {"meterName", "\"Standard Data Transfer Out\""},
                                         {"meterId", "\"zone-1-meter\""},
                                         {"skuId", "\"BW/" + region + "\""},
                                         {"skuName", "\"Standard\""},
                                         {"unitOfMeasure", "\"1 GB\""},
                                         {"armRegionName", "\"" + region + "\""},
                                         {"location", "\"" + region + "\""},
                                         {"tierMinimumUnits", tier},
                                         {"isPrimaryMeterRegion", "false"},
                                         {"armSkuName", "\"\""}};
  for (auto& [name, value] : fields) all[name] = value;
  return item("", price, all);
}

std::string page(const std::vector<std::string>& items, const std::string& next = "null") {
  return R"({"BillingCurrency": "USD", "CustomerEntityId": "Default", "CustomerEntityType": "Retail", "Items": [)" +
         join(items, ",\n") + "],\n\"NextPageLink\": " + next + ", \"Count\": " + std::to_string(items.size()) + "}";
}

std::string link(int skip) { return "\"" + kQuery + "&$skip=" + std::to_string(skip) + "\""; }

Result<PriceImport> import_pages(const std::vector<std::pair<std::string, std::string>>& pages,
                                 ImportOptions options = {}) {
  std::vector<InputStream> streams;
  for (const auto& [name, text] : pages) streams.push_back(InputStream::from_string(text, name));
  return import_prices("azure", streams, options);
}

const GpuOffer& offer(const PriceImport& import, const std::string& instance, const std::string& region = "eastus") {
  const auto& offers = import.sheet.regions.at(region).gpu_offers;
  const auto it = std::find_if(offers.begin(), offers.end(), [&](const GpuOffer& o) { return o.instance == instance; });
  REQUIRE(it != offers.end());
  return *it;
}

std::vector<std::string> reasons(const PriceImport& import) {
  std::vector<std::string> out;
  for (const auto& s : import.skipped) out.push_back(s.what + ": " + s.reason);
  return out;
}

}  // namespace

TEST_CASE("azure import: the Linux pay-as-you-go row is on-demand, never Windows, Dev/Test or Low Priority") {
  const std::string h100 = "Standard_ND96isr_H100_v5";
  const auto import =
      import_pages({{"page.json", page({
                                      item(h100, "102.736", {{"productName", "\"NDsr Series Windows\""}}),
                                      item(h100, "88.49", {{"type", "\"DevTestConsumption\""}}),
                                      item(h100, "24.58", {{"meterName", "\"ND96isr H100 v5 Low Priority\""}}),
                                      item(h100, "90.1", {{"productName", "\"Cloud Services NDsr\""}}),
                                      item(h100, "98.32"),
                                      item(h100, "19.664", {{"meterName", "\"ND96isr H100 v5 Spot\""}}),
                                  })}});
  REQUIRE(import);
  const GpuOffer& nd = offer(import.value(), h100);
  CHECK(nd.gpu == "H100");
  CHECK(nd.gpus == 8);
  CHECK(nd.hourly.size() == 2);
  CHECK(nd.hourly.at(PricingModel::on_demand).value == 98.32);
  CHECK(nd.hourly.at(PricingModel::spot).value == 19.664);
  CHECK(nd.hourly.at(PricingModel::on_demand).source == "azure-retail-prices-1");
  CHECK(import->sheet.regions.at("eastus").name == "US East");
  CHECK(import->skipped.empty());
  CHECK(import->sheet.provider == "azure");
  CHECK(import->sheet.billing_gb == ByteBase::binary);
}

TEST_CASE("azure import: a reservation's retailPrice is the total for its term, spread over its hours") {
  const std::string nc = "Standard_NC40ads_H100_v5";
  const auto import = import_pages(
      {{"page.json", page({item(nc, "3478.0", {{"type", "\"Reservation\""}, {"reservationTerm", "\"1 Year\""}}),
                           item(nc, "65700", {{"type", "\"Reservation\""}, {"reservationTerm", "\"3 Years\""}}),
                           item(nc, "90000", {{"type", "\"Reservation\""}, {"reservationTerm", "\"5 Years\""}})})}});
  REQUIRE(import);
  const GpuOffer& vm = offer(import.value(), nc);
  CHECK(vm.gpu == "H100-NVL");
  CHECK(vm.gpus == 1);
  // 3478 USD for a year of 8760 h; 65,700 USD for three years of 26,280 h = 2.5 USD/h.
  CHECK(vm.hourly.at(PricingModel::commit_1y).value == Approx(3478.0 / 8760));
  CHECK(vm.hourly.at(PricingModel::commit_1y).note == "1-year reservation: 3478 USD for the term / 8760 h");
  CHECK(vm.hourly.at(PricingModel::commit_3y).value == Approx(2.5));
  CHECK(vm.hourly.count(PricingModel::on_demand) == 0);
  CHECK(reasons(import.value()) ==
        std::vector<std::string>{"Standard_NC40ads_H100_v5 in eastus, 5 Years reservation (skuId "
                                 "SKU/Standard_NC40ads_H100_v5): its reservationTerm '5 Years' is neither 1 Year "
                                 "nor 3 Years"});
}

TEST_CASE("azure import: a savings plan is hourly, and a term takes it only when there is no reservation") {
  const std::string nc = "Standard_NC80adis_H100_v5";
  const std::string plans =
      R"([{"unitPrice": 9.6324, "retailPrice": 9.6324, "term": "1 Year"},
          {"unitPrice": 6.2824, "retailPrice": 6.2824, "term": "3 Years"}])";
  const auto import = import_pages(
      {{"page.json", page({item(nc, "13.96", {{"savingsPlan", plans}}),
                           item(nc, "157680", {{"type", "\"Reservation\""}, {"reservationTerm", "\"3 Years\""}})})}});
  REQUIRE(import);
  const GpuOffer& vm = offer(import.value(), nc);
  CHECK(vm.gpus == 2);
  CHECK(vm.hourly.at(PricingModel::on_demand).value == 13.96);
  CHECK(vm.hourly.at(PricingModel::commit_1y).value == 9.6324);
  CHECK(vm.hourly.at(PricingModel::commit_1y).note == "1-year savings plan; the pages give no reservation");
  // 157,680 USD / 26,280 h = 6 USD/h, preferred to the 3-year savings plan's 6.2824.
  CHECK(vm.hourly.at(PricingModel::commit_3y).value == Approx(6.0));
  CHECK(vm.hourly.at(PricingModel::commit_3y).note ==
        "3-year reservation: 157680 USD for the term / 26280 h; the 3-year savings plan is 6.2824 USD/h");
}

TEST_CASE("azure import: rows it cannot price are reported by size and SKU, never priced at 0") {
  const auto import = import_pages(
      {{"page.json",
        page({
            item("Standard_ND96isr_H200_v5", "\"NaN\""),
            item("Standard_ND96isr_MI300X_v5", "0.0"),
            item("Standard_ND96asr_v4", "null"),
            item("Standard_NCC40ads_H100_v5", "7.4", {{"productName", "\"NCCads H100 v5 Series Preview\""}}),
            item("Standard_ND96amsr_A100_v4", "33.1", {{"isPrimaryMeterRegion", "false"}}),
            item("Standard_ND96amsr_A100_v4", "30.5", {{"currencyCode", "\"EUR\""}}),
            item("Standard_ND96amsr_A100_v4", "3277", {{"unitOfMeasure", "\"100 Hours\""}}),
            item("Standard_NC24ads_A100_v4", "3.673"),
            item("Standard_ND128isr_GB300_v6", "61.0"),
            item("Standard_ND128isr_GB300_v6", "12.2", {{"meterName", "\"ND128isr GB300 v6 Spot\""}}),
            item("Standard_D4s_v5", "0.192"),
            item("Standard_ND128isr_NDR_GB200_v6", "108.0"),
        })}});
  REQUIRE(import);
  CHECK(offer(import.value(), "Standard_ND128isr_NDR_GB200_v6").gpus == 4);
  CHECK(import->sheet.regions.at("eastus").gpu_offers.size() == 1);
  CHECK(reasons(import.value()) ==
        std::vector<std::string>{
            "Standard_ND96isr_H200_v5 in eastus, pay-as-you-go (skuId SKU/Standard_ND96isr_H200_v5): its "
            "retailPrice 'NaN' is not a price",
            "Standard_ND96isr_MI300X_v5 in eastus, pay-as-you-go (skuId SKU/Standard_ND96isr_MI300X_v5): its "
            "retailPrice is 0, which tco reads as missing",
            "Standard_ND96asr_v4 in eastus, pay-as-you-go (skuId SKU/Standard_ND96asr_v4): its retailPrice 'null' "
            "is not a price",
            "Standard_NCC40ads_H100_v5 in eastus, pay-as-you-go (skuId SKU/Standard_NCC40ads_H100_v5): it is a "
            "preview price, which tco reads as missing",
            "Standard_ND96amsr_A100_v4 in eastus, pay-as-you-go (skuId SKU/Standard_ND96amsr_A100_v4): "
            "isPrimaryMeterRegion is false: the row repeats a meter whose primary region is another",
            "Standard_ND96amsr_A100_v4 in eastus, pay-as-you-go (skuId SKU/Standard_ND96amsr_A100_v4): its "
            "currencyCode is 'EUR', not USD",
            "Standard_ND96amsr_A100_v4 in eastus, pay-as-you-go (skuId SKU/Standard_ND96amsr_A100_v4): its "
            "unitOfMeasure is '100 Hours', not 1 Hour",
            "Standard_NC24ads_A100_v4 in eastus: its GPU, A100 80GB PCIe, is not one of tco's GPU models",
            "Standard_ND128isr_GB300_v6 in eastus: its size is of a GPU series but not in tco's GPU map; nothing "
            "is priced for it",
        });
}

TEST_CASE("azure import: two rows that price one thing differently give nothing; the same row twice gives it once") {
  const std::string h100 = "Standard_ND96isr_H100_v5";
  const auto import = import_pages(
      {{"a.json",
        page({item(h100, "127.816", {{"armRegionName", "\"westeurope\""}}),
              item(h100, "131.2", {{"armRegionName", "\"westeurope\""}, {"productName", "\"NDsr Series v2\""}}),
              item(h100, "98.32")})},
       {"b.json", page({item(h100, "98.32")})}});
  REQUIRE(import);
  CHECK(offer(import.value(), h100).hourly.at(PricingModel::on_demand).value == 98.32);
  CHECK(import->sheet.regions.count("westeurope") == 0);
  REQUIRE(import->skipped.size() == 1);
  CHECK(import->skipped.front().what == "Standard_ND96isr_H100_v5 in westeurope, pay-as-you-go");
  CHECK(import->skipped.front().reason ==
        "two rows give it differently (127.816 and 131.2 USD/h, the other at a.json:2); tco takes neither");
}

TEST_CASE("azure import: the internet egress ladder comes from the tiers' minimums, in GB as Azure bills") {
  const auto import = import_pages(
      {{"bandwidth.json",
        page({egress("eastus", "0.0", "0.0"), egress("eastus", "100.0", "0.087"), egress("eastus", "10240.0", "0.083"),
              egress("eastus", "51200.0", "0.07"), egress("eastus", "153600.0", "0.05"),
              egress("eastus", "100.0", "0.08", {{"productName", "\"Bandwidth - Routing Preference: Internet\""}}),
              egress("eastus", "0.0", "0.0", {{"meterName", "\"Standard Data Transfer In\""}}),
              // An older page: tierMinimumUnits as text.
              egress("westeurope", "\"0\"", "0.0"), egress("westeurope", "\"100\"", "0.087"),
              egress("westeurope", "\"10240\"", "0.083"), egress("Zone 1", "100.0", "0.087")})}});
  REQUIRE(import);
  const auto& ladder = *import->sheet.regions.at("eastus").network.internet_egress;
  CHECK(ladder.free_bytes.value == 100 * kGiB);
  REQUIRE(ladder.tiers.size() == 4);
  CHECK(*ladder.tiers[0].up_to_bytes == 10240 * kGiB);
  CHECK(ladder.tiers[0].price.value * kGiB == Approx(0.087));
  CHECK(*ladder.tiers[1].up_to_bytes == 51200 * kGiB);
  CHECK(*ladder.tiers[2].up_to_bytes == 153600 * kGiB);
  CHECK_FALSE(ladder.tiers[3].up_to_bytes);
  CHECK(ladder.tiers[3].price.value * kGiB == Approx(0.05));
  const auto& west = *import->sheet.regions.at("westeurope").network.internet_egress;
  CHECK(west.free_bytes.value == 100 * kGiB);
  REQUIRE(west.tiers.size() == 2);
  CHECK(west.tiers[1].price.value * kGiB == Approx(0.083));
  CHECK(import->sheet.regions.at("eastus").network.inter_region_default == std::nullopt);
  CHECK(reasons(import.value()) ==
        std::vector<std::string>{"internet egress from Zone 1 (Rtn Preference: MGN, meterId zone-1-meter): priced "
                                 "for a zone, not a region; tco takes a region's ladder from the rows of its "
                                 "armRegionName"});
}

TEST_CASE("azure import: a ladder with a tier it cannot read, or a paid tier at 0, is not taken") {
  const auto import = import_pages({{"bandwidth.json", page({
                                                           egress("eastus", "0.0", "0.0"),
                                                           egress("eastus", "100.0", "\"NaN\""),
                                                           egress("eastus", "10240.0", "0.083"),
                                                           egress("westus", "0.0", "0.0"),
                                                           egress("westus", "100.0", "0.0"),
                                                           egress("westeurope", "0.0", "0.0"),
                                                           egress("westeurope", "100.0", "0.087"),
                                                       })}});
  REQUIRE(import);
  CHECK(import->sheet.regions.count("eastus") == 0);
  CHECK(import->sheet.regions.count("westus") == 0);
  CHECK(import->sheet.regions.count("westeurope") == 1);
  CHECK(reasons(import.value()) ==
        std::vector<std::string>{
            "internet egress from eastus (Rtn Preference: MGN, meterId zone-1-meter): its retailPrice 'NaN' is not a "
            "price",
            "internet egress from eastus: a tier of its ladder cannot be read (see above); tco takes no ladder for "
            "the region",
            "internet egress from westus: its tier from 100 GB is priced 0, which tco reads as missing",
        });
}

TEST_CASE("azure import: pages cite their query URL, and give the same sheet in any order") {
  const std::string h100 = "Standard_ND96isr_H100_v5";
  const std::string first =
      page({item(h100, "98.32"), item(h100, "19.664", {{"meterName", "\"ND96isr H100 v5 Spot\""}})}, link(2));
  const std::string last = page({item(h100, "544872.0",
                                      {{"type", "\"Reservation\""},
                                       {"reservationTerm", "\"1 Year\""},
                                       {"effectiveStartDate", "\"2026-11-01T00:00:00Z\""}})});
  const auto in_order = import_pages({{"p1.json", first}, {"p2.json", last}});
  const auto reversed = import_pages({{"p2.json", last}, {"p1.json", first}});
  REQUIRE(in_order);
  REQUIRE(reversed);
  for (const auto* import : {&in_order.value(), &reversed.value()}) {
    const auto& sources = import->sheet.sources;
    REQUIRE(sources.size() == 2);
    CHECK(sources[0].id == "azure-retail-prices-1");
    CHECK(sources[0].url == kQuery);
    CHECK(sources[0].title ==
          "Azure Retail Prices API, $filter=serviceName eq 'Virtual Machines', page at $skip=0, api-version "
          "2023-01-01-preview");
    CHECK(sources[0].retrieved == *parse_date("2026-06-01"));
    CHECK(sources[1].url == kQuery + "&$skip=2");
    CHECK(sources[1].retrieved == *parse_date("2026-11-01"));
    CHECK(sources[1].note.find("imported by tco prices import from p2.json (" + std::to_string(last.size()) +
                               " bytes, SHA-256 ") == 0);
    const GpuOffer& nd = offer(*import, h100);
    CHECK(nd.hourly.at(PricingModel::on_demand).source == "azure-retail-prices-1");
    CHECK(nd.hourly.at(PricingModel::commit_1y).source == "azure-retail-prices-2");
    CHECK(nd.hourly.at(PricingModel::commit_1y).value == Approx(62.2));
    // In effect from the newest effectiveStartDate of the prices taken.
    CHECK(import->sheet.effective == *parse_date("2026-11-01"));
  }
  CHECK(in_order.diagnostics().empty());
  CHECK(reversed.diagnostics().empty());
  CHECK(in_order->files[0].source_id == "azure-retail-prices-1");
  CHECK(reversed->files[0].source_id == "azure-retail-prices-2");
  CHECK(reversed->files[0].prices == 1);
  ImportOptions options;
  options.effective = parse_date("2026-12-01");
  CHECK(import_pages({{"p1.json", first}, {"p2.json", last}}, options)->sheet.effective == *parse_date("2026-12-01"));
}

TEST_CASE("azure import: a page the pages link to but not given is warned of; an empty page is no page") {
  const std::string h100 = "Standard_ND96isr_H100_v5";
  const std::string first = page({item(h100, "98.32")}, link(1));
  const auto alone = import_pages({{"p1.json", first}});
  REQUIRE(alone);
  REQUIRE(alone.diagnostics().items().size() == 1);
  CHECK(format_location(alone.diagnostics().items().front()) ==
        "p1.json:2:17: NextPageLink: 1 more page was not given: no file given is the page this NextPageLink names "
        "($skip=1), so the prices on it are not in the sheet; save every page, following NextPageLink until it is "
        "null");
  // An empty last page answers the link.
  const auto with_empty = import_pages({{"p1.json", first}, {"p2.json", page({})}});
  REQUIRE(with_empty);
  CHECK(with_empty.diagnostics().empty());
  CHECK(with_empty->files[1].prices == 0);
  CHECK(with_empty->sheet.sources.size() == 1);
  const auto only_empty = import_pages({{"p2.json", page({})}});
  REQUIRE_FALSE(only_empty);
  CHECK(format_location(only_empty.diagnostics().items().front()) ==
        "the pages hold no price tco imports (GPU virtual machines, internet egress); nothing to write");
}

TEST_CASE("azure import: a file that is not a Retail Prices page is refused where it shows, naming its command") {
  const auto first_error = [](const std::string& text) {
    const auto import = import_pages({{"f.json", text}});
    REQUIRE_FALSE(import);
    return format_location(import.diagnostics().items().front());
  };
  CHECK(first_error(R"({"formatVersion": "v1.0", "offerCode": "AmazonEC2", "products": {}})") ==
        "f.json:1:2: formatVersion: this is not an Azure Retail Prices page: it looks like an AWS Price List offer "
        "file; import it with `tco prices import aws`");
  CHECK(first_error("\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"...\"\n") ==
        "f.json:1:1: this is not an Azure Retail Prices page: it looks like an AWS Price List offer file (CSV); "
        "import it with `tco prices import aws`");
  CHECK(first_error("<html><body>503 Service Unavailable</body></html>") ==
        "f.json:1:1: expected a JSON value, found '<': this looks like an HTML or XML page (an error page saved "
        "instead of the price file?)");
  CHECK(first_error(R"({"BillingCurrency": "USD", "Items": [{"serviceName": "Virt)") ==
        "f.json:1:54: the file ends inside a string (is it truncated?)");
  CHECK(first_error(R"({"BillingCurrency": "EUR", "Items": []})") ==
        "f.json:1:2: BillingCurrency: tco's price sheets are in USD; this page's prices are in 'EUR' (save the "
        "pages without a currencyCode in the query: USD is the default)");
  CHECK(first_error(R"({"skus": [], "nextPageToken": ""})") ==
        "f.json:1:2: skus: this is not an Azure Retail Prices page: it looks like a Google Cloud Billing Catalog "
        "page; import it with `tco prices import gcp`");
  CHECK(first_error("{}") == "f.json:1:1: this is not an Azure Retail Prices page: it has no 'Items'");
  CHECK(first_error(R"({"Items": {}})") == "f.json:1:11: Items: expected an array, found an object");
}

TEST_CASE("azure import: a query's last page is told by the services its filter names; other pages cite the API") {
  const std::string h100 = "Standard_ND96isr_H100_v5";
  const std::string bandwidth_query =
      "\"https://prices.azure.com/api/retail/prices?$filter=serviceName%20eq%20%27Bandwidth%27&$skip=1\"";
  const std::string vm_first = page({item(h100, "98.32")}, link(1));
  const std::string vm_last = page({item(h100, "19.664", {{"meterName", "\"ND96isr H100 v5 Spot\""}})});
  const std::string bandwidth = page({egress("eastus", "0.0", "0.0"), egress("eastus", "100.0", "0.087")});
  const auto import = import_pages({{"bw.json", bandwidth}, {"vm-2.json", vm_last}, {"vm-1.json", vm_first}});
  REQUIRE(import);
  CHECK(import.diagnostics().empty());
  const auto& sources = import->sheet.sources;
  REQUIRE(sources.size() == 3);
  CHECK(sources[0].url == kQuery);
  CHECK(sources[1].url == kQuery + "&$skip=1");
  CHECK(sources[2].url == "https://prices.azure.com/api/retail/prices");
  CHECK(sources[2].title ==
        "Azure Retail Prices API page of Bandwidth prices in eastus; its query is not known (a query's last page "
        "has no NextPageLink)");
  CHECK(import->files[0].source_id == "azure-retail-prices-3");
  // Two queries whose next pages were not given, and no last page for either: two missing.
  const auto two_missing = import_pages({{"vm-1.json", vm_first}, {"bw-1.json", page({}, bandwidth_query)}});
  REQUIRE(two_missing);
  REQUIRE(two_missing.diagnostics().items().size() == 1);
  CHECK(two_missing.diagnostics().items().front().message.find("2 more pages were not given: ") == 0);
}

TEST_CASE("azure import: a price beyond what a sheet holds is skipped, and its ladder not taken (a fuzz finding)") {
  const auto import = import_pages({{"bandwidth.json", page({
                                                           egress("eastus", "0.0", "0.0"),
                                                           egress("eastus", "100.0", "555555555555555520"),
                                                           egress("westeurope", "0.0", "0.0"),
                                                           egress("westeurope", "100.0", "0.087"),
                                                       })}});
  REQUIRE(import);
  CHECK(import->sheet.regions.count("eastus") == 0);
  CHECK(import->sheet.regions.count("westeurope") == 1);
  CHECK(reasons(import.value()) ==
        std::vector<std::string>{"internet egress from eastus: its value is beyond what a sheet holds (at most 10^12 "
                                 "in its currency per GB)"});
}

TEST_CASE("azure import: pages whose every price is beyond what a sheet holds write nothing (a fuzz finding)") {
  const auto import = import_pages({{"bandwidth.json", page({egress("eastus", "0.0", "0.0"),
                                                             egress("eastus", "100.0", "555555555555555520")})}});
  REQUIRE_FALSE(import);
  const auto& items = import.diagnostics().items();
  CHECK(items.back().message ==
        "the files hold no price tco can take (every one was skipped, see above); nothing to write");
  CHECK(items.front().message ==
        "skipped: its value is beyond what a sheet holds (at most 10^12 in its currency per GB)");
}
