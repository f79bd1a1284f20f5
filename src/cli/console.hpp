#pragma once
// Where a command reads standard input and writes its output and diagnostics: the process's
// own streams when tco runs as a program, or streams a test hands to run_tco. Every command
// writes through one, so commands can be run and checked in-process as well as through the
// binary.
#include <iosfwd>
#include <string>
#include <string_view>

#include "tco/core/diagnostic.hpp"

namespace tco::cli {

class Console : public DiagnosticSink {
 public:
  Console(std::istream& in, std::ostream& out, std::ostream& err) : in_(in), out_(out), err_(err) {}

  // Standard input, for a file named "-".
  std::istream& in() { return in_; }
  // Where CLI11 writes --help and --version.
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }

  // Writes a command's output to standard output. False after reporting why; a reader that
  // has gone away (`tco ... | head`) is not an error: output stops and the command's status stands.
  virtual bool write(std::string_view text);
  // Whether standard output is a terminal (for colour), and its width in columns (0: unknown).
  [[nodiscard]] virtual bool is_terminal() const { return false; }
  [[nodiscard]] virtual int terminal_columns() const { return 0; }
  // Whether standard error is a terminal, for progress lines.
  [[nodiscard]] virtual bool errors_to_terminal() const { return false; }

  // Each diagnostic as "tco: error: FILE:LINE:COL: key.path: message", at most 50 a file.
  void report(const Diagnostics& diagnostics) override;
  // One line without a location.
  void error(const std::string& message);
  void warning(const std::string& message);
  // What a command returns when a step failed after reporting its diagnostics here: invalid
  // input when an error was reported, else an internal error (a step failed without saying why).
  [[nodiscard]] int failure_status() const;

 private:
  std::istream& in_;
  std::ostream& out_;
  std::ostream& err_;
  bool errors_reported_ = false;
};

// The process's standard streams: output goes straight to file descriptor 1, so a closed pipe
// is seen (EPIPE) and a terminal's width can be asked.
class ProcessConsole : public Console {
 public:
  ProcessConsole();
  bool write(std::string_view text) override;
  [[nodiscard]] bool is_terminal() const override;
  [[nodiscard]] int terminal_columns() const override;
  [[nodiscard]] bool errors_to_terminal() const override;
};

}  // namespace tco::cli
