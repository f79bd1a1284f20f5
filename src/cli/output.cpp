#include "output.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <unistd.h>

namespace tco::cli {

bool write_output(Console& console, const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") return console.write(text);
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      console.error(path + ": cannot write: " + std::strerror(errno));
      std::remove(temporary.c_str());
      return false;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    console.error(path + ": cannot write: " + std::strerror(errno));
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

void add_format_option(CLI::App& app, std::string& format, const std::vector<Format>& formats) {
  std::vector<std::string> names;
  for (const Format offered : formats) names.emplace_back(format_name(offered));
  format = names.front();
  app.add_option("--format", format, "Output format")->check(CLI::IsMember(names))->default_str(names.front());
}

std::vector<Format> formats_of(const std::vector<ReportOutput>& outputs) {
  std::vector<Format> formats;
  for (const auto& output : outputs) formats.insert(formats.end(), output.formats.begin(), output.formats.end());
  std::sort(formats.begin(), formats.end());
  formats.erase(std::unique(formats.begin(), formats.end()), formats.end());
  return formats;
}

int print_output(Console& console, const std::vector<ReportOutput>& outputs, const std::string& format,
                 const RenderOptions& options, const std::string& path) {
  const auto chosen = parse_format(format);
  for (const auto& output : outputs) {
    if (!chosen || std::find(output.formats.begin(), output.formats.end(), *chosen) == output.formats.end()) continue;
    const auto text = output.produce(*chosen, options, console);
    if (!text) return console.failure_status();
    return write_output(console, *text, path) ? kExitOk : kExitInvalidInput;
  }
  return kExitInternalError;  // --format admits only the formats offered
}

}  // namespace tco::cli
