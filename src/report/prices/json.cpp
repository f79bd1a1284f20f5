// The tco prices reports as JSON: list, show, diff, gpu and validate.
#include "common/json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"

namespace tco {
namespace {

using nlohmann::ordered_json;

ordered_json source_with_file_json(const PriceSource& source) {
  ordered_json out = source_json(source);
  out["file"] = source.file;
  return out;
}

}  // namespace

std::string render_price_diff_json(const PriceDiffReport& report) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["schema"] = "tco.prices.diff/1";
  doc["before"] = {{"sheet", report.before}, {"file", report.before_file}};
  doc["after"] = {{"sheet", report.after}, {"file", report.after_file}};
  doc["changes"] = ordered_json::array();
  for (const auto& c : report.changes) {
    ordered_json item{{"region", c.region},
                      {"category", c.category},
                      {"item", c.item},
                      {"unit", c.unit},
                      {"before", value_or_null(c.before)},
                      {"after", value_or_null(c.after)}};
    item["change"] = c.before && c.after ? ordered_json(*c.after - *c.before) : ordered_json(nullptr);
    item["change_fraction"] = c.before && c.after && *c.before != 0 ? ordered_json((*c.after - *c.before) / *c.before)
                                                                    : ordered_json(nullptr);
    doc["changes"].push_back(item);
  }
  doc["unchanged"] = report.unchanged;
  return doc.dump(2) + "\n";
}

std::string render_gpu_ranking_json(const GpuRanking& ranking) {
  using nlohmann::ordered_json;
  const GpuQuery& q = ranking.query;
  ordered_json doc;
  doc["schema"] = "tco.prices.gpu/1";
  doc["gpu"] = q.gpu;
  doc["pricing"] = to_string(q.pricing);
  doc["as_of"] = q.as_of == kNewest ? ordered_json(nullptr) : ordered_json(format_date(q.as_of));
  if (q.data_bytes) {
    doc["data"] = {
        {"bytes", *q.data_bytes}, {"from", q.from_provider + ":" + q.from_region}, {"gpu_hours", q.gpu_hours}};
  }
  doc["offers"] = ordered_json::array();
  for (const auto& row : ranking.offers) {
    ordered_json item{{"provider", row.provider},         {"sheet", row.sheet},     {"region", row.region},
                      {"instance", row.instance},         {"gpus", row.gpus},       {"hourly", row.hourly},
                      {"per_gpu_hour", row.per_gpu_hour}, {"source", row.source_id}};
    if (row.source != nullptr) {
      item["source_url"] = row.source->url;
      item["confidence"] = to_string(row.source->confidence);
    }
    if (q.data_bytes) {
      item["transfer"] = value_or_null(row.transfer);
      item["transfer_note"] = row.transfer_note;
      item["total"] = value_or_null(row.total);
    }
    doc["offers"].push_back(item);
  }
  doc["providers_without_offer"] = ranking.providers_without;
  doc["providers_without_sheet"] = ranking.providers_unpriced;
  return doc.dump(2) + "\n";
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

std::string render_price_validation_json(const PriceValidation& v) {
  ordered_json doc;
  doc["schema"] = "tco.prices.validate/1";
  doc["directories"] = v.directories;
  doc["ok"] = v.ok;
  doc["files"] = v.files;
  doc["providers"] = v.providers;
  doc["prices"] = v.prices;
  doc["secondhand_prices"] = v.secondhand_prices;
  doc["diagnostics"] = ordered_json::array();
  for (const auto& item : v.diagnostics) {
    doc["diagnostics"].push_back({{"severity", severity_name(item.severity)},
                                  {"file", item.where.file},
                                  {"line", item.where.line},
                                  {"column", item.where.column},
                                  {"key_path", item.key_path},
                                  {"message", item.message}});
  }
  return doc.dump(2) + "\n";
}

}  // namespace tco
