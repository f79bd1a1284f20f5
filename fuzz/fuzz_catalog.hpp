#pragma once
// The bundled price sheets, loaded once per process by the harnesses that need a catalog
// (from LLVMFuzzerInitialize). TCO_PRICING_DIR overrides the directory, as for tco itself.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "tco/inputs/price_catalog.hpp"

namespace tco::fuzz {

inline std::unique_ptr<PriceCatalog> load_bundled_catalog() {
  const char* env = std::getenv("TCO_PRICING_DIR");
  const std::filesystem::path dir = env != nullptr && *env != '\0' ? env : TCO_FUZZ_PRICING_DIR;
  auto catalog = PriceCatalog::load({{dir, "bundled"}});
  if (!catalog) {
    std::fprintf(stderr, "fuzz: cannot load the price sheets in %s:\n", dir.string().c_str());
    for (const auto& item : catalog.diagnostics().items())
      std::fprintf(stderr, "  %s\n", format_location(item).c_str());
    std::exit(2);
  }
  return std::make_unique<PriceCatalog>(std::move(catalog).value());
}

}  // namespace tco::fuzz
