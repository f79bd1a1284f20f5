// AWS Savings Plans files: per region, the hourly rate each plan (EC2 Instance or Compute
// Savings Plans, 1 or 3 years, No/Partial/All Upfront) charges for each usage type. tco takes
// the Linux, shared-tenancy rates of GPU instances ("BoxUsage:p5.48xlarge" with operation
// "RunInstances") as commitment prices, where no reserved instance gives one.
#include <fmt/format.h>

#include "price_import_internal.hpp"
#include "price_import_json.hpp"

namespace tco::price_import {
namespace {

// "USE2-BoxUsage:p5.48xlarge" → "p5.48xlarge"; other usage types (dedicated, hosts, spot) → "".
std::string instance_of(std::string_view usage_type) {
  constexpr std::string_view kBox = "BoxUsage:";
  const auto at = usage_type.find(kBox);
  if (at == std::string_view::npos) return "";
  if (at != 0 && usage_type[at - 1] != '-') return "";
  return std::string(usage_type.substr(at + kBox.size()));
}

}  // namespace

bool SavingsPlansReader::products(JsonReader& r) {
  FlatRecord record;
  return elements(r, [&](JsonToken token) {
    if (token != JsonToken::begin_object) {
      r.fail(r.where(), "products", fmt::format("expected a product object, found {}", describe(token)));
      return false;
    }
    if (!read_flat(r, record)) return false;
    plans_[record.value_or("sku", "")] = {record.value_or("productFamily", ""),
                                          record.value_or("attributes.purchaseOption", ""),
                                          record.value_or("attributes.purchaseTerm", "")};
    return true;
  });
}

bool SavingsPlansReader::terms(JsonReader& r, const std::string& region) {
  if (!open(r, JsonToken::begin_object, "terms")) return false;
  return members(r, [&](const std::string& key) {
    if (key != "savingsPlan") {
      r.skip_value();
      return true;
    }
    if (!open(r, JsonToken::begin_array, "terms.savingsPlan")) return false;
    return elements(r, [&](JsonToken token) {
      if (token != JsonToken::begin_object) {
        r.fail(r.where(), "terms.savingsPlan", fmt::format("expected a plan object, found {}", describe(token)));
        return false;
      }
      return plan(r, region);
    });
  });
}

bool SavingsPlansReader::plan(JsonReader& r, const std::string& region) {
  struct Rate {
    std::string instance;
    std::string price;
    SourceLocation where;
  };
  std::string sku;
  std::vector<Rate> rates;  // of GPU instances only: a plan lists thousands of usage types
  FlatRecord record;
  const bool ok = members(r, [&](const std::string& key) {
    if (key == "sku") {
      if (r.next() != JsonToken::string) {
        r.fail(r.where(), "terms.savingsPlan.sku", "expected the plan's SKU, a string");
        return false;
      }
      sku = std::string(r.text());
      return true;
    }
    if (key != "rates") {
      r.skip_value();
      return true;
    }
    if (!open(r, JsonToken::begin_array, "terms.savingsPlan.rates")) return false;
    return elements(r, [&](JsonToken token) {
      if (token != JsonToken::begin_object) {
        r.fail(r.where(), "terms.savingsPlan.rates", fmt::format("expected a rate object, found {}", describe(token)));
        return false;
      }
      if (!read_flat(r, record)) return false;
      const std::string instance = instance_of(record.value_or("discountedUsageType", ""));
      if (instance.empty() || record.value_or("discountedServiceCode", "") != "AmazonEC2" ||
          record.value_or("discountedOperation", "") != "RunInstances" ||
          record.value_or("discountedRate.currency", "") != "USD" || !aws_instance_gpu(instance)) {
        return true;
      }
      rates.push_back({instance, record.value_or("discountedRate.price", ""), record.where});
      return true;
    });
  });
  if (!ok) return false;
  const auto it = plans_.find(sku);
  if (it == plans_.end()) {
    if (!rates.empty()) {
      r.fail(rates.front().where, "terms.savingsPlan.sku",
             fmt::format("the plan '{}' is not one of the file's products", sku));
      return false;
    }
    return true;
  }
  for (const auto& rate : rates) {
    collector_.savings_plan_rate(region, rate.instance, it->second.family, it->second.purchase, it->second.lease,
                                 rate.price, rate.where);
  }
  return true;
}

}  // namespace tco::price_import
