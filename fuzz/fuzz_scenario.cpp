// libFuzzer harness: the scenario loader (tco-scenario(5)) on arbitrary text.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "tco/inputs/saved_comparison.hpp"
#include "tco/inputs/scenario_loader.hpp"
#include "tco/inputs/uncertainty.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // `tco diff` asks this first, to tell a saved result from a scenario.
  (void)tco::looks_like_json(text);
  const auto scenario = tco::load_scenario(text, "fuzz.yaml");
  tco::fuzz::check_result("fuzz_scenario", scenario);
  if (!scenario) return 0;
  // What distribution.hpp promises of a distribution the loader accepted: the value compare
  // uses is one it can take, and quantiles are finite, within its bounds and in order.
  const auto check_distribution = [](const tco::Distribution& d) {
    const double central = d.central();
    TCO_FUZZ_CHECK("fuzz_scenario", std::isfinite(central), "a distribution's central value is not finite");
    TCO_FUZZ_CHECK("fuzz_scenario", central >= d.lowest() && central <= d.highest(),
                   "a distribution's central value is outside its bounds");
    double previous = d.lowest();
    for (double u : {0x1p-53, 1e-9, 0.25, 0.5, 0.75, 1 - 1e-9, 1 - 0x1p-53}) {
      const double x = d.quantile(u);
      TCO_FUZZ_CHECK("fuzz_scenario", !std::isnan(x) && x >= previous && x <= d.highest(),
                     "a quantile is NaN, out of order or outside the bounds");
      previous = x;
    }
  };
  for (const auto& input : scenario->uncertain) check_distribution(input.uncertainty->distribution);
  for (const auto& [service, change] : scenario->price_uncertainty)
    check_distribution(change.uncertainty->distribution);
  return 0;
}
