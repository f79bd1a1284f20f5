#!/usr/bin/env bash
# Installs what tco needs to build and test on Debian 12, and only what is missing.
# Safe to run repeatedly: when everything is present it changes nothing and needs no network.
#   scripts/setup.sh               build dependencies
#   scripts/setup.sh --with-tests  ... and what the test suite needs on top (a headless browser, git,
#                                  clang with libFuzzer for the fuzz harnesses)
#   scripts/setup.sh --with-bench  ... and what the benchmarks need (bench/run.sh: hyperfine)
set -euo pipefail

packages=(
  g++ cmake ninja-build          # toolchain
  libcli11-dev                   # command line (cli layer only)
  nlohmann-json3-dev             # JSON output
  libyaml-cpp-dev                # scenario and price-sheet parsing (inputs layer only)
  libfmt-dev                     # formatting
  catch2                         # unit tests (Catch2 v2)
  libhowardhinnant-date-dev      # calendar arithmetic
)

# Tests only: the HTML report is checked as a person sees it, rendered by a real browser.
test_packages=(
  chromium                       # headless render, DOM check, screenshot and PDF (tests/html)
  fonts-dejavu-core              # the font of the text in screenshots (chromium only recommends one)
  git                            # e2e.ci-example: the CI cost gate runs in a throwaway git repository
  # tests/schema: every bundled file is validated against `tco schema` by a validator that is not
  # ours, so it cannot share the generator's blind spots.
  python3-jsonschema             # JSON Schema draft-07 validation
  python3-yaml                   # reads the YAML files to validate (PyYAML)
  # fuzz/ (cmake --workflow --preset fuzz, run by .ci/run): libFuzzer exists only for clang.
  clang                          # Debian 12's clang 14, which builds the harnesses and the libraries under them
  libclang-rt-14-dev             # libFuzzer and the ASan/UBSan runtimes; clang-14 only recommends it
)

# Benchmarks only: bench/run.sh times tco from start to exit; bench/plan_benchmark.cpp
# measures Monte Carlo samples per second (cmake -DTCO_BENCHMARKS=ON).
bench_packages=(
  hyperfine                      # repeated runs with warmup, medians, Markdown and JSON export
  libbenchmark-dev               # Google Benchmark, for bench/plan_benchmark.cpp
  # bench/import.sh: tco prices import against jq on a generated 500 MB AmazonEC2 file
  python3                        # the generator, bench/make-ec2-offer.py, and the check that both agree
  jq                             # what tco is measured against
  time                           # GNU time, for peak memory
)

extras=()
for option in "$@"; do
  case "$option" in
    --with-tests) packages+=("${test_packages[@]}"); extras+=(test) ;;
    --with-bench) packages+=("${bench_packages[@]}"); extras+=(benchmark) ;;
    *) echo "usage: scripts/setup.sh [--with-tests] [--with-bench]" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  label=""
  if ((${#extras[@]} > 0)); then label=$(printf '%s, ' "${extras[@]}"); label="${label%, } and "; fi
  echo "setup: all ${label}build dependencies are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
