#include "tco/core/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace tco {

std::string format_location(const Diagnostic& diagnostic) {
  std::string out;
  const auto& where = diagnostic.where;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += fmt::format(":{}", where.line);
      if (where.column > 0) out += fmt::format(":{}", where.column);
    }
    out += ": ";
  }
  if (!diagnostic.key_path.empty()) out += diagnostic.key_path + ": ";
  out += diagnostic.message;
  return out;
}

void Diagnostics::error(SourceLocation where, std::string key_path, std::string message) {
  items_.push_back({Severity::error, std::move(where), std::move(key_path), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string key_path, std::string message) {
  items_.push_back({Severity::warning, std::move(where), std::move(key_path), std::move(message)});
}

void Diagnostics::add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

}  // namespace tco
