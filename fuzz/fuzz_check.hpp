#pragma once
// Shared by the libFuzzer harnesses: a property check that aborts (so libFuzzer records the
// input as a crash) and the checks every loader's Result must pass.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tco/core/diagnostic.hpp"
#include "tco/core/result.hpp"

namespace tco::fuzz {

// Aborts with a message when a property does not hold: libFuzzer saves the input.
[[noreturn]] inline void violated(const char* harness, const std::string& what) {
  std::fprintf(stderr, "%s: property violated: %s\n", harness, what.c_str());
  std::abort();
}

#define TCO_FUZZ_CHECK(harness, condition, what)            \
  do {                                                      \
    if (!(condition)) ::tco::fuzz::violated(harness, what); \
  } while (false)

// What every loader promises (result.hpp, diagnostic.hpp): a failure comes with at least one
// error, every diagnostic has a message, and each renders as FILE:LINE:COL: key: message.
template <typename T>
void check_result(const char* harness, const Result<T>& result) {
  if (!result.ok()) {
    TCO_FUZZ_CHECK(harness, result.diagnostics().has_errors(), "failed without an error diagnostic");
  }
  for (const auto& item : result.diagnostics().items()) {
    TCO_FUZZ_CHECK(harness, !item.message.empty(), "a diagnostic without a message");
    TCO_FUZZ_CHECK(harness, item.where.line >= 0 && item.where.column >= 0, "a diagnostic at a negative position");
    const std::string shown = format_location(item);
    TCO_FUZZ_CHECK(harness, !shown.empty(), "a diagnostic that renders as nothing");
  }
}

}  // namespace tco::fuzz
