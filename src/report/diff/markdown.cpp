// `tco diff --format markdown`: a pull-request comment. GitHub refuses a comment over 65,536
// characters, so the document is built against a budget: tables keep the rows that fit,
// sections that do not fit are left out, and a last line says what was.
#include "common/markdown.hpp"

#include <cstddef>

#include <fmt/format.h>

#include "diff/rows.hpp"
#include "tco/core/text.hpp"

namespace tco {
namespace {

// Names and files come from the pull request: kept from being read as HTML by the renderer.
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '`') {
      out += '\'';  // would end a code span early
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<Row> escaped(std::vector<Row> rows) {
  for (auto& row : rows) {
    for (auto& cell : row) cell = escaped(cell);
  }
  return rows;
}

// "a, b, c and 4 more": at most `shown` names.
std::string some_of(const std::vector<std::string>& names, std::size_t shown) {
  if (names.size() <= shown) return join(names, ", ");
  const std::vector<std::string> head(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(shown));
  return fmt::format("{} and {} more", join(head, ", "), names.size() - shown);
}

class MarkdownBudget {
 public:
  explicit MarkdownBudget(std::size_t max_chars) : max_chars_(max_chars) {}

  // What is left for blocks, the closing note's room set aside.
  [[nodiscard]] std::size_t room() const {
    const std::size_t used = text_.size() + kNoteRoom;
    return used < max_chars_ ? max_chars_ - used : 0;
  }

  void omit(const std::string& what) { omitted_.push_back(what); }

  // Adds the block if it fits; otherwise records it as left out.
  bool add(const std::string& block, const std::string& what) {
    if (block.size() > room()) {
      omitted_.push_back(what);
      return false;
    }
    text_ += block;
    return true;
  }

  // A table under `intro` with as many rows as fit in `share` of the room; the rows that do
  // not are counted in a line below it.
  void add_table(const std::string& intro, const Row& header, const std::vector<Row>& rows,
                 const std::string& alignment, double share, const std::string& what) {
    const auto limit = static_cast<std::size_t>(static_cast<double>(room()) * share);
    std::size_t kept = rows.size();
    std::string table = intro + markdown_table(header, rows, alignment);
    while (table.size() > limit && kept > 0) {
      kept = kept > 8 ? kept * 3 / 4 : kept - 1;  // shrink fast, then row by row
      table =
          intro + markdown_table(header, {rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(kept)}, alignment);
    }
    if (kept < rows.size())
      table += fmt::format("\n…and {} more {} (cut to fit a comment).\n", rows.size() - kept, what);
    add(table, what);
  }

  std::string finish() && {
    if (omitted_.empty()) return std::move(text_);
    return text_ + fmt::format(
                       "\n_Cut to fit a comment: left out {}. Run `tco diff` with `--format table` or `json` for "
                       "the whole diff._\n",
                       some_of(omitted_, 5));
  }

 private:
  static constexpr std::size_t kNoteRoom = 400;  // the closing note names at most five sections
  std::size_t max_chars_;
  std::string text_;
  std::vector<std::string> omitted_;
};

std::string heading(const DiffReport& report) {
  const std::string verdict = report.gates.empty() ? "" : report.passed() ? "✅ " : "❌ ";
  return fmt::format("### {}tco diff: {}\n\nBase `{}` {} → head `{}` {}. {}\n", verdict, escaped(diff_headline(report)),
                     escaped(report.base.file), describe_side_span(report.base), escaped(report.head.file),
                     describe_side_span(report.head), diff_conventions(report));
}

std::vector<Row> gate_table_rows(const DiffReport& report, bool all) {
  std::vector<Row> rows;
  for (const auto* check : listed_gates(report, all)) {
    Row row = escaped(std::vector<Row>{gate_row(*check, report.currency)}).front();
    if (check->kind == "increase") row.front() = "`" + row.front() + "`";
    row.back() = (check->passed ? "✅ " : "❌ ") + row.back();
    rows.push_back(std::move(row));
  }
  return rows;
}

// Each changed strategy's components in a collapsible section; once one does not fit, the
// rest are left out too, counted as one.
void add_details(const DiffReport& report, const DiffRenderOptions& options, MarkdownBudget& doc) {
  std::size_t left_out = 0;
  for (const auto& strategy : report.strategies) {
    if (!options.all && !strategy.changed()) continue;
    const auto rows = component_rows(strategy, report.currency, options.all);
    if (rows.empty()) continue;
    const auto causes = cause_rows(strategy, report.currency, options.all);
    const std::string by_cause =
        causes.empty() ? ""
                       : "\n" + markdown_table({"Cause", "Base", "Head", "Change", "Per month"}, escaped(causes));
    const std::string block =
        fmt::format("\n<details><summary>{}: {} component{}{}</summary>\n\n{}{}\n</details>\n", escaped(strategy.name),
                    rows.size(), rows.size() == 1 ? "" : "s", options.all ? "" : " changed",
                    markdown_table({"Component", "Base", "Head", "Change", "Per month"}, escaped(rows)), by_cause);
    if (left_out > 0 || block.size() > doc.room()) {
      ++left_out;
      continue;
    }
    doc.add(block, strategy.name + "'s components");
  }
  if (left_out > 0) doc.omit(fmt::format("the components of {} strateg{}", left_out, left_out == 1 ? "y" : "ies"));
}

}  // namespace

std::string render_diff_markdown(const DiffReport& report, const DiffRenderOptions& options, std::size_t max_chars) {
  MarkdownBudget doc(max_chars);
  doc.add(heading(report), "the heading");
  if (const auto rows = summary_rows(report, options.all); !rows.empty())
    doc.add_table("\n", summary_header(), escaped(rows), "l", 0.5, "strategies");
  if (const auto unchanged = unchanged_strategies(report); !unchanged.empty() && !options.all)
    doc.add("\nUnchanged: " + escaped(some_of(unchanged, 20)) + ".\n", "the unchanged strategies");
  if (const auto lines = breakeven_lines(report, options.all); !lines.empty()) {
    std::string block = "\n**Break-even** against " + escaped(report.head.baseline) + ":\n\n";
    for (const auto& line : lines) block += "- " + escaped(line) + "\n";
    doc.add(block, "the break-even changes");
  }
  if (const auto lines = migration_lines(report, options.all); !lines.empty()) {
    std::string block = "\n**Migration** (one-off), paid back against " + escaped(report.head.baseline) + ":\n\n";
    for (const auto& line : lines) block += "- " + escaped(line) + "\n";
    doc.add(block, "the migration changes");
  }
  if (!report.gates.empty()) {
    const auto rows = gate_table_rows(report, options.all);
    const std::string note = unlisted_gates_note(report, listed_gates(report, options.all).size());
    doc.add_table("\n#### Gates\n\n", gate_header(), rows, "llrrl", 0.6, "gate checks");
    if (!note.empty()) doc.add("\n" + note + "\n", "the count of passed checks");
  }
  add_details(report, options, doc);
  std::string prices = "\n";
  for (const auto& line : price_lines(report))
    prices += escaped(line.rfind("  ", 0) == 0 ? "- " + line.substr(2) : line) + "\n";
  if (const auto split = split_rows(report, options.all); !split.empty())
    prices += "\n" + markdown_table(split_header(), escaped(split));
  doc.add(prices, "the price sheets");
  return std::move(doc).finish();
}

}  // namespace tco
