#!/usr/bin/env bash
# Output integrity, which golden cases cannot show (they capture standard output to a file):
# a reader that stops early, a full disk, destinations that cannot be written, and a failed
# run that must leave an earlier output file as it was.
#   output-integrity.sh TCO_BINARY      (run from the project root: ctest cli.output-integrity)
set -uo pipefail
tco=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
expect() {  # expect DESCRIPTION EXPECTED ACTUAL
  if [[ $2 == "$3" ]]; then echo "PASS: $1"; else echo "FAIL: $1: expected '$2', got '$3'"; failed=1; fi
}

# A reader that stops after one line: tco stops quietly, and the status is still the gate's.
"$tco" diff scenarios/research-team.yaml tests/golden/inputs/diff/research-team-more-runs.yaml --all \
  --fail-on-increase 5% 2>"$tmp/err" | head -1 >/dev/null
expect "a breached gate read through head exits 1" 1 "${PIPESTATUS[0]}"
"$tco" compare scenarios/research-team.yaml --format json 2>"$tmp/err" | head -1 >/dev/null
expect "compare read through head exits 0" 0 "${PIPESTATUS[0]}"
expect "a closed pipe prints nothing on stderr" "" "$(cat "$tmp/err")"

# A full disk is an error, not a silent success.
if [[ -w /dev/full ]]; then
  "$tco" compare scenarios/research-team.yaml >/dev/full 2>"$tmp/err"
  expect "writing to a full device exits 2" 2 $?
  expect "and says why" "tco: error: cannot write to standard output: No space left on device" "$(cat "$tmp/err")"
fi

# Destinations that cannot be written: exit 2, nothing left behind.
"$tco" compare scenarios/research-team.yaml -o "$tmp/missing/out.txt" 2>"$tmp/err"
expect "-o into a missing directory exits 2" 2 $?
mkdir "$tmp/dir"
"$tco" compare scenarios/research-team.yaml -o "$tmp/dir" 2>"$tmp/err"
expect "-o naming a directory exits 2" 2 $?
expect "no temporary file is left behind" "dir err" "$(cd "$tmp" && echo *)"

# A run that fails leaves the earlier output as it was; a run that succeeds replaces it whole.
echo "earlier result" >"$tmp/out.txt"
"$tco" compare tests/golden/inputs/broken-scenario.yaml -o "$tmp/out.txt" 2>/dev/null
expect "a failed run exits 2" 2 $?
expect "and leaves the earlier file untouched" "earlier result" "$(cat "$tmp/out.txt")"
"$tco" compare scenarios/research-team.yaml -o "$tmp/out.txt" 2>/dev/null
expect "a run that succeeds replaces it" "research-team: rent cloud GPUs on demand or buy a lab server?" \
  "$(head -1 "$tmp/out.txt")"

exit $failed
