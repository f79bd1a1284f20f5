#!/usr/bin/env bash
# The checker's own test: makes sample-report.html broken in one way and runs the checker on
# it; CTest expects the checker to fail naming that defect (tests/CMakeLists.txt).
#   check-broken.sh DEFECT ARTIFACT_DIR     DEFECT: console-error | missing-series | external-image
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
defect=$1
artifacts=$2
mkdir -p "$artifacts"
page=$artifacts/broken-$defect.html
case $defect in
  # A grid line at y="NaN": Chromium reports the SVG attribute error on the console.
  console-error) sed 's/<line x1="70" y1="40" x2="610" y2="40"\/>/<line x1="70" y1="NaN" x2="610" y2="NaN"\/>/' ;;
  # The hybrid line of the cumulative chart is gone; its legend item is still there.
  missing-series) sed '/<path class="series" data-series="hybrid"/d' ;;
  # An external image, which the Content-Security-Policy blocks (and which would fetch).
  external-image)
    sed 's|^<h1>TCO report: sample scenario</h1>$|&\n<p><img src="https://example.com/logo.png" alt="ACME logo" width="120" height="40"></p>|' ;;
  *) echo "check-broken: unknown defect '$defect'" >&2; exit 2 ;;
esac <"$here/fixture/sample-report.html" >"$page"
if cmp -s "$page" "$here/fixture/sample-report.html"; then
  echo "check-broken: the edit for '$defect' no longer matches sample-report.html" >&2
  exit 2
fi
exec bash "$here/check-report.sh" "$page" "$artifacts" "$here/fixture/sample.expect"
