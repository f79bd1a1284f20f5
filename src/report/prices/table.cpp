// The tco prices reports as text tables: list, show, diff, gpu and validate.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tco/core/text.hpp"
#include "tco/report/prices_report.hpp"
#include "tco/report/text_table.hpp"

namespace tco {
namespace {

std::string origin_suffix(const std::string& origin) { return origin == "bundled" ? "" : " (from " + origin + ")"; }

}  // namespace

std::string render_price_diff_table(const PriceDiffReport& report) {
  std::string out =
      fmt::format("{} ({}) -> {} ({})\n\n", report.before, report.before_file, report.after, report.after_file);
  int changed = 0;
  int added = 0;
  int removed = 0;
  TextTable table;
  table.set_alignment("llllrrr");
  table.add_row({"Region", "Category", "Item", "Unit", "Before", "After", "Change"});
  table.add_rule();
  for (const auto& c : report.changes) {
    std::string change;
    if (!c.before) {
      change = "added";
      ++added;
    } else if (!c.after) {
      change = "removed";
      ++removed;
    } else {
      ++changed;
      const double delta = *c.after - *c.before;
      change = fmt::format("{}{}", delta >= 0 ? "+" : "", format_price(delta));
      if (*c.before != 0) change += fmt::format(" ({}{})", delta >= 0 ? "+" : "", format_percent(delta / *c.before));
    }
    table.add_row({c.region.empty() ? "-" : c.region, c.category, c.item, c.unit,
                   c.before ? format_price(*c.before) : "-", c.after ? format_price(*c.after) : "-", change});
  }
  if (report.changes.empty()) return out + fmt::format("No price changed ({} prices compared).\n", report.unchanged);
  out += table.render();
  out += fmt::format("\n{} changed, {} added, {} removed, {} unchanged.\n", changed, added, removed, report.unchanged);
  return out;
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
    out +=
        "Exit programs apply in tco exit and to a strategy's move that leaves the provider, each as a line of its "
        "own: whether a move qualifies depends on these conditions.\n";
  out += "\nSources:\n";
  for (const auto& source : report.sources) {
    out += fmt::format("  {}  {}  retrieved {}\n    {}\n    {}\n", source.id, confidence_name(&source),
                       format_date(source.retrieved), source.title, source.url);
  }
  return out;
}

std::string render_price_validation_table(const PriceValidation& v) {
  if (!v.ok) return fmt::format("{}: invalid (see the errors above)\n", join(v.directories, ", "));
  return fmt::format("{}: ok ({} files, {} providers, {} prices, {} of them secondhand)\n", join(v.directories, ", "),
                     v.files, v.providers, v.prices, v.secondhand_prices);
}

}  // namespace tco
