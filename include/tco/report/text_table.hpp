#pragma once
// A plain-text table: by default the first column left-aligned, the others right-aligned
// (figures); set_alignment("llrr") chooses per column ('l' or 'r').
#include <string>
#include <vector>

namespace tco {

class TextTable {
 public:
  void add_row(std::vector<std::string> cells);
  void add_rule();  // a line of dashes across the table
  void set_alignment(std::string columns) { alignment_ = std::move(columns); }
  [[nodiscard]] std::string render() const;

 private:
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
  std::string alignment_ = "l";                 // per column; columns beyond it are right-aligned
};

}  // namespace tco
