// Placeholder pages for sensitivity and sweep until their charts land.
#include "tco/report/html_report.hpp"

namespace tco {

std::string render_sensitivity_html(const SensitivityReport& report) { return render_sensitivity_table(report, 0); }
std::string render_sweep_html(const SweepReport& report) { return render_sweep_table(report); }

}  // namespace tco
