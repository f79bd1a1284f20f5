#pragma once
// A file read in pieces, never whole: the providers' price files run to half a gigabyte
// (AWS's us-east-1 AmazonEC2 offer file is about 480 MB). The stream hashes what passes
// through it, so a sheet built from it can cite the exact file by its SHA-256, and counts it,
// so the command line can show progress.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "tco/core/result.hpp"
#include "tco/core/sha256.hpp"

namespace tco {

class InputStream {
 public:
  using Progress = std::function<void(std::uint64_t read, std::optional<std::uint64_t> total)>;

  static Result<InputStream> open(const std::string& path);
  // Test and fuzz input: `text` read as if it were the file `name`.
  static InputStream from_string(std::string text, std::string name);

  // Up to `size` bytes into `out`; 0 at the end of the file or on a read error (see error()).
  std::size_t read(char* out, std::size_t size);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::uint64_t bytes_read() const { return bytes_read_; }
  [[nodiscard]] std::optional<std::uint64_t> size() const { return size_; }
  [[nodiscard]] std::string sha256() const { return hash_.hex(); }
  [[nodiscard]] const std::string& error() const { return error_; }
  // Called after each read; the command line draws a progress line with it.
  void on_progress(Progress progress) { progress_ = std::move(progress); }

 private:
  struct CloseFile {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };

  std::string name_;
  std::unique_ptr<std::FILE, CloseFile> file_;
  std::string text_;  // from_string
  std::size_t text_offset_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::optional<std::uint64_t> size_;
  Sha256 hash_;
  std::string error_;
  Progress progress_;
};

}  // namespace tco
