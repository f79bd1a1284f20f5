// libFuzzer harness: the scenario loader (tco-scenario(5)) on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "tco/inputs/saved_comparison.hpp"
#include "tco/inputs/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // `tco diff` asks this first, to tell a saved result from a scenario.
  (void)tco::looks_like_json(text);
  const auto scenario = tco::load_scenario(text, "fuzz.yaml");
  tco::fuzz::check_result("fuzz_scenario", scenario);
  return 0;
}
