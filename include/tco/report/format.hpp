#pragma once
// Output formats, and the table that renders a report in each format it offers. Reports
// are built once as neutral data; each format is one pure function of that data, chosen
// from the report's table by a Format value, so no command branches on the format and a
// new format is one renderer per report (ARCHITECTURE.md, "Adding a format").
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tco {

// In the order every --format option lists them.
enum class Format { table, json, csv, markdown, html, infracost_json };

// "table", "json", "csv", "markdown", "html", "infracost-json".
const char* format_name(Format format);
std::optional<Format> parse_format(std::string_view name);

// How a rendering is laid out, where the command line has a say. Each renderer reads only
// what concerns its format and ignores the rest.
struct RenderOptions {
  std::size_t rows = 0;  // text tables and Markdown: at most this many rows of a long ranking (0: all)
  bool all = false;      // every line, unchanged ones too (tco diff --all)
  int columns = 80;      // the width of a terminal chart
  bool color = false;    // colour a terminal chart
};

// A report's renderers, one per format it offers.
template <typename Report>
class Renderers {
 public:
  using Render = std::string (*)(const Report&, const RenderOptions&);
  using PlainRender = std::string (*)(const Report&);  // a format with nothing to lay out
  struct Entry {
    Entry(Format format_, Render render_) : format(format_), render(render_) {}
    Entry(Format format_, PlainRender plain_) : format(format_), plain(plain_) {}
    Format format;
    Render render = nullptr;
    PlainRender plain = nullptr;
  };

  Renderers(std::initializer_list<Entry> entries) : entries_(entries) {}

  // The formats offered, in the order they were listed.
  [[nodiscard]] std::vector<Format> formats() const {
    std::vector<Format> out;
    for (const auto& entry : entries_) out.push_back(entry.format);
    return out;
  }
  [[nodiscard]] bool offers(Format format) const { return find(format) != nullptr; }
  // The same renderers, for `formats` only.
  [[nodiscard]] Renderers only(std::initializer_list<Format> formats) const {
    Renderers out{};
    for (const Format format : formats) {
      if (const Entry* entry = find(format)) out.entries_.push_back(*entry);
    }
    return out;
  }
  // The report in `format`; empty when the format is not offered (the command line lists
  // only offered formats, so that does not happen).
  [[nodiscard]] std::string render(Format format, const Report& report, const RenderOptions& options = {}) const {
    const Entry* entry = find(format);
    if (entry == nullptr) return {};
    return entry->render != nullptr ? entry->render(report, options) : entry->plain(report);
  }

 private:
  [[nodiscard]] const Entry* find(Format format) const {
    for (const auto& entry : entries_) {
      if (entry.format == format) return &entry;
    }
    return nullptr;
  }
  std::vector<Entry> entries_;
};

}  // namespace tco
