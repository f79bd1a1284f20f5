#pragma once
// The declared input formats: every section of a scenario, a price sheet and an overlay lists
// its fields once (name, kind of value, when it is needed, one line of documentation), in the
// order its reader asks for them. The readers validate from these declarations (field_reader:
// unknown keys, missing required keys, an enum's values, a quantity's dimension), and
// `tco schema` renders them as a JSON Schema, so what tco accepts and what an editor is told
// come from one place. Neutral data: no YAML here, no JSON.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tco/core/quantity.hpp"

namespace tco {

// The one currency amounts may be written in: read_quantity rejects any other.
inline constexpr const char* kSupportedCurrency = "USD";

struct Section;

// What a value is.
enum class ValueKind {
  text,         // any scalar, taken as written
  enumeration,  // one of `allowed`
  quantity,     // NUMBER UNIT of `dimension` (a plain number for counts)
  integer,      // a whole number from `min` to `max`
  boolean,      // true or false
  date,         // YYYY-MM-DD
  year_month,   // YYYY-MM
  names,        // a name, or a list of names (each one of `allowed`, when it lists some)
  list,         // a list of `inner.front()`
  section,      // a mapping declared by `section`
  either,       // one of the shapes in `inner` (a SKU id, or an inline server)
};

// How a quantity may be written besides NUMBER UNIT; `Shape::section` declares the mapping.
enum class QuantityForm {
  plain,              // NUMBER UNIT only
  or_distribution,    // or a distribution of it (tco-scenario(5), UNCERTAINTY)
  distribution_only,  // a distribution only (price_uncertainty)
  or_sourced,         // or {price|value: Q, source: ID, note: TEXT} (tco-prices(5), SOURCED VALUES)
};

struct Shape {
  ValueKind kind = ValueKind::text;
  std::vector<std::string> allowed;         // enumeration; names, when limited
  Dimension dimension = Dimension::count;   // quantity
  bool signed_value = false;                // quantity: negative values allowed
  QuantityForm form = QuantityForm::plain;  // quantity
  long min = 0;                             // integer
  long max = 0;                             // integer
  std::size_t min_items = 0;                // list
  std::size_t max_items = 0;                // list; 0: no limit
  const Section* section = nullptr;         // section; the mapping form of a quantity
  std::vector<Shape> inner;                 // list: its item; either: the alternatives
};

// When a field must be given.
enum class Need {
  optional,
  required,       // reported by MapReader::get when absent
  with_other,     // required when the key `need_keys.front()` is given (billing_gb with regions)
  unless_others,  // required unless one of `need_keys` is given; the reader decides when to report
};

struct Field {
  std::string name;
  Shape shape;
  std::string doc;  // one line, for people: the schema's description
  Need need = Need::optional;
  std::vector<std::string> need_keys;
  std::string missing_note;           // appended to "missing required key 'K'" in parentheses
  std::vector<std::string> variants;  // the variants the key belongs to; empty: every one
  // A key the reader knows everywhere, to explain where it belongs, but that is valid only when
  // the root's key `first` is `second` (an overlay's discounts): schemas for files that cannot
  // have that value leave it out.
  std::optional<std::pair<std::string, std::string>> only_when;

  // In a section with variants, the key belongs to `variant` (repeatable).
  Field& in(std::string variant);
  Field& when(std::string key, std::string value);
  Field& needed_with(std::string other, std::string note);
  Field& needed_unless(std::vector<std::string> others, std::string note);
};

// A mapping: its fields, and for a map of user-named entries (sites.<name>), their shape.
struct Section {
  std::string id;             // unique among all sections: the schema's definition name
  std::string title;          // one line
  std::vector<Field> fields;  // in the order the reader asks for them
  std::optional<Shape> entries;
  std::string entry_doc;  // what an entry's key names ("a site's name")
  // Sections with variants: the field whose value picks one (a site's `kind`), or "" when the
  // variant is the one of its keys that is present (a distribution's `range`, `normal`...).
  std::string variant_key;

  [[nodiscard]] const Field* find(std::string_view name) const;
  // Every variant named by a field, in declaration order.
  [[nodiscard]] std::vector<std::string> variants() const;
};

// One kind of file: its root section, and for a price sheet and an overlay, which share their
// sections, the value of `kind` that tells them apart.
struct InputFormat {
  std::string name;         // "scenario", "prices", "overlay": what `tco schema` takes
  std::string title;        // "tco scenario"
  std::string description;  // one line, with the manual page
  const Section* root = nullptr;
  std::string pinned_key;    // "kind", or ""
  std::string pinned_value;  // "sheet" or "overlay"
  bool pinned_required = false;
};

// The formats, in the order `tco schema` lists them: scenario, prices, overlay.
const std::vector<const InputFormat*>& input_formats();
const InputFormat* find_input_format(std::string_view name);
// Whether a field of the format's root belongs in it (see Field::only_when).
bool applies(const InputFormat& format, const Field& field);
// Every section reachable from the format's root, the root first, each once.
std::vector<const Section*> sections_of(const InputFormat& format);

// Shapes, for declarations.
Shape text();
Shape one_of(std::vector<std::string> allowed);
Shape quantity(Dimension dimension);
Shape signed_quantity(Dimension dimension);
Shape stated(Dimension dimension);   // a scenario's value: or a distribution
Shape sourced(Dimension dimension);  // a sheet's value: or {price|value, source, note}
// A sourced value whose mapping form is `section` (which declares the value's own key first).
Shape sourced(Dimension dimension, const Section& section);
Shape distribution(Dimension dimension, bool signed_value);
Shape integer(long min, long max);
Shape boolean();
Shape date();
Shape year_month();
Shape names();
Shape list_of(Shape item, std::size_t min_items = 0, std::size_t max_items = 0);
Shape section(const Section& declared);
Shape either(std::vector<Shape> alternatives);

// A mapping of the keys `fields` declares; with variants, `variant_key` picks one (see Section).
Section mapping(std::string id, std::string title, std::vector<Field> fields, std::string variant_key = "");
// A map of user-named entries of one shape (sites.<name>), and keys it declares besides (a
// default `source`).
Section named_map(std::string id, std::string title, Shape entries, std::string entry_doc,
                  std::vector<Field> fields = {});

Field optional(std::string name, Shape shape, std::string doc);
Field required(std::string name, Shape shape, std::string doc);

// The mapping forms shared by every format: {price|value, source, note} of a dimension, and a
// distribution of a dimension (with its normal/lognormal parameters).
const Section& sourced_section(Dimension dimension);
const Section& distribution_section(Dimension dimension, bool signed_value);

// "fraction", "money_per_hour": a dimension's name in schema definitions.
std::string dimension_id(Dimension dimension);

}  // namespace tco
