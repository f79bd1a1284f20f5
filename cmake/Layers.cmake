# The library's layers, lowest first. Each layer is a static library `tco_<layer>` that sees
# only its own headers and those of the layers below it: its include root (in the build tree)
# holds include/tco/<layer>/ and the directories of the layers below, and nothing else, so a
# header of a higher layer is "No such file" when a lower one includes it. Linking follows
# the same order. tests/layers/ checks the rest (third-party headers, private headers across
# layers) and proves that a wrong include fails.
set(TCO_LAYERS core inputs model analysis report cli)

# tco_layer(<layer> SOURCES ... [DEPENDS ...] [PRIVATE_DEPENDS ...]): the target tco_<layer>.
# DEPENDS are public (the layer below, and libraries whose types the headers use);
# PRIVATE_DEPENDS are for the layer's sources alone (its third-party library).
function(tco_layer layer)
  cmake_parse_arguments(L "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  list(FIND TCO_LAYERS ${layer} level)
  if(level LESS 0)
    message(FATAL_ERROR "tco_layer: '${layer}' is not one of ${TCO_LAYERS}")
  endif()
  set(root ${PROJECT_BINARY_DIR}/include-roots/${layer})
  file(REMOVE_RECURSE ${root})
  file(MAKE_DIRECTORY ${root}/tco)
  foreach(below IN LISTS TCO_LAYERS)
    if(EXISTS ${PROJECT_SOURCE_DIR}/include/tco/${below})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/tco/${below} ${root}/tco/${below} SYMBOLIC)
    endif()
    if(below STREQUAL layer)
      break()
    endif()
  endforeach()
  set(target tco_${layer})
  add_library(${target} STATIC ${L_SOURCES})
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${root}>)
  target_link_libraries(${target} PUBLIC ${L_DEPENDS} PRIVATE tco_settings ${L_PRIVATE_DEPENDS})
  set_property(GLOBAL APPEND PROPERTY TCO_LAYER_TARGETS ${target})
endfunction()
