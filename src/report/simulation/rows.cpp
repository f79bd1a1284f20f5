// The rows of the simulation tables and the text around them.
#include "simulation/rows.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco::simulation_text {
namespace {

std::string month_of(const SimulationReport& report, std::optional<int> month) {
  if (!month) return "beyond the horizon";
  const auto& labels = report.comparison.month_labels;
  const auto index = static_cast<std::size_t>(*month - 1);
  return index < labels.size() ? fmt::format("month {} ({})", *month, labels[index]) : fmt::format("month {}", *month);
}

std::string share(double p, double error) {
  return fmt::format("{} ± {}", format_percent(p, 1), format_percent(error, 1));
}

}  // namespace

// The figures of every strategy: totals, net present values, chances of being cheapest.
std::vector<Section> sections(const SimulationReport& report) {
  const auto& c = report.comparison;
  const auto money = [&](double amount) { return format_money(amount, c.currency, 0); };
  std::vector<Section> out;
  const auto figures = [&](const std::string& title, FigureSummary SimulatedStrategy::*figure, bool cheapest) {
    Section section{{title}, {}};
    for (const auto& s : report.strategies) section.header.push_back(s.name);
    const auto add = [&](const std::string& label, auto cell) {
      Row row{label};
      for (const auto& s : report.strategies) row.push_back(cell(s));
      section.rows.push_back(row);
    };
    add("As written", [&](const SimulatedStrategy& s) { return money((s.*figure).as_written); });
    add("Mean", [&](const SimulatedStrategy& s) { return money((s.*figure).mean); });
    add("  standard error", [&](const SimulatedStrategy& s) { return "± " + money((s.*figure).standard_error); });
    add("P10", [&](const SimulatedStrategy& s) { return money((s.*figure).p10); });
    add("P50 (median)", [&](const SimulatedStrategy& s) { return money((s.*figure).p50); });
    add("P90", [&](const SimulatedStrategy& s) { return money((s.*figure).p90); });
    if (cheapest) {
      add("Cheapest in",
          [&](const SimulatedStrategy& s) { return share(s.probability_cheapest, s.cheapest_standard_error); });
    }
    out.push_back(std::move(section));
  };
  figures(fmt::format("Total cash, {} months", c.months), &SimulatedStrategy::total, true);
  figures(fmt::format("Net present value at {}/year", format_percent(c.discount_rate)), &SimulatedStrategy::npv, false);
  Section breakeven{{"Break-even against " + c.baseline}, {}};
  std::vector<const SimulatedStrategy*> others;
  for (const auto& s : report.strategies) {
    if (!s.is_baseline) others.push_back(&s);
  }
  if (others.empty()) return out;
  for (const auto* s : others) breakeven.header.push_back(s->name);
  const auto add = [&](const std::string& label, auto cell) {
    Row row{label};
    for (const auto* s : others) row.push_back(cell(*s));
    breakeven.rows.push_back(row);
  };
  add("As written", [&](const SimulatedStrategy& s) { return month_of(report, s.breakeven_as_written); });
  add(fmt::format("Breaks even within {} months", c.months),
      [&](const SimulatedStrategy& s) { return share(s.probability_breaks_even, s.breaks_even_standard_error); });
  add("P10", [&](const SimulatedStrategy& s) { return month_of(report, s.breakeven_p10); });
  add("P50 (median)", [&](const SimulatedStrategy& s) { return month_of(report, s.breakeven_p50); });
  add("P90", [&](const SimulatedStrategy& s) { return month_of(report, s.breakeven_p90); });
  out.push_back(std::move(breakeven));
  return out;
}

std::vector<std::string> input_lines(const SimulationReport& report) {
  std::vector<std::string> out;
  for (const auto& input : report.inputs) {
    std::string line = input.path + ": " + input.uncertainty->text;
    if (!input.uncertainty->driver.empty()) line += ", driver " + input.uncertainty->driver;
    if (!input.used) line += " (no strategy uses it)";
    out.push_back(line);
  }
  return out;
}

std::string notes(const SimulationReport& report) {
  std::string out = fmt::format(
      "Percentiles are within {} of the exact ones. The standard errors say how far the means and\n"
      "shares could move with more samples. Break-even is when the cumulative cash comes down to\n"
      "{}'s and stays there.\n",
      format_percent(report.quantile_accuracy, 2), report.comparison.baseline);
  std::vector<std::string> tied;
  double tied_share = 0;
  for (const auto& s : report.strategies) {
    if (s.probability_tied <= 0) continue;
    tied.push_back(s.name);
    tied_share = std::max(tied_share, s.probability_tied);
  }
  if (!tied.empty()) {
    out += fmt::format(
        "Tied for the lowest total in up to {} of the samples: {}.\n"
        "A tie is no strategy's win, so the chances of being cheapest add up to less than 100 %.\n",
        format_percent(tied_share, 1), join(tied, ", "));
  }
  if (report.engine_samples > 0) {
    out += fmt::format(
        "{} of the samples changed a decision the evaluation plan was recorded with (a replacement\n"
        "month, the cheapest offer); each was evaluated by a plan recorded for such values.\n",
        report.engine_samples);
  }
  return out;
}

std::string heading(const SimulationReport& report) {
  const auto& c = report.comparison;
  return fmt::format("{}{}\n{} to {} ({} months), baseline {}; {} samples, seed {}\n", c.scenario_name,
                     c.description.empty() ? "" : ": " + c.description, c.start, c.end, c.months, c.baseline,
                     report.samples, report.seed);
}

}  // namespace tco::simulation_text
