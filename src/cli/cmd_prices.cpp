// tco prices list|show|diff|gpu|validate|import|urls: what the price catalog holds, and how it changed.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "prices_import.hpp"
#include "scenario_run.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"

namespace tco::cli {
namespace {

// "PROVIDER@DATE" (the version in effect on DATE) or "PROVIDER" (the newest).
struct SheetRef {
  std::string provider;
  Date day = kNewest;
};

std::optional<SheetRef> parse_sheet_ref(const std::string& text) {
  SheetRef ref;
  const auto at = text.find('@');
  ref.provider = text.substr(0, at);
  if (ref.provider.empty()) return std::nullopt;
  if (at != std::string::npos) {
    const auto day = parse_date(text.substr(at + 1));
    if (!day) return std::nullopt;
    ref.day = *day;
  }
  return ref;
}

// The GPU model as tco names it, matched without regard to case.
std::optional<std::string> canonical_gpu(const std::string& text) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  for (const auto& name : gpu_model_names()) {
    if (lower(name) == lower(text)) return name;
  }
  return std::nullopt;
}

class PricesCommand : public Command {
 public:
  void configure(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  tco prices list\n"
        "  tco prices show aws --region us-east-1 --gpu H100\n"
        "  tco prices diff aws@2025-01-01 aws@2025-07-01\n"
        "  tco prices gpu H100 --pricing spot\n"
        "  tco prices gpu H100 --data 100TB --from aws:us-east-1\n"
        "  tco prices validate my-prices/\n"
        "  tco prices import aws AmazonEC2-us-east-1.json AWSDataTransfer.json -o my-prices");
    list_ = app.add_subcommand("list", "List every price sheet and overlay: versions, dates, counts, hashes");
    add_format_option(*list_, format_, price_list_renderers().formats());
    pricing_.add_directories_to(*list_);

    show_ = app.add_subcommand("show", "Show a provider's prices with their sources");
    show_->add_option("provider", provider_, "Provider, e.g. aws, or PROVIDER@DATE")->required();
    show_->add_option("--region", region_, "Only this region (for the on-prem catalog: an electricity region)");
    show_->add_option("--gpu", gpu_, "Only offers and hardware with this GPU model, e.g. H100");
    add_format_option(*show_, format_, price_show_renderers().formats());
    pricing_.add_to(*show_);

    diff_ = app.add_subcommand("diff", "Show what changed between two versions of a provider's prices");
    diff_->add_option("before", before_, "PROVIDER@DATE: the version in effect on DATE")->required();
    diff_->add_option("after", after_, "PROVIDER@DATE")->required();
    add_format_option(*diff_, format_, price_diff_renderers().formats());
    pricing_.add_directories_to(*diff_);

    gpu_cmd_ = app.add_subcommand("gpu", "Rank every provider's offers for a GPU model by cost per GPU-hour");
    gpu_cmd_->add_option("model", gpu_, "GPU model: " + join(gpu_model_names(), ", "))->required();
    gpu_cmd_->add_option("--pricing", pricing_model_, "Pricing model")
        ->check(CLI::IsMember(pricing_model_names()))
        ->default_str("on-demand");
    gpu_cmd_->add_option("--data", data_, "Also price bringing this much data to each offer, e.g. 100TB");
    gpu_cmd_->add_option("--from", from_, "Where the data is, as PROVIDER:REGION (with --data)");
    gpu_cmd_->add_option("--gpu-hours", gpu_hours_,
                         "GPU-hours the ranking prices with --data (default 5,840: "
                         "one 8-GPU instance for a 730-hour month)");
    add_format_option(*gpu_cmd_, format_, gpu_ranking_renderers().formats());
    pricing_.add_to(*gpu_cmd_);

    validate_ = app.add_subcommand("validate", "Check a directory of price sheets and overlays");
    validate_->add_option("dir", validate_dir_,
                          "Directory laid out as PROVIDER/YYYY-MM-DD.yaml (default: the "
                          "bundled sheets and any --pricing-dir)");
    add_format_option(*validate_, format_, price_validation_renderers().formats());
    pricing_.add_directories_to(*validate_);

    import_app_ = import_.configure(app);
    pricing_.add_directories_to(*import_app_);
    urls_app_ = urls_.configure(app);
  }

  int run(Console& console) override {
    const auto as_of = pricing_.as_of_date();
    if (!as_of) {
      console.report(as_of.diagnostics());
      return kExitInvalidInput;
    }
    const Date day = as_of->value_or(kNewest);
    if (validate_->parsed()) return validate(console);
    if (import_app_->parsed()) return import_.run(pricing_, console);
    if (urls_app_->parsed()) return urls_.run(console);
    const auto catalog = load_catalog(pricing_, console);
    if (!catalog) return kExitInvalidInput;
    if (list_->parsed()) return print_report(console, price_list_renderers(), format_, list_sheets(*catalog), {}, "");
    if (show_->parsed()) return show(*catalog, day, console);
    if (diff_->parsed()) return diff(*catalog, console);
    return rank(*catalog, day, console);
  }

 private:
  static int usage(Console& console, const std::string& message) {
    console.error(message);
    return kExitInvalidInput;
  }

  static int fail(Console& console, const Diagnostics& d) {
    console.report(d);
    return kExitInvalidInput;
  }

  int unknown_gpu(Console& console) const {
    return usage(console, fmt::format("unknown GPU model '{}'{}; models are {}", gpu_,
                                      did_you_mean(gpu_, gpu_model_names()), quoted_list(gpu_model_names())));
  }

  static const PriceSheet* select(const PriceCatalog& catalog, const SheetRef& ref, Console& console) {
    auto sheet = catalog.select(ref.provider, ref.day);
    if (!sheet) {
      console.report(sheet.diagnostics());
      return nullptr;
    }
    return sheet.value();
  }

  int show(const PriceCatalog& catalog, Date day, Console& console) const {
    auto ref = parse_sheet_ref(provider_);
    if (!ref) return usage(console, fmt::format("expected PROVIDER or PROVIDER@YYYY-MM-DD, found '{}'", provider_));
    if (provider_.find('@') == std::string::npos) ref->day = day;
    const PriceSheet* sheet = select(catalog, *ref, console);
    if (sheet == nullptr) return kExitInvalidInput;
    PriceShowFilter filter{region_, ""};
    if (!gpu_.empty()) {
      const auto gpu = canonical_gpu(gpu_);
      if (!gpu) return unknown_gpu(console);
      filter.gpu = *gpu;
    }
    auto report = show_prices(*sheet, filter);
    if (!report) return fail(console, report.diagnostics());
    return print_report(console, price_show_renderers(), format_, report.value(), {}, "");
  }

  int diff(const PriceCatalog& catalog, Console& console) const {
    const auto a = parse_sheet_ref(before_);
    const auto b = parse_sheet_ref(after_);
    const auto expected = [&](const std::string& found) {
      return usage(console,
                   fmt::format("expected PROVIDER@YYYY-MM-DD (or PROVIDER for the newest), found '{}'", found));
    };
    if (!a) return expected(before_);
    if (!b) return expected(after_);
    const PriceSheet* old_sheet = select(catalog, *a, console);
    const PriceSheet* new_sheet = select(catalog, *b, console);
    if (old_sheet == nullptr || new_sheet == nullptr) return kExitInvalidInput;
    return print_report(console, price_diff_renderers(), format_, diff_prices(*old_sheet, *new_sheet), {}, "");
  }

  int rank(const PriceCatalog& catalog, Date day, Console& console) const {
    GpuQuery query;
    const auto gpu = canonical_gpu(gpu_);
    if (!gpu) return unknown_gpu(console);
    query.gpu = *gpu;
    query.pricing = *parse_pricing_model(pricing_model_);
    query.as_of = day;
    query.gpu_hours = gpu_hours_;
    if (data_.empty() != from_.empty())
      return usage(console, "--data and --from go together: how much data, and where it is");
    if (!data_.empty()) {
      QuantityError error;
      const auto size = parse_quantity(data_, Dimension::bytes, &error);
      if (!size) return usage(console, "--data: " + error.message);
      const auto colon = from_.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == from_.size())
        return usage(console, fmt::format("--from: expected PROVIDER:REGION, e.g. aws:us-east-1, found '{}'", from_));
      query.data_bytes = size->value;
      query.data_text = data_;
      query.from_provider = from_.substr(0, colon);
      query.from_region = from_.substr(colon + 1);
    }
    auto ranking = rank_gpu_offers(catalog, query);
    if (!ranking) return fail(console, ranking.diagnostics());
    return print_report(console, gpu_ranking_renderers(), format_, ranking.value(), {}, "");
  }

  int validate(Console& console) const {
    std::vector<PricingDirectory> dirs;
    if (validate_dir_.empty()) {
      dirs = pricing_directories(pricing_);
    } else {
      // The directory is checked as it would be used: over the bundled sheets, so that its
      // overlays have sheets to extend.
      dirs = {{bundled_pricing_directory(), "bundled"}, {validate_dir_, validate_dir_}};
    }
    auto catalog = PriceCatalog::load(dirs);
    console.report(catalog.diagnostics());
    std::vector<std::string> names;
    for (const auto& dir : dirs) {
      if (validate_dir_.empty() || dir.origin != "bundled")
        names.push_back(dir.origin == "bundled" ? "bundled sheets" : dir.path.string());
    }
    const auto summary = summarize_validation(names, catalog ? &catalog.value() : nullptr, catalog.diagnostics());
    const int status = print_report(console, price_validation_renderers(), format_, summary, {}, "");
    return status == kExitOk && summary.ok ? kExitOk : kExitInvalidInput;
  }

  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* diff_ = nullptr;
  CLI::App* gpu_cmd_ = nullptr;
  CLI::App* validate_ = nullptr;
  CLI::App* import_app_ = nullptr;
  CLI::App* urls_app_ = nullptr;
  PricesImport import_;
  PricesUrls urls_;
  std::string format_;
  std::string provider_;
  std::string region_;
  std::string gpu_;
  std::string before_;
  std::string after_;
  std::string pricing_model_ = "on-demand";
  std::string data_;
  std::string from_;
  double gpu_hours_ = 5840;
  std::string validate_dir_;
  PricingOptions pricing_;
};

}  // namespace

std::unique_ptr<Command> make_prices_command() { return std::make_unique<PricesCommand>(); }

}  // namespace tco::cli
