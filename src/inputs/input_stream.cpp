#include "tco/inputs/input_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace tco {
namespace {

Diagnostics fail(const std::string& path, std::string message) {
  Diagnostics d;
  d.error({path, 0, 0}, "", std::move(message));
  return d;
}

}  // namespace

Result<InputStream> InputStream::open(const std::string& path) {
  std::error_code code;
  if (std::filesystem::is_directory(path, code)) {
    return fail(path, "is a directory, not a price file");
  }
  InputStream stream;
  stream.name_ = path;
  stream.file_.reset(std::fopen(path.c_str(), "rb"));
  if (!stream.file_) {
    return fail(path, fmt::format("cannot open it: {}", std::strerror(errno)));
  }
  const auto size = std::filesystem::file_size(path, code);
  if (!code) stream.size_ = size;
  return stream;
}

InputStream InputStream::from_string(std::string text, std::string name) {
  InputStream stream;
  stream.size_ = text.size();
  stream.text_ = std::move(text);
  stream.name_ = std::move(name);
  return stream;
}

std::size_t InputStream::read(char* out, std::size_t size) {
  std::size_t got = 0;
  if (file_) {
    got = std::fread(out, 1, size, file_.get());
    if (got == 0 && std::ferror(file_.get()) != 0) {
      error_ = fmt::format("error reading {}: {}", name_, std::strerror(errno));
    }
  } else {
    got = std::min(size, text_.size() - text_offset_);
    std::memcpy(out, text_.data() + text_offset_, got);
    text_offset_ += got;
  }
  hash_.update(std::string_view(out, got));
  bytes_read_ += got;
  if (progress_ && got > 0) progress_(bytes_read_, size_);
  return got;
}

}  // namespace tco
