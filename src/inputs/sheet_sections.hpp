#pragma once
// Sections of a price sheet read outside price_sheet_loader.cpp. Not a public header.
#include <string>
#include <utility>
#include <vector>

#include "tco/inputs/field_reader.hpp"
#include "tco/inputs/price_sheet.hpp"

namespace tco {

// (key path, value) of every sourced value read, so the loader can check its source.
using SourceReferences = std::vector<std::pair<std::string, Sourced>>;

// hardware, site_defaults, electricity_by_region, carbon_intensity, pue_by_facility.
void read_onprem_sections(MapReader& top, PriceSheet& sheet, Diagnostics& d, SourceReferences& refs);

// `exit_programs:`, a list of programs that waive egress when leaving the provider.
void read_exit_programs(MapReader& top, PriceSheet& sheet, Diagnostics& d, SourceReferences& refs);
// Reports each region of `program` (exit_programs[index]) that `view` does not have; false if any.
bool check_exit_program_regions(const PriceSheet& view, const ExitProgram& program, std::size_t index, Diagnostics& d);

// An overlay's `discounts:` and `adjustments:` lists, in that order.
void read_price_changes(MapReader& top, PriceSheet& sheet, Diagnostics& d, SourceReferences& refs);

}  // namespace tco
