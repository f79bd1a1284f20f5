#!/usr/bin/env bash
# Replays every reproducer in a regressions directory through its harness, once each:
#   fuzz/replay.sh HARNESS DIR [LIBFUZZER-OPTION...]
# Files whose names start with a dot (.gitkeep) and README.md are not inputs. Fails when any
# input crashes, leaks, hits undefined behaviour or runs over 10 s.
set -euo pipefail
harness=$1 dir=$2
shift 2
inputs=()
for file in "$dir"/*; do
  [[ -f $file && ${file##*/} != README.md ]] && inputs+=("$file")
done
if ((${#inputs[@]} == 0)); then
  echo "replay: no reproducers in $dir"
  exit 0
fi
echo "replay: ${#inputs[@]} reproducer(s) from $dir"
exec "$harness" -timeout=10 -rss_limit_mb=2048 "$@" "${inputs[@]}"
