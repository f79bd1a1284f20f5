// GitHub-flavoured Markdown tables, shared by every Markdown renderer.
#include "common/markdown.hpp"

namespace tco {
namespace {

// A table cell: pipes escaped, line breaks flattened.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

}  // namespace

std::string markdown_table(const Row& header, const std::vector<Row>& rows, const std::string& alignment) {
  std::string out = "|";
  for (const auto& text : header) out += " " + cell(text) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < header.size(); ++i) {
    const bool left = i < alignment.size() ? alignment[i] == 'l' : false;
    out += left ? " :--- |" : " ---: |";
  }
  out += "\n";
  for (const auto& row : rows) {
    out += "|";
    for (const auto& text : row) out += " " + cell(text) + " |";
    out += "\n";
  }
  return out;
}

}  // namespace tco
