// An Azure Retail Prices API page, as saved: {BillingCurrency, CustomerEntityId,
// CustomerEntityType, Items: [...], NextPageLink, Count}. Items are flattened one at a time and
// handed on; the page keeps only what its citation needs (its NextPageLink, its items' newest
// date), so a page of any size is read in the reader's buffer.
#include "price_import_azure.hpp"

#include <fmt/format.h>

namespace tco::price_import {
namespace {

constexpr std::size_t kTitleRegions = 3;  // regions a page's title names at most

// Keys that say which other file this is, for a message that names the command to use.
std::string foreign_file(std::string_view key) {
  if (key == "offerCode" || key == "formatVersion" || key == "products" || key == "terms" || key == "publicationDate") {
    return "an AWS Price List offer file; import it with `tco prices import aws`";
  }
  if (key == "skus" || key == "nextPageToken") {
    return "a Google Cloud Billing Catalog page; import it with `tco prices import gcp`";
  }
  if (key == "spot_advisor") return "the EC2 Spot Advisor data, which tco does not import yet";
  return "";
}

bool read_string(JsonReader& r, const std::string& key, std::string& out) {
  const SourceLocation where = r.where();
  const JsonToken token = r.next();
  if (token == JsonToken::string) {
    out = std::string(r.text());
    return true;
  }
  if (token != JsonToken::error) r.fail(where, key, fmt::format("expected a string, found {}", describe(token)));
  return false;
}

bool read_next_link(JsonReader& r, AzurePage& page) {
  const JsonToken token = r.next();
  page.next_where = r.where();
  if (token == JsonToken::null) return true;
  if (token == JsonToken::string) {
    if (!r.text().empty()) page.next_link = std::string(r.text());
    return true;
  }
  if (token != JsonToken::error) {
    r.fail(page.next_where, "NextPageLink", fmt::format("expected a URL or null, found {}", describe(token)));
  }
  return false;
}

bool read_items(JsonReader& r, AzurePage& page, const std::function<void(const FlatRecord&)>& item) {
  if (!open(r, JsonToken::begin_array, "Items")) return false;
  FlatRecord record;
  for (int index = 0;; ++index) {
    const JsonToken token = r.next();
    if (token == JsonToken::end_array) return true;
    if (token != JsonToken::begin_object) {
      if (token != JsonToken::error) {
        r.fail(r.where(), fmt::format("Items.{}", index), fmt::format("expected an object, found {}", describe(token)));
      }
      return false;
    }
    if (!read_flat(r, record)) return false;
    ++page.items;
    const std::string text = record.value_or("effectiveStartDate", "");
    const auto since = day_of(text);
    if (since && (!page.newest || *since > *page.newest || (*since == *page.newest && text > page.newest_text))) {
      page.newest = since;
      page.newest_text = text;
    }
    page.services.insert(record.value_or("serviceName", ""));
    if (const auto region = record.value_or("armRegionName", "");
        !region.empty() && (page.regions.size() < kTitleRegions || page.regions.count(region) > 0)) {
      page.regions.insert(region);
    }
    item(record);
  }
}

}  // namespace

std::optional<Date> day_of(std::string_view timestamp) {
  return timestamp.size() >= 10 ? parse_date(timestamp.substr(0, 10)) : std::nullopt;
}

void read_azure_page(InputStream& in, AzurePage& page, const std::function<void(const FlatRecord&)>& item,
                     Diagnostics& d) {
  JsonReader r(in);
  bool has_items = false;
  const auto read_top = [&] {
    const JsonToken first = r.next();
    if (first == JsonToken::string && r.text() == "FormatVersion") {
      r.fail(r.where(), "",
             "this is not an Azure Retail Prices page: it looks like an AWS Price List offer file (CSV); "
             "import it with `tco prices import aws`");
      return false;
    }
    if (first != JsonToken::begin_object) {
      if (first != JsonToken::error) {
        r.fail(r.where(), "",
               fmt::format("expected an object (an Azure Retail Prices page), found {}", describe(first)));
      }
      return false;
    }
    return members(r, [&](const std::string& key) {
      const SourceLocation where = r.where();
      if (key == "BillingCurrency") {
        std::string currency;
        if (!read_string(r, key, currency)) return false;
        if (currency != "USD") {
          r.fail(where, key,
                 fmt::format("tco's price sheets are in USD; this page's prices are in '{}' (save the pages "
                             "without a currencyCode in the query: USD is the default)",
                             currency));
          return false;
        }
        return true;
      }
      if (key == "Items") {
        has_items = true;
        return read_items(r, page, item);
      }
      if (key == "NextPageLink") return read_next_link(r, page);
      if (const std::string other = foreign_file(key); !other.empty()) {
        r.fail(where, key, fmt::format("this is not an Azure Retail Prices page: it looks like {}", other));
        return false;
      }
      r.skip_value();
      return true;
    });
  };
  if (read_top() && r.next() == JsonToken::end && !has_items) {
    r.fail({in.name(), 1, 1}, "", "this is not an Azure Retail Prices page: it has no 'Items'");
  }
  d.append(r.diagnostics());
}

}  // namespace tco::price_import
