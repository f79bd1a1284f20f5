#pragma once
// Pieces every HTML page is made of (the full report, explain, sensitivity and sweep pages):
// the page shell, escaping, the title block and footer, tables and figures.
//
// HTML: the break-even analysis (and explanations) as self-contained HTML5 pages for people who
// read figures on paper as often as on screen. No scripts, no external resources (a strict
// Content-Security-Policy says so to the browser), inline SVG charts, a print stylesheet
// for A4. The page is a pure function of the report: no timestamps, so the same inputs
// give the same bytes.
//
// Element conventions the browser tests check (tests/html/check-report.sh; keep them stable):
//   tables   <table id="comparison">, "unit-economics", "breakeven", "utilization"; "sensitivity"; "sweep";
//            "exit"
//   charts   svg.chart data-chart="cumulative", "utilization", "monthly-<strategy>"; "tornado";
//            "heatmap" (two inputs) or "sweep" (one); "exit" (the exit-cost curve)
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compare/rows.hpp"
#include "tco/analysis/sensitivity.hpp"
#include "tco/report/comparison.hpp"

namespace tco::html {

// The page's head (title, CSP, stylesheet) up to <main>, and its end. Every HTML rendering
// uses them, so reports and explanations look and print alike.
void open_page(std::string& out, const std::string& title);
void close_page(std::string& out);

// The title block of a page about a scenario: the kicker, its name and description, and the
// facts of its comparison (horizon, currency, discount rate, prices, baseline), then `more_facts`.
void title_block(std::string& out, const ComparisonReport& comparison, const std::string& kicker,
                 const std::vector<std::pair<std::string, std::string>>& more_facts = {});

// A path or argument as a shell word, quoted only when it needs to be: for the commands a
// page gives to reproduce itself.
std::string shell_word(const std::string& word);

// The footer of a page made from a scenario and its price sheets: how to make it again, by
// running `command` with the same `same` (HTML, such as "price sheets") and the `options`
// this run was given, if any; `other` says "other " when `same` names options too.
void reproduce_footer(std::string& out, const std::string& command, const std::string& same,
                      const std::vector<std::string>& options, const char* other = "");

// Text for element content and attribute values alike (& < > " ' escaped).
std::string esc(std::string_view text);

// "A, B and C".
std::string and_list(const std::vector<std::string>& items);

// Appends formatted text to the page being built.
template <typename... Args>
void emit(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
}

// A table of text cells. Each row starts with its label (a row header); the other cells
// are figures, right-aligned. Groups are separate <tbody>s, drawn with a rule between.
struct Table {
  std::string id;  // empty: no id
  std::string caption;
  std::string css_class;  // extra classes of the <table>
  Row header;             // the first cell heads the label column
  std::vector<std::vector<Row>> groups;
  int marked_column = -1;        // 0-based among the figure columns: the baseline's, shaded
  std::size_t text_columns = 0;  // columns right after the label that hold words, left-aligned
};
std::string render_table(const Table& table);

// The options that choose `measure` again: "--measure difference --strategy on-prem --against cloud-only".
std::string measure_arguments(const Measure& measure);

// The baseline's index among the comparison's strategies, or -1.
int baseline_column(const ComparisonReport& comparison);

// `<figure>` around an SVG chart, with its caption and, optionally, the data behind it as a
// table inside a collapsed <details> (for screen readers and anyone wanting the numbers).
std::string figure(const std::string& svg, const std::string& caption, const std::string& data_table = "");

// Opens `<section>` with its <h2 id="ID-heading">; the caller closes it.
void open_section(std::string& out, const char* id, const std::string& heading);

}  // namespace tco::html
