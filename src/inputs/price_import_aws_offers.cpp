// The AWS Price List's products and terms, turned into a sheet's regions. The filters are the
// ones the Price List needs and other tools missed (tco-prices(5), IMPORTING): the Linux,
// shared-tenancy, no-software, used-capacity, no-license SKU of each instance type; the
// tiered internet egress SKU, not the free-tier or the global aggregate one with the same
// attributes; reserved terms' upfront fees spread over the term.
#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "price_import_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::price_import {
namespace {


// "USE2-TimedStorage-SIA-ByteHrs" → "TimedStorage-SIA-ByteHrs": usage types carry a region
// prefix everywhere but us-east-1.
std::string_view without_region_prefix(std::string_view usage_type, std::string_view name) {
  const auto at = usage_type.find(name);
  return at == std::string_view::npos ? usage_type : usage_type.substr(at);
}

std::optional<StorageClass> s3_storage_class(std::string_view usage_type) {
  const std::string_view type = without_region_prefix(usage_type, "TimedStorage-");
  if (type == "TimedStorage-ByteHrs") return StorageClass::standard;
  if (type == "TimedStorage-SIA-ByteHrs") return StorageClass::infrequent;
  if (type == "TimedStorage-GIR-ByteHrs") return StorageClass::cold;
  // Not TimedStorage-GDA-Staging-ByteHrs, which looks like Deep Archive and is not.
  if (type == "TimedStorage-GDA-ByteHrs") return StorageClass::archive;
  return std::nullopt;
}

int purchase_rank(std::string_view offering_class, std::string_view purchase) {
  const int by_class = offering_class == "standard" ? 0 : 3;
  if (purchase == "No Upfront") return by_class;
  if (purchase == "Partial Upfront") return by_class + 1;
  return by_class + 2;
}

}  // namespace

std::optional<double> parse_price_text(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0) {
    return std::nullopt;
  }
  return value;
}

std::string AwsProduct::attribute(std::string_view name) const {
  const auto it = attributes.find(name);
  return it == attributes.end() ? std::string() : it->second;
}

void AwsCollector::begin_file(std::string offer_code, ImportedFile& file) {
  offer_code_ = std::move(offer_code);
  file_ = &file;
  file_regions_.clear();
}

bool AwsCollector::wanted_region(const std::string& region) const {
  return options_.regions.empty() ||
         std::find(options_.regions.begin(), options_.regions.end(), region) != options_.regions.end();
}

void AwsCollector::skip(const SourceLocation& where, std::string what, std::string reason) {
  out_.skipped.push_back({where, std::move(what), std::move(reason)});
}

Sourced AwsCollector::priced(double value, const SourceLocation& where, std::string note) const {
  Sourced out;
  out.value = value;
  out.source = file_->source_id;
  out.where = where;
  out.note = std::move(note);
  out.currency = "USD";
  return out;
}

void AwsCollector::product(const AwsProduct& product) {
  for (const char* key : {"regionCode", "fromRegionCode"}) {
    if (const std::string region = product.attribute(key); !region.empty() && file_regions_.size() < 1000) {
      file_regions_.insert(region);
    }
  }
  if (offer_code_ == "AmazonEC2") product_ec2(product);
  if (offer_code_ == "AWSDataTransfer") product_transfer(product);
  if (offer_code_ == "AmazonS3") product_storage(product);
}

void AwsCollector::product_ec2(const AwsProduct& product) {
  if (product.family != "Compute Instance" && product.family != "Compute Instance (bare metal)") return;
  const std::string instance = product.attribute("instanceType");
  const std::string gpu_text = product.attribute("gpu");
  const auto identity = aws_instance_gpu(instance);
  const auto count = parse_price_text(gpu_text);
  if (!identity && (!count || *count == 0)) return;  // no GPU
  // One SKU per instance type is the price: Linux, shared tenancy, nothing pre-installed,
  // capacity used (not an unused reservation), no license included, on demand (not a
  // capacity block). The others are the same instance priced for something else.
  const std::string market = product.attribute("marketoption");
  const std::string license = product.attribute("licenseModel");
  if (product.attribute("operatingSystem") != "Linux" || product.attribute("tenancy") != "Shared" ||
      product.attribute("preInstalledSw") != "NA" || product.attribute("capacitystatus") != "Used" ||
      !(license.empty() || license == "No License required") || !(market.empty() || market == "OnDemand")) {
    return;
  }
  const std::string region = product.attribute("regionCode");
  const std::string what = fmt::format("{} (SKU {})", instance, product.sku);
  if (region.empty()) return skip(product.where, what, "it names no regionCode");
  if (!wanted_region(region)) return;
  if (!identity) {
    return skip(product.where, what,
                fmt::format("its GPU ({} per instance) is not in tco's GPU map; nothing is priced for it", gpu_text));
  }
  if (!count || *count < 1 || std::floor(*count) != *count) {
    return skip(product.where, what,
                fmt::format("it has {} of an {} GPU; tco's offers hold whole GPUs", gpu_text, identity->gpu));
  }
  if (!identity->modelled) {
    return skip(product.where, what, fmt::format("its GPU, {}, is not one of tco's GPU models", identity->gpu));
  }
  region_names_.emplace(region, product.attribute("location"));
  Offer& offer = offers_[{region, instance}];
  if (offer.gpus != 0) {
    offer.ambiguous = true;
    return skip(product.where, what, "a second SKU of this instance type in the region passes every filter");
  }
  offer.gpu = std::string(identity->gpu);
  offer.gpus = static_cast<int>(*count);
  offer.source_id = file_->source_id;
  offer.where = product.where;
  kept_[product.sku] = {Kept::Kind::gpu_instance, region, instance, offer.gpu, offer.gpus, product.where,
                        file_->source_id};
}

void AwsCollector::product_transfer(const AwsProduct& product) {
  if (product.family != "Data Transfer") return;
  const std::string type = product.attribute("transferType");
  const std::string usage = product.attribute("usagetype");
  if (type == "AWS Outbound" && product.attribute("toLocation") == "External") {
    const std::string region = product.attribute("fromRegionCode");
    // Global-DataTransfer-Out-Bytes is an aggregate published at 0, not a price.
    if (region.empty() || usage.rfind("Global-", 0) == 0 || !wanted_region(region)) return;
    region_names_.emplace(region, product.attribute("fromLocation"));
    kept_[product.sku] = {Kept::Kind::internet_egress, region, "", "", 0, product.where, file_->source_id};
  } else if (type == "InterRegion Outbound") {
    const std::string from = product.attribute("fromRegionCode");
    const std::string to = product.attribute("toRegionCode");
    if (from.empty() || to.empty() || !wanted_region(from)) return;
    kept_[product.sku] = {Kept::Kind::inter_region, from, to, "", 0, product.where, file_->source_id};
  } else if (type == "AWS Inbound" && product.attribute("fromLocation") == "External") {
    const std::string region = product.attribute("toRegionCode");
    if (region.empty() || usage.rfind("Global-", 0) == 0 || !wanted_region(region)) return;
    kept_[product.sku] = {Kept::Kind::ingress, region, "", "", 0, product.where, file_->source_id};
  }
}

void AwsCollector::product_storage(const AwsProduct& product) {
  if (product.family != "Storage") return;
  const std::string region = product.attribute("regionCode");
  const auto storage_class = s3_storage_class(product.attribute("usagetype"));
  if (!storage_class || region.empty() || !wanted_region(region)) return;
  region_names_.emplace(region, product.attribute("location"));
  kept_[product.sku] = {Kept::Kind::storage, region, to_string(*storage_class), "", 0, product.where, file_->source_id};
}

void AwsCollector::term(const AwsTerm& term) {
  const auto it = kept_.find(term.sku);
  if (it == kept_.end()) return;
  const Kept& kept = it->second;
  if (kept.kind == Kept::Kind::gpu_instance) return term_ec2(kept, term);
  if (term.type != "OnDemand") return;
  term_ladder(kept, term);
}

void AwsCollector::term_ec2(const Kept& kept, const AwsTerm& term) {
  Offer& offer = offers_[{kept.region, kept.name}];
  const std::string what = fmt::format("{} in {} (SKU {}, {} term)", kept.name, kept.region, term.sku, term.type);
  const AwsPriceDimension* hourly = nullptr;
  const AwsPriceDimension* upfront = nullptr;
  for (const auto& dimension : term.dimensions) {
    if (dimension.unit == "Hrs") hourly = &dimension;
    if (dimension.unit == "Quantity") upfront = &dimension;
  }
  // An All Upfront reservation may state only its fee: its hourly price is then 0.
  if (hourly == nullptr && (upfront == nullptr || term.type != "Reserved")) {
    return skip(term.where, what, "it has no hourly price (unit Hrs)");
  }
  const auto rate = hourly == nullptr ? std::optional<double>(0) : parse_price_text(hourly->usd);
  if (!rate) return skip(hourly->where, what, fmt::format("its price '{}' is not a price", hourly->usd));
  const SourceLocation& where = hourly == nullptr ? upfront->where : hourly->where;
  if (term.type == "OnDemand") {
    if (*rate == 0) return skip(where, what, "its on-demand price is 0, which tco reads as missing");
    offer.on_demand = priced(*rate, where);
    return;
  }
  if (term.type != "Reserved") return;
  const int years = term.lease == "1yr" ? 1 : term.lease == "3yr" ? 3 : 0;
  if (years == 0) return skip(term.where, what, fmt::format("its lease '{}' is neither 1yr nor 3yr", term.lease));
  double fee = 0;
  if (upfront != nullptr) {
    const auto parsed = parse_price_text(upfront->usd);
    if (!parsed) return skip(upfront->where, what, fmt::format("its upfront fee '{}' is not a price", upfront->usd));
    fee = *parsed;
  }
  // The effective hourly rate of a reservation: its hourly price plus its upfront fee spread
  // over every hour of the term (tco-prices(5), IMPORTING).
  const double effective = *rate + fee / (years * kHoursPerYear);
  if (effective == 0) return skip(term.where, what, "its effective price is 0, which tco reads as missing");
  const std::string cls = term.offering_class.empty() ? "standard" : term.offering_class;
  std::string note =
      fmt::format("{}-yr {} RI, {}", years, cls == "standard" ? "Standard" : "Convertible", term.purchase);
  if (fee > 0) {
    note += fmt::format(": {} USD/h + {} USD upfront / {} h", format_number(*rate), format_number(fee),
                        format_number(years * kHoursPerYear));
  }
  const PricingModel model = years == 1 ? PricingModel::commit_1y : PricingModel::commit_3y;
  const int rank = purchase_rank(cls, term.purchase);
  const auto existing = offer.commitments.find(model);
  if (existing == offer.commitments.end() || rank < existing->second.rank) {
    offer.commitments[model] = {effective, note, rank, where, {}};
  }
}

void AwsCollector::term_ladder(const Kept& kept, const AwsTerm& term) {
  if (kept.kind == Kept::Kind::internet_egress) {
    egress_[kept.region].push_back({term.dimensions, term.sku, kept.source_id, term.where});
    return;
  }
  const std::string what = fmt::format("SKU {} ({} {})", term.sku, kept.region, kept.name);
  // Storage is tiered by the month's volume; a sheet holds one price per class, the first
  // tier's, and says what the others are.
  const AwsPriceDimension* first = nullptr;
  std::vector<std::string> later;
  for (const auto& dimension : term.dimensions) {
    if (parse_price_text(dimension.begin_range).value_or(0) == 0) {
      if (first != nullptr) return skip(term.where, what, "two prices start at 0; tco takes neither");
      first = &dimension;
    } else {
      later.push_back(fmt::format("{} USD/GB from {} GB", format_number(parse_price_text(dimension.usd).value_or(0)),
                                  dimension.begin_range));
    }
  }
  if (first == nullptr) return skip(term.where, what, "no price starts at 0");
  const auto price = parse_price_text(first->usd);
  if (!price) return skip(first->where, what, fmt::format("its price '{}' is not a price", first->usd));
  const bool storage = kept.kind == Kept::Kind::storage;
  const char* unit = storage ? "GB-Mo" : "GB";
  if (first->unit != unit) {
    return skip(first->where, what, fmt::format("its unit is '{}', not {}", first->unit, unit));
  }
  if (!storage && !later.empty()) return skip(term.where, what, "expected one price, found several ranges");
  Sourced value = priced(*price / kGiB, first->where);
  if (kept.kind == Kept::Kind::inter_region) {
    inter_region_[kept.region][kept.name] = value;
  } else if (kept.kind == Kept::Kind::ingress) {
    ingress_[kept.region] = value;
  } else {
    if (!later.empty()) {
      value.note = fmt::format("the first tier, up to {} GB a month; then {}", first->end_range, join(later, ", "));
    }
    storage_[kept.region][*parse_storage_class(kept.name)] = value;
  }
}

void AwsCollector::savings_plan_rate(const std::string& region, const std::string& instance, const std::string& family,
                                     const std::string& purchase, const std::string& lease, const std::string& price,
                                     const SourceLocation& where) {
  if (!wanted_region(region)) return;
  const std::string what = fmt::format("{} in {} ({} {}, {})", instance, region, lease, family, purchase);
  const int years = lease == "1yr" ? 1 : lease == "3yr" ? 3 : 0;
  if (years == 0) return skip(where, what, fmt::format("its term '{}' is neither 1yr nor 3yr", lease));
  const auto rate = parse_price_text(price);
  if (!rate || *rate == 0) return skip(where, what, fmt::format("its rate '{}' is not a price", price));
  // After every reserved instance term (ranks 0-5): EC2 Instance Savings Plans, which are
  // tied to a family and region as a reservation is, then Compute Savings Plans.
  const bool instance_plan = family == "EC2InstanceSavingsPlans";
  const int rank = (instance_plan ? 6 : 9) + (purchase == "No Upfront" ? 0 : purchase == "Partial Upfront" ? 1 : 2);
  const std::string note =
      fmt::format("{}-yr {} Savings Plan, {}", years, instance_plan ? "EC2 Instance" : "Compute", purchase);
  const PricingModel model = years == 1 ? PricingModel::commit_1y : PricingModel::commit_3y;
  auto& rates = plan_rates_[{region, instance}];
  const auto existing = rates.find(model);
  if (existing == rates.end() || rank < existing->second.commitment.rank) {
    rates[model] = {{*rate, note, rank, where, {}}, file_->source_id};
  }
}

void AwsCollector::interruption_rate(const std::string& region, const std::string& instance, double hours,
                                     std::string note, const SourceLocation& where) {
  if (!wanted_region(region)) return;
  Sourced every;
  every.value = hours;
  every.source = file_->source_id;
  every.where = where;
  every.note = std::move(note);
  interruptions_[{region, instance}] = std::move(every);
}

}  // namespace tco::price_import
