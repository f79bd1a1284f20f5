#pragma once
// Reading a hardware SKU, shared by the on-prem catalog (values with sources) and a
// scenario's inline hardware (values the scenario states). Not a public header.
#include <functional>
#include <optional>

#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

// Reads one value of the mapping, as its section declares it: sourced in a sheet, stated in a
// scenario.
using HardwareValueReader = std::function<std::optional<Sourced>(MapReader&, const char* key)>;

// Reads name, gpu, gpus, rack_units, price, max_power and idle_power (sheet_format::
// hardware_fields), then finishes the reader (unknown keys). Returns nothing when a required
// value is missing or invalid.
std::optional<HardwareSku> read_hardware_sku(MapReader& reader, const HardwareValueReader& read_value);

}  // namespace tco
