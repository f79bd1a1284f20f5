#pragma once
// The sections of a scenario (tco-scenario(5)), each declared once: for its reader
// (scenario_loader.cpp, scenario_sections.cpp, scenario_values.cpp, scenario_uncertainty.cpp,
// scenario_budgets.cpp) and for `tco schema scenario`. Not a public header.
#include "tco/inputs/input_format.hpp"

namespace tco::scenario_format {

// scenario_format.cpp: the top level, what spans it, and the strategies.
const Section& top();
const Section& price_trends();
const Section& drivers();
const Section& price_uncertainty();
const Section& strategies();
const Section& strategy();
const Section& workload_placement();
const Section& workload_site();
const Section& base_portion();
const Section& burst_portion();
const Section& move();
const Section& reservation();
const Section& move_stage();
const Section& dataset_placement();
const Section& dataset_site();
const Section& budget();

// scenario_format_sections.cpp: sites, workloads, datasets and flows.
const Section& sites();
const Section& site();
const Section& pricing_by_workload();
const Section& spot();
const Section& interconnect();
const Section& existing_commitment();
const Section& inline_hardware();
const Section& workloads();
const Section& workload();
const Section& runs();
const Section& checkpoints();
const Section& datasets();
const Section& dataset();
const Section& refresh();
const Section& flows();
const Section& flow();

}  // namespace tco::scenario_format
