# Settings every first-party target links privately: warnings, optional sanitizers.
# -Wnull-dereference is left out: with GCC 12 at -O2 it fires inside libstdc++'s
# std::string as inlined into CLI11 code (false positives we cannot fix here).
add_library(tco_settings INTERFACE)
target_compile_options(tco_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion
  -Wimplicit-fallthrough -Wextra-semi)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(tco_settings INTERFACE -Wlogical-op -Wduplicated-cond)
endif()
if(TCO_WARNINGS_AS_ERRORS)
  target_compile_options(tco_settings INTERFACE -Werror)
endif()
if(TCO_SANITIZE)
  # GCC's flow analysis sees the sanitizers' instrumentation and reports uninitialized values
  # that are not (in libstdc++'s std::function, for one) once optimizing: the sanitized builds
  # leave that one warning out, and AddressSanitizer checks the real thing at run time.
  target_compile_options(tco_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  target_link_options(tco_settings INTERFACE -fsanitize=address,undefined)
endif()
# Fuzzing (the `fuzz` preset, fuzz/README.md): libFuzzer's coverage instrumentation in every
# first-party target, AddressSanitizer, and UndefinedBehaviorSanitizer aborting on the first
# report, so that libFuzzer keeps the input. libFuzzer comes with clang only.
if(TCO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TCO_FUZZ needs clang (libFuzzer): cmake --preset fuzz")
  endif()
  target_compile_options(tco_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(tco_settings INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(tco_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
