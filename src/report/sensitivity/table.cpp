// tco sensitivity for a terminal: the tornado as a ranked table with bars.
#include "sensitivity/rows.hpp"
#include "tco/report/text_table.hpp"

namespace tco {

using namespace sensitivity_text;

std::string render_sensitivity_table(const SensitivityReport& report, std::size_t limit) {
  std::string out = introduction(report) + "\n";
  TextTable table;
  table.set_alignment("llrrl");
  table.add_row({"Input", "Low .. high", "Figure at low", "Figure at high", "Tornado (| as written)"});
  table.add_rule();
  for (auto& row : rows_of(report, limit, true)) table.add_row(row);
  out += table.render();
  out += "\n" + summary_of_rest(report, shown_rows(report, limit));
  if (report.engine_evaluations > 0) out += engine_note(report);
  return out;
}

}  // namespace tco
