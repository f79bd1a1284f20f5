#!/usr/bin/env bash
# tco prices import against jq on an AmazonEC2-shaped offer file of about 500 MB: the time each
# takes to pull the on-demand prices of Linux, shared, no-software, used GPU instances out of
# it, the throughput, and the peak memory. Both must agree on the prices.
#
#   bench/import.sh [--mb N] [TCO_BINARY]
#
#   TCO_BINARY  default build/release/src/tco (cmake --workflow --preset release)
#   --mb N      size of the generated file in MB (default 500); it is written once to
#               build/bench/ec2-N.json and reused
#
# Needs python3 (the generator, bench/make-ec2-offer.py), jq and GNU time
# (scripts/setup.sh --with-bench). See bench/README.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mb=500
tco=
while (($# > 0)); do
  case $1 in
    --mb) mb=$2; shift 2 ;;
    -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) tco=$1; shift ;;
  esac
done
: "${tco:=$root/build/release/src/tco}"
for tool in python3 jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed: scripts/setup.sh --with-bench" >&2; exit 2; }
done
[[ -x $tco ]] || { echo "bench: no tco at $tco: cmake --workflow --preset release" >&2; exit 2; }

out=$root/build/bench
mkdir -p "$out"
file=$out/ec2-$mb.json
[[ -f $file ]] || python3 "$root/bench/make-ec2-offer.py" "$file" --mb "$mb"
bytes=$(stat -c %s "$file")

# The same question to both: the on-demand hourly price of every GPU instance type, Linux,
# shared tenancy, no pre-installed software, capacity used, no license included.
jq_program='.products as $p
  | .terms.OnDemand | to_entries[]
  | $p[.key] as $product | $product.attributes as $a
  | select($product.productFamily == "Compute Instance" and $a.operatingSystem == "Linux"
      and $a.tenancy == "Shared" and $a.preInstalledSw == "NA" and $a.capacitystatus == "Used"
      and $a.licenseModel == "No License required" and (($a.gpu // "0") | tonumber) >= 1)
  | .value[].priceDimensions[] | select(.unit == "Hrs")
  | "\($a.instanceType) \(.pricePerUnit.USD | tonumber)"'

measure() {  # measure NAME OUTPUT COMMAND...: prints "seconds peak_kB"
  local name=$1 output=$2
  shift 2
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$output" 2>"$out/$name.err" ||
    { echo "bench: $name failed:" >&2; cat "$out/$name.err" >&2; exit 1; }
  cat "$out/$name.time"
}

read -r tco_s tco_kb < <(measure tco "$out/tco-sheet.yaml" "$tco" prices import aws "$file" -o - --no-keep)
read -r jq_s jq_kb < <(measure jq "$out/jq-prices.txt" jq -r "$jq_program" "$file")

# Every price jq found for a GPU tco models is in tco's sheet, and nothing else is.
python3 - "$out/jq-prices.txt" "$out/tco-sheet.yaml" <<'PY'
import re, sys
modelled = ("p5.", "p5en.", "p4d.", "p4de.", "p6-b200.", "g6e.")
jq = {}
for line in open(sys.argv[1]):
    instance, price = line.split()
    if instance.startswith(modelled):
        jq[instance] = float(price)
tco, instance = {}, None
for line in open(sys.argv[2]):
    m = re.match(r"      ([a-z0-9.-]+):$", line)
    if m:
        instance = m.group(1)
    m = re.match(r"        on-demand: \{price: ([0-9.]+) USD/h", line)
    if m and instance:
        tco[instance] = float(m.group(1))
if jq != tco:
    sys.exit(f"bench: tco and jq disagree:\n  jq:  {sorted(jq.items())}\n  tco: {sorted(tco.items())}")
print(f"Both found the same {len(tco)} on-demand GPU prices.")
PY

python3 - "$bytes" "$tco_s" "$tco_kb" "$jq_s" "$jq_kb" "$(jq --version)" <<'PY'
import sys
size, tco_s, tco_kb, jq_s, jq_kb, jq_version = sys.argv[1:]
mb = int(size) / 1e6
tco_s, jq_s = max(float(tco_s), 0.01), max(float(jq_s), 0.01)
print(f"| {mb:.0f} MB AmazonEC2-shaped file | seconds | MB/s | peak memory |")
print("|---|---|---|---|")
print(f"| tco prices import | {tco_s:.2f} | {mb / tco_s:.0f} | {int(tco_kb) / 1024:.0f} MiB |")
print(f"| {jq_version} | {jq_s:.2f} | {mb / jq_s:.0f} | {int(jq_kb) / 1024:.0f} MiB |")
print(f"\ntco is {jq_s / tco_s:.1f}x faster than jq and uses {int(jq_kb) / int(tco_kb):.0f}x less memory.")
PY
