#pragma once
// Shared by the Markdown renderers (markdown_renderers.cpp, check and diff renderers).
#include <string>
#include <vector>

#include "compare/rows.hpp"

namespace tco {

// A GitHub table: the first column left-aligned, the others right-aligned (figures), or per
// column as `alignment` says ('l' or 'r', like TextTable); pipes in cells escaped, line breaks
// flattened.
std::string markdown_table(const Row& header, const std::vector<Row>& rows, const std::string& alignment = "l");

}  // namespace tco
