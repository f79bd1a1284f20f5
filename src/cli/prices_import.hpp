#pragma once
// `tco prices import` and `tco prices urls`, the two steps of bringing a provider's prices up
// to date: where to download its price files, and turning them into a dated sheet.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"

namespace tco::cli {

class PricesImport {
 public:
  // Adds the `import` subcommand to `prices`.
  CLI::App* configure(CLI::App& prices);
  int run(const PricingOptions& pricing, Console& console) const;

 private:
  std::string provider_;
  std::vector<std::string> files_;
  std::string output_dir_ = ".";
  std::vector<std::string> regions_;
  std::string effective_;
  bool keep_ = true;
  bool force_ = false;
};

class PricesUrls {
 public:
  CLI::App* configure(CLI::App& prices);
  int run(Console& console) const;

 private:
  std::string provider_;
  std::vector<std::string> regions_;
};

}  // namespace tco::cli
