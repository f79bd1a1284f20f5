#include "tco/inputs/price_catalog.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/inputs/file.hpp"
#include "tco/inputs/price_sheet_loader.hpp"

namespace tco {

void PriceCatalog::add(PriceSheet sheet) {
  // A later directory's sheet for the same provider and date replaces the earlier one.
  auto same = [&](const PriceSheet& s) { return s.provider == sheet.provider && s.effective == sheet.effective; };
  sheets_.erase(std::remove_if(sheets_.begin(), sheets_.end(), same), sheets_.end());
  sheets_.push_back(std::move(sheet));
  std::sort(sheets_.begin(), sheets_.end(), [](const PriceSheet& a, const PriceSheet& b) {
    return a.provider != b.provider ? a.provider < b.provider : a.effective < b.effective;
  });
}

Result<PriceCatalog> PriceCatalog::load(const std::vector<std::filesystem::path>& directories) {
  PriceCatalog catalog;
  Diagnostics d;
  for (const auto& directory : directories) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
      d.error({directory.string(), 0, 0}, "", "expected a directory of price sheets, found none there");
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      auto text = read_text_file(path.string());
      if (!text) {
        d.append(text.diagnostics());
        continue;
      }
      // Named relative to the directory's parent ("pricing-data/aws/2025-06-05.yaml") so
      // reports read the same on every machine.
      const auto shown =
          directory.filename().empty() ? path : directory.filename() / std::filesystem::relative(path, directory);
      auto sheet = load_price_sheet(text.value(), shown.string());
      d.append(sheet.diagnostics());
      if (!sheet) continue;
      const std::string folder = path.parent_path().filename().string();
      if (sheet->provider != folder) {
        d.error({shown.string(), 0, 0}, "provider",
                fmt::format("the sheet says provider '{}' but lies in the directory '{}'", sheet->provider, folder));
      }
      if (path.stem().string() != format_date(sheet->effective)) {
        d.error({shown.string(), 0, 0}, "effective_date",
                fmt::format("the file name should be {}.yaml to match effective_date", format_date(sheet->effective)));
      }
      catalog.add(std::move(sheet).value());
    }
  }
  if (d.has_errors()) return d;
  return {std::move(catalog), std::move(d)};
}

Result<const PriceSheet*> PriceCatalog::select(const std::string& provider, Date day) const {
  const PriceSheet* best = nullptr;
  std::vector<std::string> dates;
  for (const auto& sheet : sheets_) {
    if (sheet.provider != provider) continue;
    dates.push_back(format_date(sheet.effective));
    if (sheet.effective <= day) best = &sheet;
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

std::vector<std::string> PriceCatalog::providers() const {
  std::vector<std::string> out;
  for (const auto& sheet : sheets_) {
    if (out.empty() || out.back() != sheet.provider) out.push_back(sheet.provider);
  }
  return out;
}

}  // namespace tco
