#pragma once
// `tco prices import`: a provider's own published price files turned into a price sheet
// (tco-prices(5)). Each file is read as a stream; every price taken cites the file it came
// from (its published URL, version, publication date and SHA-256); what cannot be identified
// is reported and skipped, never priced at 0.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tco/core/calendar.hpp"
#include "tco/core/result.hpp"
#include "tco/inputs/input_stream.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

struct ImportOptions {
  std::vector<std::string> regions;  // only these; empty = every region in the files
  std::optional<Date> effective;     // default: the newest publication date of the files
};

// A price the importer saw but did not take, and why.
struct SkippedPrice {
  SourceLocation where;
  std::string what;    // "g7z.8xlarge (SKU ABCDEFGH12345678)"
  std::string reason;  // "its GPU is not in tco's GPU map"
};

struct ImportedFile {
  std::string name;       // as given
  std::string kind;       // "AmazonEC2 offer file (JSON)"
  std::string version;    // the file's own version
  std::string published;  // the file's own publication date and time
  std::string sha256;
  std::uint64_t bytes = 0;
  std::string source_id;  // the sheet source citing it
  int prices = 0;         // prices (or rates) taken from it
  std::string taken = "price";  // what it gives: "price", or "interruption rate" for the Spot Advisor
};

struct PriceImport {
  PriceSheet sheet;
  std::vector<ImportedFile> files;
  std::vector<SkippedPrice> skipped;
};

// Providers `tco prices import` reads files of.
const std::vector<std::string>& import_provider_names();

// Reads `files` (each already open) as the price files of `provider`. The sheet's effective
// date, name and billing "GB" come from the provider and the files.
Result<PriceImport> import_prices(const std::string& provider, std::vector<InputStream>& files,
                                  const ImportOptions& options);

// Where a provider publishes the files `import` reads, for `tco prices urls`.
struct PriceFileUrl {
  std::string what;  // "AmazonEC2 offer file for us-east-1"
  std::string url;
  std::string file;  // a file name to save it as
};
std::vector<PriceFileUrl> price_file_urls(const std::string& provider, const std::vector<std::string>& regions);

}  // namespace tco

namespace tco {

// Keeps from `previous`, the provider's sheet before the imported one, what price files cannot
// give: its exit programs, whole regions the files do not cover, and within a region the
// pricing models (spot, say), storage classes and network prices the import has none of. Each
// kept value's note says where it came from, and the sources it cites come along. Returns a
// line per kind of thing kept, for the sheet's header and the command's summary.
std::vector<std::string> keep_from_previous(PriceSheet& imported, const PriceSheet& previous);

}  // namespace tco
