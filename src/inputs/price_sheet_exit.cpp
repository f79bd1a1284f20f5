// The exit_programs section of a price sheet (tco-prices(5), EXIT PROGRAMS).
#include <fmt/format.h>

#include "price_sheet_format.hpp"
#include "sheet_sections.hpp"
#include "tco/core/suggest.hpp"

namespace tco {
namespace {

// `from`, `until` (after `from`) and `regions` of a program: when and where it applies.
bool read_program_reach(MapReader& reader, ExitProgram& program, Diagnostics& d) {
  bool ok = true;
  if (const YamlNode* from = reader.get("from")) {
    program.from = read_date(*from, reader.path("from"), d);
    ok = program.from.has_value();
  }
  const YamlNode* until = reader.get("until");
  if (until != nullptr) {
    program.until = read_date(*until, reader.path("until"), d);
    ok = program.until.has_value() && ok;
  }
  if (program.from && program.until && *program.until <= *program.from) {
    d.error(until->where, reader.path("until"),
            fmt::format("expected a day after from ({}), found {}", format_date(*program.from),
                        format_date(*program.until)));
    ok = false;
  }
  if (const YamlNode* regions = reader.get("regions")) {
    program.regions_where = regions->where;
    if (auto list = read_string_list(*regions, reader.path("regions"), d); list && list->empty()) {
      d.error(regions->where, reader.path("regions"),
              "expected at least one region id; leave regions out for a program that covers every region");
      ok = false;
    } else if (list) {
      program.regions = *list;
    } else {
      ok = false;
    }
  }
  return ok;
}

std::optional<ExitProgram> read_program(const YamlNode& node, const std::string& path, const std::string& inherited,
                                        Diagnostics& d, SourceReferences& refs) {
  MapReader reader(sheet_format::exit_program(), node, path, d);
  if (!reader.valid()) return std::nullopt;
  ExitProgram program;
  program.where = node.where;
  bool ok = true;
  for (auto [key, out] : {std::pair{"id", &program.id}, std::pair{"name", &program.name},
                          std::pair{"covers", &program.covers}, std::pair{"scope", &program.scope}}) {
    ok = read_text_field(reader, key, *out) && ok;
  }
  ok = read_program_reach(reader, program, d) && ok;
  const std::string source = read_source_default(reader, inherited);
  if (auto list = read_string_list(reader, "conditions"))
    program.conditions = *list;
  else
    ok = false;
  if (const YamlNode* refund = reader.get("refund")) {
    if (auto value = read_sourced(*refund, reader.path("refund"), reader.shape_of("refund"), source, d)) {
      if (value->value > 1.0) {
        d.error(value->where, reader.path("refund"), "expected a share of at most 100 %");
        ok = false;
      }
      program.refund = *value;
      refs.emplace_back(reader.path("refund"), *value);
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const YamlNode* window = reader.get("window")) {
    program.window = read_sourced(*window, reader.path("window"), reader.shape_of("window"), source, d);
    if (program.window)
      refs.emplace_back(reader.path("window"), *program.window);
    else
      ok = false;
  }
  reader.get("note");
  reader.finish();
  if (!ok) return std::nullopt;
  return program;
}

}  // namespace

bool check_exit_program_regions(const PriceSheet& view, const ExitProgram& program, std::size_t index, Diagnostics& d) {
  const auto names = keys_of(view.regions);
  bool ok = true;
  for (const auto& region : program.regions) {
    if (view.regions.count(region) != 0) continue;
    const std::string known = names.empty() ? "it has no regions" : "its regions are " + quoted_list(names);
    d.error(program.regions_where, fmt::format("exit_programs[{}].regions", index),
            fmt::format("unknown region '{}' in {}{}; {}", region, view.id(), did_you_mean(region, names), known));
    ok = false;
  }
  return ok;
}

void read_exit_programs(MapReader& top, PriceSheet& sheet, Diagnostics& d, SourceReferences& refs) {
  const YamlNode* node = top.get("exit_programs");
  if (node == nullptr) return;
  if (!node->is_sequence()) {
    d.error(node->where, "exit_programs", fmt::format("expected a list of exit programs, found {}", describe(*node)));
    return;
  }
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    const std::string path = fmt::format("exit_programs[{}]", i);
    if (auto program = read_program(node->items[i], path, "", d, refs)) {
      // An overlay's programs may name the regions of the sheets below it: checked when applied.
      if (sheet.kind == SheetKind::sheet) check_exit_program_regions(sheet, *program, i, d);
      for (const auto& other : sheet.exit_programs) {
        if (other.id == program->id)
          d.error(program->where, path + ".id", "duplicate exit program id '" + program->id + "'");
      }
      sheet.exit_programs.push_back(std::move(*program));
    }
  }
}

}  // namespace tco
