// `tco diff` as a terminal table and as Markdown for a pull-request comment.
#include <fmt/format.h>

#include "diff_rows.hpp"
#include "markdown_common.hpp"
#include "tco/core/text.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

std::string sides(const DiffReport& report) {
  return fmt::format("base: {}\nhead: {}\n", describe_side(report.base), describe_side(report.head));
}

std::string conventions(const DiffReport& report) {
  std::string text =
      fmt::format("Cash in {}; per month is the horizon's total divided by its months.", report.currency);
  if (report.base.baseline != report.head.baseline) {
    text +=
        fmt::format(" Break-even is against {} in base and {} in head.", report.base.baseline, report.head.baseline);
  }
  return text;
}

// Escapes text placed inside HTML (a <summary>): names come from files a pull request wrote.
std::string html_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string gate_verdict(const DiffReport& report) {
  if (report.gates.empty()) return "";
  return report.passed() ? "✅ " : "❌ ";
}

// The Markdown, cut to `max_chars`: blocks are added in order while they fit; the first that
// does not ends the document with a note saying what was left out.
class MarkdownBudget {
 public:
  explicit MarkdownBudget(std::size_t max_chars) : max_chars_(max_chars) {}
  void add(const std::string& block, const std::string& what) {
    if (!omitted_.empty() || text_.size() + block.size() + kNoteReserve > max_chars_) {
      omitted_.push_back(what);
      return;
    }
    text_ += block;
  }
  std::string finish() && {
    if (omitted_.empty()) return std::move(text_);
    return text_ + fmt::format(
                       "\n_Cut to fit a comment: {} left out ({}). Run `tco diff` with `--format table` or `json` "
                       "for the whole diff._\n",
                       omitted_.size() == 1 ? "1 section" : fmt::format("{} sections", omitted_.size()),
                       join(omitted_, ", "));
  }

 private:
  static constexpr std::size_t kNoteReserve = 600;  // room for the note naming what was cut
  std::size_t max_chars_;
  std::string text_;
  std::vector<std::string> omitted_;
};

}  // namespace

std::string render_diff_table(const DiffReport& report, const DiffRenderOptions& options) {
  std::string out = diff_headline(report) + "\n" + sides(report) + conventions(report) + "\n";
  const auto rows = summary_rows(report, options.all);
  if (!rows.empty()) {
    TextTable table;
    table.add_row(summary_header());
    table.add_rule();
    for (const auto& strategy : report.strategies) {
      if (!options.all && !strategy.changed()) continue;
      table.add_row(strategy_row(strategy, report.currency));
      for (auto row : component_rows(strategy, report.currency, options.all)) {
        row.front() = "  " + row.front();
        table.add_row(std::move(row));
      }
    }
    out += "\n" + table.render();
  }
  if (const auto unchanged = unchanged_strategies(report); !unchanged.empty() && !options.all)
    out += "\nUnchanged: " + join(unchanged, ", ") + " (--all shows them).\n";
  if (const auto lines = breakeven_lines(report, options.all); !lines.empty()) {
    out += "\nBreak-even against " + report.head.baseline + ":\n";
    for (const auto& line : lines) out += "  " + line + "\n";
  }
  out += "\n";
  for (const auto& line : price_lines(report)) out += line + "\n";
  if (const auto split = split_rows(report, options.all); !split.empty()) {
    TextTable table;
    table.add_row(split_header());
    table.add_rule();
    for (const auto& row : split) table.add_row(row);
    out += "\n" + table.render();
  }
  if (!report.gates.empty()) {
    TextTable table;
    table.set_alignment("llrrl");
    table.add_row(gate_header());
    table.add_rule();
    const auto listed = listed_gates(report, options.all);
    for (const auto* check : listed) table.add_row(gate_row(*check, report.currency));
    out += "\nGates:\n" + table.render();
    if (const auto note = unlisted_gates_note(report, listed.size()); !note.empty()) out += note + "\n";
  }
  return out;
}

std::string render_diff_markdown(const DiffReport& report, const DiffRenderOptions& options, std::size_t max_chars) {
  MarkdownBudget doc(max_chars);
  doc.add(fmt::format("### {}tco diff: {}\n\nBase `{}` {} → head `{}` {}. {}\n", gate_verdict(report),
                      diff_headline(report), report.base.file, describe_side_span(report.base), report.head.file,
                      describe_side_span(report.head), conventions(report)),
          "the heading");
  if (const auto rows = summary_rows(report, options.all); !rows.empty())
    doc.add("\n" + markdown_table(summary_header(), rows), "the summary table");
  if (const auto unchanged = unchanged_strategies(report); !unchanged.empty() && !options.all)
    doc.add("\nUnchanged: " + join(unchanged, ", ") + ".\n", "the unchanged strategies");
  if (const auto lines = breakeven_lines(report, options.all); !lines.empty()) {
    std::string block = "\n**Break-even** against " + report.head.baseline + ":\n\n";
    for (const auto& line : lines) block += "- " + line + "\n";
    doc.add(block, "break-even");
  }
  if (!report.gates.empty()) {
    std::vector<Row> rows;
    const auto listed = listed_gates(report, options.all);
    for (const auto* check : listed) {
      Row row = gate_row(*check, report.currency);
      if (check->kind == "increase") row.front() = "`" + row.front() + "`";
      row.back() = (check->passed ? "✅ " : "❌ ") + row.back();
      rows.push_back(std::move(row));
    }
    std::string note = unlisted_gates_note(report, listed.size());
    doc.add(
        "\n#### Gates\n\n" + markdown_table(gate_header(), rows, "llrrl") + (note.empty() ? "" : "\n" + note + "\n"),
        "the gates");
  }
  for (const auto& strategy : report.strategies) {
    if (!options.all && !strategy.changed()) continue;
    const auto rows = component_rows(strategy, report.currency, options.all);
    if (rows.empty()) continue;
    doc.add(
        fmt::format("\n<details><summary>{}: {} component{}{}</summary>\n\n{}\n</details>\n", html_text(strategy.name),
                    rows.size(), rows.size() == 1 ? "" : "s", options.all ? "" : " changed",
                    markdown_table({"Component", "Base", "Head", "Change", "Per month"}, rows)),
        strategy.name + "'s components");
  }
  std::string prices = "\n";
  for (const auto& line : price_lines(report))
    prices += (line.rfind("  ", 0) == 0 ? "- " + line.substr(2) : line) + "\n";
  if (const auto split = split_rows(report, options.all); !split.empty())
    prices += "\n" + markdown_table(split_header(), split);
  doc.add(prices, "the price sheets");
  return std::move(doc).finish();
}

}  // namespace tco
