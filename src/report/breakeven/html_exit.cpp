// The HTML report's lock-in section: what leaving each strategy's clouds would cost in each
// month (tco exit --by-month for every strategy), the bill before any exit program.
#include "breakeven/sections.hpp"
#include "tco/core/text.hpp"
#include "tco/report/svg_chart.hpp"

namespace tco::html {

void exit_section(std::string& out, const BreakevenReport& report) {
  const ComparisonReport& comparison = report.comparison;
  if (report.exits.empty() || comparison.month_labels.size() < 2) return;
  const auto money = [&](double amount) { return format_money(amount, comparison.currency, 0); };
  open_section(out, "exit", "Lock-in: what leaving costs");
  svg::LineChart chart;
  chart.id = "exit";
  chart.title = "The cost of leaving each strategy's clouds, by the month left in";
  chart.x_label = "Month left in";
  chart.y_label = "Cost of leaving (" + comparison.currency + ")";
  chart.x_labels = comparison.month_labels;
  chart.currency = comparison.currency;
  std::vector<std::string> sentences;
  for (const auto& exit : report.exits) {
    // The strategy's slot among the comparison's, so it keeps its colour from the other charts.
    std::size_t slot = 0;
    while (slot < comparison.strategies.size() && comparison.strategies[slot].name != exit.options.strategy) ++slot;
    svg::Series series{exit.options.strategy, {}, slot};
    for (const auto& point : exit.points) series.values.push_back(point.total_without_programs());
    chart.series.push_back(std::move(series));
    const ExitAtMonth& first = exit.points.front();
    const ExitAtMonth& last = exit.points.back();
    std::string sentence = fmt::format(
        "Leaving the clouds of {} ({}) costs {} in {} ({} stored there) and {} in {} ({})", exit.options.strategy,
        join(exit.clouds, ", "), money(first.total_without_programs()), comparison.month_labels.front(),
        format_bytes(first.bytes, false), money(last.total_without_programs()), comparison.month_labels.back(),
        format_bytes(last.bytes, false));
    sentence += last.waived > 0 ? fmt::format("; {} with the providers' exit programs, if the move meets their terms.",
                                              money(last.total()))
                                : ".";
    sentences.push_back(std::move(sentence));
  }
  chart.description = join(sentences, " ");
  emit(out, "<p>{}</p>\n", esc(join(sentences, " ")));
  out += figure(svg::render_line_chart(chart),
                "What moving everything each strategy stores in its clouds out to the internet would cost in each "
                "month: datasets at their grown size, retained checkpoints and their replicas, billed before any exit "
                "program, with what its commitments there still owe. tco exit gives the details, other destinations "
                "and the programs' terms.");
  out += "</section>\n";
}

}  // namespace tco::html
