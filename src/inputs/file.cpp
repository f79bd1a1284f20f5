#include "tco/inputs/file.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "tco/inputs/input_limits.hpp"

namespace tco {
namespace {

// Reads at most kMaxFileBytes + 1 bytes: enough to know a stream is too large without
// holding all of it (standard input can be endless).
std::string read_capped(std::istream& in) {
  std::string content;
  std::array<char, 65536> buffer{};
  while (content.size() <= kMaxFileBytes && in.read(buffer.data(), buffer.size()).gcount() > 0)
    content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
  return content;
}

Diagnostics too_large(const std::string& path) {
  Diagnostics d;
  d.error({path, 0, 0}, "", fmt::format("the file is larger than {} bytes (8 MiB), the most tco reads", kMaxFileBytes));
  return d;
}

}  // namespace

Result<std::string> read_text_file(const std::string& path) { return read_text_file(path, std::cin); }

Result<std::string> read_text_file(const std::string& path, std::istream& standard_input) {
  Diagnostics d;
  if (path == "-") {
    std::string content = read_capped(standard_input);
    if (content.size() > kMaxFileBytes) return too_large(path);
    return content;
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    d.error({path, 0, 0}, "", "expected a file, found a directory");
    return d;
  }
  if (std::filesystem::is_regular_file(status) && std::filesystem::file_size(path, ec) > kMaxFileBytes && !ec)
    return too_large(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    d.error({path, 0, 0}, "", std::string("cannot read: ") + std::strerror(errno));
    return d;
  }
  std::string content = read_capped(in);
  if (content.size() > kMaxFileBytes) return too_large(path);
  if (in.bad()) {
    d.error({path, 0, 0}, "", std::string("cannot read: ") + std::strerror(errno));
    return d;
  }
  return content;
}

}  // namespace tco
