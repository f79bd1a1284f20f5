#pragma once
// Diagnostics: what went wrong, where, and how to fix it. Fallible code collects these
// instead of throwing, so a user sees every error in a file at once.
#include <string>
#include <vector>

namespace tco {

struct SourceLocation {
  std::string file;  // empty when the input did not come from a file
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

enum class Severity { error, warning, note };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string key_path;  // e.g. "regions.us-east-1.storage.standard"; may be empty
  std::string message;   // "expected ..., found ..."
};

// "error", "warning" or "note".
const char* severity_name(Severity severity);

// Renders "FILE:LINE:COL: key.path: message" (parts that are unknown are left out).
std::string format_location(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  void error(SourceLocation where, std::string key_path, std::string message);
  void warning(SourceLocation where, std::string key_path, std::string message);
  void add(Diagnostic diagnostic);
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// Where diagnostics go as they arise: the command line prints them. Code that runs several
// steps reports each step's warnings and errors here as it goes, instead of both printing
// them and handing them back to its caller.
class DiagnosticSink {
 public:
  DiagnosticSink() = default;
  DiagnosticSink(const DiagnosticSink&) = delete;
  DiagnosticSink& operator=(const DiagnosticSink&) = delete;
  virtual ~DiagnosticSink() = default;
  virtual void report(const Diagnostics& diagnostics) = 0;
};

}  // namespace tco
