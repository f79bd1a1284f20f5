// The AWS Price List's CSV offer files: five lines of metadata, a header, then one row per
// price dimension with its product's attributes repeated. Rows are grouped into terms by SKU
// and offer term code; only the rows of products the collector keeps are remembered.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "price_import_internal.hpp"
#include "tco/inputs/csv_stream.hpp"
#include "tco/inputs/input_limits.hpp"

namespace tco::price_import {
namespace {

// The CSV's column titles for the attributes the collector reads, by their JSON names.
constexpr std::pair<std::string_view, std::string_view> kAttributeColumns[] = {
    {"Instance Type", "instanceType"},
    {"Region Code", "regionCode"},
    {"Location", "location"},
    {"Tenancy", "tenancy"},
    {"Operating System", "operatingSystem"},
    {"CapacityStatus", "capacitystatus"},
    {"Pre Installed S/W", "preInstalledSw"},
    {"License Model", "licenseModel"},
    {"GPU", "gpu"},
    {"MarketOption", "marketoption"},
    {"Transfer Type", "transferType"},
    {"From Location", "fromLocation"},
    {"To Location", "toLocation"},
    {"From Region Code", "fromRegionCode"},
    {"To Region Code", "toRegionCode"},
    {"usageType", "usagetype"},
};

bool all_utf8(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& f) { return first_invalid_utf8(f) == std::string_view::npos; });
}

struct Columns {
  std::map<std::string, std::size_t, std::less<>> index;
  [[nodiscard]] std::string get(const std::vector<std::string>& row, std::string_view name) const {
    const auto it = index.find(name);
    return it == index.end() || it->second >= row.size() ? std::string() : row[it->second];
  }
};

}  // namespace

void read_aws_csv(InputStream& in, AwsCollector& collector, ImportedFile& file, Diagnostics& d) {
  CsvReader csv(in);
  std::vector<std::string> row;
  std::string_view raw;
  std::string offer_code;
  Columns columns;
  // The metadata lines, up to the header that starts with "SKU".
  for (int line = 0; csv.next(raw); ++line) {
    if (CsvReader::split(raw, row) && !all_utf8(row)) {
      csv.fail(csv.where(), "", "a field is not UTF-8; save the file as UTF-8");
      break;
    }
    if (!CsvReader::split(raw, row) || line > 10) {
      csv.fail(csv.where(), "",
               "expected the AWS Price List CSV preamble (FormatVersion, Publication Date, Version, "
               "OfferCode) and a header starting with \"SKU\"; this is not an AWS offer file");
      break;
    }
    if (row.size() >= 2 && row[0] == "OfferCode") offer_code = row[1];
    if (row.size() >= 2 && row[0] == "Version") file.version = row[1];
    if (row.size() >= 2 && row[0] == "Publication Date") file.published = row[1];
    if (!row.empty() && row[0] == "SKU") {
      for (std::size_t i = 0; i < row.size(); ++i) columns.index.emplace(row[i], i);
      break;
    }
  }
  file.kind = (offer_code.empty() ? "AWS" : offer_code) + " offer file (CSV)";
  if (!csv.failed() && columns.index.empty()) {
    csv.fail({in.name(), 1, 1}, "",
             "expected the AWS Price List CSV preamble (FormatVersion, Publication Date, Version, OfferCode) and a "
             "header starting with \"SKU\"; found none: this is not an AWS offer file");
  }
  if (!csv.failed()) {
    for (const char* required : {"SKU", "TermType", "Unit", "PricePerUnit", "Product Family"}) {
      if (columns.index.count(required) == 0) {
        csv.fail(csv.where(), "", fmt::format("expected a column \"{}\" in the header; found none", required));
        break;
      }
    }
  }
  if (!csv.failed() && offer_code != "AmazonEC2" && offer_code != "AWSDataTransfer" && offer_code != "AmazonS3") {
    csv.fail(
        csv.where(), "OfferCode",
        fmt::format("tco imports the offers AmazonEC2, AWSDataTransfer and AmazonS3; this file is '{}'", offer_code));
  }
  if (csv.failed()) {
    d.append(csv.diagnostics());
    return;
  }
  collector.begin_file(offer_code, file);
  const bool ec2 = offer_code == "AmazonEC2";
  std::map<std::string, bool> seen;      // SKU → kept
  std::map<std::string, AwsTerm> terms;  // by SKU and offer term code
  while (csv.next(raw)) {
    // Every field is quoted: a row of another OS or tenancy is dropped before it is split.
    if (ec2 && (raw.find("\"Linux\"") == std::string_view::npos || raw.find("\"Shared\"") == std::string_view::npos ||
                raw.find("\"Used\"") == std::string_view::npos)) {
      continue;
    }
    if (!CsvReader::split(raw, row)) {
      csv.fail(csv.where(), "", "a quote is left open or followed by text; expected quoted CSV fields");
      break;
    }
    if (!all_utf8(row)) {
      csv.fail(csv.where(), "", "a field is not UTF-8; save the file as UTF-8");
      break;
    }
    const std::string sku = columns.get(row, "SKU");
    auto known = seen.find(sku);
    if (known == seen.end()) {
      AwsProduct product;
      product.sku = sku;
      product.family = columns.get(row, "Product Family");
      product.where = csv.where();
      for (const auto& [title, name] : kAttributeColumns) {
        const std::string value = columns.get(row, title);
        if (!value.empty()) product.attributes.emplace(std::string(name), value);
      }
      collector.product(product);
      known = seen.emplace(sku, collector.wants_terms_of(sku)).first;
    }
    if (!known->second) continue;
    if (columns.get(row, "Currency") != "USD") continue;
    AwsTerm& term = terms[sku + "." + columns.get(row, "OfferTermCode")];
    if (term.sku.empty()) {
      term.sku = sku;
      term.type = columns.get(row, "TermType");
      term.lease = columns.get(row, "LeaseContractLength");
      term.purchase = columns.get(row, "PurchaseOption");
      term.offering_class = columns.get(row, "OfferingClass");
      term.where = csv.where();
    }
    const std::string begin = columns.get(row, "StartingRange");
    const std::string end = columns.get(row, "EndingRange");
    term.dimensions.push_back({columns.get(row, "Unit"), columns.get(row, "PricePerUnit"), begin.empty() ? "0" : begin,
                               end.empty() ? "Inf" : end, columns.get(row, "PriceDescription"), csv.where()});
  }
  for (const auto& [key, term] : terms) collector.term(term);
  d.append(csv.diagnostics());
}

}  // namespace tco::price_import
