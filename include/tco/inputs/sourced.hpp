#pragma once
// A number together with where it came from: the price sheet source that published it, or
// the scenario line that stated it. Every figure tco prints can be traced through one.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tco/core/diagnostic.hpp"
#include "tco/core/quantity.hpp"

namespace tco {

struct Uncertainty;  // tco/inputs/uncertainty.hpp

struct Sourced {
  // A value stated in a scenario itself (no sheet source), with a note saying why.
  static Sourced stated(double value, const SourceLocation& where, std::string note) {
    Sourced out;
    out.value = value;
    out.where = where;
    out.note = std::move(note);
    return out;
  }

  double value = 0;                     // in the base unit of its dimension (see quantity.hpp)
  std::string source;                   // a sheet's source id, or "" when stated in a scenario
  SourceLocation where;                 // the file and line the value was read from
  std::string note;                     // optional explanation from the file
  std::string currency;                 // for money values
  ByteBase byte_base = ByteBase::none;  // for sizes and per-byte prices, as written
  // Set when an overlay's discount changed the value: the price before it, and which
  // discounts were applied ("-20 % acme-discount").
  std::optional<double> list_value;
  std::vector<std::string> adjustments;
  // Set when the scenario wrote a distribution; `value` is then its central value.
  std::shared_ptr<const Uncertainty> uncertainty;
};

}  // namespace tco
