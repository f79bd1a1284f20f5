// The price catalog a saved compare result was priced with, found again in today's catalog:
// tco diff prices head with it to split a change into the scenario's and the prices'.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "tco/inputs/saved_comparison.hpp"

namespace tco {

Result<PriceCatalog> catalog_as_saved(const PriceCatalog& catalog, const std::vector<SavedSheet>& used) {
  std::map<std::string, Date> newest;
  std::set<std::string> overlays;  // sha256 of each overlay it applied
  for (const auto& sheet : used) {
    const auto day = parse_date(sheet.effective_date);
    const bool held = day && std::any_of(catalog.sheets().begin(), catalog.sheets().end(), [&](const PriceSheet& s) {
                        return s.kind == SheetKind::sheet && s.provider == sheet.provider && s.effective == *day &&
                               s.content_hash == sheet.sha256;
                      });
    if (!held) {
      Diagnostics d;
      d.error({}, "",
              fmt::format("base was priced with {} {} (sha256:{}), which the price sheets here do not hold (changed "
                          "or removed since)",
                          sheet.provider, sheet.effective_date, sheet.sha256.substr(0, 12)));
      return d;
    }
    newest[sheet.provider] = std::max(newest.count(sheet.provider) ? newest[sheet.provider] : *day, *day);
    for (const auto& overlay : sheet.overlays) overlays.insert(overlay.sha256);
  }
  auto kept = catalog.filtered([&](const PriceSheet& sheet) {
    const auto it = newest.find(sheet.provider);
    if (it == newest.end()) return true;  // a provider base did not use: as it is
    if (sheet.kind == SheetKind::sheet) return sheet.effective <= it->second;
    return overlays.count(sheet.content_hash) > 0;
  });
  if (kept) return kept;
  Diagnostics d;
  for (const auto& item : kept.diagnostics().items()) {
    if (item.severity != Severity::error) continue;
    d.error(
        {}, "",
        "base's sheets do not form a catalog: " + (item.key_path.empty() ? "" : item.key_path + ": ") + item.message);
    break;
  }
  return d;
}

}  // namespace tco
