#pragma once
// A plain-text table: first column left-aligned, the others right-aligned (figures).
#include <string>
#include <vector>

namespace tco {

class TextTable {
 public:
  void add_row(std::vector<std::string> cells);
  void add_rule();  // a line of dashes across the table
  [[nodiscard]] std::string render() const;

 private:
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

}  // namespace tco
