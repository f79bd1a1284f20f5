// Reading a saved `tco compare --format json` document: the checks on the text that YAML is
// too lenient for, the schema, and the scenario section. Strategies and price sheets are read
// in saved_comparison_strategies.cpp.
#include "tco/inputs/saved_comparison.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "saved_comparison_internal.hpp"
#include "tco/core/calendar.hpp"

namespace tco {
namespace {

using namespace saved_detail;

constexpr std::string_view kSchema = "tco.compare/1";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view text) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());
  return text;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// YAML flow syntax accepts things JSON does not, and yaml-cpp reads them without a word:
// `{"a": 1,}` is a mapping, `{"a": }` has a null value, and anything after the closing brace
// is ignored. A baseline with one of these was edited by hand, so each is reported here, at
// its place. Only the first is reported: after a punctuation slip the rest may be noise.
bool check_json_punctuation(std::string_view text, const std::string& file, Diagnostics& d) {
  const std::size_t skipped = text.size() - without_bom(text).size();
  int line = 1;
  int column = 1;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  bool ended = false;
  auto next_token = [&](std::size_t i) {
    while (i < text.size() && is_space(text[i])) ++i;
    return i < text.size() ? text[i] : '\0';
  };
  auto fail = [&](const std::string& message) {
    d.error({file, line, column}, "", message);
    return false;
  };
  for (std::size_t i = skipped; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (ended && !is_space(c)) {
      return fail("unexpected text after the end of the JSON document");
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      ended = --depth == 0;
    } else if (c == ',') {
      const char next = next_token(i + 1);
      if (next == '}' || next == ']')
        return fail(fmt::format("invalid JSON: a comma before '{}' (JSON does not allow a trailing comma)", next));
    } else if (c == ':') {
      const char next = next_token(i + 1);
      if (next == ',' || next == '}' || next == ']' || next == '\0')
        return fail("invalid JSON: expected a value after ':'");
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;  // columns count characters, not the continuation bytes of UTF-8
    }
  }
  return true;
}

// parse_yaml says "invalid YAML"; in a JSON file that would send the reader looking for YAML.
Diagnostics as_json_errors(const Diagnostics& parsed, bool json) {
  if (!json) return parsed;
  Diagnostics out;
  for (Diagnostic diagnostic : parsed.items()) {
    constexpr std::string_view kYaml = "invalid YAML: ";
    if (diagnostic.message.rfind(kYaml, 0) == 0) diagnostic.message.replace(0, kYaml.size(), "invalid JSON: ");
    out.add(std::move(diagnostic));
  }
  return out;
}

// The schema decides what every other key means, so a wrong one is the only error reported.
bool check_schema(MapReader& top, Diagnostics& d) {
  const YamlNode* schema = top.get("schema");
  if (schema == nullptr) {
    d.error(top.node().where, "",
            fmt::format("missing required key 'schema'; expected a result saved by `tco compare --format json` "
                        "(schema \"{}\")",
                        kSchema));
    return false;
  }
  if (schema->is_scalar() && schema->scalar == kSchema) return true;
  d.error(schema->where, "schema",
          fmt::format("expected \"{}\", found {}; this version of tco reads {} (written by `tco compare --format "
                      "json`)",
                      kSchema, found(*schema), kSchema));
  return false;
}

void read_currency(MapReader& reader, std::string& out, Diagnostics& d) {
  const YamlNode* node = reader.require("currency");
  if (node == nullptr) return;
  const auto text = read_string(*node, reader.path("currency"), d);
  if (!text) return;
  const bool code = text->size() == 3 && std::all_of(text->begin(), text->end(), [](char c) {
                      return std::isupper(static_cast<unsigned char>(c)) != 0;
                    });
  if (code) {
    out = *text;
  } else {
    d.error(node->where, reader.path("currency"),
            fmt::format("expected a 3-letter currency code like 'USD', found '{}'", *text));
  }
}

void read_projected_months(const YamlNode& node, const std::string& path, const Horizon& horizon,
                           std::vector<std::string>& out, Diagnostics& d) {
  if (!node.is_sequence()) {
    d.error(node.where, path, fmt::format("expected a list of months as YYYY-MM, found {}", found(node)));
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const YamlNode& item = node.items[i];
    const std::string item_path = fmt::format("{}[{}]", path, i);
    if (!read_year_month(item, item_path, d)) continue;
    const auto& labels = horizon.labels;
    if (!labels.empty() && std::find(labels.begin(), labels.end(), item.scalar) == labels.end()) {
      d.error(item.where, item_path,
              fmt::format("month {} is outside the horizon {} to {}", item.scalar, labels.front(), labels.back()));
      continue;
    }
    out.push_back(item.scalar);
  }
}

// scenario.start, .end and .months, which must agree; fills `horizon` when they do.
void read_horizon(MapReader& reader, SavedComparison& out, Horizon& horizon, Diagnostics& d) {
  std::optional<YearMonth> start;
  std::optional<YearMonth> end;
  std::optional<long> months;
  if (const YamlNode* node = reader.require("start")) {
    start = read_year_month(*node, reader.path("start"), d);
    if (start) out.start = node->scalar;
  }
  const YamlNode* end_node = reader.require("end");
  if (end_node != nullptr) {
    end = read_year_month(*end_node, reader.path("end"), d);
    if (end) out.end = end_node->scalar;
  }
  if (const YamlNode* node = reader.require("months")) months = read_integer(*node, reader.path("months"), 1, 360, d);
  if (!months) return;
  out.months = static_cast<int>(*months);
  horizon.months = out.months;
  if (!start) return;
  for (int t = 0; t < out.months; ++t) horizon.labels.push_back(format_year_month(add_months(*start, t)));
  if (end && format_year_month(*end) != horizon.labels.back()) {
    d.error(end_node->where, reader.path("end"),
            fmt::format("expected {} (the last of {} months from {}), found '{}'", horizon.labels.back(), out.months,
                        out.start, end_node->scalar));
  }
}

void read_scenario(const YamlNode& node, SavedComparison& out, Horizon& horizon, BaselineName& baseline,
                   Diagnostics& d) {
  auto reader = MapReader::undeclared(node, "scenario", d);
  if (!reader.valid()) return;
  read_text_field(reader, "name", out.scenario_name, true);
  read_text_field(reader, "description", out.description, true);
  read_text_field(reader, "file", out.scenario_file, true);
  read_horizon(reader, out, horizon, d);
  if (const YamlNode* hours = reader.require("hours_per_month")) {
    out.hours_per_month = read_enum(*hours, reader.path("hours_per_month"), {"730", "calendar"}, d).value_or("");
  }
  read_currency(reader, out.currency, d);
  if (read_number_field(reader, "discount_rate", out.discount_rate) &&
      (out.discount_rate < 0 || out.discount_rate > 1)) {
    d.error(reader.node().find("discount_rate")->where, reader.path("discount_rate"),
            fmt::format("expected an annual rate from 0 to 1 (100 %), found {}", out.discount_rate));
  }
  if (const YamlNode* as_of = reader.require("prices_as_of"); as_of != nullptr && as_of->kind != YamlNode::Kind::null) {
    if (read_date(*as_of, reader.path("prices_as_of"), d)) out.prices_as_of = as_of->scalar;
  }
  if (const YamlNode* projected = reader.require("projected_months"))
    read_projected_months(*projected, reader.path("projected_months"), horizon, out.projected_months, d);
  if (read_text_field(reader, "baseline", out.baseline, true)) {
    baseline.name = out.baseline;
    baseline.node = reader.node().find("baseline");
  }
  reader.finish();
}

}  // namespace

bool looks_like_json(std::string_view text) {
  for (const char c : without_bom(text)) {
    if (!is_space(c)) return c == '{' || c == '[';
  }
  return false;
}

Result<SavedComparison> read_saved_comparison(std::string_view text, const std::string& file) {
  Diagnostics d;
  const auto body = without_bom(text);
  if (std::all_of(body.begin(), body.end(), is_space)) {
    d.error({file, 0, 0}, "", "empty file; expected a result saved by `tco compare --format json`");
    return d;
  }
  auto parsed = parse_yaml(text, file);
  if (!parsed) return as_json_errors(parsed.diagnostics(), looks_like_json(text));
  d = parsed.diagnostics();
  if (looks_like_json(text) && !check_json_punctuation(text, file, d)) return d;
  const YamlNode& root = parsed.value();
  if (root.is_sequence()) {
    d.error(root.where, "",
            fmt::format("a baseline must be the result of one scenario, found a list of {} (what `tco compare` "
                        "writes for several scenarios); save one scenario per file",
                        root.items.size()));
    return d;
  }
  auto top = MapReader::undeclared(root, "", d);
  if (!top.valid() || !check_schema(top, d)) return d;

  SavedComparison out;
  out.file = file;
  Horizon horizon;
  BaselineName baseline;
  if (const YamlNode* scenario = top.require("scenario")) read_scenario(*scenario, out, horizon, baseline, d);
  if (const YamlNode* strategies = top.require("strategies"))
    read_strategies(*strategies, horizon, baseline, out.strategies, d);
  if (const YamlNode* sheets = top.require("price_sheets")) read_sheets(*sheets, out.sheets, d);
  top.finish();
  if (d.has_errors()) return d;
  out.month_labels = std::move(horizon.labels);
  return {std::move(out), std::move(d)};
}

}  // namespace tco
