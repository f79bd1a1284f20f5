// Plans that change over time (tco-scenario(5), MOVES and COMMITMENTS): a strategy's moves of
// workloads and datasets between sites, and the commitments a cloud site already holds.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "scenario_internal.hpp"
#include "tco/core/text.hpp"

namespace tco::scenario_detail {
namespace {

// A duration in whole months (a renewal's term): 1 year, 12 months.
std::optional<int> whole_months(const Sourced& duration, const std::string& path, Diagnostics& d) {
  const double count = duration.value / kHoursPerMonth;
  if (count < 1 || std::abs(count - std::round(count)) > 1e-9) {
    d.error(duration.where, path, "expected a whole number of months or years, e.g. '1 year'");
    return std::nullopt;
  }
  return static_cast<int>(std::round(count));
}

std::optional<MoveStage> read_stage(const YamlNode& node, const std::string& path, Diagnostics& d) {
  MapReader reader(scenario_format::move_stage(), node, path, d);
  if (!reader.valid()) return std::nullopt;
  const char* why = "a stage's share and length decide which site runs the work";
  auto share = stated_single(reader, "share", why);
  auto length = stated_single(reader, "for", why);
  reader.finish();
  if (share && (share->value <= 0 || share->value >= 1)) {
    d.error(share->where, reader.path("share"),
            fmt::format("expected a share above 0 % and below 100 % (all of the work follows the last stage), "
                        "found {}",
                        format_percent(share->value)));
    return std::nullopt;
  }
  if (length && length->value <= 0) {
    d.error(length->where, reader.path("for"), "expected a duration above zero");
    return std::nullopt;
  }
  if (!share || !length) return std::nullopt;
  return MoveStage{*share, *length};
}

std::optional<Move> read_move(const YamlNode& node, const std::string& path, Diagnostics& d) {
  MapReader reader(scenario_format::move(), node, path, d);
  if (!reader.valid()) return std::nullopt;
  Move move;
  move.where = node.where;
  bool ok = true;
  if (const YamlNode* at = reader.get("at")) {
    if (auto month = read_year_month(*at, reader.path("at"), d))
      move.at = *month;
    else
      ok = false;
  }
  move.portion.role = Portion::Role::whole;
  if (const YamlNode* to = reader.get("to")) {
    move.portion.site = read_string(*to, reader.path("to"), d).value_or("");
    move.portion.where = to->where;
  }
  move.workloads = read_string_list(reader, "workloads").value_or(std::vector<std::string>{});
  move.datasets = read_string_list(reader, "datasets").value_or(std::vector<std::string>{});
  if (auto name = read_enum(reader, "pricing")) move.portion.pricing = parse_pricing_model(*name);
  if (const YamlNode* stages = reader.get("stages"); stages != nullptr && stages->is_sequence()) {
    double share = 0;
    for (std::size_t i = 0; i < stages->items.size(); ++i) {
      const std::string stage_path = fmt::format("{}.stages[{}]", path, i);
      auto stage = read_stage(stages->items[i], stage_path, d);
      if (!stage) {
        ok = false;
        continue;
      }
      if (stage->share.value <= share) {
        d.error(stage->share.where, stage_path + ".share",
                fmt::format("expected a share above the stage before's {}: a move's stages only grow",
                            format_percent(share)));
        ok = false;
      }
      share = stage->share.value;
      move.stages.push_back(*stage);
    }
  }
  move.failback_hours = stated_single(reader, "failback", "the failback window decides what the old site holds");
  reader.finish();
  if (!ok) return std::nullopt;
  return move;
}

}  // namespace

void read_moves(const YamlNode& node, const std::string& path, Strategy& strategy, Scenario& scenario, Diagnostics& d) {
  if (scenario.schema_version < 2) {
    d.error(node.where, path, "'moves' needs 'schema_version: 2'");
    return;
  }
  if (!node.is_sequence()) return;  // the reader reported the shape
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::string move_path = fmt::format("{}[{}]", path, i);
    auto move = read_move(node.items[i], move_path, d);
    if (!move) continue;
    if (!strategy.moves.empty() && !(strategy.moves.back().at < move->at)) {
      d.error(node.items[i].where, move_path + ".at",
              fmt::format("expected a month after the move before's {}: list moves in the order of their months",
                          format_year_month(strategy.moves.back().at)));
      continue;
    }
    strategy.moves.push_back(std::move(*move));
  }
}

void read_commitments(const YamlNode& node, const std::string& path, CloudSite& cloud, Diagnostics& d) {
  if (!node.is_sequence()) return;  // the reader reported the shape
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::string item_path = fmt::format("{}[{}]", path, i);
    MapReader reader(scenario_format::existing_commitment(), node.items[i], item_path, d);
    if (!reader.valid()) continue;
    ExistingCommitment commitment;
    commitment.where = node.items[i].where;
    commitment.name = read_text(reader, "name").value_or(fmt::format("commitment {}", i + 1));
    const auto gpus = read_integer(reader, "gpus");
    commitment.gpu = read_text(reader, "gpu").value_or("");
    const char* why = "a commitment's terms are a contract, not an estimate";
    const auto price = stated_single(reader, "price", why);
    std::optional<YearMonth> ends;
    if (const YamlNode* node_ends = reader.get("ends")) ends = read_year_month(*node_ends, reader.path("ends"), d);
    if (const YamlNode* renewal = reader.get("renewal")) {
      // A change, so it may be negative: read as its shape declares it.
      if (auto change = read_quantity(*renewal, reader.path("renewal"), reader.shape_of("renewal"), d)) {
        Sourced value;
        value.value = change->value;
        value.where = renewal->where;
        commitment.renewal = value;
      }
    }
    std::optional<int> term = 12;
    if (auto length = stated_single(reader, "term", why)) term = whole_months(*length, reader.path("term"), d);
    reader.finish();
    if (commitment.renewal && commitment.renewal->value <= -1) {
      d.error(commitment.renewal->where, reader.path("renewal"),
              fmt::format("expected a change above -100 %, found {}", format_percent(commitment.renewal->value)));
      continue;
    }
    if (!gpus || !price || !ends || !term) continue;
    commitment.gpus = static_cast<int>(*gpus);
    commitment.price = *price;
    commitment.ends = *ends;
    commitment.term_months = *term;
    cloud.commitments.push_back(std::move(commitment));
  }
}

// What a strategy's moves name exists, and each move changes something.
void check_moves(const Scenario& scenario, const Strategy& strategy, Diagnostics& d) {
  const std::string path = "strategies." + strategy.name + ".moves";
  const YearMonth end = add_months(scenario.start, scenario.horizon_months);
  for (std::size_t i = 0; i < strategy.moves.size(); ++i) {
    const Move& move = strategy.moves[i];
    const std::string move_path = fmt::format("{}[{}]", path, i);
    if (move.at < scenario.start || !(move.at < end)) {
      d.error(move.where, move_path + ".at",
              fmt::format("expected a month of the horizon, {} to {}, found {}", format_year_month(scenario.start),
                          format_year_month(add_months(end, -1)), format_year_month(move.at)));
    }
    const bool site_known = check_site(scenario, move.portion.site, move.portion.where, move_path + ".to", d);
    const Site* site = site_known ? scenario.find_site(move.portion.site) : nullptr;
    if (site != nullptr && site->kind == SiteKind::onprem && move.portion.pricing) {
      d.error(move.where, move_path + ".pricing",
              fmt::format("site '{}' is owned: 'pricing' applies to a cloud site's instances", site->name));
    }
    for (const auto& workload : move.workloads) {
      const auto placed = strategy.workload_placement.find(workload);
      if (scenario.find_workload(workload) == nullptr) {
        d.error(move.where, move_path + ".workloads", unknown("workload", workload, scenario.workloads));
      } else if (placed == strategy.workload_placement.end() || !placed->second.runs()) {
        d.error(move.where, move_path + ".workloads",
                fmt::format("workload '{}' does not run in strategy '{}': only work that runs can move", workload,
                            strategy.name));
      }
    }
    for (const auto& dataset : move.datasets) {
      if (scenario.find_dataset(dataset) == nullptr)
        d.error(move.where, move_path + ".datasets", unknown("dataset", dataset, scenario.datasets));
    }
  }
}

}  // namespace tco::scenario_detail
