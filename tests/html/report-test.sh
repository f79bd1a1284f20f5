#!/usr/bin/env bash
# Renders an HTML page with tco and checks it in headless Chromium.
#
#   report-test.sh TCO_BINARY ARTIFACT_DIR EXPECTATIONS_FILE TCO_ARGUMENTS...   (run from the project root)
#
# Runs `TCO_BINARY TCO_ARGUMENTS... -o ARTIFACT_DIR/report.html` (e.g. `report SCENARIO`, or
# `explain SCENARIO --strategy S --format html`). The page is kept there, beside the
# screenshot and PDF the checker leaves, so a failure can be looked at in a browser.
set -euo pipefail

if (($# < 4)); then
  echo "usage: report-test.sh TCO_BINARY ARTIFACT_DIR EXPECTATIONS_FILE TCO_ARGUMENTS..." >&2
  exit 2
fi
tco=$1 artifacts=$2 expectations=$3
shift 3

mkdir -p "$artifacts"
rm -f "$artifacts/report.html"
status=0
"$tco" "$@" -o "$artifacts/report.html" || status=$?
if ((status != 0)); then
  echo "report-test: FAIL tco $* exited with status $status" >&2
  exit 1
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/check-report.sh" "$artifacts/report.html" "$artifacts" "$expectations"
