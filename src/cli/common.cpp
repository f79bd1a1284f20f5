#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <string_view>

#include "command.hpp"
#include "tco/core/calendar.hpp"
#include <sys/ioctl.h>
#include <unistd.h>

namespace tco::cli {

void PricingOptions::add_directories_to(CLI::App& app) {
  app.add_option("--pricing-dir", pricing_dirs,
                 "Directory of your own price sheets and overlays, applied over the bundled ones (repeatable; "
                 "later wins)")
      ->type_name("DIR");
}

void PricingOptions::add_to(CLI::App& app) {
  add_directories_to(app);
  app.add_option("--as-of", as_of, "Price every month with the sheets in effect on this date (YYYY-MM-DD)")
      ->type_name("DATE");
}

Result<std::optional<Date>> PricingOptions::as_of_date() const {
  if (as_of.empty()) return std::optional<Date>{};
  if (const auto day = parse_date(as_of)) return std::optional<Date>{*day};
  Diagnostics d;
  d.error({}, "", "--as-of: expected an existing date as YYYY-MM-DD, found '" + as_of + "'");
  return d;
}

std::filesystem::path bundled_pricing_directory() {
  if (const char* env = std::getenv("TCO_PRICING_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / TCO_INSTALL_DATADIR / "tco" / "pricing-data";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return TCO_SOURCE_PRICING_DIR;
}

std::vector<PricingDirectory> pricing_directories(const PricingOptions& options) {
  std::vector<PricingDirectory> out{{bundled_pricing_directory(), "bundled"}};
  for (const auto& dir : options.pricing_dirs) out.push_back({dir, dir});
  return out;
}

void TerminalOptions::add_to(CLI::App& app) {
  app.add_option("--width", width, "Width of the terminal chart in columns (default: the terminal's)")
      ->type_name("COLUMNS")
      ->check(CLI::Range(40, 1000));
  app.add_option("--color", color, "Colour the chart: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
}

int TerminalOptions::columns(bool to_file) const {
  if (width > 0) return width;
  winsize size{};
  if (!to_file && ::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40)
    return size.ws_col;
  if (const char* env = std::getenv("COLUMNS"); env != nullptr) {
    const int value = std::atoi(env);
    if (value >= 40 && value <= 1000) return value;
  }
  return 80;
}

bool TerminalOptions::colored(bool to_file) const {
  if (color == "always") return true;
  if (color == "never" || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && ::isatty(STDOUT_FILENO);
}

void print_diagnostics(const Diagnostics& diagnostics) {
  // Every error of a file at once, but a file that is not the expected format at all can have
  // thousands: after kMaxShownPerFile of a file, the rest are counted.
  constexpr int kMaxShownPerFile = 50;
  std::map<std::string, int> shown;
  std::map<std::string, int> hidden;
  std::vector<std::string> files;  // in order of first appearance
  for (const auto& diagnostic : diagnostics.items()) {
    const std::string& file = diagnostic.where.file;
    if (!shown.count(file)) files.push_back(file);
    if (shown[file] == kMaxShownPerFile) {
      ++hidden[file];
      continue;
    }
    ++shown[file];
    std::cerr << "tco: " << severity_name(diagnostic.severity) << ": " << format_location(diagnostic) << "\n";
  }
  for (const auto& file : files) {
    if (hidden[file] > 0) {
      std::cerr << "tco: error: " << (file.empty() ? std::string() : file + ": ") << hidden[file]
                << " more diagnostics not shown; fix the ones above first\n";
    }
  }
}

void print_error(const std::string& message) { std::cerr << "tco: error: " << message << "\n"; }
void print_warning(const std::string& message) { std::cerr << "tco: warning: " << message << "\n"; }

namespace {

// Writes all of `text` to standard output; errno is kept for the caller when a write fails.
bool write_stdout(std::string_view text) {
  std::cout.flush();  // anything written through the stream before comes first
  while (!text.empty()) {
    const ssize_t written = ::write(STDOUT_FILENO, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

}  // namespace

bool write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    if (write_stdout(text)) return true;
    if (errno == EPIPE) return true;  // the reader has gone: stop quietly, keep the command's status
    print_error(std::string("cannot write to standard output: ") + std::strerror(errno));
    return false;
  }
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      print_error(path + ": cannot write: " + std::strerror(errno));
      std::remove(temporary.c_str());
      return false;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    print_error(path + ": cannot write: " + std::strerror(errno));
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace tco::cli
