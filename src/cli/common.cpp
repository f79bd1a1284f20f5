#include <cstdlib>

#include "command.hpp"
#include "tco/core/calendar.hpp"

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

void PlanUsageOption::add_to(CLI::App& app) {
  app.add_option("--usage", file,
                 "With a Terraform plan (terraform show -json PLAN) instead of a scenario: its usage file "
                 "(tco-scenario(5), USAGE FILE)")
      ->type_name("FILE");
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

int TerminalOptions::columns(const Console& console, bool to_file) const {
  if (width > 0) return width;
  if (const int terminal = to_file ? 0 : console.terminal_columns(); terminal >= 40) return terminal;
  if (const char* env = std::getenv("COLUMNS"); env != nullptr) {
    const int value = std::atoi(env);
    if (value >= 40 && value <= 1000) return value;
  }
  return 80;
}

bool TerminalOptions::colored(const Console& console, bool to_file) const {
  if (color == "always") return true;
  if (color == "never" || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && console.is_terminal();
}

}  // namespace tco::cli
