// The declaration types, their builders, and the three formats. Each format's own sections are
// declared next to its readers (scenario_format*.cpp, price_sheet_format*.cpp); the mapping
// forms they share, in value_format.cpp.
#include "tco/inputs/input_format.hpp"

#include <algorithm>

#include "price_sheet_format.hpp"
#include "scenario_format.hpp"

namespace tco {
namespace {

void collect(const Shape& shape, std::vector<const Section*>& out);

void collect(const Section& section, std::vector<const Section*>& out) {
  if (std::find(out.begin(), out.end(), &section) != out.end()) return;
  out.push_back(&section);
  for (const auto& field : section.fields) collect(field.shape, out);
  if (section.entries) collect(*section.entries, out);
}

void collect(const Shape& shape, std::vector<const Section*>& out) {
  if (shape.section != nullptr) collect(*shape.section, out);
  for (const auto& inner : shape.inner) collect(inner, out);
}

}  // namespace

Field& Field::in(std::string variant) {
  variants.push_back(std::move(variant));
  return *this;
}

Field& Field::when(std::string key, std::string value) {
  only_when = std::make_pair(std::move(key), std::move(value));
  return *this;
}

Field& Field::needed_with(std::string other, std::string note) {
  need = Need::with_other;
  need_keys = {std::move(other)};
  missing_note = std::move(note);
  return *this;
}

Field& Field::needed_unless(std::vector<std::string> others, std::string note) {
  need = Need::unless_others;
  need_keys = std::move(others);
  missing_note = std::move(note);
  return *this;
}

const Field* Section::find(std::string_view name) const {
  const auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == name; });
  return it == fields.end() ? nullptr : &*it;
}

std::vector<std::string> Section::variants() const {
  std::vector<std::string> out;
  for (const auto& field : fields) {
    for (const auto& variant : field.variants)
      if (std::find(out.begin(), out.end(), variant) == out.end()) out.push_back(variant);
  }
  return out;
}

Shape text() { return Shape{}; }

Shape one_of(std::vector<std::string> allowed) {
  Shape out;
  out.kind = ValueKind::enumeration;
  out.allowed = std::move(allowed);
  return out;
}

Shape quantity(Dimension dimension) {
  Shape out;
  out.kind = ValueKind::quantity;
  out.dimension = dimension;
  return out;
}

Shape signed_quantity(Dimension dimension) {
  Shape out = quantity(dimension);
  out.signed_value = true;
  return out;
}

Shape stated(Dimension dimension) {
  Shape out = quantity(dimension);
  out.form = QuantityForm::or_distribution;
  out.section = &distribution_section(dimension, false);
  return out;
}

Shape sourced(Dimension dimension) { return sourced(dimension, sourced_section(dimension)); }

Shape sourced(Dimension dimension, const Section& declared) {
  Shape out = quantity(dimension);
  out.form = QuantityForm::or_sourced;
  out.section = &declared;
  return out;
}

Shape distribution(Dimension dimension, bool signed_value) {
  Shape out = quantity(dimension);
  out.signed_value = signed_value;
  out.form = QuantityForm::distribution_only;
  out.section = &distribution_section(dimension, signed_value);
  return out;
}

Shape integer(long min, long max) {
  Shape out;
  out.kind = ValueKind::integer;
  out.min = min;
  out.max = max;
  return out;
}

Shape boolean() {
  Shape out;
  out.kind = ValueKind::boolean;
  return out;
}

Shape date() {
  Shape out;
  out.kind = ValueKind::date;
  return out;
}

Shape year_month() {
  Shape out;
  out.kind = ValueKind::year_month;
  return out;
}

Shape names() {
  Shape out;
  out.kind = ValueKind::names;
  return out;
}

Shape list_of(Shape item, std::size_t min_items, std::size_t max_items) {
  Shape out;
  out.kind = ValueKind::list;
  out.min_items = min_items;
  out.max_items = max_items;
  out.inner.push_back(std::move(item));
  return out;
}

Shape section(const Section& declared) {
  Shape out;
  out.kind = ValueKind::section;
  out.section = &declared;
  return out;
}

Shape either(std::vector<Shape> alternatives) {
  Shape out;
  out.kind = ValueKind::either;
  out.inner = std::move(alternatives);
  return out;
}

Section mapping(std::string id, std::string title, std::vector<Field> fields, std::string variant_key) {
  Section out;
  out.id = std::move(id);
  out.title = std::move(title);
  out.fields = std::move(fields);
  out.variant_key = std::move(variant_key);
  return out;
}

Section named_map(std::string id, std::string title, Shape entries, std::string entry_doc, std::vector<Field> fields) {
  Section out = mapping(std::move(id), std::move(title), std::move(fields));
  out.entries = std::move(entries);
  out.entry_doc = std::move(entry_doc);
  return out;
}

Field optional(std::string name, Shape shape, std::string doc) {
  Field out;
  out.name = std::move(name);
  out.shape = std::move(shape);
  out.doc = std::move(doc);
  return out;
}

Field required(std::string name, Shape shape, std::string doc) {
  Field out = optional(std::move(name), std::move(shape), std::move(doc));
  out.need = Need::required;
  return out;
}

const std::vector<const InputFormat*>& input_formats() {
  static const InputFormat scenario{"scenario",
                                    "tco scenario",
                                    "A workload scenario for tco: sites, workloads, datasets, flows and strategies "
                                    "(tco-scenario(5)).",
                                    &scenario_format::top(),
                                    "",
                                    "",
                                    false};
  static const InputFormat prices{"prices",
                                  "tco price sheet",
                                  "One provider's prices in effect from one date, every price with its source "
                                  "(tco-prices(5)).",
                                  &sheet_format::top(),
                                  "kind",
                                  "sheet",
                                  false};
  static const InputFormat overlay{"overlay",
                                   "tco price overlay",
                                   "Discounts and private prices applied over a provider's sheets from a date on "
                                   "(tco-prices(5), OVERLAYS).",
                                   &sheet_format::top(),
                                   "kind",
                                   "overlay",
                                   true};
  static const std::vector<const InputFormat*> formats{&scenario, &prices, &overlay};
  return formats;
}

const InputFormat* find_input_format(std::string_view name) {
  for (const InputFormat* format : input_formats())
    if (format->name == name) return format;
  return nullptr;
}

bool applies(const InputFormat& format, const Field& field) {
  if (!field.only_when || format.pinned_key != field.only_when->first) return true;
  return format.pinned_value == field.only_when->second;
}

std::vector<const Section*> sections_of(const InputFormat& format) {
  std::vector<const Section*> out;
  if (format.root == nullptr) return out;
  out.push_back(format.root);
  for (const auto& field : format.root->fields)
    if (applies(format, field)) collect(field.shape, out);
  if (format.root->entries) collect(*format.root->entries, out);
  return out;
}

}  // namespace tco
