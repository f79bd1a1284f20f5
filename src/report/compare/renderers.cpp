// The formats of tco compare, over every scenario it was given.
#include "tco/report/comparison.hpp"

namespace tco {
namespace {

std::string joined(const ComparisonSet& set, std::string (*render)(const ComparisonReport&)) {
  std::string out;
  for (const auto& report : set.scenarios) out += (out.empty() ? "" : "\n") + render(report);
  return out;
}

std::string table(const ComparisonSet& set) { return joined(set, render_compare_table); }
std::string markdown(const ComparisonSet& set) { return joined(set, render_compare_markdown); }

// One scenario: its document. Several: a JSON array of them, in argument order.
std::string json(const ComparisonSet& set) {
  if (set.scenarios.size() == 1) return render_compare_json(set.scenarios.front());
  std::string out = "[\n";
  for (std::size_t i = 0; i < set.scenarios.size(); ++i) {
    std::string document = render_compare_json(set.scenarios[i]);
    document.pop_back();  // the trailing newline
    out += document + (i + 1 < set.scenarios.size() ? ",\n" : "\n");
  }
  return out + "]\n";
}

// One table: the header once, every scenario's rows after it.
std::string csv(const ComparisonSet& set) {
  std::string out;
  for (const auto& report : set.scenarios) {
    const std::string rows = render_compare_csv(report);
    out += out.empty() ? rows : rows.substr(rows.find('\n') + 1);
  }
  return out;
}

// Infracost's document holds one scenario's projects: the last one given.
std::string infracost(const ComparisonSet& set) {
  return set.scenarios.empty() ? std::string() : render_compare_infracost(set.scenarios.back());
}

}  // namespace

const Renderers<ComparisonSet>& comparison_renderers() {
  static const Renderers<ComparisonSet> renderers{{Format::table, table},
                                                  {Format::json, json},
                                                  {Format::csv, csv},
                                                  {Format::markdown, markdown},
                                                  {Format::infracost_json, infracost}};
  return renderers;
}

}  // namespace tco
