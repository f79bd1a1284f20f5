// libFuzzer harness: `tco prices import azure` on arbitrary bytes, split at the first NUL byte
// into two Azure Retail Prices pages (the second may be empty, then only one is given), so
// that what crosses pages (their NextPageLink order, one price on two pages) is reached too;
// the checks are fuzz_import.hpp's.
#include <cstddef>
#include <cstdint>

#include "fuzz_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<tco::InputStream> files = tco::fuzz::two_pages(data, size);
  tco::fuzz::check_import("fuzz_import_azure", "azure", files);
  return 0;
}
