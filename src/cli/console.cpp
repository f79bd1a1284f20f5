#include "console.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>
#include <vector>

#include "tco/cli/app.hpp"
#include <sys/ioctl.h>
#include <unistd.h>

namespace tco::cli {

bool Console::write(std::string_view text) {
  out_ << text;
  out_.flush();
  return true;
}

void Console::report(const Diagnostics& diagnostics) {
  // Every error of a file at once, but a file that is not the expected format at all can have
  // thousands: after kMaxShownPerFile of a file, the rest are counted.
  constexpr int kMaxShownPerFile = 50;
  std::map<std::string, int> shown;
  std::map<std::string, int> hidden;
  std::vector<std::string> files;  // in order of first appearance
  for (const auto& diagnostic : diagnostics.items()) {
    if (diagnostic.severity == Severity::error) errors_reported_ = true;
    const std::string& file = diagnostic.where.file;
    if (!shown.count(file)) files.push_back(file);
    if (shown[file] == kMaxShownPerFile) {
      ++hidden[file];
      continue;
    }
    ++shown[file];
    err_ << "tco: " << severity_name(diagnostic.severity) << ": " << format_location(diagnostic) << "\n";
  }
  for (const auto& file : files) {
    if (hidden[file] > 0) {
      err_ << "tco: error: " << (file.empty() ? std::string() : file + ": ") << hidden[file]
           << " more diagnostics not shown; fix the ones above first\n";
    }
  }
}

void Console::error(const std::string& message) {
  errors_reported_ = true;
  err_ << "tco: error: " << message << "\n";
}

void Console::warning(const std::string& message) { err_ << "tco: warning: " << message << "\n"; }

int Console::failure_status() const { return errors_reported_ ? kExitInvalidInput : kExitInternalError; }

ProcessConsole::ProcessConsole() : Console(std::cin, std::cout, std::cerr) {}

bool ProcessConsole::write(std::string_view text) {
  std::cout.flush();  // anything written through the stream before (CLI11's) comes first
  while (!text.empty()) {
    const ssize_t written = ::write(STDOUT_FILENO, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      if (errno == EPIPE) return true;  // the reader has gone: stop quietly, keep the command's status
      error(std::string("cannot write to standard output: ") + std::strerror(errno));
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

bool ProcessConsole::is_terminal() const { return ::isatty(STDOUT_FILENO) != 0; }

bool ProcessConsole::errors_to_terminal() const { return ::isatty(STDERR_FILENO) != 0; }

int ProcessConsole::terminal_columns() const {
  winsize size{};
  if (is_terminal() && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) return size.ws_col;
  return 0;
}

}  // namespace tco::cli
