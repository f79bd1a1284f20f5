#include "tco/core/calendar.hpp"

#include <charconv>

#include <fmt/format.h>

namespace tco {
namespace {

// Parses exactly `width` digits at `text[pos]`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  const auto* begin = text.data() + pos;
  const auto [ptr, ec] = std::from_chars(begin, begin + width, value);
  if (ec != std::errc() || ptr != begin + width) return std::nullopt;
  return value;
}

}  // namespace

std::optional<YearMonth> parse_year_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  if (!year || !month || *month < 1 || *month > 12) return std::nullopt;
  return YearMonth{date::year{*year}, date::month{static_cast<unsigned>(*month)}};
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  const auto month = parse_year_month(text.substr(0, 7));
  const auto day = digits(text, 8, 2);
  if (!month || !day) return std::nullopt;
  const Date result{month->year(), month->month(), date::day{static_cast<unsigned>(*day)}};
  if (!result.ok()) return std::nullopt;
  return result;
}

std::string format_year_month(YearMonth month) {
  return fmt::format("{:04}-{:02}", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
}

std::string format_date(Date day) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

YearMonth add_months(YearMonth start, int offset) { return start + date::months{offset}; }

int months_between(YearMonth start, YearMonth month) { return static_cast<int>((month - start).count()); }

Date first_day(YearMonth month) { return month / date::day{1}; }

double calendar_hours(YearMonth month) {
  const auto last = date::year_month_day_last{month.year(), date::month_day_last{month.month()}};
  return static_cast<double>(static_cast<unsigned>(last.day())) * 24.0;
}

long days_between(Date from, Date to) { return (date::sys_days(to) - date::sys_days(from)).count(); }

}  // namespace tco
