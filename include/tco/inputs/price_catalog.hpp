#pragma once
// Every price sheet tco can see: the bundled pricing-data/ and any directories given with
// --pricing-dir, each laid out as <dir>/<provider>/<YYYY-MM-DD>.yaml. Sheets of a provider
// form its timeline; overlays (a user's private prices and discounts) apply on top of the
// sheets from their own effective date on, in the order their directories were given.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

// A date after every sheet: selecting with it gives each provider's newest prices.
inline const Date kNewest = date::year{9999} / 12 / 31;

struct PricingDirectory {
  PricingDirectory(std::filesystem::path path_, std::string origin_, SourceLocation where_ = {}, std::string key_ = {})
      : path(std::move(path_)), origin(std::move(origin_)), where(std::move(where_)), key(std::move(key_)) {}
  std::filesystem::path path;
  std::string origin;  // "bundled", or how the user named the directory
  // Where a file named it (a scenario's `pricing_dirs[0]`), so that a missing directory is
  // reported there; an empty key for the bundled sheets and --pricing-dir.
  SourceLocation where;
  std::string key;
};

class PriceCatalog {
 public:
  // Loads every sheet and overlay under the directories; later directories win: a sheet
  // replaces an earlier one of the same provider and date, overlays apply in order. Errors
  // of all files are reported together.
  static Result<PriceCatalog> load(const std::vector<PricingDirectory>& directories);

  // A catalog of the files `keep` accepts, with its timelines rebuilt: the prices as they
  // stood before some sheets were added (tco diff prices one side with the other's sheets).
  [[nodiscard]] Result<PriceCatalog> filtered(const std::function<bool(const PriceSheet&)>& keep) const;

  // Adds a file (sheet or overlay) and rebuilds the timelines; returns their diagnostics.
  Diagnostics add(PriceSheet sheet);

  // The view of `provider` in effect on `day` (its latest sheet on or before `day`, with
  // every overlay in effect by then applied), or an error naming the dates that exist.
  [[nodiscard]] Result<const PriceSheet*> select(const std::string& provider, Date day) const;
  // Every view of the provider, oldest first: one per date a sheet or overlay took effect.
  [[nodiscard]] std::vector<const PriceSheet*> timeline(const std::string& provider) const;
  [[nodiscard]] std::vector<std::string> providers() const;
  // The files as loaded (sheets and overlays), by provider, then date, then load order.
  [[nodiscard]] const std::vector<PriceSheet>& sheets() const { return sheets_; }

 private:
  void insert(PriceSheet sheet);
  Diagnostics rebuild();

  std::vector<PriceSheet> sheets_;
  std::vector<std::unique_ptr<PriceSheet>> views_;  // by provider, then in_effect_from
};

}  // namespace tco
