// tco sensitivity in Markdown: the tornado as a ranked table.
#include "common/markdown.hpp"

#include "sensitivity/rows.hpp"

namespace tco {

using namespace sensitivity_text;

std::string render_sensitivity_markdown(const SensitivityReport& report, std::size_t limit) {
  std::string out = "### " + introduction(report) + "\n";
  out += markdown_table({"Input", "Low .. high", "Figure at low", "Figure at high"}, rows_of(report, limit, false),
                        "llrr");
  out += "\n" + summary_of_rest(report, shown_rows(report, limit));
  if (report.engine_evaluations > 0) out += engine_note(report);
  return out;
}

}  // namespace tco
