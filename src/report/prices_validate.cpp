// `tco prices validate`: what a pricing directory holds, or why it cannot be used.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"

namespace tco {

using nlohmann::ordered_json;

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

std::string render_price_validation_table(const PriceValidation& v) {
  if (!v.ok) return fmt::format("{}: invalid (see the errors above)\n", join(v.directories, ", "));
  return fmt::format("{}: ok ({} files, {} providers, {} prices, {} of them secondhand)\n", join(v.directories, ", "),
                     v.files, v.providers, v.prices, v.secondhand_prices);
}

std::string render_price_validation_json(const PriceValidation& v) {
  ordered_json doc;
  doc["schema"] = "tco.prices.validate/1";
  doc["directories"] = v.directories;
  doc["ok"] = v.ok;
  doc["files"] = v.files;
  doc["providers"] = v.providers;
  doc["prices"] = v.prices;
  doc["secondhand_prices"] = v.secondhand_prices;
  doc["diagnostics"] = ordered_json::array();
  for (const auto& item : v.diagnostics) {
    doc["diagnostics"].push_back({{"severity", severity_name(item.severity)},
                                  {"file", item.where.file},
                                  {"line", item.where.line},
                                  {"column", item.where.column},
                                  {"key_path", item.key_path},
                                  {"message", item.message}});
  }
  return doc.dump(2) + "\n";
}

}  // namespace tco
