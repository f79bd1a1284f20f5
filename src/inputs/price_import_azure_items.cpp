// Which Azure Retail Prices rows are a price tco takes (tco-prices(5), IMPORTING). One VM size
// in one region has a dozen rows: Linux and Windows pay-as-you-go, Spot, Low Priority,
// Dev/Test, reservations whose price is the total for the term, and on the pay-as-you-go row
// the savings plans. They share meterName and armSkuName; productName, meterName, skuName and
// type tell them apart. Bandwidth rows give the internet egress ladder of a region from their
// tierMinimumUnits.
#include <algorithm>

#include <fmt/format.h>

#include "price_import_azure.hpp"
#include "tco/core/text.hpp"

namespace tco::price_import {
namespace {


bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// "1 Year" → 1, "3 Years" → 3; 0 for a term tco has no pricing model for ("5 Years").
int term_years(std::string_view term) { return term == "1 Year" ? 1 : term == "3 Years" ? 3 : 0; }

// The internet egress of Azure's default routing, over the Microsoft network: the product
// "Rtn Preference: MGN" (older pages: "Bandwidth"). "Routing Preference: Internet" is a
// cheaper routing a customer must choose per public IP, so it is not the default price.
bool default_routing(std::string_view product) { return product == "Rtn Preference: MGN" || product == "Bandwidth"; }

}  // namespace

void AzureCollector::skip(std::size_t page, const SourceLocation& where, std::string what, std::string reason) {
  if (!reported_.insert(what + '\n' + reason).second) return;
  skipped_.push_back({page, {where, std::move(what), std::move(reason)}});
}

std::optional<double> AzureCollector::price_of(const FlatRecord& item, const std::string& field, std::size_t page,
                                               const std::string& what) {
  const std::string text = item.value_or(field, "");
  const auto value = parse_price_text(text);
  if (!value) {
    skip(page, item.where, what,
         text.empty() ? fmt::format("it has no {}", field) : fmt::format("its {} '{}' is not a price", field, text));
    return std::nullopt;
  }
  if (*value == 0) {
    skip(page, item.where, what, fmt::format("its {} is 0, which tco reads as missing", field));
    return std::nullopt;
  }
  return value;
}

void AzureCollector::name_region(const std::string& region, const std::string& location) {
  // The first name in the alphabet, should two rows differ, whatever the order of the pages.
  std::string& name = region_names_[region];
  if (!location.empty() && (name.empty() || location < name)) name = location;
}

void AzureCollector::item(const FlatRecord& item, std::size_t page) {
  const std::string service = item.value_or("serviceName", "");
  if (service != "Virtual Machines" && service != "Bandwidth") return;
  // Dev/Test prices are for Visual Studio subscribers' Dev/Test subscriptions only.
  const std::string type = item.value_or("type", "");
  if (type != "Consumption" && type != "Reservation") return;
  const std::string region = item.value_or("armRegionName", "");
  if (!options_.regions.empty() &&
      std::find(options_.regions.begin(), options_.regions.end(), region) == options_.regions.end()) {
    return;
  }
  if (service == "Virtual Machines") return vm(item, page, region);
  if (type == "Consumption") bandwidth(item, page, region);
}

void AzureCollector::vm(const FlatRecord& item, std::size_t page, const std::string& region) {
  const std::string type = item.value_or("type", "");
  const std::string product = item.value_or("productName", "");
  const std::string meter = item.value_or("meterName", "");
  const std::string sku_name = item.value_or("skuName", "");
  // Windows rows share every name but productName; Cloud Services reuse the size names;
  // Low Priority is a retiring meter of its own.
  if (ends_with(product, " Windows") || product.rfind("Cloud Services", 0) == 0 || contains(meter, "Low Priority") ||
      contains(sku_name, "Low Priority")) {
    return;
  }
  const std::string size = item.value_or("armSkuName", "");
  const auto identity = azure_vm_gpu(size);
  if (!identity && !azure_gpu_series(size)) return;  // no GPU
  std::string what = fmt::format("{} in {}", size, region.empty() ? "no region" : region);
  if (!identity) {
    return skip(page, item.where, what,
                "its size is of a GPU series but not in tco's GPU map; nothing is priced for it");
  }
  if (!identity->identity.modelled) {
    return skip(page, item.where, what,
                fmt::format("its GPU, {}, is not one of tco's GPU models", identity->identity.gpu));
  }
  if (region.empty()) return skip(page, item.where, what, "it names no armRegionName");
  const bool spot = contains(meter, " Spot") || contains(sku_name, " Spot");
  const std::string term = item.value_or("reservationTerm", "");
  const int years = term_years(term);
  const Kind kind = type == "Reservation" ? (years == 3 ? Kind::reservation_3y : Kind::reservation_1y)
                    : spot                ? Kind::spot
                                          : Kind::on_demand;
  const std::string priced_as = type == "Reservation" ? term + " reservation" : spot ? "spot" : "pay-as-you-go";
  what += fmt::format(", {} (skuId {})", priced_as, item.value_or("skuId", "none"));
  if (item.value_or("isPrimaryMeterRegion", "true") == "false") {
    return skip(page, item.where, what,
                "isPrimaryMeterRegion is false: the row repeats a meter whose primary region is another");
  }
  if (const auto currency = item.value_or("currencyCode", "USD"); currency != "USD") {
    return skip(page, item.where, what, fmt::format("its currencyCode is '{}', not USD", currency));
  }
  if (const auto unit = item.value_or("unitOfMeasure", ""); unit != "1 Hour") {
    return skip(page, item.where, what, fmt::format("its unitOfMeasure is '{}', not 1 Hour", unit));
  }
  if (contains(product, "Preview") || contains(meter, "Preview") || contains(sku_name, "Preview")) {
    return skip(page, item.where, what, "it is a preview price, which tco reads as missing");
  }
  if (type == "Reservation" && years == 0) {
    return skip(page, item.where, what, fmt::format("its reservationTerm '{}' is neither 1 Year nor 3 Years", term));
  }
  const auto price = price_of(item, "retailPrice", page, what);
  if (!price) return;
  name_region(region, item.value_or("location", ""));
  Vm& entry = vms_[{region, size}];
  if (entry.gpus == 0) {
    entry.gpu = std::string(identity->identity.gpu);
    entry.gpus = identity->gpus;
    entry.where = item.where;
  }
  Candidate row{*price, page, item.where, "", day_of(item.value_or("effectiveStartDate", ""))};
  if (type == "Reservation") {
    // retailPrice is what the whole term costs, although unitOfMeasure says "1 Hour".
    const double hours = years * kHoursPerYear;
    row.note = fmt::format("{}-year reservation: {} USD for the term / {} h", years, format_number(*price),
                           format_number(hours));
    row.value = *price / hours;
  }
  entry.prices[kind].push_back(row);
  if (kind == Kind::on_demand) savings_plans(item, entry, row, what);
}

void AzureCollector::savings_plans(const FlatRecord& item, Vm& vm, const Candidate& row, const std::string& what) {
  // savingsPlan.N.term and savingsPlan.N.retailPrice (api-version 2023-01-01-preview): an
  // hourly rate already, for a commitment to spend so much an hour.
  for (int i = 0;; ++i) {
    const std::string prefix = fmt::format("savingsPlan.{}.", i);
    const std::string* term = item.get(prefix + "term");
    if (term == nullptr) return;
    const int years = term_years(*term);
    const std::string plan = fmt::format("{} ({} savings plan)", what, *term);
    if (years == 0) {
      skip(row.page, item.where, plan, fmt::format("its term '{}' is neither 1 Year nor 3 Years", *term));
      continue;
    }
    const auto price = price_of(item, prefix + "retailPrice", row.page, plan);
    if (!price) continue;
    Candidate candidate = row;
    candidate.value = *price;
    candidate.note = fmt::format("{}-year savings plan", years);
    vm.prices[years == 1 ? Kind::savings_plan_1y : Kind::savings_plan_3y].push_back(candidate);
  }
}

void AzureCollector::bandwidth(const FlatRecord& item, std::size_t page, const std::string& region) {
  const std::string meter = item.value_or("meterName", "");
  if (meter != "Standard Data Transfer Out") return;  // inter-region, ingress and other meters
  const std::string product = item.value_or("productName", "");
  if (contains(product, "Routing Preference: Internet")) return;
  const std::string what =
      fmt::format("internet egress from {} ({}, meterId {})", region.empty() ? "no region" : region, product,
                  item.value_or("meterId", "none"));
  if (!default_routing(product)) {
    return skip(page, item.where, what, "a product tco does not know as Azure's default routing");
  }
  // Zone meters ("Zone 1") are also listed under each region they bill, as rows whose
  // isPrimaryMeterRegion is false: those rows give a region its ladder.
  if (region.empty() || contains(region, "Zone") || contains(region, "zone")) {
    return skip(page, item.where, what,
                "priced for a zone, not a region; tco takes a region's ladder from the rows of its armRegionName");
  }
  if (const auto currency = item.value_or("currencyCode", "USD"); currency != "USD") {
    return skip(page, item.where, what, fmt::format("its currencyCode is '{}', not USD", currency));
  }
  if (const auto unit = item.value_or("unitOfMeasure", ""); unit != "1 GB") {
    return skip(page, item.where, what, fmt::format("its unitOfMeasure is '{}', not 1 GB", unit));
  }
  // A tier may be free (the first 100 GB): 0 is a price here. A row that cannot be read
  // leaves a gap, so the region gets no ladder from the pages.
  const std::string minimum_text = item.value_or("tierMinimumUnits", "0");
  const auto minimum = parse_price_text(minimum_text);
  const std::string price_text = item.value_or("retailPrice", "");
  const auto price = parse_price_text(price_text);
  if (!minimum || !price) {
    broken_egress_[region].push_back({0, page, item.where, "", std::nullopt});
    return skip(page, item.where, what,
                !minimum ? fmt::format("its tierMinimumUnits '{}' is not a number", minimum_text)
                         : fmt::format("its retailPrice '{}' is not a price", price_text));
  }
  name_region(region, item.value_or("location", ""));
  egress_[region].push_back({item.value_or("meterId", ""), *minimum,
                             Candidate{*price, page, item.where, "", day_of(item.value_or("effectiveStartDate", ""))}});
}

}  // namespace tco::price_import
