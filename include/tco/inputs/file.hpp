#pragma once
#include <string>

#include "tco/core/result.hpp"

namespace tco {

// The whole content of a file ("-" reads standard input). Errors name the file and the cause.
Result<std::string> read_text_file(const std::string& path);

}  // namespace tco
