#pragma once
// The sections of the full HTML report (tco report), shared between its files; each appends
// one <section> to the page.
#include <string>

#include "common/html.hpp"
#include "tco/report/breakeven_report.hpp"

namespace tco::html {

// The sections, in page order. Each appends one <section> (or nothing when it has no data).
void comparison_section(std::string& out, const BreakevenReport& report);
void unit_economics_section(std::string& out, const BreakevenReport& report);
void cumulative_section(std::string& out, const BreakevenReport& report);
void breakeven_section(std::string& out, const BreakevenReport& report);
void utilization_section(std::string& out, const BreakevenReport& report);
void exit_section(std::string& out, const BreakevenReport& report);  // html_exit.cpp
void monthly_section(std::string& out, const BreakevenReport& report);
void causes_section(std::string& out, const BreakevenReport& report);
void assumptions_section(std::string& out, const BreakevenReport& report);

}  // namespace tco::html
