// `tco prices import`: which reader reads a provider's files, the sheet's header, and the
// sources that cite each file by its published URL, version, date and SHA-256.
#include "tco/inputs/price_import.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "price_import_azure.hpp"
#include "price_import_gcp.hpp"
#include "price_import_internal.hpp"
#include "tco/core/quantity.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"

namespace tco {
namespace {

constexpr std::string_view kAwsPricing = "https://pricing.us-east-1.amazonaws.com";
constexpr std::string_view kSpotAdvisorUrl = "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json";

bool looks_like_csv(InputStream& in) {
  // The AWS CSV files start with "FormatVersion"; JSON with '{'. Decided by the name when it
  // says so, else by the first byte, which the reader then reads again from the start.
  const std::string& name = in.name();
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
}

// Calls `visit` on every price of the sheet's regions.
template <typename Visit>
void for_each_price(PriceSheet& sheet, Visit visit) {
  for (auto& [id, region] : sheet.regions) {
    for (auto& offer : region.gpu_offers) {
      for (auto& [model, price] : offer.hourly) visit(price);
      if (offer.interruption_every) visit(*offer.interruption_every);
    }
    for (auto& [storage_class, price] : region.storage) visit(price);
    Network& n = region.network;
    if (n.ingress) visit(*n.ingress);
    if (n.internet_egress) {
      visit(n.internet_egress->free_bytes);
      for (auto& tier : n.internet_egress->tiers) visit(tier.price);
    }
    if (n.inter_region_default) visit(*n.inter_region_default);
    for (auto& [to, price] : n.inter_region_to) visit(price);
    if (n.inter_zone) visit(*n.inter_zone);
    if (n.interconnect_egress) visit(*n.interconnect_egress);
    for (auto& [port, price] : n.interconnect_ports) visit(price);
  }
}

// The source citing an AWS file: where AWS publishes that version of it.
PriceSource aws_source(const ImportedFile& file, const std::string& offer, const std::set<std::string>& regions,
                       bool csv, Date published) {
  const std::string region = regions.size() == 1 ? *regions.begin() : "";
  const std::string version = file.version.empty() ? "current" : file.version;
  PriceSource source;
  source.id = "aws-price-list-" + to_lower(offer) + (region.empty() ? "" : "-" + region);
  // Savings Plans files are published under savingsPlan/, offer files under offers/.
  const bool plans = offer == "AWSComputeSavingsPlan";
  source.url = fmt::format("{}/{}/v1.0/aws/{}/{}/{}index.{}", kAwsPricing, plans ? "savingsPlan" : "offers", offer,
                           version, region.empty() ? "" : region + "/", csv ? "csv" : "json");
  source.title = fmt::format("AWS Price List, {} {}{} ({}), version {}, published {}", offer,
                             plans ? "Savings Plans file" : "offer file", region.empty() ? "" : " for " + region,
                             csv ? "CSV" : "JSON", version, file.published);
  source.retrieved = published;
  source.confidence = Confidence::primary;
  source.note = fmt::format(
      "imported by tco prices import from {} ({} bytes, SHA-256 {}); retrieved is the "
      "file's publication date",
      file.name, file.bytes, file.sha256);
  return source;
}

// The source citing the Spot Advisor data, which states no version or date: it is dated as
// the sheet, as it is downloaded with the offer files.
PriceSource spot_advisor_source(const ImportedFile& file, Date day) {
  PriceSource source;
  source.id = "aws-spot-advisor";
  source.url = std::string(kSpotAdvisorUrl);
  source.title = "AWS EC2 Spot Advisor data (spot-advisor-data.json): frequency of interruption by instance type";
  source.retrieved = day;
  source.confidence = Confidence::primary;
  source.note = fmt::format(
      "imported by tco prices import from {} ({} bytes, SHA-256 {}); the file states no date: retrieved is the "
      "sheet's effective date",
      file.name, file.bytes, file.sha256);
  return source;
}

std::optional<Date> publication_day(const std::string& published) {
  return published.size() >= 10 ? parse_date(published.substr(0, 10)) : std::nullopt;
}

Result<PriceImport> import_aws(std::vector<InputStream>& files, const ImportOptions& options) {
  PriceImport out;
  Diagnostics d;
  price_import::AwsCollector collector(options, out);
  std::vector<std::pair<std::string, bool>> offers;  // per file: offer code, CSV
  std::vector<std::set<std::string>> regions;
  out.files.resize(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    ImportedFile& file = out.files[i];
    file.name = files[i].name();
    file.source_id = fmt::format("#{}", i);
    const bool csv = looks_like_csv(files[i]);
    Diagnostics file_errors;
    if (csv) {
      price_import::read_aws_csv(files[i], collector, file, file_errors);
    } else {
      price_import::read_aws_json(files[i], collector, file, file_errors);
    }
    file.sha256 = files[i].sha256();
    file.bytes = files[i].bytes_read();
    const auto space = file.kind.find(' ');
    offers.emplace_back(file.kind.substr(0, space), csv);
    regions.push_back(collector.file_regions());
    d.append(file_errors);
  }
  if (d.has_errors()) return d;
  collector.finish();

  // Each file's source, now that its version and regions are known.
  std::map<std::string, std::string> ids;
  std::optional<Date> newest;
  std::vector<std::size_t> undated;  // the Spot Advisor data, dated as the sheet
  const auto add_source = [&](ImportedFile& file, PriceSource source) {
    const std::string base = source.id;
    for (int n = 2; out.sheet.find_source(source.id) != nullptr; ++n) source.id = fmt::format("{}-{}", base, n);
    ids[file.source_id] = source.id;
    file.source_id = source.id;
    out.sheet.sources.push_back(std::move(source));
  };
  for (std::size_t i = 0; i < out.files.size(); ++i) {
    ImportedFile& file = out.files[i];
    if (file.kind == price_import::kSpotAdvisorKind) {
      undated.push_back(i);
      continue;
    }
    auto day = publication_day(file.published);
    if (!day) {
      if (!options.effective) {
        d.error({file.name, 0, 0}, "publicationDate",
                fmt::format("expected the file's publication date, found '{}'; give --effective DATE", file.published));
        continue;
      }
      day = options.effective;  // the file states none: its source is dated as the sheet
    }
    if (!newest || *day > *newest) newest = day;
    add_source(file, aws_source(file, offers[i].first, regions[i], offers[i].second, *day));
  }
  const std::optional<Date> sheet_day = options.effective ? options.effective : newest;
  for (const std::size_t i : undated) {
    if (sheet_day) add_source(out.files[i], spot_advisor_source(out.files[i], *sheet_day));
  }
  if (d.has_errors()) return d;
  price_import::cite_files(out, ids);
  for (const auto& region : options.regions) {
    if (out.sheet.regions.count(region) == 0) {
      d.error({}, "--region", fmt::format("the files hold no price tco imports for region '{}'", region));
    }
  }
  if (out.sheet.regions.empty() && !d.has_errors()) {
    d.error({}, "",
            "the files hold no price tco imports (GPU instances, internet egress, inter-region transfer, "
            "storage); nothing to write");
  }
  if (d.has_errors()) return d;
  out.sheet.provider = "aws";
  out.sheet.name = "Amazon Web Services";
  out.sheet.currency = "USD";
  out.sheet.billing_gb = ByteBase::binary;  // AWS bills a "GB" as 2^30 bytes
  out.sheet.effective = options.effective ? *options.effective : *newest;
  return Result<PriceImport>(std::move(out), std::move(d));
}

// The first page of each Google Cloud service's SKUs. The Catalog API needs an API key
// (GCP_API_KEY here) and serves at most 5000 SKUs a page: a page whose nextPageToken is not
// empty is followed by the next, fetched with pageToken=TOKEN (tco-prices(5), IMPORTING).
std::vector<PriceFileUrl> gcp_file_urls() {
  std::vector<PriceFileUrl> urls;
  for (const auto& service : {price_import::kGcpComputeEngine, price_import::kGcpCloudStorage}) {
    std::string name = to_lower(std::string(service.name));
    std::replace(name.begin(), name.end(), ' ', '-');
    urls.push_back({fmt::format("{} SKUs, page 1 (every region); needs GCP_API_KEY; while a page's nextPageToken is "
                                "not empty, fetch the next with &pageToken=TOKEN",
                                service.name),
                    fmt::format("{}/{}/skus?pageSize=5000&key=$GCP_API_KEY", price_import::kGcpCatalogApi, service.id),
                    fmt::format("{}-1.json", name)});
  }
  return urls;
}

// The Retail Prices API's first page of each query a region needs, in api-version
// 2023-01-01-preview, the one that gives savings plans. The API answers 1,000 items a page and
// names the next in NextPageLink: every page must be saved, following it until it is null
// (tco-prices(5), IMPORTING, has a loop). "$filter" is written %24filter, as the API accepts,
// so that the curl line can be single-quoted.
std::vector<PriceFileUrl> azure_file_urls(const std::vector<std::string>& regions) {
  std::vector<PriceFileUrl> urls;
  const std::vector<std::string> wanted = regions.empty() ? std::vector<std::string>{"eastus"} : regions;
  for (const auto& region : wanted) {
    for (const auto& [service, what, name] : {std::tuple{"Virtual%20Machines", "Virtual Machines", "vm"},
                                              std::tuple{"Bandwidth", "Bandwidth", "bandwidth"}}) {
      urls.push_back({fmt::format("{} prices in {}, page 1: save every page its NextPageLink names, until it is null",
                                  what, region),
                      fmt::format("{}?api-version=2023-01-01-preview&%24filter=serviceName%20eq%20%27{}%27%20and%20"
                                  "armRegionName%20eq%20%27{}%27",
                                  price_import::kAzureRetailPrices, service, region),
                      fmt::format("azure-{}-{}-1.json", name, region)});
    }
  }
  return urls;
}

// A value beyond what a sheet may hold (tco-prices(5) reads no price over 10^12 per GB, say)
// is no price: reported and taken out, so that the sheet written loads back. A ladder loses
// all its tiers with one, a ladder being whole or nothing.
class Bounds {
 public:
  explicit Bounds(PriceImport& out) : out_(out) {}

  void run() {
    for (auto& region_entry : out_.sheet.regions) {
      const std::string& id = region_entry.first;  // a name, not a binding: lambdas below capture it
      Region& region = region_entry.second;
      for (auto& offer : region.gpu_offers) {
        std::erase_if(offer.hourly, [&](const auto& entry) {
          return !fits(entry.second, Dimension::money_per_hour, offer.instance + " in " + id);
        });
        if (offer.interruption_every && !fits(*offer.interruption_every, Dimension::hours, offer.instance + " in " + id))
          offer.interruption_every.reset();
      }
      std::erase_if(region.gpu_offers, [](const GpuOffer& offer) { return offer.hourly.empty(); });
      std::erase_if(region.storage, [&](const auto& entry) {
        return !fits(entry.second, Dimension::money_per_byte_month, "storage in " + id);
      });
      network(id, region.network);
    }
    std::erase_if(out_.sheet.regions, [](const auto& entry) {
      const Region& r = entry.second;
      const Network& n = r.network;
      return r.gpu_offers.empty() && r.storage.empty() && !n.ingress && !n.internet_egress &&
             !n.inter_region_default && n.inter_region_to.empty() && !n.inter_zone && !n.interconnect_egress &&
             n.interconnect_ports.empty();
    });
  }

 private:
  bool fits(const Sourced& value, Dimension dimension, const std::string& what) {
    if (within_ceiling(value.value, dimension)) return true;
    out_.skipped.push_back({value.where, what,
                            fmt::format("its value is beyond what a sheet holds (at most {})", ceiling_text(dimension))});
    return false;
  }

  void optional(std::optional<Sourced>& value, Dimension dimension, const std::string& what) {
    if (value && !fits(*value, dimension, what)) value.reset();
  }

  void network(const std::string& id, Network& n) {
    optional(n.ingress, Dimension::money_per_byte, "ingress to " + id);
    optional(n.inter_region_default, Dimension::money_per_byte, "inter-region transfer from " + id);
    optional(n.inter_zone, Dimension::money_per_byte, "inter-zone transfer in " + id);
    optional(n.interconnect_egress, Dimension::money_per_byte, "interconnect egress from " + id);
    std::erase_if(n.inter_region_to, [&](const auto& entry) {
      return !fits(entry.second, Dimension::money_per_byte, "transfer from " + id + " to " + entry.first);
    });
    std::erase_if(n.interconnect_ports, [&](const auto& entry) {
      return !fits(entry.second, Dimension::money_per_hour, "port " + entry.first + " in " + id);
    });
    if (!n.internet_egress) return;
    bool whole = fits(n.internet_egress->free_bytes, Dimension::bytes, "internet egress from " + id);
    for (const auto& tier : n.internet_egress->tiers) {
      whole = whole && fits(tier.price, Dimension::money_per_byte, "internet egress from " + id);
    }
    if (!whole) n.internet_egress.reset();
  }

  PriceImport& out_;
};

}  // namespace

const std::vector<std::string>& import_provider_names() {
  static const std::vector<std::string> names{"aws", "azure", "gcp"};
  return names;
}

Result<PriceImport> import_prices(const std::string& provider, std::vector<InputStream>& files,
                                  const ImportOptions& options) {
  auto bounded = [](Result<PriceImport> imported) -> Result<PriceImport> {
    if (!imported) return imported;
    PriceImport& out = imported.value();
    Bounds(out).run();
    if (out.sheet.regions.empty()) {
      Diagnostics d = imported.diagnostics();
      for (const auto& skipped : out.skipped) d.warning(skipped.where, skipped.what, "skipped: " + skipped.reason);
      d.error({}, "", "the files hold no price tco can take (every one was skipped, see above); nothing to write");
      return d;
    }
    // A file whose every price was beyond the limits is cited by nothing.
    std::set<std::string> cited;
    for_each_price(out.sheet, [&](Sourced& price) { cited.insert(price.source); });
    std::erase_if(out.sheet.sources, [&](const PriceSource& source) { return cited.count(source.id) == 0; });
    return imported;
  };
  if (provider == "aws") return bounded(import_aws(files, options));
  if (provider == "azure") return bounded(price_import::import_azure(files, options));
  if (provider == "gcp") return bounded(price_import::import_gcp(files, options));
  Diagnostics d;
  d.error({}, "",
          fmt::format("tco imports the price files of {}; found '{}'", quoted_list(import_provider_names()), provider));
  return d;
}

std::vector<PriceFileUrl> price_file_urls(const std::string& provider, const std::vector<std::string>& regions) {
  std::vector<PriceFileUrl> urls;
  if (provider == "azure") return azure_file_urls(regions);
  if (provider == "gcp") return gcp_file_urls();
  if (provider != "aws") return urls;
  const std::vector<std::string> wanted = regions.empty() ? std::vector<std::string>{"us-east-1"} : regions;
  for (const auto& region : wanted) {
    urls.push_back({"AmazonEC2 offer file for " + region,
                    fmt::format("{}/offers/v1.0/aws/AmazonEC2/current/{}/index.json", kAwsPricing, region),
                    "AmazonEC2-" + region + ".json"});
  }
  urls.push_back({"AWSDataTransfer offer file (every region)",
                  fmt::format("{}/offers/v1.0/aws/AWSDataTransfer/current/index.json", kAwsPricing),
                  "AWSDataTransfer.json"});
  urls.push_back({"AmazonS3 offer file (every region)",
                  fmt::format("{}/offers/v1.0/aws/AmazonS3/current/index.json", kAwsPricing), "AmazonS3.json"});
  urls.push_back({"EC2 Spot Advisor data: how often spot instances are interrupted (every region)",
                  std::string(kSpotAdvisorUrl), "spot-advisor-data.json"});
  for (const auto& region : wanted) {
    urls.push_back(
        {"Savings Plans rates in " + region,
         fmt::format("{}/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/{}/index.json", kAwsPricing, region),
         "AWSComputeSavingsPlan-" + region + ".json"});
  }
  return urls;
}

}  // namespace tco

namespace tco::price_import {

void cite_files(PriceImport& out, const std::map<std::string, std::string>& ids) {
  for_each_price(out.sheet, [&](Sourced& price) {
    const auto it = ids.find(price.source);
    if (it == ids.end()) return;
    price.source = it->second;
    for (auto& file : out.files) file.prices += file.source_id == it->second ? 1 : 0;
  });
}

}  // namespace tco::price_import
