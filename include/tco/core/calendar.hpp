#pragma once
// Calendar helpers over Howard Hinnant's date library: months of a horizon, dates of
// price sheets, and the hours in a month under each convention.
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace tco {

using YearMonth = date::year_month;
using Date = date::year_month_day;

// "2026-01" -> January 2026. Rejects months that do not exist.
std::optional<YearMonth> parse_year_month(std::string_view text);
// "2025-06-05" -> that day. Rejects dates that do not exist (2025-02-30).
std::optional<Date> parse_date(std::string_view text);

std::string format_year_month(YearMonth month);  // "2026-01"
std::string format_date(Date day);               // "2025-06-05"

// The month `offset` months after `start` (offset 0 is `start`).
YearMonth add_months(YearMonth start, int offset);
// The offset of `month` from `start` (add_months' inverse; negative when earlier).
int months_between(YearMonth start, YearMonth month);
// The first day of a month.
Date first_day(YearMonth month);
// Days from `from` to `to` (negative when `to` is earlier).
long days_between(Date from, Date to);
// Hours in the calendar month (672, 696, 720 or 744).
double calendar_hours(YearMonth month);

}  // namespace tco
