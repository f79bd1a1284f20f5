// libFuzzer harness: `tco prices import aws` on arbitrary bytes, read as an AmazonEC2,
// AWSDataTransfer, AmazonS3 or Savings Plans file (JSON when the first byte is even, CSV when
// odd), through the streaming JSON and CSV readers; the checks are fuzz_import.hpp's.
#include <cstddef>
#include <cstdint>

#include "fuzz_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool csv = (data[0] & 1U) != 0;
  std::vector<tco::InputStream> files;
  files.push_back(tco::InputStream::from_string(std::string(reinterpret_cast<const char*>(data) + 1, size - 1),
                                                csv ? "fuzz.csv" : "fuzz.json"));
  tco::fuzz::check_import("fuzz_import_aws", "aws", files);
  return 0;
}
