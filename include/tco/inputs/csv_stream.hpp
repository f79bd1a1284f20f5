#pragma once
// CSV read a record at a time from a stream (RFC 4180: fields in double quotes may hold commas,
// doubled quotes and line breaks). The AWS Price List's CSV files quote every field, so an
// importer can test a record's raw text for the values it needs ("OnDemand", "Linux") before
// it pays for splitting it, which is how a 500 MB file is read in seconds.
#include <string>
#include <string_view>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/inputs/input_stream.hpp"

namespace tco {

// The longest single record the reader accepts.
constexpr std::size_t kMaxCsvRecord = 16u << 20;

class CsvReader {
 public:
  explicit CsvReader(InputStream& in);

  // The next record's raw text, without its line break; false at the end or on an error.
  bool next(std::string_view& raw);
  // Splits a record's raw text into `fields`; false for a quote left open or text after a
  // closing quote.
  static bool split(std::string_view raw, std::vector<std::string>& fields);

  // Where the current record starts.
  [[nodiscard]] SourceLocation where() const { return {in_.name(), line_, 1}; }
  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }
  [[nodiscard]] bool failed() const { return diagnostics_.has_errors(); }
  void fail(const SourceLocation& where, std::string key_path, std::string message);

 private:
  bool fill();

  InputStream& in_;
  std::string buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  int line_ = 0;       // of the current record
  int next_line_ = 1;  // of the next one
  Diagnostics diagnostics_;
};

}  // namespace tco
