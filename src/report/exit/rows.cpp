// The exit report's text: shared by the terminal and Markdown renderers.
#include "exit/rows.hpp"

#include <fmt/format.h>

#include "tco/core/text.hpp"

namespace tco {
namespace {

std::string bytes(double value) { return format_bytes(value, false); }

// The totals under one month's items: egress, waived, retraining, and what it comes to.
void add_totals(const ExitReport& report, const ExitAtMonth& point, ExitTable& table) {
  const auto row = [&](std::string label, std::string size, double amount) {
    table.rows.push_back({std::move(label), "", std::move(size), exit_money(report, amount)});
  };
  if (!table.rows.empty()) table.rules_before.push_back(table.rows.size());
  row("Egress", bytes(point.bytes), point.egress);
  for (const auto& waiver : point.waivers) {
    row(fmt::format("Waived by {} ({} of {})", waiver.program->id, format_percent(waiver.program->refund.value, 0),
                    exit_money(report, waiver.egress)),
        "", -waiver.amount);
  }
  for (const auto& owed : point.owed) {
    row(fmt::format("Still owed: {} at {} ({}), {} months × {}", owed.what, owed.site, owed.offer, owed.months_left,
                    exit_money(report, owed.monthly)),
        "", owed.amount);
  }
  if (report.result.options.retraining) {
    row(fmt::format("Retraining ({} of {} of training compute)", format_percent(*report.result.options.retraining, 0),
                    exit_money(report, point.training_compute)),
        "", point.retraining);
  }
  table.rules_before.push_back(table.rows.size());
  row("Total", "", point.total());
  if (!point.waivers.empty()) row("Total without exit programs", "", point.total_without_programs());
}

// "; it applies to exits from eu-west-1, eu-central-1 on or after 2027-01-12", or "" for a
// program that applies everywhere, always.
std::string exit_program_reach(const ExitProgram& program) {
  std::string out;
  if (!program.regions.empty()) out += " from " + join(program.regions, ", ");
  if (program.from) out += " on or after " + format_date(*program.from);
  if (program.from && program.until) out += " and";
  if (program.until) out += " before " + format_date(*program.until);
  return out.empty() ? "" : "; it applies to exits" + out;
}

}  // namespace

std::string exit_money(const ExitReport& report, double amount) {
  return format_money(amount, report.comparison.currency, 0);
}

std::string exit_month_label(const ExitReport& report, int month) {
  return report.comparison.month_labels.at(static_cast<std::size_t>(month));
}

ExitTable exit_table(const ExitReport& report) {
  ExitTable table;
  const ExitResult& result = report.result;
  if (report.by_month) {
    table.header = {"Month",      "Stored",     "Egress", "Waived",
                    "Still owed", "Retraining", "Total",  "Without exit programs"};
    table.alignment = "l";
    for (const auto& point : result.points) {
      table.rows.push_back({exit_month_label(report, point.month), bytes(point.bytes), exit_money(report, point.egress),
                            exit_money(report, -point.waived), exit_money(report, point.commitments),
                            exit_money(report, point.retraining), exit_money(report, point.total()),
                            exit_money(report, point.total_without_programs())});
    }
    return table;
  }
  table.header = {"Site", "Stored data", "Size", "Egress"};
  table.alignment = "llrr";
  const ExitAtMonth& point = result.points.front();
  std::string previous;
  for (const auto& item : point.items) {
    const std::string where = item.site == item.provider ? item.region : item.provider + " " + item.region;
    const std::string site = item.site == previous ? "" : fmt::format("{} ({})", item.site, where);
    previous = item.site;
    table.rows.push_back({site, item.what, bytes(item.bytes), exit_money(report, item.egress)});
  }
  add_totals(report, point, table);
  return table;
}

std::string exit_introduction(const ExitReport& report) {
  const ComparisonReport& c = report.comparison;
  const ExitResult& result = report.result;
  std::string clouds = result.clouds.empty() ? "none" : join(result.clouds, ", ");
  std::string when = report.by_month ? fmt::format("in each month from {} to {}", c.start, c.end)
                                     : "in " + exit_month_label(report, result.points.front().month);
  return fmt::format("{}: {}\nLeaving the clouds of strategy {} ({}) {}: everything stored there sent to {}.\n",
                     c.scenario_name, c.description, report.strategy, clouds, when, report.destination);
}

std::string exit_notes(const ExitReport& report) {
  std::string out =
      "Egress: what is stored in each cloud region, billed as a month's egress of its own (as tco egress quotes "
      "it).\n";
  if (!report.result.options.exit_programs) out += "Exit programs are not applied (--no-exit-programs).\n";
  std::vector<std::string> seen;
  for (const auto& point : report.result.points) {
    for (const auto& waiver : point.waivers) {
      if (std::find(seen.begin(), seen.end(), waiver.program->id) != seen.end()) continue;
      seen.push_back(waiver.program->id);
      out += fmt::format("{} ({}): {}; it covers {}{}. Conditions: {}.\n", waiver.program->id, waiver.sheet,
                         waiver.program->name, waiver.program->covers, exit_program_reach(*waiver.program),
                         join(waiver.program->conditions, "; "));
    }
  }
  return out;
}

}  // namespace tco
