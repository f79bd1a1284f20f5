// MapReader: one mapping read against its declared section (or, for saved results, against
// the keys its reader asks for), and the log of declared fields asked for that tests check.
#include <algorithm>
#include <atomic>
#include <stdexcept>

#include <fmt/format.h>

#include "tco/core/suggest.hpp"
#include "tco/inputs/field_reader.hpp"

namespace tco {
namespace {

// Off (nullptr) unless a test installs one: readers then record each declared field they ask for.
std::atomic<FieldUseLog*> field_use_log{nullptr};

}  // namespace

MapReader::MapReader(const Section* section, const YamlNode& node, std::string path, Diagnostics& diagnostics)
    : section_(section), node_(node), path_(std::move(path)), diagnostics_(diagnostics) {
  if (section_ != nullptr) {
    if (FieldUseLog* log = field_use_log.load()) log->add(*section_, "");
  }
  if (!node.is_mapping()) {
    valid_ = false;
    diagnostics_.error(node.where, path_, fmt::format("expected a mapping, found {}", describe(node)));
  }
}

MapReader::MapReader(const Section& section, const YamlNode& node, std::string path, Diagnostics& diagnostics)
    : MapReader(&section, node, std::move(path), diagnostics) {}

MapReader MapReader::undeclared(const YamlNode& node, std::string path, Diagnostics& diagnostics) {
  return MapReader(nullptr, node, std::move(path), diagnostics);
}

const Field* MapReader::declared(std::string_view key) const {
  const Field* field = section_->find(key);
  if (field == nullptr) {
    if (section_->entries) return nullptr;  // a user-named entry
    throw std::logic_error(fmt::format("input section '{}' declares no key '{}'", section_->id, key));
  }
  const auto& variants = field->variants;
  if (!variants.empty() && std::find(variants.begin(), variants.end(), variant_) == variants.end()) {
    throw std::logic_error(fmt::format("key '{}' of input section '{}' belongs to {}, and the reader chose '{}'", key,
                                       section_->id, quoted_list(variants), variant_));
  }
  return field;
}

const YamlNode* MapReader::get(std::string_view key) {
  if (section_ == nullptr) {
    asked_.emplace_back(key);
    return valid_ ? node_.find(key) : nullptr;
  }
  const Field* field = declared(key);
  const YamlNode* value = valid_ ? node_.find(key) : nullptr;
  if (field == nullptr) return value;
  if (FieldUseLog* log = field_use_log.load()) log->add(*section_, key);
  const bool needed = field->need == Need::required ||
                      (field->need == Need::with_other && node_.find(field->need_keys.front()) != nullptr);
  if (valid_ && value == nullptr && needed) report_missing(key);
  return value;
}

const YamlNode* MapReader::require(std::string_view key) {
  if (section_ != nullptr) {
    throw std::logic_error(
        fmt::format("MapReader::require('{}') in declared section '{}': its declaration says what "
                    "is required; use get()",
                    key, section_->id));
  }
  const YamlNode* value = get(key);
  if (valid_ && value == nullptr) {
    diagnostics_.error(node_.where, path_, fmt::format("missing required key '{}'", key));
  }
  return value;
}

void MapReader::choose(std::string_view variant) {
  const auto variants = section_ == nullptr ? std::vector<std::string>{} : section_->variants();
  if (std::find(variants.begin(), variants.end(), variant) == variants.end()) {
    throw std::logic_error(fmt::format("input section '{}' declares no variant '{}'",
                                       section_ == nullptr ? "(undeclared)" : section_->id, variant));
  }
  variant_ = std::string(variant);
}

const Shape& MapReader::shape_of(std::string_view key) const {
  if (section_ == nullptr) throw std::logic_error(fmt::format("no declared shape for '{}': undeclared section", key));
  if (const Field* field = declared(key)) return field->shape;
  return *section_->entries;
}

bool MapReader::required(std::string_view key) const {
  const Field* field = section_ == nullptr ? nullptr : declared(key);
  return field != nullptr && field->need == Need::required;
}

void MapReader::report_missing(std::string_view key) {
  const Field* field = section_ == nullptr ? nullptr : declared(key);
  const std::string note = field == nullptr || field->missing_note.empty() ? "" : " (" + field->missing_note + ")";
  diagnostics_.error(node_.where, path_, fmt::format("missing required key '{}'{}", key, note));
}

std::vector<std::string> MapReader::known() const {
  if (section_ == nullptr) return asked_;
  std::vector<std::string> out;
  for (const auto& field : section_->fields) {
    const auto& variants = field.variants;
    if (variants.empty() || std::find(variants.begin(), variants.end(), variant_) != variants.end())
      out.push_back(field.name);
  }
  return out;
}

void MapReader::finish() {
  if (!valid_ || (section_ != nullptr && section_->entries)) return;
  const auto keys = known();
  for (const auto& entry : node_.entries) {
    if (std::find(keys.begin(), keys.end(), entry.key) != keys.end()) continue;
    std::string message = fmt::format("unknown key '{}'", entry.key);
    const std::string suggestion = did_you_mean(entry.key, keys);
    if (!suggestion.empty()) {
      message += suggestion;
    } else {
      message += "; expected one of " + quoted_list(keys);
    }
    diagnostics_.error(entry.key_where, path_, message);
  }
}

void FieldUseLog::add(const Section& section, std::string_view field) {
  const std::lock_guard lock(mutex_);
  if (std::find(sections_.begin(), sections_.end(), &section) == sections_.end()) sections_.push_back(&section);
  if (!field.empty()) uses_.emplace(&section, std::string(field));
}

bool FieldUseLog::has(const Section& section, std::string_view field) const {
  const std::lock_guard lock(mutex_);
  return uses_.count({&section, std::string(field)}) > 0;
}

std::vector<const Section*> FieldUseLog::sections() const {
  const std::lock_guard lock(mutex_);
  return sections_;
}

void set_field_use_log(FieldUseLog* log) { field_use_log.store(log); }

}  // namespace tco
