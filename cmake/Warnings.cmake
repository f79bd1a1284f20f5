# Settings every first-party target links privately: warnings, optional sanitizers.
add_library(tco_settings INTERFACE)
target_compile_options(tco_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
  -Wimplicit-fallthrough -Wextra-semi)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(tco_settings INTERFACE -Wlogical-op -Wduplicated-cond)
endif()
if(TCO_WARNINGS_AS_ERRORS)
  target_compile_options(tco_settings INTERFACE -Werror)
endif()
if(TCO_SANITIZE)
  target_compile_options(tco_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(tco_settings INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(tco_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
