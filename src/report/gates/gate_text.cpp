#include "gates/gate_text.hpp"

#include <fmt/format.h>

#include "common/json.hpp"
#include "tco/core/calendar.hpp"
#include "tco/core/text.hpp"

namespace tco {
namespace {

// Consecutive months as runs: "2027-01..2027-12, 2029-03"; after six runs, "and N more".
std::string month_runs(const std::vector<std::string>& months) {
  std::vector<std::string> runs;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < months.size();) {
    std::size_t j = i;
    while (j + 1 < months.size()) {
      const auto here = parse_year_month(months[j]);
      const auto next = parse_year_month(months[j + 1]);
      if (!here || !next || add_months(*here, 1) != *next) break;
      ++j;
    }
    if (runs.size() == 6) break;
    runs.push_back(i == j ? months[i] : months[i] + ".." + months[j]);
    shown = j + 1;
    i = j + 1;
  }
  std::string text = join(runs, ", ");
  if (shown < months.size()) text += fmt::format(" and {} more", months.size() - shown);
  return text;
}

std::string signed_percent(double fraction) { return (fraction >= 0 ? "+" : "") + format_percent(fraction, 1); }

std::string signed_money(double amount, const std::string& currency) {
  return (amount >= 0 ? "+" : "-") + format_money(std::abs(amount), currency, 0);
}

std::string increase_actual(const GateCheck& check, const std::string& currency) {
  if (!check.note.empty()) return "-";
  const std::string period = check.per_month ? "/month" : "";
  const std::string figures =
      format_money(check.base, currency, 0) + period + " → " + format_money(check.head, currency, 0) + period;
  if (check.from_zero) return "from zero: " + figures;
  if (check.percent) return signed_percent(check.actual) + " (" + figures + ")";
  return signed_money(check.actual, currency) + period + " (" + figures + ")";
}

}  // namespace

std::string gate_name(const GateCheck& check) { return check.kind == "increase" ? check.name : describe_scope(check); }

std::string gate_limit_text(const GateCheck& check, const std::string& currency) {
  const std::string period = check.per_month ? "/month" : "";
  if (check.kind == "increase") {
    return check.percent ? signed_percent(check.limit) + period : signed_money(check.limit, currency) + period;
  }
  return format_money(check.limit, currency, 0) + period;
}

std::string gate_actual_text(const GateCheck& check, const std::string& currency) {
  if (check.kind == "increase") return increase_actual(check, currency);
  const std::string amount = format_money(check.actual, currency, 0);
  return check.per_month ? amount + " in " + check.actual_month + " (highest)" : amount;
}

std::string gate_result_text(const GateCheck& check, const std::string& currency) {
  if (check.passed) return "ok";
  if (check.kind == "increase") return check.note.empty() ? "FAILED" : "FAILED: " + check.note;
  if (!check.per_month) return "BREACHED by " + format_money(check.actual - check.limit, currency, 0);
  return fmt::format("BREACHED in {} month{}: {}", check.months_over.size(), check.months_over.size() == 1 ? "" : "s",
                     month_runs(check.months_over));
}

nlohmann::ordered_json gate_json(const GateCheck& check) {
  using nlohmann::ordered_json;
  ordered_json out{{"kind", check.kind},
                   {"name", gate_name(check)},
                   {"strategy", check.strategy},
                   {"component", check.component ? ordered_json(to_string(*check.component)) : nullptr},
                   {"period", check.per_month ? "month" : "horizon"},
                   {"basis", check.amortized ? "amortized" : "cash"}};
  if (check.kind == "increase") {
    out["unit"] = check.percent ? "fraction" : "money";
    out["limit"] = check.limit;
    out["base"] = check.base;
    out["head"] = check.head;
    out["actual"] = check.from_zero || !check.note.empty() ? ordered_json(nullptr) : ordered_json(check.actual);
    out["from_zero"] = check.from_zero;
    out["note"] = text_or_null(check.note);
  } else {
    out["limit"] = check.limit;
    out["actual"] = check.actual;
    out["actual_month"] = text_or_null(check.actual_month);
    out["months_over"] = check.months_over;
    out["where"] = check.where;
  }
  out["passed"] = check.passed;
  return out;
}

}  // namespace tco
