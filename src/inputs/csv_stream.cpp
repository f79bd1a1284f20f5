#include "tco/inputs/csv_stream.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace tco {

CsvReader::CsvReader(InputStream& in) : in_(in), buffer_(1u << 20, '\0') {
  if (fill() && end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
}

void CsvReader::fail(const SourceLocation& where, std::string key_path, std::string message) {
  if (!failed()) diagnostics_.error(where, std::move(key_path), std::move(message));
}

bool CsvReader::fill() {
  if (eof_ || failed()) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) {
    if (buffer_.size() >= kMaxCsvRecord) {
      fail({in_.name(), next_line_, 1}, "",
           fmt::format("a record longer than {} MiB; this is not a price file", kMaxCsvRecord >> 20));
      return false;
    }
    buffer_.resize(std::min(buffer_.size() * 2, kMaxCsvRecord));
  }
  const std::size_t got = in_.read(buffer_.data() + end_, buffer_.size() - end_);
  if (got == 0) {
    eof_ = true;
    if (!in_.error().empty()) fail({in_.name(), 0, 0}, "", in_.error());
    return false;
  }
  end_ += got;
  return true;
}

bool CsvReader::next(std::string_view& raw) {
  std::size_t scan = begin_;  // where to look for the record's end
  bool quoted = false;        // inside quotes at `scan`
  int breaks = 0;             // line breaks inside quotes
  for (;;) {
    const char* data = buffer_.data();
    std::size_t i = scan;
    // A record ends at the first line break outside quotes. Quotes toggle; a doubled quote
    // toggles twice, which is right.
    while (i < end_) {
      const auto* newline = static_cast<const char*>(std::memchr(data + i, '\n', end_ - i));
      const std::size_t stop = newline == nullptr ? end_ : static_cast<std::size_t>(newline - data);
      const auto quotes = std::count(data + i, data + stop, '"');
      if (quotes % 2 == 1) quoted = !quoted;
      if (newline == nullptr) {
        i = end_;
        break;
      }
      if (!quoted) {
        std::size_t length = stop - begin_;
        if (length > 0 && data[begin_ + length - 1] == '\r') --length;
        raw = std::string_view(data + begin_, length);
        begin_ = stop + 1;
        line_ = next_line_;
        next_line_ += 1 + breaks;
        return true;
      }
      ++breaks;
      i = stop + 1;
    }
    const std::size_t offset = i - begin_;
    if (!fill()) {
      if (failed()) return false;
      if (begin_ == end_) return false;
      if (quoted) {
        fail({in_.name(), next_line_, 1}, "", "the file ends inside a quoted field (is it truncated?)");
        return false;
      }
      raw = std::string_view(buffer_.data() + begin_, end_ - begin_);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      begin_ = end_;
      line_ = next_line_;
      return true;
    }
    scan = begin_ + offset;
  }
}

bool CsvReader::split(std::string_view raw, std::vector<std::string>& fields) {
  fields.clear();
  std::size_t i = 0;
  for (;;) {
    std::string field;
    if (i < raw.size() && raw[i] == '"') {
      ++i;
      for (;;) {
        const std::size_t quote = raw.find('"', i);
        if (quote == std::string_view::npos) return false;
        field.append(raw.substr(i, quote - i));
        i = quote + 1;
        if (i < raw.size() && raw[i] == '"') {
          field += '"';
          ++i;
          continue;
        }
        break;
      }
      if (i < raw.size() && raw[i] != ',') return false;
    } else {
      const std::size_t comma = raw.find(',', i);
      const std::size_t stop = comma == std::string_view::npos ? raw.size() : comma;
      field.assign(raw.substr(i, stop - i));
      if (field.find('"') != std::string::npos) return false;
      i = stop;
    }
    fields.push_back(std::move(field));
    if (i >= raw.size()) return true;
    ++i;  // the comma
  }
}

}  // namespace tco
