#pragma once
#include <string>
#include <string_view>

namespace tco {

// SHA-256 of `data` as 64 lower-case hex digits: the content hash printed for each price
// sheet, so a report can be matched to the exact file (`sha256sum FILE` agrees).
std::string sha256_hex(std::string_view data);

}  // namespace tco
