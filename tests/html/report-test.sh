#!/usr/bin/env bash
# Renders a scenario with `tco report` and checks the page in headless Chromium.
#
#   report-test.sh TCO_BINARY SCENARIO ARTIFACT_DIR EXPECTATIONS_FILE   (run from the project root)
#
# The page is written with -o into ARTIFACT_DIR (kept, beside the screenshot and PDF the
# checker leaves there) so a failure can be looked at in a browser.
set -euo pipefail

if (($# != 4)); then
  echo "usage: report-test.sh TCO_BINARY SCENARIO ARTIFACT_DIR EXPECTATIONS_FILE" >&2
  exit 2
fi
tco=$1 scenario=$2 artifacts=$3 expectations=$4

mkdir -p "$artifacts"
rm -f "$artifacts/report.html"
if ! "$tco" report "$scenario" -o "$artifacts/report.html"; then
  echo "report-test: FAIL tco report $scenario exited with status $?" >&2
  exit 1
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/check-report.sh" "$artifacts/report.html" "$artifacts" "$expectations"
