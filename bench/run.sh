#!/usr/bin/env bash
# Start-to-exit timings of tco with hyperfine: what a person at a terminal, or a CI job,
# waits for. Each command runs from process start (loading the price sheets and the
# scenario) to exit, with its output discarded.
#
#   bench/run.sh [--out DIR] [--runs N] [--allow-debug] [TCO_BINARY]
#
#   TCO_BINARY     default build/release/src/tco (cmake --workflow --preset release)
#   --out DIR      where hyperfine's results go (default build/bench/, ignored by git):
#                  results.md (--export-markdown) and results.json (--export-json)
#   --runs N       at least N timed runs per command (default 30), after 3 warmup runs
#   --allow-debug  time a Debug or sanitizer build anyway (the numbers mean little)
#
# Benchmark a Release build: a Debug one is several times slower and says nothing about what
# users get. Needs hyperfine: scripts/setup.sh --with-bench. See bench/README.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
usage() { sed -n '6p' "${BASH_SOURCE[0]}" | sed 's/^# *//' >&2; }

out=$root/build/bench
runs=30
allow_debug=false
tco=
while (($# > 0)); do
  case $1 in
    --out) (($# >= 2)) || { usage; exit 2; }; out=$2; shift 2 ;;
    --runs) (($# >= 2)) || { usage; exit 2; }; runs=$2; shift 2 ;;
    --allow-debug) allow_debug=true; shift ;;
    -h | --help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench: unknown option '$1'" >&2; usage; exit 2 ;;
    *) [[ -z $tco ]] || { usage; exit 2; }; tco=$1; shift ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench: --runs needs a positive number, not '$runs'" >&2; exit 2; }
: "${tco:=$root/build/release/src/tco}"

command -v hyperfine >/dev/null ||
  { echo "bench: hyperfine is not installed: scripts/setup.sh --with-bench" >&2; exit 2; }
if [[ ! -x $tco ]]; then
  echo "bench: no tco at $tco: build a Release one first (cmake --workflow --preset release)" >&2
  exit 2
fi
tco=$(cd "$(dirname "$tco")" && pwd)/$(basename "$tco")

# What kind of build: the CMakeCache.txt of the build directory the binary is in, when there
# is one (build/NAME/src/tco); an installed binary has none.
build_type=unknown sanitized=false
for cache in "$(dirname "$tco")/CMakeCache.txt" "$(dirname "$tco")/../CMakeCache.txt"; do
  if [[ -f $cache ]]; then
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
    grep -q '^TCO_SANITIZE:BOOL=ON$' "$cache" && sanitized=true
    break
  fi
done
if [[ $build_type == Debug || $build_type == "" || $sanitized == true ]]; then
  what="a ${build_type:-no-build-type (-O0)} build"
  $sanitized && what="$what with sanitizers"
  if $allow_debug; then
    echo "bench: warning: $tco is $what: timings far from a Release build's" >&2
  else
    echo "bench: $tco is $what; benchmark a Release build:" >&2
    echo "  cmake --workflow --preset release && bench/run.sh   (or --allow-debug to time it anyway)" >&2
    exit 2
  fi
elif [[ $build_type == unknown ]]; then
  echo "bench: note: cannot tell how $tco was built (no CMakeCache.txt beside it); make sure it is a Release build" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tco-bench.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
mkdir -p -- "$out"

# Inputs: the bundled sheets of this tree, whichever binary is timed; the pull request of the
# CI example (llm-70b with 50 % more data); a saved baseline of llm-70b.
export TCO_PRICING_DIR=$root/pricing-data
cd "$root"
sed 's/^\(    size: \)100 TB$/\1150 TB/' scenarios/llm-70b.yaml >"$tmp/llm-70b-more-data.yaml"
grep -q '^    size: 150 TB$' "$tmp/llm-70b-more-data.yaml" ||
  { echo "bench: could not raise llm-70b's corpus to 150 TB (did the scenario change?)" >&2; exit 2; }
"$tco" compare scenarios/llm-70b.yaml --format json -o "$tmp/llm-70b-baseline.json"

q() { printf '%q' "$1"; }
names=(
  "compare llm-70b"
  "compare research-team"
  "diff llm-70b, 50% more data"
  "diff llm-70b, 50% more data, as CI (markdown, gates)"
  "diff saved baseline, llm-70b"
  "simulate llm-70b, 100000 samples"
  "sensitivity llm-70b"
  "sweep llm-70b, utilization x electricity"
)
commands=(
  "$(q "$tco") compare scenarios/llm-70b.yaml"
  "$(q "$tco") compare scenarios/research-team.yaml"
  "$(q "$tco") diff scenarios/llm-70b.yaml $(q "$tmp/llm-70b-more-data.yaml")"
  "$(q "$tco") diff scenarios/llm-70b.yaml $(q "$tmp/llm-70b-more-data.yaml") --format markdown --fail-on-increase 80% --fail-on-increase-amount '1000000 USD'"
  "$(q "$tco") diff $(q "$tmp/llm-70b-baseline.json") scenarios/llm-70b.yaml"
  "$(q "$tco") simulate scenarios/llm-70b.yaml --samples 100000"
  "$(q "$tco") sensitivity scenarios/llm-70b.yaml"
  "$(q "$tco") sweep scenarios/llm-70b.yaml --vary utilization=30%:100%:10% --vary sites.dc.electricity=0.05:0.20:0.05USD/kWh"
)
hyperfine_args=(--shell=none --warmup 3 --min-runs "$runs" --style basic
                --export-markdown "$out/results.md" --export-json "$out/results.json")
for i in "${!commands[@]}"; do hyperfine_args+=(--command-name "${names[i]}" "${commands[i]}"); done

echo "tco:     $tco ($("$tco" --version), ${build_type} build)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo
hyperfine "${hyperfine_args[@]}"

# Medians, from the JSON export (one "command" and one "median" line per result).
echo
echo "Medians (start to exit):"
awk '
  /"command":/ { sub(/^[^:]*: *"/, ""); sub(/",? *$/, ""); name = $0 }
  /"median":/  { sub(/^[^:]*: */, ""); sub(/,? *$/, ""); printf "  %8.1f ms  %s\n", $0 * 1000, name }
' "$out/results.json"
echo
echo "Results: $out/results.md, $out/results.json"
