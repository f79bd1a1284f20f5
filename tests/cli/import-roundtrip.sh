#!/usr/bin/env bash
# `tco prices import` end to end, beyond what golden cases show: the sheet written into a
# pricing directory validates, shows and prices a bundled scenario; a bad input file writes
# nothing; an existing sheet is replaced only with --force; re-importing the same files gives
# the same bytes.
#   import-roundtrip.sh TCO_BINARY      (run from the project root: ctest cli.import-roundtrip)
set -uo pipefail
tco=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
expect() {  # expect DESCRIPTION EXPECTED ACTUAL
  if [[ $2 == "$3" ]]; then echo "PASS: $1"; else echo "FAIL: $1: expected '$2', got '$3'"; failed=1; fi
}
aws=tests/golden/inputs/import/aws
files=("$aws/AmazonEC2-us-east-1.json" "$aws/AWSDataTransfer.json" "$aws/AmazonS3.json")

"$tco" prices import aws "${files[@]}" -o "$tmp/prices" --no-keep >"$tmp/out" 2>"$tmp/err"
expect "import exits 0" 0 $?
expect "and writes the dated sheet" "2026-11-01.yaml" "$(ls "$tmp/prices/aws")"
expect "with nothing on stderr" "" "$(cat "$tmp/err")"

"$tco" prices validate "$tmp/prices" >/dev/null 2>"$tmp/err"
expect "the imported sheet validates" 0 $?
"$tco" prices show aws --pricing-dir "$tmp/prices" --gpu H100 >"$tmp/show" 2>&1
expect "prices show reads it" 0 $?
grep -q "55.044" "$tmp/show"
expect "and shows the imported p5.48xlarge price" 0 $?
"$tco" compare scenarios/llm-70b.yaml --pricing-dir "$tmp/prices" >"$tmp/compare" 2>&1
expect "compare prices llm-70b with it" 0 $?
"$tco" explain scenarios/llm-70b.yaml --pricing-dir "$tmp/prices" --strategy cloud-only >"$tmp/explain" 2>&1
grep -q "aws@2026-11-01" "$tmp/explain"
expect "explain cites the imported sheet" 0 $?
grep -q "aws-price-list-amazonec2-us-east-1" "$tmp/explain"
expect "and its source, the EC2 offer file" 0 $?

cp "$tmp/prices/aws/2026-11-01.yaml" "$tmp/first.yaml"
"$tco" prices import aws "${files[@]}" -o "$tmp/prices" --no-keep >/dev/null 2>"$tmp/err"
expect "importing over an existing sheet exits 2" 2 $?
expect "and says how to replace it" "tco: error: $tmp/prices/aws/2026-11-01.yaml exists; pass --force to replace it" \
  "$(cat "$tmp/err")"
"$tco" prices import aws "${files[@]}" -o "$tmp/prices" --no-keep --force >/dev/null 2>&1
expect "--force replaces it" 0 $?
cmp -s "$tmp/first.yaml" "$tmp/prices/aws/2026-11-01.yaml"
expect "with the same bytes" 0 $?

# Spot: the Spot Advisor's rates beside the EC2 file, and the spot prices kept from the bundled
# sheet, price a spot site that states only its restart time; without the rate it is an error.
cat >"$tmp/spot.yaml" <<'YAML'
schema_version: 2
name: spot inference
start: 2027-01
horizon: 1 month
sites:
  spot: {kind: cloud, provider: aws, region: us-east-1, pricing: spot, spot: {restart: 0.5 h}}
workloads:
  serve: {kind: inference, gpu: H100, gpus: 8}
strategies:
  spot: {workloads: {serve: spot}}
YAML
"$tco" prices import aws "$aws/AmazonEC2-us-east-1.json" "$aws/spot-advisor-data.json" -o "$tmp/spot-prices" \
  >/dev/null 2>&1
expect "import with the Spot Advisor exits 0" 0 $?
"$tco" explain "$tmp/spot.yaml" --strategy spot --pricing-dir "$tmp/spot-prices" >"$tmp/explain" 2>&1
expect "a spot site without interruption_every prices with the sheet's rate" 0 $?
grep -q "aws-spot-advisor" "$tmp/explain"
expect "and explain cites the Spot Advisor" 0 $?
"$tco" explain "$tmp/spot.yaml" --strategy spot >/dev/null 2>"$tmp/err"
expect "without the rate in the sheet it exits 2" 2 $?
grep -q "spot.interruption_every: expected the mean time between interruptions" "$tmp/err"
expect "and names what is missing" 0 $?

# Google Cloud: Catalog pages of Compute Engine (two, following nextPageToken) and Cloud
# Storage. The sheet keeps what the pages do not give from the bundled gcp sheet, so llm-70b,
# whose gcs-backup site is gcp us-central1 storage, prices with it.
gcp=tests/golden/inputs/import/gcp
gcp_files=("$gcp/compute-engine-1.json" "$gcp/compute-engine-2.json" "$gcp/cloud-storage-1.json")
"$tco" prices import gcp "${gcp_files[@]}" -o "$tmp/gcp-prices" >"$tmp/out" 2>"$tmp/err"
expect "gcp import exits 0" 0 $?
expect "and writes the dated sheet" "2026-11-20.yaml" "$(ls "$tmp/gcp-prices/gcp")"
expect "with nothing on stderr" "" "$(cat "$tmp/err")"
"$tco" prices validate "$tmp/gcp-prices" >/dev/null 2>"$tmp/err"
expect "the imported gcp sheet validates" 0 $?
"$tco" prices show gcp --pricing-dir "$tmp/gcp-prices" --region us-central1 >"$tmp/show" 2>&1
expect "prices show gcp reads it" 0 $?
grep -q "a3-highgpu-8g" "$tmp/show" && grep -q "gcp@2026-11-20" "$tmp/show"
expect "and shows the imported a3-highgpu-8g" 0 $?
"$tco" compare scenarios/llm-70b.yaml --pricing-dir "$tmp/gcp-prices" >"$tmp/compare" 2>&1
expect "compare prices llm-70b with the gcp sheet" 0 $?
"$tco" explain scenarios/llm-70b.yaml --pricing-dir "$tmp/gcp-prices" --strategy cloud-only >"$tmp/explain" 2>&1
grep -q "gcp@2026-11-20 source gcp-catalog-cloud-storage" "$tmp/explain"
expect "explain cites the Cloud Storage pages for the backup" 0 $?

# Azure: the Retail Prices pages of the fixture. No bundled scenario uses Azure, so the sheet is
# shown, ranked by prices gpu and asked for an egress price instead of pricing a scenario.
azure=tests/golden/inputs/import/azure
pages=("$azure/page-1.json" "$azure/page-2.json" "$azure/page-3.json")
"$tco" prices import azure "${pages[@]}" -o "$tmp/azure-prices" --no-keep >"$tmp/out" 2>"$tmp/err"
expect "azure import exits 0" 0 $?
expect "and writes the dated sheet" "2026-11-01.yaml" "$(ls "$tmp/azure-prices/azure")"
"$tco" prices validate "$tmp/azure-prices" >/dev/null 2>"$tmp/err"
expect "the imported azure sheet validates" 0 $?
"$tco" prices show azure --pricing-dir "$tmp/azure-prices" --gpu H100 >"$tmp/show" 2>&1
expect "prices show azure reads it" 0 $?
grep -q "98.32" "$tmp/show" && grep -q "azure@2026-11-01" "$tmp/show"
expect "and shows the imported ND H100 v5 price" 0 $?
"$tco" prices gpu H100-NVL --pricing 1y --pricing-dir "$tmp/azure-prices" >"$tmp/gpu" 2>&1
grep -q "Standard_NC40ads_H100_v5" "$tmp/gpu"
expect "prices gpu ranks its savings-plan offer" 0 $?
"$tco" egress 20TiB --from azure:eastus --pricing-dir "$tmp/azure-prices" >"$tmp/egress" 2>&1
grep -q '1,732.10' "$tmp/egress"
expect "egress prices 20 TiB on its ladder" 0 $?
"$tco" prices import azure "${pages[2]}" "${pages[0]}" "${pages[1]}" -o - --no-keep >"$tmp/reordered" 2>/dev/null
cmp -s "$tmp/azure-prices/azure/2026-11-01.yaml" "$tmp/reordered"
expect "the pages in another order give the same bytes" 0 $?

for bad in truncated.json error-page.json empty.json azure-page.json not-aws.csv; do
  "$tco" prices import aws "$aws/AmazonS3.json" "tests/golden/inputs/import/bad/$bad" -o "$tmp/bad" >/dev/null 2>&1
  expect "$bad exits 2" 2 $?
  expect "$bad writes nothing" "" "$(ls -A "$tmp/bad" 2>/dev/null)"
done
for bad in gcp-truncated.json gcp-api-error.json gcp-empty-page.json error-page.json azure-page.json; do
  "$tco" prices import gcp "$gcp/cloud-storage-1.json" "tests/golden/inputs/import/bad/$bad" -o "$tmp/bad-gcp" \
    >/dev/null 2>&1
  expect "gcp: $bad exits 2" 2 $?
  expect "gcp: $bad writes nothing" "" "$(ls -A "$tmp/bad-gcp" 2>/dev/null)"
done
for bad in azure-truncated.json error-page.json empty.json azure-eur-page.json gcp-empty-page.json; do
  "$tco" prices import azure "${pages[1]}" "tests/golden/inputs/import/bad/$bad" -o "$tmp/bad-azure" >/dev/null 2>&1
  expect "azure: $bad exits 2" 2 $?
  expect "azure: $bad writes nothing" "" "$(ls -A "$tmp/bad-azure" 2>/dev/null)"
done
exit $failed
