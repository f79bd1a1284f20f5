// `tco compare --format json`: the stable, documented document (schema "tco.compare/1",
// described in tco(1)). Numbers are not rounded.
#include "common/json.hpp"

#include <nlohmann/json.hpp>

#include "tco/core/calendar.hpp"
#include "tco/report/comparison.hpp"

namespace tco {
namespace {

using nlohmann::ordered_json;

ordered_json components_json(const ComponentAmounts& amounts) {
  ordered_json out = ordered_json::object();
  for (Component component : kComponents) out[to_string(component)] = amounts[static_cast<std::size_t>(component)];
  return out;
}

ordered_json optional_month(const ComparisonReport& report, const std::optional<int>& month) {
  if (!month) return nullptr;
  return ordered_json{{"month", *month}, {"date", report.month_labels[static_cast<std::size_t>(*month - 1)]}};
}

ordered_json strategy_json(const ComparisonReport& report, const StrategyColumn& column) {
  ordered_json out;
  out["name"] = column.name;
  out["description"] = column.description;
  out["baseline"] = column.baseline;
  out["total_cash"] = column.total_cash;
  out["total_amortized"] = column.total_amortized;
  out["monthly_average"] = column.monthly_average;
  out["npv"] = column.npv;
  out["components_cash"] = components_json(column.cash);
  out["components_amortized"] = components_json(column.amortized);
  if (column.breakeven) {
    out["breakeven"] = {{"month", optional_month(report, column.breakeven->cash.month)},
                        {"discounted", optional_month(report, column.breakeven->discounted.month)}};
  } else {
    out["breakeven"] = nullptr;
  }
  if (column.payback) {
    // Only for a strategy that moves: documents without moves keep their shape.
    out["migration"] = {{"cost", column.payback->cost},
                        {"from", report.month_labels[static_cast<std::size_t>(column.payback->start_month)]},
                        {"paid_back", optional_month(report, paid_back_month(*column.payback))}};
  }
  out["used_gpu_hours"] = column.used_gpu_hours;
  out["cost_per_used_gpu_hour"] = value_or_null(column.cost_per_used_gpu_hour);
  out["egress_bytes"] = column.egress_bytes;
  out["egress_share"] = column.egress_share;
  out["site_transfer_bytes"] = column.site_transfer_bytes;
  out["transfer_amplification"] = value_or_null(column.transfer_amplification);
  ordered_json workloads = ordered_json::array();
  for (const auto& workload : column.workloads) {
    workloads.push_back({{"name", workload.name},
                         {"kind", workload.kind == WorkloadKind::training ? "training" : "inference"},
                         {"site", workload.site},
                         {"cost_amortized", workload.cost},
                         {"used_gpu_hours", workload.used_gpu_hours},
                         {"runs", workload.runs},
                         {"cost_per_run", value_or_null(workload.cost_per_run)},
                         {"tokens", value_or_null(workload.tokens)},
                         {"cost_per_million_tokens", value_or_null(workload.cost_per_million_tokens)}});
  }
  out["workloads"] = workloads;
  out["unattributed_cost_amortized"] = column.unattributed_cost;
  ordered_json months = ordered_json::array();
  for (std::size_t t = 0; t < column.monthly_cash.size(); ++t) {
    months.push_back({{"month", report.month_labels[t]},
                      {"cash", column.monthly_cash[t]},
                      {"amortized", column.monthly_amortized[t]}});
  }
  out["monthly"] = months;
  ordered_json causes = ordered_json::array();
  for (const auto& cause : column.by_cause) {
    causes.push_back({{"component", to_string(cause.component)},
                      {"cause", cause.cause},
                      {"site", cause.site},
                      {"cash", cause.cash},
                      {"amortized", cause.amortized}});
  }
  out["by_cause"] = causes;
  ordered_json sources = ordered_json::array();
  for (const auto& citation : column.citations) {
    sources.push_back({{"sheet", citation.sheet},
                       {"source", citation.source.id},
                       {"confidence", to_string(citation.source.confidence)},
                       {"prices", citation.prices}});
  }
  out["sources"] = sources;
  out["secondhand_prices"] = column.secondhand_prices;
  return out;
}

}  // namespace

std::string render_compare_json(const ComparisonReport& report) {
  ordered_json doc;
  doc["schema"] = "tco.compare/1";
  doc["scenario"] = {{"name", report.scenario_name},
                     {"description", report.description},
                     {"file", report.scenario_file},
                     {"start", report.start},
                     {"end", report.end},
                     {"months", report.months},
                     {"hours_per_month", report.hours_per_month},
                     {"currency", report.currency},
                     {"discount_rate", report.discount_rate},
                     {"prices_as_of", text_or_null(report.prices_as_of)},
                     {"projected_months", report.projected_months},
                     {"baseline", report.baseline}};
  doc["strategies"] = ordered_json::array();
  for (const auto& column : report.strategies) doc["strategies"].push_back(strategy_json(report, column));
  doc["price_sheets"] = ordered_json::array();
  for (const auto& sheet : report.sheets) {
    ordered_json sources = ordered_json::array();
    for (const auto& source : sheet.sources) sources.push_back(source_json(source));
    ordered_json overlays = ordered_json::array();
    for (const auto& overlay : sheet.overlays) {
      overlays.push_back({{"name", overlay.name},
                          {"effective_date", format_date(overlay.effective)},
                          {"file", overlay.file},
                          {"sha256", overlay.content_hash}});
    }
    doc["price_sheets"].push_back({{"provider", sheet.provider},
                                   {"name", sheet.name},
                                   {"effective_date", sheet.effective_date},
                                   {"file", sheet.file},
                                   {"sha256", sheet.sha256},
                                   {"origin", sheet.origin},
                                   {"overlays", overlays},
                                   {"months", {{"from", sheet.from_month}, {"to", sheet.to_month}}},
                                   {"projected", sheet.projected},
                                   {"sources", sources}});
  }
  return doc.dump(2) + "\n";
}

}  // namespace tco
