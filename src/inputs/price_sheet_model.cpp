#include <algorithm>

#include "tco/inputs/price_sheet.hpp"

namespace tco {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_named(std::string_view text, const std::array<std::pair<Enum, const char*>, N>& names) {
  for (const auto& [value, name] : names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<PricingModel, const char*>, 4> kPricingNames{{
    {PricingModel::on_demand, "on-demand"},
    {PricingModel::spot, "spot"},
    {PricingModel::commit_1y, "1y"},
    {PricingModel::commit_3y, "3y"},
}};

constexpr std::array<std::pair<StorageClass, const char*>, 4> kStorageNames{{
    {StorageClass::standard, "standard"},
    {StorageClass::infrequent, "infrequent"},
    {StorageClass::cold, "cold"},
    {StorageClass::archive, "archive"},
}};

constexpr std::array<std::pair<PriceService, const char*>, 8> kServiceNames{{
    {PriceService::all, "all"},
    {PriceService::compute, "compute"},
    {PriceService::storage, "storage"},
    {PriceService::network, "network"},
    {PriceService::interconnect, "interconnect"},
    {PriceService::hardware, "hardware"},
    {PriceService::electricity, "electricity"},
    {PriceService::colocation, "colocation"},
}};

template <typename Enum, std::size_t N>
std::string name_of(Enum value, const std::array<std::pair<Enum, const char*>, N>& names) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "?";
}

template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const std::array<std::pair<Enum, const char*>, N>& names) {
  std::vector<std::string> out;
  for (const auto& entry : names) out.emplace_back(entry.second);
  return out;
}

}  // namespace

std::string to_string(Confidence confidence) { return confidence == Confidence::primary ? "primary" : "secondhand"; }

std::string to_string(PriceService service) { return name_of(service, kServiceNames); }
std::vector<std::string> price_service_names() { return names_of(kServiceNames); }
std::optional<PriceService> parse_price_service(std::string_view text) { return parse_named(text, kServiceNames); }

std::string to_string(PricingModel model) { return name_of(model, kPricingNames); }
std::vector<std::string> pricing_model_names() { return names_of(kPricingNames); }

std::optional<PricingModel> parse_pricing_model(std::string_view text) { return parse_named(text, kPricingNames); }

std::string to_string(StorageClass storage_class) { return name_of(storage_class, kStorageNames); }
std::vector<std::string> storage_class_names() { return names_of(kStorageNames); }

std::optional<StorageClass> parse_storage_class(std::string_view text) { return parse_named(text, kStorageNames); }

const std::vector<std::string>& gpu_model_names() {
  static const std::vector<std::string> names{"A100-40GB", "A100-80GB", "H100",  "H100-NVL", "H200",   "B200",  "B300",
                                              "GB200",     "GB300",     "GH200", "L40S",     "MI300X", "MI355X"};
  return names;
}

const PriceSource* PriceSheet::find_source(const std::string& source_id) const {
  const auto it = std::find_if(sources.begin(), sources.end(), [&](const PriceSource& s) { return s.id == source_id; });
  return it == sources.end() ? nullptr : &*it;
}

const Region* PriceSheet::find_region(const std::string& region_id) const {
  const auto it = regions.find(region_id);
  return it == regions.end() ? nullptr : &it->second;
}

bool ExitProgram::applies(const std::string& region, Date day) const {
  if (from && day < *from) return false;
  if (until && day >= *until) return false;
  return regions.empty() || std::find(regions.begin(), regions.end(), region) != regions.end();
}

const ExitProgram* PriceSheet::exit_program_for(const std::string& region, Date day) const {
  const ExitProgram* best = nullptr;
  for (const auto& program : exit_programs) {
    if (program.applies(region, day) && (best == nullptr || program.refund.value > best->refund.value)) best = &program;
  }
  return best;
}

std::string PriceSheet::id() const { return provider + "@" + format_date(effective); }

std::string PriceSheet::label() const {
  std::string out = id();
  for (const auto& overlay : overlays) out += " + " + overlay.name;
  return out;
}

}  // namespace tco
