#!/usr/bin/env bash
# Runs one golden case: the real binary with the case's arguments, compared byte for byte
# with the expected stdout, stderr and exit code. TCO_UPDATE_GOLDEN=1 rewrites the files.
#   run-case.sh TCO_BINARY CASE_DIR      (run from the project root)
set -uo pipefail
tco=$1
case_dir=$2
unset TCO_PRICING_DIR NO_COLOR
export LC_ALL=C
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

eval "set -- $(cat "$case_dir/args")"
stdin=/dev/null
[[ -f $case_dir/stdin ]] && stdin=$case_dir/stdin
"$tco" "$@" <"$stdin" >"$out/stdout" 2>"$out/stderr"
echo $? >"$out/exit-code"

if [[ ${TCO_UPDATE_GOLDEN:-0} == 1 ]]; then
  cp "$out/stdout" "$out/stderr" "$out/exit-code" "$case_dir/"
  echo "updated $case_dir"
  exit 0
fi
status=0
for part in exit-code stdout stderr; do
  if ! diff -u "$case_dir/$part" "$out/$part" >"$out/diff"; then
    echo "golden $(basename "$case_dir"): $part differs (expected vs actual):"
    cat "$out/diff"
    status=1
  fi
done
exit $status
