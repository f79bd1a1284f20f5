#pragma once
// The sections of a price sheet and an overlay (tco-prices(5)), each declared once: for its
// reader (price_sheet_loader.cpp, price_sheet_onprem.cpp, price_sheet_exit.cpp,
// price_overlay.cpp) and for `tco schema prices` and `tco schema overlay`. Not a public header.
#include <functional>
#include <string>
#include <vector>

#include "tco/inputs/input_format.hpp"

namespace tco::sheet_format {

const Section& top();
const Section& source();
const Section& regions();
const Section& region();
const Section& gpu_instances();
const Section& gpu_offer();
const Section& storage();
const Section& network();
const Section& internet_egress();
const Section& free_allowance();
const Section& tier();
const Section& inter_region();
const Section& inter_region_to();
const Section& inter_zone();
const Section& interconnect_ports();
const Section& hardware();
const Section& hardware_sku();
const Section& site_defaults();
const Section& electricity_by_region();
const Section& carbon_intensity();
const Section& pue_by_facility();
const Section& exit_program();
const Section& discount();
const Section& adjustment();

// `source:` on a mapping: the default source of the values below it.
Field default_source(const std::string& of);

// The fields of a server, shared by the catalog's SKUs and a scenario's inline hardware, after
// their `source`: `value` is how each figure may be written (sourced, or stated).
std::vector<Field> hardware_fields(const std::function<Shape(Dimension)>& value);

}  // namespace tco::sheet_format
