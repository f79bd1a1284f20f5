// Google Cloud Billing Catalog pages (`services/SERVICE/skus`, as saved: {skus, nextPageToken})
// read as a stream, one SKU flattened at a time; and `tco prices import gcp`: the pages of
// Compute Engine and Cloud Storage read in the order given, combined, and each cited by the
// API's URL, its service and page, and its SHA-256.
#include "price_import_gcp.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "price_import_json.hpp"

namespace tco::price_import {
namespace {

// Keys that say which other file this is, for a message that names the command to use.
std::string foreign_file(std::string_view key) {
  if (key == "offerCode" || key == "formatVersion" || key == "products" || key == "terms" || key == "publicationDate") {
    return "it looks like an AWS Price List offer file; import it with `tco prices import aws`";
  }
  if (key == "Items" || key == "NextPageLink" || key == "BillingCurrency") {
    return "it looks like an Azure Retail Prices page; import it with `tco prices import azure`";
  }
  if (key == "services") {
    return fmt::format(
        "it is the Catalog's list of services; save the pages of {}/{}/skus (Compute Engine) and {}/{}/skus "
        "(Cloud Storage), as `tco prices urls gcp` prints them",
        kGcpCatalogApi, kGcpComputeEngine.id, kGcpCatalogApi, kGcpCloudStorage.id);
  }
  return "";
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string_view service_name(std::string_view id) {
  for (const auto& service : {kGcpComputeEngine, kGcpCloudStorage}) {
    if (service.id == id) return service.name;
  }
  return {};
}

// The index and the rest of "N.rest".
std::pair<int, std::string_view> indexed(std::string_view path) {
  const auto dot = path.find('.');
  int index = 0;
  std::from_chars(path.data(), path.data() + std::min(dot, path.size()), index);
  return {index, dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1)};
}

// One SKU's flattened fields as a GcpSku, from its pricingInfo with the newest effectiveTime.
GcpSku sku_of(const FlatRecord& record, std::string& display_name) {
  GcpSku sku;
  sku.where = record.where;
  std::map<int, std::map<std::string, std::string, std::less<>>> infos;
  std::vector<std::string> geo;
  for (const auto& [key, value] : record.fields) {
    const std::string_view k = key;
    if (k == "skuId") sku.id = value;
    if (k == "description") sku.description = value;
    if (k == "category.resourceGroup") sku.resource_group = value;
    if (k == "category.usageType") sku.usage_type = value;
    if (k == "category.serviceDisplayName") display_name = value;
    if (k == "name" && starts_with(value, "services/")) {
      sku.service = value.substr(9, value.find('/', 9) - 9);
    }
    if (starts_with(k, "serviceRegions.")) sku.regions.push_back(value);
    if (starts_with(k, "geoTaxonomy.regions.")) geo.push_back(value);
    if (starts_with(k, "pricingInfo.")) {
      const auto [index, rest] = indexed(k.substr(12));
      infos[index][std::string(rest)] = value;
    }
  }
  if (sku.regions.empty()) sku.regions = std::move(geo);
  const std::map<std::string, std::string, std::less<>>* info = nullptr;
  const auto time_of = [](const auto& fields) {
    const auto it = fields.find("effectiveTime");
    return it == fields.end() ? std::string() : it->second;
  };
  for (const auto& [index, fields] : infos) {
    if (info == nullptr || time_of(fields) >= time_of(*info)) info = &fields;
  }
  if (info == nullptr) return sku;
  sku.effective = time_of(*info);
  std::map<int, GcpRate> rates;
  constexpr std::string_view kTiers = "pricingExpression.tieredRates.";
  for (const auto& [path, value] : *info) {
    if (path == "pricingExpression.usageUnit") sku.unit = value;
    if (!starts_with(path, kTiers)) continue;
    const auto [index, field] = indexed(std::string_view(path).substr(kTiers.size()));
    GcpRate& rate = rates[index];
    if (field == "startUsageAmount") rate.start = value;
    if (field == "unitPrice.units") rate.units = value;
    if (field == "unitPrice.nanos") rate.nanos = value;
    if (field == "unitPrice.currencyCode") rate.currency = value;
  }
  for (auto& [index, rate] : rates) sku.rates.push_back(std::move(rate));
  return sku;
}

class PageReader {
 public:
  PageReader(InputStream& in, GcpCollector& collector, GcpPage& page)
      : in_(in), r_(in), collector_(collector), page_(page) {}

  [[nodiscard]] const Diagnostics& diagnostics() const { return r_.diagnostics(); }

  void read() {
    const JsonToken first = r_.next();
    if (first != JsonToken::begin_object) {
      if (first != JsonToken::error) fail(r_.where(), "", "expected an object, found " + describe(first));
      return;
    }
    SourceLocation skus_at;
    bool has_skus = false;
    for (JsonToken token = r_.next(); token != JsonToken::end_object && !r_.failed(); token = r_.next()) {
      if (token != JsonToken::key) return;
      const std::string key(r_.text());
      const SourceLocation where = r_.where();
      if (const std::string other = foreign_file(key); !other.empty()) {
        return fail(where, key, "this is not a Cloud Billing Catalog page of SKUs: " + other);
      }
      if (key == "skus") {
        has_skus = true;
        skus_at = where;
        if (!read_skus()) return;
      } else if (key == "nextPageToken") {
        const JsonToken value = r_.next();
        if (value == JsonToken::string) page_.next_token = std::string(r_.text());
        if (value != JsonToken::string && value != JsonToken::null) {
          return fail(where, key, "expected a string, found " + describe(value));
        }
      } else if (key == "error") {
        return read_error(where);
      } else {
        r_.skip_value();
      }
    }
    if (r_.failed() || r_.next() != JsonToken::end) return;
    if (!has_skus) {
      return fail({in_.name(), 1, 1}, "", "this is not a Cloud Billing Catalog page of SKUs: it has no 'skus'");
    }
    if (page_.skus == 0) fail(skus_at, "skus", "the page holds no SKUs");
  }

 private:
  void fail(const SourceLocation& where, std::string key, std::string message) {
    r_.fail(where, std::move(key), std::move(message));
  }

  bool read_skus() {
    const JsonToken open = r_.next();
    if (open != JsonToken::begin_array) {
      if (open != JsonToken::error) fail(r_.where(), "skus", "expected an array, found " + describe(open));
      return false;
    }
    FlatRecord record;
    for (JsonToken token = r_.next(); token != JsonToken::end_array; token = r_.next()) {
      const std::string path = fmt::format("skus.{}", page_.skus);
      if (token != JsonToken::begin_object) {
        if (token != JsonToken::error) fail(r_.where(), path, "expected an object (a SKU), found " + describe(token));
        return false;
      }
      if (!read_flat(r_, record)) return false;
      std::string display_name;
      GcpSku sku = sku_of(record, display_name);
      if (sku.service.empty()) {
        for (const auto& service : {kGcpComputeEngine, kGcpCloudStorage}) {
          if (service.name == display_name) sku.service = std::string(service.id);
        }
      }
      if (service_name(sku.service).empty()) {
        fail(record.where, path,
             fmt::format("SKU {} is of the service '{}' ({}); tco imports the SKUs of Compute Engine ({}) and "
                         "Cloud Storage ({})",
                         sku.id, display_name, sku.service, kGcpComputeEngine.id, kGcpCloudStorage.id));
        return false;
      }
      if (page_.service.empty()) page_.service = sku.service;
      if (sku.service != page_.service) {
        fail(record.where, path,
             fmt::format("SKU {} is of {}, the page's first of {}: a page holds the SKUs of one service", sku.id,
                         service_name(sku.service), service_name(page_.service)));
        return false;
      }
      ++page_.skus;
      collector_.sku(sku);
    }
    return true;
  }

  void read_error(const SourceLocation& where) {
    FlatRecord error;
    const JsonToken open = r_.next();
    if (open != JsonToken::begin_object || !read_flat(r_, error)) {
      if (!r_.failed()) fail(where, "error", "this is an error the Catalog API returned, not a page of SKUs");
      return;
    }
    fail(where, "error",
         fmt::format("this is an error the Catalog API returned, not a page of SKUs: {} {}: {} (fetch the page again, "
                     "with a valid API key: see `tco prices urls gcp`)",
                     error.value_or("code", "?"), error.value_or("status", ""), error.value_or("message", "")));
  }

  InputStream& in_;
  JsonReader r_;
  GcpCollector& collector_;
  GcpPage& page_;
};

}  // namespace

void read_gcp_page(InputStream& in, GcpCollector& collector, GcpPage& page, ImportedFile& file, Diagnostics& d) {
  const std::string& name = in.name();
  if (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0) {
    d.error({name, 1, 1}, "",
            "this is a CSV file, not a Cloud Billing Catalog page (JSON); an AWS Price List CSV file is imported "
            "with `tco prices import aws`");
    return;
  }
  PageReader reader(in, collector, page);
  reader.read();
  d.append(reader.diagnostics());
  file.kind = page.service.empty() ? "Cloud Billing Catalog page"
                                   : fmt::format("Cloud Billing Catalog page of {} SKUs", service_name(page.service));
}

}  // namespace tco::price_import
