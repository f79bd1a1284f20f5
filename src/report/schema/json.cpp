// A JSON Schema (draft-07) of an input format, a pure function of its declarations: each
// section a definition, each field a property with its documentation line, unknown keys
// refused where the reader refuses them, and quantities checked by the pattern of their units.
#include "tco/report/input_schema_json.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "tco/core/text.hpp"

namespace tco {
namespace {

using Json = nlohmann::ordered_json;

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view(".^$*+?()[]{}|\\").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// The definitions a schema refers to: a quantity's name is its dimension and whether it may be
// negative ("quantity.fraction.signed").
std::string quantity_id(const Shape& shape) {
  return "quantity." + dimension_id(shape.dimension) + (shape.signed_value ? ".signed" : "");
}

// The quantities a schema uses, by definition name, each as a plain quantity's shape.
using Quantities = std::map<std::string, Shape>;

Json definition_ref(const std::string& id) { return Json{{"$ref", "#/definitions/" + id}}; }

// What tco reads as text: any scalar, which YAML may type as a number or a boolean.
Json text_schema() { return Json{{"type", Json::array({"string", "number", "boolean"})}}; }

// The allowed values; one that looks like a whole number may also be written as one (730).
Json enum_schema(const std::vector<std::string>& allowed) {
  Json values = Json::array();
  for (const auto& value : allowed) {
    values.push_back(value);
    if (!value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
      values.push_back(std::stol(value));
  }
  return Json{{"enum", values}};
}

Json shape_schema(const Shape& shape, Quantities& quantities);

Json quantity_schema(const Shape& shape, Quantities& quantities) {
  quantities.emplace(quantity_id(shape), quantity(shape.dimension));
  quantities.at(quantity_id(shape)).signed_value = shape.signed_value;
  switch (shape.form) {
    case QuantityForm::plain:
      return definition_ref(quantity_id(shape));
    case QuantityForm::distribution_only:
      return definition_ref(shape.section->id);
    case QuantityForm::or_distribution:
    case QuantityForm::or_sourced:
      return Json{{"anyOf", Json::array({definition_ref(quantity_id(shape)), definition_ref(shape.section->id)})}};
  }
  return definition_ref(quantity_id(shape));
}

Json names_schema(const Shape& shape) {
  const Json name = shape.allowed.empty() ? text_schema() : enum_schema(shape.allowed);
  return Json{{"anyOf", Json::array({name, Json{{"type", "array"}, {"items", name}}})}};
}

Json shape_schema(const Shape& shape, Quantities& quantities) {
  switch (shape.kind) {
    case ValueKind::text:
      return text_schema();
    case ValueKind::enumeration:
      return enum_schema(shape.allowed);
    case ValueKind::quantity:
      return quantity_schema(shape, quantities);
    case ValueKind::integer:
      return Json{{"type", "integer"}, {"minimum", shape.min}, {"maximum", shape.max}};
    case ValueKind::boolean:
      return Json{{"type", "boolean"}};
    case ValueKind::date:
      return Json{{"type", "string"}, {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}};
    case ValueKind::year_month:
      return Json{{"type", "string"}, {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])$"}};
    case ValueKind::names:
      return names_schema(shape);
    case ValueKind::list: {
      Json out{{"type", "array"}, {"items", shape_schema(shape.inner.front(), quantities)}};
      if (shape.min_items > 0) out["minItems"] = shape.min_items;
      if (shape.max_items > 0) out["maxItems"] = shape.max_items;
      return out;
    }
    case ValueKind::section:
      return definition_ref(shape.section->id);
    case ValueKind::either: {
      Json alternatives = Json::array();
      for (const auto& alternative : shape.inner) alternatives.push_back(shape_schema(alternative, quantities));
      return Json{{"anyOf", alternatives}};
    }
  }
  return text_schema();
}

bool in_variant(const Field& field, const std::string& variant) {
  return field.variants.empty() ||
         std::find(field.variants.begin(), field.variants.end(), variant) != field.variants.end();
}

// What one variant allows and requires: its keys and the others' are refused.
Json variant_schema(const Section& section, const std::string& variant) {
  Json keys = Json::object();
  Json required = Json::array();
  for (const auto& field : section.fields) {
    if (!in_variant(field, variant)) continue;
    keys[field.name] = true;
    if (field.need == Need::required && !field.variants.empty()) required.push_back(field.name);
  }
  Json out{{"properties", keys}, {"additionalProperties", false}};
  if (!required.empty()) out["required"] = required;
  return out;
}

// The root of `format`, or any other section: its fields, what it requires, and its variants.
Json section_schema(const Section& section, const InputFormat& format, Quantities& quantities) {
  const bool root = &section == format.root;
  Json out{{"type", "object"}};
  if (!root) out["title"] = section.title;
  Json properties = Json::object();
  Json required = Json::array();
  Json dependencies = Json::object();
  Json rules = Json::array();
  for (const auto& field : section.fields) {
    if (root && !applies(format, field)) continue;
    Json property = shape_schema(field.shape, quantities);
    if (root && field.name == format.pinned_key) property = enum_schema({format.pinned_value});
    property["description"] = field.doc;
    properties[field.name] = property;
    const bool pinned = root && field.name == format.pinned_key && format.pinned_required;
    if ((field.need == Need::required && field.variants.empty()) || pinned) required.push_back(field.name);
    if (field.need == Need::with_other) dependencies[field.need_keys.front()].push_back(field.name);
    if (field.need == Need::unless_others) {
      Json any = Json::array({Json{{"required", Json::array({field.name})}}});
      for (const auto& other : field.need_keys) any.push_back(Json{{"required", Json::array({other})}});
      rules.push_back(Json{{"anyOf", any}});
    }
  }
  out["properties"] = properties;
  if (!required.empty()) out["required"] = required;
  if (section.entries) {
    Json entry = shape_schema(*section.entries, quantities);
    entry["description"] = section.entry_doc;
    out["additionalProperties"] = entry;
  } else {
    out["additionalProperties"] = false;
  }
  if (!dependencies.empty()) out["dependencies"] = dependencies;
  const auto variants = section.variants();
  if (!variants.empty() && !section.variant_key.empty()) {
    // The variant key's value picks the keys that may follow: if kind is cloud, then ...
    for (const auto& variant : variants) {
      Json condition{{"properties", Json{{section.variant_key, Json{{"const", variant}}}}},
                     {"required", Json::array({section.variant_key})}};
      rules.push_back(Json{{"if", condition}, {"then", variant_schema(section, variant)}});
    }
  } else if (!variants.empty()) {
    // The variant is the key present (range, normal, ...): exactly one of them.
    Json one_of = Json::array();
    for (const auto& variant : variants) one_of.push_back(variant_schema(section, variant));
    out["oneOf"] = one_of;
  }
  if (!rules.empty()) out["allOf"] = rules;
  return out;
}

// "A size: B, kB, ..." for an editor's hover.
std::string quantity_description(Dimension dimension) {
  std::string what = dimension_name(dimension);
  what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
  return what + ": " + accepted_units(dimension);
}

Json quantity_definition(const Shape& shape) {
  Json text{{"type", "string"}, {"pattern", quantity_pattern(shape.dimension, shape.signed_value)}};
  Json out{{"description", quantity_description(shape.dimension)}};
  if (shape.dimension != Dimension::count) {
    out.update(text);
    return out;
  }
  // A count is a plain number, which YAML may type as a number or, written 70e9, as text.
  Json number{{"type", "number"}};
  if (!shape.signed_value) number["minimum"] = 0;
  out["anyOf"] = Json::array({number, text});
  return out;
}

}  // namespace

std::string quantity_pattern(Dimension dimension, bool signed_value) {
  // parse_number: an optional sign, digits with underscores anywhere among them, a decimal
  // point, an exponent; split_number: spaces between the number and the unit.
  const std::string number = std::string(signed_value ? "[+-]?" : "\\+?") +
                             "(_*[0-9][0-9_]*(\\.[0-9_]*)?|_*\\.[0-9_]*[0-9][0-9_]*)([eE][+-]?[0-9]+)?";
  std::vector<std::string> units;
  for (const auto& unit : unit_spellings(dimension, kSupportedCurrency)) units.push_back(escaped(unit));
  const std::string unit = units.empty() ? "" : "[ \\t]*(" + join(units, "|") + ")";
  return "^[ \\t]*" + number + unit + "[ \\t]*$";
}

std::string render_input_schema_json(const InputFormat& format) {
  Quantities quantities;
  Json definitions = Json::object();
  for (const Section* section : sections_of(format)) {
    if (section != format.root) definitions[section->id] = section_schema(*section, format, quantities);
  }
  Json doc{{"$schema", "http://json-schema.org/draft-07/schema#"},
           {"$comment", "Generated by `tco schema " + format.name + "` from tco's declarations of its input formats; " +
                            "regenerate it rather than edit it."},
           {"title", format.title},
           {"description", format.description}};
  doc.update(section_schema(*format.root, format, quantities));
  for (const auto& [id, shape] : quantities) definitions[id] = quantity_definition(shape);
  doc["definitions"] = definitions;
  return doc.dump(2) + "\n";
}

}  // namespace tco
