#pragma once
// Every price sheet tco can see: the bundled pricing-data/ and any directories given with
// --pricing-dir, each laid out as <dir>/<provider>/<YYYY-MM-DD>.yaml.
#include <filesystem>
#include <string>
#include <vector>

#include "tco/core/result.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

class PriceCatalog {
 public:
  // Loads every sheet under the directories; errors of all sheets are reported together.
  static Result<PriceCatalog> load(const std::vector<std::filesystem::path>& directories);

  void add(PriceSheet sheet);

  // The sheet of `provider` whose effective date is the latest on or before `day`, or an
  // error naming the dates that exist.
  [[nodiscard]] Result<const PriceSheet*> select(const std::string& provider, Date day) const;
  [[nodiscard]] std::vector<std::string> providers() const;
  [[nodiscard]] const std::vector<PriceSheet>& sheets() const { return sheets_; }

 private:
  std::vector<PriceSheet> sheets_;  // sorted by provider, then effective date
};

}  // namespace tco
