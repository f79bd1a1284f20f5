#pragma once
// The Azure Retail Prices importer's parts: the page reader, the collector of the items it
// keeps (GPU virtual machines and internet egress), and the pages' order and citations. The
// rules (which rows are a price, how a reservation's total becomes an hourly rate) are in
// tco-prices(5), IMPORTING.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "price_import_internal.hpp"
#include "price_import_json.hpp"

namespace tco::price_import {

inline constexpr std::string_view kAzureRetailPrices = "https://prices.azure.com/api/retail/prices";

// One page as read: what it says about the query it belongs to and the items it holds.
struct AzurePage {
  std::optional<std::string> next_link;  // NextPageLink; none when null or absent
  std::string newest_text;               // the newest effectiveStartDate, as written
  SourceLocation next_where;
  int items = 0;
  std::optional<Date> newest;      // the newest effectiveStartDate of its items
  std::set<std::string> services;  // serviceName of its items
  std::set<std::string> regions;   // armRegionName of its items (a few, for a title)
};

// The day of an ISO 8601 timestamp ("2026-06-01T00:00:00Z").
std::optional<Date> day_of(std::string_view timestamp);

// Reads one saved page into `page`, handing each item to `item(record)`.
void read_azure_page(InputStream& in, AzurePage& page, const std::function<void(const FlatRecord&)>& item,
                     Diagnostics& d);

// The prices of the items kept, by what they price; a price given by several rows (the same
// page given twice, overlapping pages) is taken once, and one given differently by two rows
// is reported and not taken.
class AzureCollector {
 public:
  AzureCollector(const ImportOptions& options, PriceImport& out) : options_(options), out_(out) {}

  void item(const FlatRecord& item, std::size_t page);
  // Builds the sheet's regions. `rank[page]` orders the pages, so that a price several pages
  // give cites the same page whatever the order they were given in; prices cite "#PAGE".
  // Returns the newest effectiveStartDate of the prices taken.
  std::optional<Date> finish(const std::vector<std::size_t>& rank);
  // The pages the sheet's prices cite.
  [[nodiscard]] const std::set<std::size_t>& cited() const { return cited_; }

 private:
  struct Candidate {
    double value = 0;  // per hour, or per GB as the page writes it
    std::size_t page = 0;
    SourceLocation where;
    std::string note;
    std::optional<Date> since;  // effectiveStartDate
  };
  // What a VM row prices, before the choice between a reservation and a savings plan.
  enum class Kind { on_demand, spot, reservation_1y, reservation_3y, savings_plan_1y, savings_plan_3y };
  struct Vm {
    std::string gpu;
    int gpus = 0;
    SourceLocation where;
    std::map<Kind, std::vector<Candidate>> prices;
  };
  struct EgressRow {
    std::string meter;   // meterId
    double minimum = 0;  // tierMinimumUnits, in GB
    Candidate price;
  };

  void vm(const FlatRecord& item, std::size_t page, const std::string& region);
  void savings_plans(const FlatRecord& item, Vm& vm, const Candidate& row, const std::string& what);
  void bandwidth(const FlatRecord& item, std::size_t page, const std::string& region);
  std::optional<double> price_of(const FlatRecord& item, const std::string& field, std::size_t page,
                                 const std::string& what);
  void skip(std::size_t page, const SourceLocation& where, std::string what, std::string reason);

  // The one price of `candidates`, citing the first page by rank; none (and reported) when
  // they differ.
  std::optional<Candidate> resolve(const std::vector<Candidate>& candidates, const std::string& what,
                                   const std::string& unit);
  Sourced sourced(const Candidate& candidate, double value);
  void finish_vm(const std::string& region, const std::string& sku, const Vm& vm);
  void finish_egress(const std::string& region, const std::vector<EgressRow>& rows);
  void taken(const Candidate& candidate);
  void name_region(const std::string& region, const std::string& location);

  // Orders candidates by their page's rank, then their line: the first cites a price.
  struct ByRank {
    const std::vector<std::size_t>* rank;
    bool operator()(const Candidate& a, const Candidate& b) const;
  };

  const ImportOptions& options_;
  PriceImport& out_;
  std::vector<std::size_t> rank_;
  ByRank by_rank_{&rank_};
  std::optional<Date> newest_;
  std::set<std::size_t> cited_;
  std::map<std::pair<std::string, std::string>, Vm> vms_;        // by region, armSkuName
  std::map<std::string, std::vector<EgressRow>> egress_;         // by region
  std::map<std::string, std::vector<Candidate>> broken_egress_;  // rows that cannot be read, by region
  std::map<std::string, std::string> region_names_;              // armRegionName → location
  struct Skipped {
    std::size_t page;
    SkippedPrice skipped;
  };
  std::vector<Skipped> skipped_;
  std::set<std::string> reported_;  // what + reason, so a reason is told once per thing
};

// The whole import: pages read, ordered, cited (Result carries the warnings).
Result<PriceImport> import_azure(std::vector<InputStream>& files, const ImportOptions& options);

}  // namespace tco::price_import
