// The AWS Price List's offer files (AmazonEC2 per region, AWSDataTransfer, AmazonS3), JSON and
// CSV, walked as a stream: products are flattened one at a time, and the terms of products
// the collector did not keep are skipped without being tokenized.
#include <fmt/format.h>

#include "price_import_internal.hpp"
#include "price_import_json.hpp"
#include "tco/inputs/csv_stream.hpp"

namespace tco::price_import {
namespace {

bool supported_offer(const std::string& code) {
  return code == "AmazonEC2" || code == "AWSDataTransfer" || code == "AmazonS3";
}

// Keys that say which other file this is, for a message that names it.
std::string foreign_file(std::string_view key) {
  if (key == "Items" || key == "NextPageLink" || key == "BillingCurrency") {
    return "an Azure Retail Prices page; import it with `tco prices import azure`";
  }
  if (key == "skus" || key == "nextPageToken")
    return "a Google Cloud Billing Catalog page; import it with `tco prices import gcp`";
  return "";
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

// The members of "products" after its '{': one object per SKU.
bool read_products(JsonReader& r, AwsCollector& collector) {
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

// The top level of an offer file, member by member. An offer file's products are an object
// keyed by SKU; a Savings Plans file's are an array, and its terms hold plans.
class TopLevel {
 public:
  TopLevel(JsonReader& r, AwsCollector& collector, ImportedFile& file) : r_(r), collector_(collector), file_(file) {}

  bool member(const std::string& key) {
    const SourceLocation where = r_.where();
    if (key == "offerCode" || key == "version" || key == "publicationDate" || key == "regionCode") {
      if (r_.next() != JsonToken::string) {
        r_.fail(where, key, "expected a string");
        return false;
      }
      std::string& target = key == "offerCode"         ? offer_code_
                            : key == "version"         ? file_.version
                            : key == "publicationDate" ? file_.published
                                                       : region_;
      target = std::string(r_.text());
      return true;
    }
    if (const std::string other = foreign_file(key); !other.empty()) {
      r_.fail(where, key, fmt::format("this is not an AWS Price List offer file: it looks like {}", other));
      return false;
    }
    if (key == "products") return products(where);
    if (key == "terms") return terms(where);
    if (key == "ranges" || key == "spot_advisor") return spot_advisor(key, where);
    r_.skip_value();
    return true;
  }

  [[nodiscard]] bool has_products() const { return has_products_ || spot_; }
  [[nodiscard]] std::string kind() const {
    if (plans_) return "AWSComputeSavingsPlan file (JSON)";
    if (spot_) return std::string(kSpotAdvisorKind);
    return offer_code_.empty() ? "AWS offer file (JSON)" : offer_code_ + " offer file (JSON)";
  }

 private:
  bool products(const SourceLocation& where) {
    const JsonToken token = r_.next();
    has_products_ = true;
    if (token == JsonToken::begin_array) {
      if (region_.empty()) {
        r_.fail(where, "regionCode", "expected 'regionCode' before 'products', as AWS writes its Savings Plans files");
        return false;
      }
      collector_.begin_file("AWSComputeSavingsPlan", file_);
      collector_.note_file_region(region_);
      plans_.emplace(collector_);
      return plans_->products(r_);
    }
    if (token != JsonToken::begin_object) {
      if (token != JsonToken::error)
        r_.fail(where, key_products, fmt::format("expected an object, found {}", describe(token)));
      return false;
    }
    if (offer_code_.empty()) {
      r_.fail(where, key_products, "expected 'offerCode' before 'products', as AWS writes its offer files; found none");
      return false;
    }
    if (!supported_offer(offer_code_)) {
      r_.fail(where, "offerCode",
              fmt::format("tco imports the offers AmazonEC2, AWSDataTransfer and AmazonS3 and the Savings Plans "
                          "files; this file is '{}'",
                          offer_code_));
      return false;
    }
    collector_.begin_file(offer_code_, file_);
    return read_products(r_, collector_);
  }

  bool terms(const SourceLocation& where) {
    if (!has_products_) {
      r_.fail(where, "terms", "expected 'products' before 'terms', as AWS writes its offer files; found none");
      return false;
    }
    return plans_ ? plans_->terms(r_, region_) : read_terms(r_, collector_);
  }

  // The Spot Advisor data has no offerCode: its keys "ranges" and "spot_advisor" say what it is.
  bool spot_advisor(const std::string& key, const SourceLocation& where) {
    if (has_products_ || !offer_code_.empty()) {
      r_.fail(where, key, "expected an offer file's members; this file mixes an offer file and the Spot Advisor data");
      return false;
    }
    if (!spot_) {
      file_.taken = "interruption rate";
      collector_.begin_file(std::string(kSpotAdvisorKind), file_);
      spot_.emplace(collector_);
    }
    return key == "ranges" ? spot_->ranges(r_) : spot_->regions(r_);
  }

 public:
  // At the end of the file.
  void finish(const SourceLocation& end) {
    if (spot_) spot_->finish(r_, end);
  }

 private:
  static constexpr const char* key_products = "products";
  JsonReader& r_;
  AwsCollector& collector_;
  ImportedFile& file_;
  std::string offer_code_;
  std::string region_;
  bool has_products_ = false;
  std::optional<SavingsPlansReader> plans_;
  std::optional<SpotAdvisorReader> spot_;
};

}  // namespace

void read_aws_json(InputStream& in, AwsCollector& collector, ImportedFile& file, Diagnostics& d) {
  JsonReader r(in);
  TopLevel top(r, collector, file);
  const bool read =
      open(r, JsonToken::begin_object, "") && members(r, [&](const std::string& key) { return top.member(key); });
  if (read && r.next() == JsonToken::end) {
    if (!top.has_products()) {
      r.fail({in.name(), 1, 1}, "", "this is not an AWS Price List offer file: it has no 'offerCode' and 'products'");
    } else {
      top.finish(r.where());
    }
  }
  file.kind = top.kind();
  d.append(r.diagnostics());
}

}  // namespace tco::price_import
