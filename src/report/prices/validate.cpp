// tco prices validate: what a pricing directory holds, or why it cannot be used.
#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"

namespace tco {

PriceValidation summarize_validation(std::vector<std::string> directories, const PriceCatalog* catalog,
                                     const Diagnostics& diagnostics) {
  PriceValidation out;
  out.directories = std::move(directories);
  out.ok = catalog != nullptr;
  out.diagnostics = diagnostics.items();
  if (catalog == nullptr) return out;
  for (const auto& s : list_sheets(*catalog)) {
    ++out.files;
    out.prices += s.prices;
    out.secondhand_prices += s.secondhand_prices;
  }
  out.providers = static_cast<int>(catalog->providers().size());
  return out;
}

}  // namespace tco
