// `tco simulate` for a terminal and for Markdown: the same rows, two layouts.
#include "tco/report/simulation_report.hpp"

#include <cmath>

#include <fmt/format.h>

#include "compare_rows.hpp"
#include "markdown_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

FigureSummary summarise(const Outcome& outcome) {
  return {outcome.as_written,
          outcome.moments.mean,
          outcome.moments.count > 1 ? outcome.moments.standard_error() : 0.0,
          outcome.moments.count > 1 ? outcome.moments.stddev() : 0.0,
          outcome.quantiles.quantile(0.1),
          outcome.quantiles.quantile(0.5),
          outcome.quantiles.quantile(0.9)};
}

double binomial_error(double p, std::uint64_t n) { return n > 0 ? std::sqrt(p * (1 - p) / static_cast<double>(n)) : 0; }

struct Section {
  Row header;
  std::vector<Row> rows;
};

std::string month_of(const SimulationReport& report, std::optional<int> month) {
  if (!month) return "beyond the horizon";
  const auto& labels = report.comparison.month_labels;
  const auto index = static_cast<std::size_t>(*month - 1);
  return index < labels.size() ? fmt::format("month {} ({})", *month, labels[index]) : fmt::format("month {}", *month);
}

std::string share(double p, double error) {
  return fmt::format("{} ± {}", format_percent(p, 1), format_percent(error, 1));
}

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

}  // namespace

SimulationReport make_simulation_report(const ModelResult& as_written, const SimulationResult& simulation) {
  SimulationReport report;
  report.comparison = make_comparison_report(as_written);
  report.inputs = simulation.inputs;
  report.samples = simulation.samples;
  report.seed = simulation.seed;
  report.engine_samples = simulation.engine_samples;
  for (const auto& s : simulation.strategies) {
    SimulatedStrategy out;
    out.name = s.name;
    out.total = summarise(s.total);
    out.npv = summarise(s.npv);
    report.quantile_accuracy = s.total.quantiles.relative_accuracy();
    out.probability_cheapest =
        simulation.samples > 0 ? static_cast<double>(s.cheapest) / static_cast<double>(simulation.samples) : 0;
    out.cheapest_standard_error = binomial_error(out.probability_cheapest, simulation.samples);
    out.is_baseline = s.name == simulation.baseline;
    if (!out.is_baseline && s.breakeven.total() > 0) {
      out.breakeven_as_written = s.breakeven_as_written;
      const auto total = static_cast<double>(s.breakeven.total());
      out.probability_breaks_even = (total - static_cast<double>(s.breakeven.none())) / total;
      out.breaks_even_standard_error = binomial_error(out.probability_breaks_even, s.breakeven.total());
      out.breakeven_p10 = s.breakeven.quantile(0.1);
      out.breakeven_p50 = s.breakeven.quantile(0.5);
      out.breakeven_p90 = s.breakeven.quantile(0.9);
    }
    report.strategies.push_back(out);
  }
  return report;
}

std::string render_simulation_table(const SimulationReport& report) {
  std::string out = heading(report) + "\n";
  out += report.inputs.empty() ? "No input is a distribution: every sample is the scenario as written.\n"
                               : fmt::format("Drawn for each sample ({}):\n", report.inputs.size());
  for (const auto& line : input_lines(report)) out += "  " + line + "\n";
  for (const auto& section : sections(report)) {
    TextTable table;
    table.add_row(section.header);
    table.add_rule();
    for (const auto& row : section.rows) table.add_row(row);
    out += "\n" + table.render();
  }
  return out + "\n" + notes(report);
}

std::string render_simulation_markdown(const SimulationReport& report) {
  std::string out = "### " + heading(report) + "\n";
  for (const auto& line : input_lines(report)) out += "- " + line + "\n";
  for (const auto& section : sections(report)) out += "\n" + markdown_table(section.header, section.rows);
  return out + "\n" + notes(report);
}

}  // namespace tco
