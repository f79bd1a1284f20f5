// libFuzzer harness: the JSON baseline reader (a result saved by `tco compare --format json`,
// the base side of `tco diff`) on arbitrary text.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "tco/inputs/saved_comparison.hpp"

namespace {

constexpr const char* kHarness = "fuzz_saved_comparison";

void check_month(const std::optional<tco::SavedMonth>& month, int months) {
  if (!month) return;
  TCO_FUZZ_CHECK(kHarness, month->month >= 1 && month->month <= months, "a break-even month outside the horizon");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)tco::looks_like_json(text);
  const auto saved = tco::read_saved_comparison(text, "fuzz.json");
  tco::fuzz::check_result(kHarness, saved);
  if (!saved) return 0;

  // What saved_comparison.hpp says a value it returns agrees on: the horizon, its months and
  // each strategy's monthly series.
  const auto& value = saved.value();
  const int months = value.months;
  TCO_FUZZ_CHECK(kHarness, months >= 1 && months <= 360, "scenario.months outside 1..360");
  TCO_FUZZ_CHECK(kHarness, value.month_labels.size() == static_cast<std::size_t>(months),
                 "month_labels do not match scenario.months");
  for (const auto& strategy : value.strategies) {
    TCO_FUZZ_CHECK(kHarness, strategy.monthly_cash.size() == static_cast<std::size_t>(months),
                   "monthly cash of " + strategy.name + " does not match scenario.months");
    TCO_FUZZ_CHECK(kHarness, strategy.monthly_amortized.size() == static_cast<std::size_t>(months),
                   "monthly amortized of " + strategy.name + " does not match scenario.months");
    TCO_FUZZ_CHECK(kHarness, std::isfinite(strategy.total_cash) && std::isfinite(strategy.total_amortized),
                   "a non-finite total in " + strategy.name);
    check_month(strategy.breakeven, months);
    check_month(strategy.breakeven_discounted, months);
  }
  return 0;
}
