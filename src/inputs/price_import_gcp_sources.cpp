// `tco prices import gcp`: the pages read in the order given, their order checked against
// their nextPageToken, and each service's pages cited as one source: the Catalog API's URL of
// the service's SKUs, the pages as saved, and each page's size and SHA-256. One source per
// service, not per page: a machine's price adds up SKUs that may sit on several pages, and
// each of them is cited. The Catalog gives no publication date: a price's date is its
// pricingInfo.effectiveTime, which, for pages fetched without a time range, is a time within
// the 12 hours before the request.
#include <algorithm>

#include <fmt/format.h>

#include "price_import_gcp.hpp"
#include "tco/core/text.hpp"

namespace tco::price_import {
namespace {

std::string service_name(std::string_view id) {
  return std::string(id == kGcpCloudStorage.id ? kGcpCloudStorage.name : kGcpComputeEngine.name);
}

std::string slug(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return c == ' ' ? '-' : static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<Date> day_of(const std::string& time) {
  return time.size() >= 10 ? parse_date(time.substr(0, 10)) : std::nullopt;
}

// The source citing a service's pages, in the order given.
PriceSource service_source(const std::string& service, const std::vector<std::size_t>& indexes,
                           const std::vector<GcpPage>& pages, const std::vector<ImportedFile>& files, Date retrieved) {
  const std::string name = service_name(service);
  PriceSource source;
  source.id = "gcp-catalog-" + slug(name);
  source.url = fmt::format("{}/{}/skus", kGcpCatalogApi, service);
  source.title =
      fmt::format("Google Cloud Billing Catalog API, {} SKUs (service {}), {} as saved", name, service,
                  indexes.size() == 1 ? std::string("page 1 of 1") : fmt::format("pages 1 to {}", indexes.size()));
  source.retrieved = retrieved;
  source.confidence = Confidence::primary;
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < indexes.size(); ++k) {
    const ImportedFile& file = files[indexes[k]];
    parts.push_back(fmt::format("{} (page {}: {} bytes, SHA-256 {}, {} SKUs)", file.name, k + 1, file.bytes,
                                file.sha256, pages[indexes[k]].skus));
  }
  source.note = fmt::format(
      "imported by tco prices import from {}; retrieved is the newest pricingInfo.effectiveTime of the SKUs "
      "taken from them",
      join(parts, ", "));
  return source;
}

// Warns of pages given out of order or missing: the last page given of a service must be its
// last (no nextPageToken), and only it.
void check_page_order(const std::vector<GcpPage>& pages, const std::vector<ImportedFile>& files, Diagnostics& d) {
  std::map<std::string, std::vector<std::size_t>> by_service;
  for (std::size_t i = 0; i < pages.size(); ++i) by_service[pages[i].service].push_back(i);
  for (const auto& [service, indexes] : by_service) {
    for (std::size_t k = 0; k < indexes.size(); ++k) {
      const GcpPage& page = pages[indexes[k]];
      const std::string& name = files[indexes[k]].name;
      if (k + 1 == indexes.size() && !page.next_token.empty()) {
        d.warning({name, 0, 0}, "nextPageToken",
                  fmt::format("more pages of {} SKUs follow this one, and their prices are not imported: fetch the "
                              "next with pageToken={} (tco-prices(5), IMPORTING)",
                              service_name(service), page.next_token));
      } else if (k + 1 < indexes.size() && page.next_token.empty()) {
        d.warning({name, 0, 0}, "nextPageToken",
                  fmt::format("this is the last page of {} SKUs, yet {} follows it: are the pages in the order "
                              "fetched?",
                              service_name(service), files[indexes[k + 1]].name));
      }
    }
  }
}

}  // namespace

Result<PriceImport> import_gcp(std::vector<InputStream>& files, const ImportOptions& options) {
  PriceImport out;
  Diagnostics d;
  GcpCollector collector(options, out);
  out.files.resize(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    ImportedFile& file = out.files[i];
    file.name = files[i].name();
    file.source_id = fmt::format("#{}", i);
    Diagnostics file_errors;
    read_gcp_page(files[i], collector, collector.begin_file(i), file, file_errors);
    file.sha256 = files[i].sha256();
    file.bytes = files[i].bytes_read();
    d.append(file_errors);
  }
  if (d.has_errors()) return d;
  const std::vector<GcpPage>& pages = collector.pages();
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (out.files[i].sha256 == out.files[j].sha256) {
        d.error({out.files[i].name, 0, 0}, "",
                fmt::format("this is the same page as {} (the same SHA-256); give each page once", out.files[j].name));
      }
    }
  }
  if (d.has_errors()) return d;
  check_page_order(pages, out.files, d);
  collector.finish();

  // Each service's source, citing its pages.
  std::map<std::string, std::vector<std::size_t>> by_service;
  for (std::size_t i = 0; i < pages.size(); ++i) by_service[pages[i].service].push_back(i);
  std::map<std::string, std::string> ids;
  std::string newest;
  for (const auto& [service, indexes] : by_service) {
    std::string taken;
    int prices = 0;
    for (const std::size_t i : indexes) {
      const GcpPage& page = pages[i];
      out.files[i].published = page.newest_taken.empty() ? page.newest : page.newest_taken;
      out.files[i].prices = page.prices;
      taken = std::max(taken, page.newest_taken);
      prices += page.prices;
    }
    if (prices == 0) continue;  // pages nothing was taken from are listed, not cited
    newest = std::max(newest, taken);
    // Retrieved: the SKUs' newest date, or the date given when they have none.
    const auto day = day_of(taken) ? day_of(taken) : options.effective;
    if (!day) {
      d.error({out.files[indexes.front()].name, 0, 0}, "effectiveTime",
              fmt::format("expected the SKUs' pricingInfo.effectiveTime, found '{}'; give --effective DATE", taken));
      continue;
    }
    PriceSource source = service_source(service, indexes, pages, out.files, *day);
    for (const std::size_t i : indexes) ids[out.files[i].source_id] = source.id;
    out.sheet.sources.push_back(std::move(source));
  }
  if (d.has_errors()) return d;
  cite_files(out, ids);
  for (auto& file : out.files) {
    if (const auto it = ids.find(file.source_id); it != ids.end()) file.source_id = it->second;
  }
  for (const auto& region : options.regions) {
    if (out.sheet.regions.count(region) == 0) {
      d.error({}, "--region", fmt::format("the pages hold no price tco imports for region '{}'", region));
    }
  }
  if (out.sheet.regions.empty() && !d.has_errors()) {
    d.error({}, "",
            "the pages hold no price tco imports (GPU machine types, internet egress, storage classes); nothing to "
            "write");
  }
  if (d.has_errors()) return d;
  out.sheet.provider = "gcp";
  out.sheet.name = "Google Cloud";
  out.sheet.currency = "USD";
  out.sheet.billing_gb = ByteBase::binary;  // the Catalog prices per gibibyte (GiBy): 2^30 bytes
  const auto effective = options.effective ? options.effective : day_of(newest);
  if (!effective) {
    d.error({}, "effectiveTime", "the SKUs taken give no pricingInfo.effectiveTime; give --effective DATE");
    return d;
  }
  out.sheet.effective = *effective;
  return Result<PriceImport>(std::move(out), std::move(d));
}

}  // namespace tco::price_import
