// libFuzzer harness: `tco prices import aws` on arbitrary bytes, read as an AmazonEC2,
// AWSDataTransfer, AmazonS3 or Savings Plans file (JSON when the first byte is even, CSV when
// odd), through the streaming JSON and CSV readers; what follows a NUL byte is a second file,
// JSON (a Savings Plans file or the Spot Advisor data beside an offer file). The checks are
// fuzz_import.hpp's.
#include <cstddef>
#include <cstdint>

#include "fuzz_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool csv = (data[0] & 1U) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto nul = text.find('\0');
  std::vector<tco::InputStream> files;
  files.push_back(tco::InputStream::from_string(std::string(text.substr(0, nul)), csv ? "fuzz.csv" : "fuzz.json"));
  if (nul != std::string_view::npos && nul + 1 < text.size()) {
    files.push_back(tco::InputStream::from_string(std::string(text.substr(nul + 1)), "second.json"));
  }
  tco::fuzz::check_import("fuzz_import_aws", "aws", files);
  return 0;
}
