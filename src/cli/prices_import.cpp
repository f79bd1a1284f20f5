#include "prices_import.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "output.hpp"
#include "scenario_run.hpp"
#include "tco/core/text.hpp"
#include "tco/inputs/price_import.hpp"
#include "tco/inputs/price_sheet_loader.hpp"
#include "tco/report/price_sheet_yaml.hpp"

namespace tco::cli {
namespace {

// "\rtco: reading FILE: 120 of 482 MB (25 %)", redrawn at each whole percent.
InputStream::Progress progress_line(Console& console, const std::string& name) {
  auto last = std::make_shared<int>(-1);
  return [&console, name, last](std::uint64_t read, std::optional<std::uint64_t> total) {
    if (!total || *total == 0) return;
    const int percent = static_cast<int>(read * 100 / *total);
    if (percent == *last) return;
    *last = percent;
    console.err() << fmt::format("\rtco: reading {}: {} of {} MB ({} %)", name, read >> 20, *total >> 20, percent)
                  << (read >= *total ? "\n" : "") << std::flush;
  };
}

// The provider's newest sheet before `day` (overlays not applied), or none.
const PriceSheet* previous_sheet(const PriceCatalog& catalog, const std::string& provider, Date day) {
  const PriceSheet* found = nullptr;
  for (const auto& sheet : catalog.sheets()) {
    if (sheet.kind != SheetKind::sheet || sheet.provider != provider || sheet.effective >= day) continue;
    if (found == nullptr || sheet.effective >= found->effective) found = &sheet;
  }
  return found;
}

std::string summary(const PriceImport& import, const std::string& path, const std::vector<std::string>& kept,
                    const PriceSheet* previous) {
  std::string out = fmt::format("Imported {} file{} of {}:\n", import.files.size(), import.files.size() == 1 ? "" : "s",
                                import.sheet.provider);
  for (const auto& f : import.files) {
    std::string dated;
    if (!f.version.empty()) dated += "version " + f.version + ", ";
    if (!f.published.empty()) dated += "published " + f.published + ", ";
    if (dated.empty()) dated = "no version or date stated, ";
    out += fmt::format("  {}: {}, {}{} bytes, {} {}{} taken\n", f.name, f.kind, dated, f.bytes, f.prices, f.taken,
                       f.prices == 1 ? "" : "s");
  }
  int offers = 0;
  for (const auto& [id, region] : import.sheet.regions) offers += static_cast<int>(region.gpu_offers.size());
  out += fmt::format("Wrote {}: {} region{}, {} GPU offer{}, in effect from {}.\n", path, import.sheet.regions.size(),
                     import.sheet.regions.size() == 1 ? "" : "s", offers, offers == 1 ? "" : "s",
                     format_date(import.sheet.effective));
  if (previous != nullptr && !kept.empty()) {
    out += fmt::format("Kept from {} what the files cannot give: {}.\n", previous->id(), join(kept, ", "));
  }
  if (!import.skipped.empty()) {
    out += fmt::format("Skipped {} price{} (never priced at 0):\n", import.skipped.size(),
                       import.skipped.size() == 1 ? "" : "s");
    for (const auto& s : import.skipped) {
      out += fmt::format("  {}:{}: {}: {}\n", s.where.file, s.where.line, s.what, s.reason);
    }
  }
  return out;
}

}  // namespace

CLI::App* PricesImport::configure(CLI::App& prices) {
  CLI::App* app = prices.add_subcommand("import", "Turn a provider's published price files into a dated price sheet");
  app->add_option("provider", provider_, "Provider whose files these are: " + join(import_provider_names(), ", "))
      ->required();
  app->add_option("files", files_, "The price files, as downloaded (see tco prices urls)")->required();
  app->add_option("-o,--output-dir", output_dir_,
                  "Pricing directory to write PROVIDER/DATE.yaml into (default: the current directory; "
                  "'-': the sheet to standard output); use it with --pricing-dir");
  app->add_option("--region", regions_, "Only these regions (repeatable)");
  app->add_option("--effective", effective_,
                  "The sheet's effective date, YYYY-MM-DD (default: the files' newest "
                  "publication date)");
  app->add_flag("!--no-keep", keep_,
                "Do not keep what the files cannot give (exit programs, spot prices, other regions) from the "
                "provider's previous sheet");
  app->add_flag("--force", force_, "Replace the sheet if that file exists");
  app->footer(
      "Examples:\n"
      "  tco prices urls aws --region us-east-1\n"
      "  tco prices import aws AmazonEC2-us-east-1.json AWSDataTransfer.json AmazonS3.json -o my-prices\n"
      "  tco compare scenario.yaml --pricing-dir my-prices");
  return app;
}

int PricesImport::run(const PricingOptions& pricing, Console& console) const {
  ImportOptions options;
  options.regions = regions_;
  if (!effective_.empty()) {
    options.effective = parse_date(effective_);
    if (!options.effective) {
      console.error(fmt::format("--effective: expected a date YYYY-MM-DD, found '{}'", effective_));
      return kExitInvalidInput;
    }
  }
  std::vector<InputStream> files;
  Diagnostics opening;
  for (const auto& name : files_) {
    auto stream = InputStream::open(name);
    if (!stream) {
      opening.append(stream.diagnostics());
      continue;
    }
    files.push_back(std::move(stream).value());
    if (console.errors_to_terminal()) files.back().on_progress(progress_line(console, name));
  }
  if (opening.has_errors()) {
    console.report(opening);
    return kExitInvalidInput;
  }
  auto imported = import_prices(provider_, files, options);
  console.report(imported.diagnostics());
  if (!imported) return kExitInvalidInput;
  PriceImport& import = imported.value();

  std::vector<std::string> kept;
  std::unique_ptr<PriceCatalog> catalog;
  const PriceSheet* previous = nullptr;
  if (keep_) {
    PricingOptions with_output = pricing;
    if (output_dir_ != "-" && std::filesystem::is_directory(std::filesystem::path(output_dir_) / provider_)) {
      with_output.pricing_dirs.push_back(output_dir_);
    }
    catalog = load_catalog(with_output, console);
    if (!catalog) return kExitInvalidInput;
    previous = previous_sheet(*catalog, provider_, import.sheet.effective);
    if (previous != nullptr) kept = keep_from_previous(import.sheet, *previous);
  }

  const auto path = std::filesystem::path(output_dir_) / provider_ / (format_date(import.sheet.effective) + ".yaml");
  std::vector<std::string> comment{
      fmt::format("{} prices imported by `tco prices import {}` from the provider's own price files (the sources "
                  "below: each file's URL, version, publication date and SHA-256).",
                  import.sheet.name, provider_),
      "Re-import rather than edit: `tco prices diff` shows what changed between versions."};
  if (previous != nullptr && !kept.empty()) {
    comment.push_back(
        fmt::format("Kept from {} (each such value's note says so): {}.", previous->id(), join(kept, ", ")));
  }
  const std::string text = render_price_sheet_yaml(import.sheet, comment);
  // The sheet must load back as written; a sheet tco cannot read is never saved.
  const auto reloaded = load_price_sheet(text, path.string());
  if (!reloaded) {
    console.report(reloaded.diagnostics());
    console.error("the imported sheet does not load back; nothing was written (this is a bug in tco)");
    return kExitInternalError;
  }
  if (output_dir_ == "-") {
    // The sheet to standard output, to be piped or compared; the summary to standard error.
    if (!console.write(text)) return kExitInvalidInput;
    console.err() << summary(import, "standard output", kept, previous);
    return kExitOk;
  }
  std::error_code code;
  if (std::filesystem::exists(path, code) && !force_) {
    console.error(fmt::format("{} exists; pass --force to replace it", path.string()));
    return kExitInvalidInput;
  }
  std::filesystem::create_directories(path.parent_path(), code);
  if (code) {
    console.error(fmt::format("cannot create {}: {}", path.parent_path().string(), code.message()));
    return kExitInvalidInput;
  }
  if (!write_output(console, text, path.string())) return kExitInvalidInput;
  return console.write(summary(import, path.string(), kept, previous)) ? kExitOk : kExitInvalidInput;
}

CLI::App* PricesUrls::configure(CLI::App& prices) {
  CLI::App* app = prices.add_subcommand("urls", "Print where a provider publishes the price files import reads");
  app->add_option("provider", provider_, "Provider: " + join(import_provider_names(), ", "))->required();
  app->add_option("--region", regions_, "The regions to fetch compute prices of (repeatable; default us-east-1)");
  app->footer(
      "Examples:\n"
      "  tco prices urls aws --region us-east-1 --region us-west-2 | sh\n"
      "  tco prices import aws AmazonEC2-*.json AWSDataTransfer.json AmazonS3.json -o my-prices");
  return app;
}

int PricesUrls::run(Console& console) const {
  const auto urls = price_file_urls(provider_, regions_);
  if (urls.empty()) {
    console.error(
        fmt::format("tco imports the price files of {}; found '{}'", join(import_provider_names(), ", "), provider_));
    return kExitInvalidInput;
  }
  std::string out = fmt::format(
      "# The price files of {} that tco prices import reads. tco downloads nothing: run\n"
      "# these lines (or pipe them to sh), then import the files:\n",
      provider_);
  std::vector<std::string> names;
  for (const auto& url : urls) {
    // A URL that names a shell variable (Google's API key) is double-quoted, so the key expands.
    const char quote = url.url.find('$') == std::string::npos ? '\'' : '"';
    out += fmt::format("# {}\ncurl -fsSL -o {} {}{}{}\n", url.what, url.file, quote, url.url, quote);
    names.push_back(url.file);
  }
  out += fmt::format("# then: tco prices import {} {} -o my-prices\n", provider_, join(names, " "));
  return console.write(out) ? kExitOk : kExitInvalidInput;
}

}  // namespace tco::cli
