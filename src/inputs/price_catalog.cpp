#include "tco/inputs/price_catalog.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/price_overlay.hpp"
#include "tco/inputs/price_sheet_loader.hpp"

namespace tco {
namespace {

// Two files for one provider and date: an error within a directory; across directories the
// later sheet replaces the earlier, while overlays all apply.
bool same_file_slot(const PriceSheet& a, const PriceSheet& b) {
  return a.kind == b.kind && a.provider == b.provider && a.effective == b.effective;
}

// Checks that a file lies where its contents say: <provider>/<effective_date>.yaml.
void check_placement(const PriceSheet& sheet, const std::filesystem::path& path, Diagnostics& d) {
  const std::string folder = path.parent_path().filename().string();
  if (sheet.provider != folder) {
    d.error({sheet.file, 0, 0}, "provider",
            fmt::format("the sheet says provider '{}' but lies in the directory '{}'", sheet.provider, folder));
  }
  if (path.stem().string() != format_date(sheet.effective)) {
    d.error({sheet.file, 0, 0}, "effective_date",
            fmt::format("the file name should be {}.yaml to match effective_date", format_date(sheet.effective)));
  }
}

}  // namespace

void PriceCatalog::insert(PriceSheet sheet) {
  if (sheet.kind == SheetKind::sheet) {
    auto replaced = [&](const PriceSheet& s) { return same_file_slot(s, sheet) && s.layer <= sheet.layer; };
    sheets_.erase(std::remove_if(sheets_.begin(), sheets_.end(), replaced), sheets_.end());
  }
  sheets_.push_back(std::move(sheet));
  std::stable_sort(sheets_.begin(), sheets_.end(), [](const PriceSheet& a, const PriceSheet& b) {
    return a.provider != b.provider ? a.provider < b.provider : a.effective < b.effective;
  });
}

Result<PriceCatalog> PriceCatalog::filtered(const std::function<bool(const PriceSheet&)>& keep) const {
  PriceCatalog out;
  for (const auto& sheet : sheets_) {
    if (keep(sheet)) out.sheets_.push_back(sheet);  // already in order
  }
  auto diagnostics = out.rebuild();
  if (diagnostics.has_errors()) return diagnostics;
  return Result<PriceCatalog>(std::move(out), std::move(diagnostics));
}

Diagnostics PriceCatalog::add(PriceSheet sheet) {
  insert(std::move(sheet));
  return rebuild();
}

Diagnostics PriceCatalog::rebuild() {
  views_.clear();
  Diagnostics d;
  std::set<std::string> reported;
  for (const auto& provider : providers()) {
    std::vector<const PriceSheet*> bases;
    std::vector<const PriceSheet*> overlays;  // in load order
    for (const auto& sheet : sheets_) {
      if (sheet.provider != provider) continue;
      (sheet.kind == SheetKind::sheet ? bases : overlays).push_back(&sheet);
    }
    std::stable_sort(overlays.begin(), overlays.end(), [&](const PriceSheet* a, const PriceSheet* b) {
      return a->layer != b->layer ? a->layer < b->layer : a->effective < b->effective;
    });
    if (bases.empty()) {
      for (const auto* overlay : overlays) {
        d.error({overlay->file, 0, 0}, "provider",
                fmt::format("overlay '{}' has no '{}' price sheet to extend; a custom provider needs a full sheet "
                            "(kind: sheet, the default)",
                            overlay->name, provider));
      }
      continue;
    }
    std::set<Date> changes;
    for (const auto* base : bases) changes.insert(base->effective);
    for (const auto* overlay : overlays) changes.insert(std::max(overlay->effective, bases.front()->effective));
    for (const Date day : changes) {
      const PriceSheet* base = nullptr;
      for (const auto* candidate : bases) {
        if (candidate->effective <= day) base = candidate;
      }
      auto view = std::make_unique<PriceSheet>(*base);
      view->in_effect_from = day;
      Diagnostics merge;
      for (const auto* overlay : overlays) {
        if (overlay->effective <= day) apply_overlay(*view, *overlay, merge);
      }
      for (const auto& item : merge.items()) {
        if (reported.insert(format_location(item)).second) d.add(item);
      }
      views_.push_back(std::move(view));
    }
  }
  return d;
}

Result<PriceCatalog> PriceCatalog::load(const std::vector<PricingDirectory>& directories) {
  PriceCatalog catalog;
  Diagnostics d;
  for (std::size_t layer = 0; layer < directories.size(); ++layer) {
    const auto& directory = directories[layer].path;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
      if (directories[layer].key.empty())
        d.error({directory.string(), 0, 0}, "", "expected a directory of price sheets, found none there");
      else
        d.error(directories[layer].where, directories[layer].key,
                fmt::format("expected a directory of price sheets, found none at '{}'", directory.string()));
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<PriceSheet> loaded;
    for (const auto& path : files) {
      auto text = read_text_file(path.string());
      if (!text) {
        d.append(text.diagnostics());
        continue;
      }
      // Named relative to the directory's parent ("pricing-data/aws/2025-06-01.yaml") so
      // reports read the same on every machine.
      const auto shown =
          directory.filename().empty() ? path : directory.filename() / std::filesystem::relative(path, directory);
      auto sheet = load_price_sheet(text.value(), shown.string());
      d.append(sheet.diagnostics());
      if (!sheet) continue;
      check_placement(sheet.value(), path, d);
      for (const auto& other : loaded) {
        if (!same_file_slot(other, sheet.value())) continue;
        d.error({sheet->file, 0, 0}, "effective_date",
                fmt::format("{} has another {} for {} in this directory: {}", sheet->provider,
                            sheet->kind == SheetKind::sheet ? "sheet" : "overlay", format_date(sheet->effective),
                            other.file));
      }
      PriceSheet value = std::move(sheet).value();
      value.origin = directories[layer].origin;
      value.layer = static_cast<int>(layer);
      loaded.push_back(std::move(value));
    }
    for (auto& sheet : loaded) catalog.insert(std::move(sheet));
  }
  // Conflicts between files are checked even when some file failed, so that one run
  // reports every error.
  d.append(catalog.rebuild());
  if (d.has_errors()) return d;
  return {std::move(catalog), std::move(d)};
}

Result<const PriceSheet*> PriceCatalog::select(const std::string& provider, Date day) const {
  const PriceSheet* best = nullptr;
  std::vector<std::string> dates;
  for (const auto& view : views_) {
    if (view->provider != provider) continue;
    dates.push_back(format_date(view->in_effect_from));
    if (view->in_effect_from <= day) best = view.get();
  }
  if (best != nullptr) return best;
  Diagnostics d;
  if (dates.empty()) {
    d.error({}, "",
            fmt::format("no price sheet for provider '{}'{}; known providers: {}", provider,
                        did_you_mean(provider, providers()), quoted_list(providers())));
  } else {
    d.error({}, "",
            fmt::format("no '{}' price sheet is in effect on {}; its sheets start on {} (set as_of or --as-of "
                        "to a later date)",
                        provider, format_date(day), dates.front()));
  }
  return d;
}

std::vector<const PriceSheet*> PriceCatalog::timeline(const std::string& provider) const {
  std::vector<const PriceSheet*> out;
  for (const auto& view : views_) {
    if (view->provider == provider) out.push_back(view.get());
  }
  return out;
}

std::vector<std::string> PriceCatalog::providers() const {
  std::vector<std::string> out;
  for (const auto& sheet : sheets_) {
    if (std::find(out.begin(), out.end(), sheet.provider) == out.end()) out.push_back(sheet.provider);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tco
