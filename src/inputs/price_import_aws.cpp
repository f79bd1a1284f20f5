// The AWS Price List's offer files (AmazonEC2 per region, AWSDataTransfer, AmazonS3), JSON and
// CSV, walked as a stream: products are flattened one at a time, and the terms of products
// the collector did not keep are skipped without being tokenized.
#include <fmt/format.h>

#include "price_import_internal.hpp"
#include "tco/inputs/csv_stream.hpp"

namespace tco::price_import {
namespace {

bool supported_offer(const std::string& code) {
  return code == "AmazonEC2" || code == "AWSDataTransfer" || code == "AmazonS3";
}

std::string describe(JsonToken token) {
  switch (token) {
    case JsonToken::begin_object:
      return "an object";
    case JsonToken::begin_array:
      return "an array";
    case JsonToken::string:
      return "a string";
    case JsonToken::number:
      return "a number";
    case JsonToken::boolean:
      return "true or false";
    case JsonToken::null:
      return "null";
    default:
      return "the end of a container";
  }
}

// Keys that say which other file this is, for a message that names it.
std::string foreign_file(std::string_view key) {
  if (key == "Items" || key == "NextPageLink" || key == "BillingCurrency") {
    return "an Azure Retail Prices page; import it with `tco prices import azure`";
  }
  if (key == "skus" || key == "nextPageToken")
    return "a Google Cloud Billing Catalog page; import it with `tco prices import gcp`";
  if (key == "spot_advisor") return "the EC2 Spot Advisor data, which tco does not import yet";
  return "";
}

// Reads the next token and checks it opens what `path` should hold.
bool open(JsonReader& r, JsonToken expected, const std::string& path) {
  const JsonToken token = r.next();
  if (token == expected) return true;
  if (token != JsonToken::error) {
    r.fail(r.where(), path,
           fmt::format("expected {}, found {}", expected == JsonToken::begin_object ? "an object" : "an array",
                       describe(token)));
  }
  return false;
}

// The members of the object just opened: calls `member(key)` with the reader before the
// member's value; false when the reader failed.
template <typename Member>
bool members(JsonReader& r, Member member) {
  for (;;) {
    const JsonToken token = r.next();
    if (token == JsonToken::end_object) return true;
    if (token != JsonToken::key) return false;
    if (!member(std::string(r.text())) || r.failed()) return false;
  }
}

AwsProduct product_of(const std::string& sku, const FlatRecord& record) {
  AwsProduct product;
  product.sku = record.value_or("sku", sku);
  product.family = record.value_or("productFamily", "");
  product.where = record.where;
  constexpr std::string_view kPrefix = "attributes.";
  for (const auto& [key, value] : record.fields) {
    if (key.compare(0, kPrefix.size(), kPrefix) == 0) product.attributes.emplace(key.substr(kPrefix.size()), value);
  }
  return product;
}

bool read_products(JsonReader& r, AwsCollector& collector) {
  if (!open(r, JsonToken::begin_object, "products")) return false;
  FlatRecord record;
  return members(r, [&](const std::string& sku) {
    if (!open(r, JsonToken::begin_object, "products." + sku) || !read_flat(r, record)) return false;
    collector.product(product_of(sku, record));
    return true;
  });
}

bool read_term(JsonReader& r, AwsTerm& term, const std::string& path) {
  FlatRecord record;
  return members(r, [&](const std::string& key) {
    if (key == "priceDimensions") {
      if (!open(r, JsonToken::begin_object, path + ".priceDimensions")) return false;
      return members(r, [&](const std::string& rate) {
        if (!open(r, JsonToken::begin_object, path + ".priceDimensions." + rate) || !read_flat(r, record)) return false;
        term.dimensions.push_back({record.value_or("unit", ""), record.value_or("pricePerUnit.USD", ""),
                                   record.value_or("beginRange", "0"), record.value_or("endRange", "Inf"),
                                   record.value_or("description", ""), record.where});
        return true;
      });
    }
    if (key == "termAttributes") {
      if (!open(r, JsonToken::begin_object, path + ".termAttributes") || !read_flat(r, record)) return false;
      term.lease = record.value_or("LeaseContractLength", "");
      term.purchase = record.value_or("PurchaseOption", "");
      term.offering_class = record.value_or("OfferingClass", "");
      return true;
    }
    r.skip_value();
    return true;
  });
}

bool read_terms(JsonReader& r, AwsCollector& collector) {
  if (!open(r, JsonToken::begin_object, "terms")) return false;
  return members(r, [&](const std::string& type) {
    if (!open(r, JsonToken::begin_object, "terms." + type)) return false;
    return members(r, [&](const std::string& sku) {
      if (!collector.wants_terms_of(sku)) {
        r.skip_value();
        return true;
      }
      const std::string path = fmt::format("terms.{}.{}", type, sku);
      if (!open(r, JsonToken::begin_object, path)) return false;
      return members(r, [&](const std::string& code) {
        AwsTerm term;
        term.sku = sku;
        term.type = type;
        if (!open(r, JsonToken::begin_object, path + "." + code)) return false;
        term.where = r.where();
        if (!read_term(r, term, path + "." + code)) return false;
        collector.term(term);
        return true;
      });
    });
  });
}

}  // namespace

void read_aws_json(InputStream& in, AwsCollector& collector, ImportedFile& file, Diagnostics& d) {
  JsonReader r(in);
  std::string offer_code;
  bool has_products = false;
  const auto check_top = [&] {
    if (!open(r, JsonToken::begin_object, "")) return false;
    return members(r, [&](const std::string& key) {
      const SourceLocation where = r.where();
      if (key == "offerCode" || key == "version" || key == "publicationDate") {
        const JsonToken token = r.next();
        if (token != JsonToken::string) {
          r.fail(where, key, fmt::format("expected a string, found {}", describe(token)));
          return false;
        }
        (key == "offerCode" ? offer_code : key == "version" ? file.version : file.published) = std::string(r.text());
        return true;
      }
      if (const std::string other = foreign_file(key); !other.empty()) {
        r.fail(where, key, fmt::format("this is not an AWS Price List offer file: it looks like {}", other));
        return false;
      }
      if (key == "products") {
        if (offer_code.empty()) {
          r.fail(where, key, "expected 'offerCode' before 'products', as AWS writes its offer files; found none");
          return false;
        }
        if (!supported_offer(offer_code)) {
          r.fail(where, "offerCode",
                 fmt::format("tco imports the offers AmazonEC2, AWSDataTransfer and AmazonS3; this file is '{}'",
                             offer_code));
          return false;
        }
        collector.begin_file(offer_code, file);
        has_products = true;
        return read_products(r, collector);
      }
      if (key == "terms") {
        if (!has_products) {
          r.fail(where, key, "expected 'products' before 'terms', as AWS writes its offer files; found none");
          return false;
        }
        return read_terms(r, collector);
      }
      r.skip_value();
      return true;
    });
  };
  if (check_top() && r.next() == JsonToken::end && !has_products) {
    r.fail({in.name(), 1, 1}, "", "this is not an AWS Price List offer file: it has no 'offerCode' and 'products'");
  }
  file.kind = offer_code.empty() ? "AWS offer file (JSON)" : offer_code + " offer file (JSON)";
  d.append(r.diagnostics());
}

}  // namespace tco::price_import
