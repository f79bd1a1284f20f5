#!/usr/bin/env bash
# Fails when a committed schema (schemas/FORMAT.schema.json) is not what `tco schema FORMAT`
# prints: the schemas are generated from the declarations the readers use, never edited.
#   check-committed.sh TCO FORMAT FILE
# TCO_UPDATE_GOLDEN=1 rewrites FILE, as it rewrites the golden cases.
set -uo pipefail
tco=$1
format=$2
file=$3
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
"$tco" schema "$format" >"$generated" || exit 1
if [[ ${TCO_UPDATE_GOLDEN:-0} == 1 ]]; then
  cp "$generated" "$file"
  echo "updated $file"
  exit 0
fi
if ! diff -u "$file" "$generated"; then
  echo "schema: $file is not what \`tco schema $format\` prints (above: committed vs generated)."
  echo "Regenerate it with:  tco schema $format -o $file"
  echo "          (or all:   TCO_UPDATE_GOLDEN=1 ctest --preset dev -R '^schema\\.committed')"
  exit 1
fi
echo "schema: $file is what tco schema $format prints"
