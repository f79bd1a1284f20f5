#pragma once
// A number together with where it came from: the price sheet source that published it, or
// the scenario line that stated it. Every figure tco prints can be traced through one.
#include <string>

#include "tco/core/diagnostic.hpp"
#include "tco/core/quantity.hpp"

namespace tco {

struct Sourced {
  double value = 0;                     // in the base unit of its dimension (see quantity.hpp)
  std::string source;                   // a sheet's source id, or "" when stated in a scenario
  SourceLocation where;                 // the file and line the value was read from
  std::string note;                     // optional explanation from the file
  std::string currency;                 // for money values
  ByteBase byte_base = ByteBase::none;  // for sizes and per-byte prices, as written
};

}  // namespace tco
