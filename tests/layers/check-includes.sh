#!/usr/bin/env bash
# Checks that each layer of the library includes only what it may (ARCHITECTURE.md):
#   - tco headers of its own layer and the layers below it, never above;
#   - private headers (src/<layer>/*.hpp) of its own layer only;
#   - a third-party library's headers only in the layer that owns it (yaml-cpp: inputs,
#     nlohmann/json: report, CLI11: cli);
#   - nothing below cli writes to the terminal (std::cout, std::cerr, printf...).
# The build already refuses a tco header from a higher layer (each layer's include root
# holds only its own and lower layers' headers, cmake/Layers.cmake); this catches the rest.
#
# usage: check-includes.sh ROOT LAYER... (lowest first). Checks ROOT/src/<layer>/ and
# ROOT/include/tco/<layer>/, and ROOT/src/main.cpp. Prints FILE:LINE: problems; exit 1 if any.
set -uo pipefail
root=$1
shift
layers=("$@")
cd "$root" || exit 2

declare -A level
for i in "${!layers[@]}"; do level[${layers[$i]}]=$i; done
declare -A owner=([yaml-cpp]=inputs [nlohmann]=report [CLI]=cli)

problems=0
problem() {
  echo "$1: $2"
  problems=$((problems + 1))
}

# check FILE LAYER: every include of FILE, which belongs to LAYER.
check() {
  local file=$1 layer=$2 dir
  dir=$(dirname "$file")
  local n=0 line header
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    if [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*[\"\<]([^\"\>]+)[\"\>] ]]; then
      header=${BASH_REMATCH[1]}
      if [[ $header =~ ^tco/([^/]+)/ ]]; then
        local other=${BASH_REMATCH[1]}
        if [[ -z ${level[$other]+x} ]]; then
          problem "$file:$n" "$layer includes '$header', which is in no layer (layers: ${layers[*]})"
        elif ((level[$other] > level[$layer])); then
          problem "$file:$n" "$layer includes '$header' from $other, a higher layer; $layer may use ${layers[*]:0:level[$layer]+1}"
        fi
      elif [[ $header =~ ^([A-Za-z0-9_-]+)/ && -n ${owner[${BASH_REMATCH[1]}]+x} ]]; then
        local library=${BASH_REMATCH[1]}
        if [[ ${owner[$library]} != "$layer" ]]; then
          problem "$file:$n" "$layer includes '$header'; only ${owner[$library]} may use $library"
        fi
      elif [[ $line =~ \" && ( $header == *../* || -e $dir/$header ) ]]; then
        # A private header: it must be the layer's own.
        local resolved
        resolved=$(realpath -m --relative-to=. "$dir/$header")
        if [[ $resolved != src/$layer/* && $resolved != include/tco/$layer/* ]]; then
          problem "$file:$n" "$layer includes '$header' ($resolved), a private header of another layer"
        fi
      fi
    elif [[ $layer != cli && $line =~ (std::(cout|cerr|clog)|fmt::print|[^a-z_:](f?printf|puts|perror)\() ]]; then
      problem "$file:$n" "$layer writes to the terminal ('${BASH_REMATCH[1]}'); only cli prints, below it diagnostics are returned"
    fi
  done < "$file"
}

for layer in "${layers[@]}"; do
  for base in "src/$layer" "include/tco/$layer"; do
    [[ -d $base ]] || continue
    while IFS= read -r file; do check "$file" "$layer"; done < <(find "$base" -type f \( -name '*.cpp' -o -name '*.hpp' \) | sort)
  done
done
[[ -f src/main.cpp ]] && check src/main.cpp cli

if ((problems > 0)); then
  echo "check-includes: $problems wrong include(s) or output below cli"
  exit 1
fi
echo "check-includes: every layer includes only its own and lower layers' headers"
