#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tco {

// SHA-256 of `data` as 64 lower-case hex digits: the content hash printed for each price
// sheet, so a report can be matched to the exact file (`sha256sum FILE` agrees).
std::string sha256_hex(std::string_view data);

// The same, never with the CPU's SHA instructions: for the tests that check both agree. Not
// thread-safe.
std::string sha256_hex_portable(std::string_view data);

// The same, fed in pieces: a price file of half a gigabyte is hashed as it streams past.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  [[nodiscard]] std::string hex() const;  // of everything so far

 private:
  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> block_{};
  std::size_t pending_ = 0;  // bytes waiting in block_
  std::uint64_t length_ = 0;
};

}  // namespace tco
