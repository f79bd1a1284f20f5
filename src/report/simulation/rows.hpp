#pragma once
// The rows of the simulation tables and the text around them (rows.cpp), shared by the
// terminal and Markdown layouts.
#include <string>
#include <vector>

#include "compare/rows.hpp"
#include "tco/report/simulation_report.hpp"

namespace tco::simulation_text {

// One table: its header and rows.
struct Section {
  Row header;
  std::vector<Row> rows;
};

// The figures of every strategy: totals, net present values, chances of being cheapest, break-even.
std::vector<Section> sections(const SimulationReport& report);
// Each input drawn, with its distribution.
std::vector<std::string> input_lines(const SimulationReport& report);
// How exact the figures are, and how many samples the full model priced.
std::string notes(const SimulationReport& report);
// The scenario, its horizon and the samples.
std::string heading(const SimulationReport& report);

}  // namespace tco::simulation_text
