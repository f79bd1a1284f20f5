#!/usr/bin/env bash
# The include check's own test: run on fixture/, a tree with one wrong include of each kind,
# it must fail and name exactly the problems in fixture/expected.
# usage: check-fixture.sh LAYER...
here=$(cd "$(dirname "$0")" && pwd)
output=$(bash "$here/check-includes.sh" "$here/fixture" "$@")
status=$?
if ((status != 1)); then
  echo "check-fixture: expected exit 1 from check-includes.sh on the fixture, got $status"
  exit 1
fi
if ! diff -u "$here/fixture/expected" <(printf '%s\n' "$output"); then
  echo "check-fixture: check-includes.sh did not name the fixture's problems as expected (diff above)"
  exit 1
fi
echo "check-fixture: every wrong include of the fixture was named"
