// `tco prices gpu`: every provider's offer for one GPU model, cheapest per GPU-hour first,
// optionally with what it costs to bring a dataset to each offer's region.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_common.hpp"
#include "tco/core/suggest.hpp"
#include "tco/core/text.hpp"
#include "tco/report/egress_quote.hpp"
#include "tco/report/prices_report.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

// The one-time cost of moving the query's data from its source to `provider:region`.
void price_transfer(const PriceCatalog& catalog, const GpuQuery& query, GpuOfferRow& row) {
  if (row.provider == query.from_provider && row.region == query.from_region) {
    row.transfer = 0.0;
    row.transfer_note = "already there";
    return;
  }
  const PriceSheet* from = catalog.select(query.from_provider, query.as_of).value();
  EgressRoute route;
  if (row.provider == query.from_provider) {
    route = {EgressRoute::Kind::region, row.provider, row.region};
  }
  auto quote = make_egress_report(*from, *from->find_region(query.from_region), route, *query.data_bytes);
  if (!quote) {
    row.transfer_note = quote.diagnostics().items().front().message;
    return;
  }
  row.transfer = quote->total;
  row.transfer_note = route.kind == EgressRoute::Kind::internet ? "internet egress" : "inter-region";
}

}  // namespace

Result<GpuRanking> rank_gpu_offers(const PriceCatalog& catalog, const GpuQuery& query) {
  Diagnostics d;
  GpuRanking ranking{query, "USD", {}, {}, {}};
  if (query.data_bytes) {
    auto from = catalog.select(query.from_provider, query.as_of);
    if (!from) {
      for (auto item : from.diagnostics().items()) d.error({}, "", "--from: " + item.message);
      return d;
    }
    if (from.value()->find_region(query.from_region) == nullptr) {
      const auto names = keys_of(from.value()->regions);
      d.error(
          {}, "",
          fmt::format("--from: unknown region '{}' in {}{}; its regions are {}", query.from_region, from.value()->id(),
                      did_you_mean(query.from_region, names), names.empty() ? "none" : quoted_list(names)));
      return d;
    }
  }
  for (const auto& provider : catalog.providers()) {
    const auto versions = catalog.timeline(provider);
    if (versions.empty() || versions.back()->regions.empty()) continue;  // sells no cloud capacity
    auto sheet = catalog.select(provider, query.as_of);
    if (!sheet) {
      ranking.providers_unpriced.push_back(provider);
      continue;
    }
    if (sheet.value()->regions.empty()) continue;
    bool found = false;
    for (const auto& [id, region] : sheet.value()->regions) {
      for (const auto& offer : region.gpu_offers) {
        if (offer.gpu != query.gpu) continue;
        const auto price = offer.hourly.find(query.pricing);
        if (price == offer.hourly.end()) continue;
        found = true;
        GpuOfferRow row;
        row.provider = provider;
        row.sheet = sheet.value()->label();
        row.region = id;
        row.instance = offer.instance;
        row.gpus = offer.gpus;
        row.hourly = price->second.value;
        row.per_gpu_hour = row.hourly / offer.gpus;
        row.source_id = price->second.source;
        row.source = sheet.value()->find_source(price->second.source);
        if (query.data_bytes) {
          price_transfer(catalog, query, row);
          if (row.transfer) row.total = query.gpu_hours * row.per_gpu_hour + *row.transfer;
        }
        ranking.offers.push_back(std::move(row));
      }
    }
    if (!found) ranking.providers_without.push_back(provider);
  }
  // Cheapest first; with data, by the total, and offers whose transfer has no price last.
  std::stable_sort(ranking.offers.begin(), ranking.offers.end(), [&](const GpuOfferRow& a, const GpuOfferRow& b) {
    if (query.data_bytes && a.total.has_value() != b.total.has_value()) return a.total.has_value();
    if (query.data_bytes && a.total && b.total && *a.total != *b.total) return *a.total < *b.total;
    return a.per_gpu_hour < b.per_gpu_hour;
  });
  return ranking;
}

std::string render_gpu_ranking_table(const GpuRanking& ranking) {
  const GpuQuery& q = ranking.query;
  std::string out = fmt::format("{} offers priced {}, {}", q.gpu, to_string(q.pricing),
                                q.as_of == kNewest ? "newest sheets" : "sheets in effect on " + format_date(q.as_of));
  if (q.data_bytes) {
    out += fmt::format("; ranked by {} GPU-hours plus bringing {} from {}:{} once", group_thousands(q.gpu_hours, 0),
                       q.data_text, q.from_provider, q.from_region);
  }
  out += "\n\n";
  if (ranking.offers.empty()) return out + "No provider sells this GPU under this pricing model.\n";
  TextTable table;
  std::vector<std::string> header{"#", "Provider", "Region", "Instance", "GPUs", "$/h", "$/GPU-h"};
  if (q.data_bytes) {
    header.insert(header.end(), {"Data transfer", "Total"});
  }
  header.insert(header.end(), {"Source", "Confidence"});
  table.set_alignment(q.data_bytes ? "rllllrrrrrll" : "rllllrrll");
  table.add_row(header);
  table.add_rule();
  int rank = 0;
  for (const auto& row : ranking.offers) {
    std::vector<std::string> cells{std::to_string(++rank),
                                   row.provider,
                                   row.region,
                                   row.instance,
                                   std::to_string(row.gpus),
                                   format_price(row.hourly),
                                   format_money(row.per_gpu_hour, ranking.currency, 2)};
    if (q.data_bytes) {
      cells.push_back(row.transfer ? format_money(*row.transfer, ranking.currency, 0) + " " + row.transfer_note
                                   : "no price");
      cells.push_back(row.total ? format_money(*row.total, ranking.currency, 0) : "-");
    }
    cells.push_back(row.source_id);
    cells.push_back(row.source == nullptr                           ? "-"
                    : row.source->confidence == Confidence::primary ? "primary"
                                                                    : "secondhand");
    table.add_row(cells);
  }
  out += table.render();
  if (q.data_bytes) {
    bool unpriced = false;
    for (const auto& row : ranking.offers) {
      if (row.transfer) continue;
      if (!unpriced) out += "\nNo transfer price (ranked last):\n";
      unpriced = true;
      out += fmt::format("  {}:{}: {}\n", row.provider, row.region, row.transfer_note);
    }
    out +=
        "\nData transfer is the source's egress bill for moving the data in one month (tiered, after its free "
        "allowance); ingress is not charged.\n";
  }
  if (!ranking.providers_without.empty())
    out += fmt::format("\nNo such offer at: {}.\n", join(ranking.providers_without, ", "));
  if (!ranking.providers_unpriced.empty())
    out += fmt::format("No sheet in effect on {} for: {}.\n", format_date(q.as_of),
                       join(ranking.providers_unpriced, ", "));
  out += "\nSources: tco prices show PROVIDER --gpu " + q.gpu + "\n";
  return out;
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

}  // namespace tco
