// libFuzzer harness: `tco prices import gcp` on arbitrary bytes, split at the first NUL byte
// into two Cloud Billing Catalog pages (the second may be empty, then only one is given), so
// that what crosses pages (a machine's parts on different pages) is reached too; the checks
// are fuzz_import.hpp's.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto nul = text.find('\0');
  std::vector<tco::InputStream> files;
  files.push_back(tco::InputStream::from_string(std::string(text.substr(0, nul)), "page-1.json"));
  if (nul != std::string_view::npos && nul + 1 < text.size()) {
    files.push_back(tco::InputStream::from_string(std::string(text.substr(nul + 1)), "page-2.json"));
  }
  tco::fuzz::check_import("fuzz_import_gcp", "gcp", files);
  return 0;
}
