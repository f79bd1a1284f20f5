#include "tco/inputs/file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace tco {

Result<std::string> read_text_file(const std::string& path) {
  Diagnostics d;
  if (path == "-") {
    std::ostringstream content;
    content << std::cin.rdbuf();
    return content.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    d.error({path, 0, 0}, "", "expected a file, found a directory");
    return d;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    d.error({path, 0, 0}, "", std::string("cannot read: ") + std::strerror(errno));
    return d;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace tco
