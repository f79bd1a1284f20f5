#pragma once
#include <iosfwd>
#include <string>

#include "tco/core/result.hpp"

namespace tco {

// The whole content of a file ("-" reads standard input). Errors name the file and the cause.
Result<std::string> read_text_file(const std::string& path);
// The same, reading "-" from `standard_input`.
Result<std::string> read_text_file(const std::string& path, std::istream& standard_input);

}  // namespace tco
