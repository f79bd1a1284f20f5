// The pieces every HTML page builds its tables and figures with.
#include "common/html.hpp"
#include "tco/core/text.hpp"
#include "tco/report/svg_chart.hpp"

namespace tco::html {

std::string and_list(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? "" : items.front();
  return join(std::vector<std::string>(items.begin(), items.end() - 1), ", ") + " and " + items.back();
}

std::string esc(std::string_view text) { return svg::escape_xml(text); }

int baseline_column(const ComparisonReport& comparison) {
  for (std::size_t i = 0; i < comparison.strategies.size(); ++i)
    if (comparison.strategies[i].baseline) return static_cast<int>(i);
  return -1;
}

std::string render_table(const Table& table) {
  std::string out = "<table";
  if (!table.id.empty()) emit(out, " id=\"{}\"", esc(table.id));
  if (!table.css_class.empty()) emit(out, " class=\"{}\"", esc(table.css_class));
  emit(out, ">\n<caption>{}</caption>\n<thead><tr>", esc(table.caption));
  // Figure columns are right-aligned, except the text columns right after the label.
  const auto cell_class = [&](std::size_t column) {
    std::string classes = column > table.text_columns ? "num" : "";
    if (column >= 1 && static_cast<int>(column) - 1 == table.marked_column) classes += " baseline";
    return classes.empty() ? std::string() : " class=\"" + classes.substr(classes[0] == ' ' ? 1 : 0) + "\"";
  };
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const bool marked = c >= 1 && static_cast<int>(c) - 1 == table.marked_column;
    emit(out, "<th scope=\"col\"{}>{}{}</th>", cell_class(c), esc(table.header[c]),
         marked ? "<span class=\"tag\">baseline</span>" : "");
  }
  out += "</tr></thead>\n";
  for (const auto& group : table.groups) {
    if (group.empty()) continue;
    out += "<tbody>\n";
    for (const auto& row : group) {
      out += "<tr>";
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c == 0) {
          emit(out, "<th scope=\"row\">{}</th>", esc(row[c]));
        } else {
          emit(out, "<td{}>{}</td>", cell_class(c), esc(row[c]));
        }
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n";
  }
  out += "</table>\n";
  return out;
}

std::string figure(const std::string& svg, const std::string& caption, const std::string& data_table) {
  std::string out = "<figure>\n" + svg + "<figcaption>" + esc(caption);
  // Inside the caption: a <figure> takes its caption only as first or last child.
  if (!data_table.empty()) out += "\n<details><summary>Data</summary>\n" + data_table + "</details>\n";
  out += "</figcaption>\n</figure>\n";
  return out;
}

void open_section(std::string& out, const char* id, const std::string& heading) {
  emit(out, "<section aria-labelledby=\"{0}-heading\">\n<h2 id=\"{0}-heading\">{1}</h2>\n", id, esc(heading));
}

}  // namespace tco::html
