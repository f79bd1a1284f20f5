// `tco prices list` and `tco prices show`.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_common.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

using nlohmann::ordered_json;

std::string confidence_name(const PriceSource* source) { return source ? to_string(source->confidence) : "-"; }

std::string origin_suffix(const std::string& origin) { return origin == "bundled" ? "" : " (from " + origin + ")"; }

ordered_json source_with_file_json(const PriceSource& source) {
  ordered_json out = source_json(source);
  out["file"] = source.file;
  return out;
}

}  // namespace

std::vector<SheetSummary> list_sheets(const PriceCatalog& catalog) {
  std::vector<SheetSummary> out;
  for (const auto& sheet : catalog.sheets()) {
    SheetSummary summary{sheet.provider,
                         sheet.kind == SheetKind::sheet ? "sheet" : "overlay",
                         sheet.name,
                         format_date(sheet.effective),
                         sheet.file,
                         sheet.content_hash,
                         sheet.origin,
                         static_cast<int>(sheet.regions.size()),
                         0,
                         0,
                         0,
                         static_cast<int>(sheet.sources.size())};
    for (const auto& [id, region] : sheet.regions) summary.gpu_offers += static_cast<int>(region.gpu_offers.size());
    for (const auto& row : price_rows(sheet)) {
      ++summary.prices;
      if (row.source != nullptr && row.source->confidence == Confidence::secondhand) ++summary.secondhand_prices;
    }
    if (sheet.kind == SheetKind::overlay) summary.prices += static_cast<int>(sheet.discounts.size());
    out.push_back(std::move(summary));
  }
  return out;
}

std::string render_price_list_table(const std::vector<SheetSummary>& sheets) {
  TextTable table;
  table.set_alignment("lllrrrrll");
  table.add_row({"Provider", "Kind", "Effective", "Regions", "GPU offers", "Prices", "Secondhand", "SHA-256", "File"});
  table.add_rule();
  for (const auto& s : sheets) {
    table.add_row({s.provider, s.kind, s.effective_date, std::to_string(s.regions), std::to_string(s.gpu_offers),
                   std::to_string(s.prices), std::to_string(s.secondhand_prices), s.sha256.substr(0, 12),
                   s.file + origin_suffix(s.origin)});
  }
  return table.render() +
         "\nEach provider's months are priced by its latest sheet in effect; overlays apply on top from their own "
         "date.\n";
}

std::string render_price_list_json(const std::vector<SheetSummary>& sheets) {
  ordered_json doc;
  doc["schema"] = "tco.prices.list/1";
  doc["sheets"] = ordered_json::array();
  for (const auto& s : sheets) {
    doc["sheets"].push_back({{"provider", s.provider},
                             {"kind", s.kind},
                             {"name", s.name},
                             {"effective_date", s.effective_date},
                             {"file", s.file},
                             {"sha256", s.sha256},
                             {"origin", s.origin},
                             {"regions", s.regions},
                             {"gpu_offers", s.gpu_offers},
                             {"prices", s.prices},
                             {"secondhand_prices", s.secondhand_prices},
                             {"sources", s.sources}});
  }
  return doc.dump(2) + "\n";
}

Result<PriceShowReport> show_prices(const PriceSheet& sheet, const PriceShowFilter& filter) {
  Diagnostics d;
  if (!filter.region.empty() && sheet.find_region(filter.region) == nullptr &&
      sheet.electricity_by_region.count(filter.region) == 0 && sheet.carbon_intensity.count(filter.region) == 0) {
    auto names = keys_of(sheet.regions);
    for (const auto& [region, price] : sheet.electricity_by_region) names.push_back(region);
    d.error({}, "",
            fmt::format("--region: unknown region '{}' in {}{}; its regions are {}", filter.region, sheet.id(),
                        did_you_mean(filter.region, names), names.empty() ? "none" : quoted_list(names)));
    return d;
  }
  PriceShowReport report{sheet.label(),
                         sheet.file,
                         sheet.content_hash,
                         format_date(sheet.in_effect_from),
                         sheet.billing_gb == ByteBase::binary ? "GiB" : "GB",
                         {},
                         {},
                         {}};
  if (filter.region.empty() && filter.gpu.empty()) report.exit_programs = sheet.exit_programs;
  for (auto& row : price_rows(sheet)) {
    if (!filter.region.empty() && row.region != filter.region) continue;
    if (!filter.gpu.empty() && row.gpu != filter.gpu) continue;
    if (row.source != nullptr && std::none_of(report.sources.begin(), report.sources.end(),
                                              [&](const PriceSource& s) { return s.id == row.source->id; }))
      report.sources.push_back(*row.source);
    report.rows.push_back(std::move(row));
  }
  std::sort(report.sources.begin(), report.sources.end(),
            [](const PriceSource& a, const PriceSource& b) { return a.id < b.id; });
  return report;
}

std::string render_price_show_table(const PriceShowReport& report) {
  std::string out = fmt::format("{}  in effect from {}  sha256:{}  {}\nPer-byte prices are per {} ({} bytes).\n\n",
                                report.sheet, report.in_effect_from, report.sha256.substr(0, 12), report.file,
                                report.billing_gb, report.billing_gb == "GiB" ? "2^30" : "10^9");
  if (report.rows.empty()) return out + "No prices match.\n";
  TextTable table;
  table.set_alignment("lllrlrll");
  table.add_row({"Region", "Category", "Item", "Price", "Unit", "Per GPU-h", "Source", "Confidence"});
  table.add_rule();
  bool adjusted = false;
  for (const auto& row : report.rows) {
    std::string price = format_price(row.value);
    if (!row.adjustments.empty()) {
      price += " *";
      adjusted = true;
    }
    table.add_row({row.region.empty() ? "-" : row.region, row.category, row.item, price, row.unit,
                   row.per_gpu_hour ? format_price(*row.per_gpu_hour) : "", row.source_id,
                   confidence_name(row.source)});
  }
  out += table.render();
  if (adjusted) {
    out += "\n* adjusted:\n";
    for (const auto& row : report.rows) {
      if (row.adjustments.empty()) continue;
      out += fmt::format("  {} {} {}: {} from {} ({})\n", row.region, row.category, row.item, format_price(row.value),
                         format_price(row.list_value.value_or(row.value)), join(row.adjustments, "; "));
    }
  }
  for (const auto& program : report.exit_programs) {
    out += fmt::format("\nExit program {}: {}\n  covers: {}\n  scope: {}\n", program.id, program.name, program.covers,
                       program.scope);
    for (const auto& condition : program.conditions) out += "  - " + condition + "\n";
  }
  if (!report.exit_programs.empty())
    out += "Exit programs are listed, never applied by tco: whether a move qualifies depends on these conditions.\n";
  out += "\nSources:\n";
  for (const auto& source : report.sources) {
    out += fmt::format("  {}  {}  retrieved {}\n    {}\n    {}\n", source.id, confidence_name(&source),
                       format_date(source.retrieved), source.title, source.url);
  }
  return out;
}

std::string render_price_show_json(const PriceShowReport& report) {
  ordered_json doc;
  doc["schema"] = "tco.prices.show/1";
  doc["sheet"] = report.sheet;
  doc["file"] = report.file;
  doc["sha256"] = report.sha256;
  doc["in_effect_from"] = report.in_effect_from;
  doc["billing_gb"] = report.billing_gb;
  doc["prices"] = ordered_json::array();
  for (const auto& row : report.rows) {
    ordered_json item{{"region", row.region},
                      {"category", row.category},
                      {"item", row.item},
                      {"value", row.value},
                      {"unit", row.unit},
                      {"source", row.source_id},
                      {"confidence", confidence_name(row.source)}};
    if (!row.gpu.empty()) {
      item["gpu"] = row.gpu;
      item["gpus"] = row.gpus;
    }
    if (row.per_gpu_hour) item["per_gpu_hour"] = *row.per_gpu_hour;
    if (row.list_value) item["list_value"] = *row.list_value;
    if (!row.adjustments.empty()) item["adjustments"] = row.adjustments;
    if (!row.note.empty()) item["note"] = row.note;
    doc["prices"].push_back(item);
  }
  doc["exit_programs"] = ordered_json::array();
  for (const auto& program : report.exit_programs) {
    doc["exit_programs"].push_back(
        {{"id", program.id},
         {"name", program.name},
         {"covers", program.covers},
         {"scope", program.scope},
         {"conditions", program.conditions},
         {"window_days", program.window ? ordered_json(program.window->value / 24.0) : ordered_json(nullptr)},
         {"refund", program.refund.value},
         {"source", program.refund.source}});
  }
  doc["sources"] = ordered_json::array();
  for (const auto& source : report.sources) doc["sources"].push_back(source_with_file_json(source));
  return doc.dump(2) + "\n";
}

}  // namespace tco
