// The price_sheets of a saved `tco compare --format json` document: which sheet (and which
// overlays, by content hash) priced which months, so diff can tell a price change from a
// change of the scenario.
#include <algorithm>

#include <fmt/format.h>

#include "saved_comparison_internal.hpp"

namespace tco::saved_detail {
namespace {

void read_day(MapReader& reader, const char* key, std::string& out) {
  const YamlNode* node = reader.require(key);
  if (node != nullptr && read_date(*node, reader.path(key), reader.diagnostics())) out = node->scalar;
}

void read_month(MapReader& reader, const char* key, std::string& out) {
  const YamlNode* node = reader.require(key);
  if (node != nullptr && read_year_month(*node, reader.path(key), reader.diagnostics())) out = node->scalar;
}

// The hash is how diff recognises the same sheet, so a truncated or edited one is an error.
void read_sha256(MapReader& reader, std::string& out) {
  std::string text;
  if (!read_text_field(reader, "sha256", text, true)) return;
  const bool hex = text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                   });
  if (hex) {
    out = text;
  } else {
    reader.diagnostics().error(reader.node().find("sha256")->where, reader.path("sha256"),
                               fmt::format("expected a SHA-256 as 64 lower-case hexadecimal digits, found '{}'", text));
  }
}

void read_overlays(MapReader& parent, std::vector<SavedOverlay>& out, Diagnostics& d) {
  const YamlNode* node = parent.require("overlays");
  if (node == nullptr) return;
  if (!node->is_sequence()) {
    d.error(node->where, parent.path("overlays"), fmt::format("expected a list of overlays, found {}", found(*node)));
    return;
  }
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    auto reader = MapReader::undeclared(node->items[i], fmt::format("{}[{}]", parent.path("overlays"), i), d);
    if (!reader.valid()) continue;
    SavedOverlay overlay;
    read_text_field(reader, "name", overlay.name, true);
    read_day(reader, "effective_date", overlay.effective_date);
    read_text_field(reader, "file", overlay.file, true);
    read_sha256(reader, overlay.sha256);
    reader.finish();
    out.push_back(std::move(overlay));
  }
}

void read_sheet(const YamlNode& node, const std::string& path, std::vector<SavedSheet>& out, Diagnostics& d) {
  auto reader = MapReader::undeclared(node, path, d);
  if (!reader.valid()) return;
  SavedSheet sheet;
  read_text_field(reader, "provider", sheet.provider, true);
  read_text_field(reader, "name", sheet.name, true);
  read_day(reader, "effective_date", sheet.effective_date);
  read_text_field(reader, "file", sheet.file, true);
  read_sha256(reader, sheet.sha256);
  read_text_field(reader, "origin", sheet.origin, true);
  read_overlays(reader, sheet.overlays, d);
  if (const YamlNode* months = reader.require("months")) {
    auto range = MapReader::undeclared(*months, reader.path("months"), d);
    if (range.valid()) {
      read_month(range, "from", sheet.from_month);
      read_month(range, "to", sheet.to_month);
      range.finish();
    }
  }
  if (const YamlNode* projected = reader.require("projected"))
    sheet.projected = read_bool(*projected, reader.path("projected"), d).value_or(false);
  if (const YamlNode* sources = reader.get("sources"); sources != nullptr && !sources->is_sequence())
    d.error(sources->where, reader.path("sources"), fmt::format("expected a list, found {}", found(*sources)));
  reader.finish();
  out.push_back(std::move(sheet));
}

}  // namespace

void read_sheets(const YamlNode& node, std::vector<SavedSheet>& out, Diagnostics& d) {
  if (!node.is_sequence()) {
    d.error(node.where, "price_sheets", fmt::format("expected a list of price sheets, found {}", found(node)));
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i)
    read_sheet(node.items[i], fmt::format("price_sheets[{}]", i), out, d);
}

}  // namespace tco::saved_detail
