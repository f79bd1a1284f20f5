#include "tco/report/format.hpp"

#include <array>

namespace tco {
namespace {

constexpr std::array kFormats{Format::table,    Format::json, Format::csv,
                              Format::markdown, Format::html, Format::infracost_json};

}  // namespace

const char* format_name(Format format) {
  switch (format) {
    case Format::table:
      return "table";
    case Format::json:
      return "json";
    case Format::csv:
      return "csv";
    case Format::markdown:
      return "markdown";
    case Format::html:
      return "html";
    case Format::infracost_json:
      return "infracost-json";
  }
  return "table";
}

std::optional<Format> parse_format(std::string_view name) {
  for (const Format format : kFormats) {
    if (name == format_name(format)) return format;
  }
  return std::nullopt;
}

}  // namespace tco
