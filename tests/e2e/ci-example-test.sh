#!/usr/bin/env bash
# End-to-end test of the CI examples (examples/ci/): a pull request in a throwaway git
# repository, gated by examples/ci/cost-gate.sh run exactly as github-actions.yml runs it
# (from the top of the checkout, against origin/<base branch>, with the built tco).
#
#   ci-example-test.sh TCO_BINARY SOURCE_DIR      (ctest: e2e.ci-example)
#
# The pull request raises llm-70b's corpus from 100 TB to 150 TB: storage and egress rise by
# 40 to 47 %, the strategies' totals by 0.2 to 0.6 % (tco diff's gates without a scope limit
# each strategy's total and each of its components).
# Needs git (scripts/setup.sh --with-tests installs it).
# Backquotes in single quotes are Markdown's, in the patterns the comment is matched with.
# shellcheck disable=SC2016
set -uo pipefail

if (($# != 2)); then
  echo "usage: ci-example-test.sh TCO_BINARY SOURCE_DIR" >&2
  exit 2
fi
tco=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
command -v git >/dev/null || { echo "FAIL: git is not installed (scripts/setup.sh --with-tests)"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tco-ci-example.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT

# A git of our own: none of the user's or the system's configuration, no outer repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_CEILING_DIRECTORIES
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 LC_ALL=C
mkdir -p "$HOME"
# The bundled price sheets of the source tree, wherever ctest runs from (the throwaway
# repository has no pricing-data/ of its own, so cost-gate.sh leaves this as it is).
export TCO_PRICING_DIR="$src/pricing-data"
unset NO_COLOR

passed=0 failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() {  # check DESCRIPTION COMMAND...: passes when the command succeeds
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
contains() { grep -qE -- "$2" "$1"; }
show() {  # the run's output, when something failed
  echo "---- comment ($comment) ----"; cat "$comment" 2>/dev/null
  echo "---- stderr ----"; cat "$stderr"
  echo "----"
}
fatal() { echo "FAIL: $*"; echo "0 passed, 1 failed"; exit 1; }

# The "remote" the pull request targets, and the clone CI checks out (a space in its path on
# purpose: the script must quote everything).
origin="$tmp/origin.git"
repo="$tmp/pull request"
git -c init.defaultBranch=main init -q --bare "$origin" || fatal "git init --bare"
git -c init.defaultBranch=main init -q "$repo" || fatal "git init"
cd "$repo" || fatal "cd $repo"
git config user.name "CI example test"
git config user.email "ci-example-test@example.invalid"
git config commit.gpgsign false
mkdir -p scenarios examples/ci
cp "$src/scenarios/llm-70b.yaml" scenarios/
cp "$src/examples/ci/cost-gate.sh" examples/ci/
{ git add -A && git commit -q -m "llm-70b scenario"; } || fatal "first commit"
{ git remote add origin "$origin" && git push -q origin main && git fetch -q origin; } || fatal "push to origin"

# The pull request: 50 % more data.
git checkout -q -b more-data || fatal "git checkout -b"
sed -i 's/^\(    size: \)100 TB$/\1150 TB/' scenarios/llm-70b.yaml
if grep -qx '    size: 150 TB' scenarios/llm-70b.yaml && ! grep -q 'size: 100 TB' scenarios/llm-70b.yaml; then
  pass "the corpus grew from 100 TB to 150 TB in the pull request"
else
  fatal "the sed edit of datasets.corpus.size did not happen (did scenarios/llm-70b.yaml change?)"
fi
git commit -q -am "50 % more training data" || fatal "commit"

comment="$tmp/tco-cost-diff.md"
stderr="$tmp/stderr"
# What github-actions.yml runs, with the gates of each case after `--`.
gate() {
  rm -f "$comment"
  status=0
  examples/ci/cost-gate.sh --base-ref origin/main --tco "$tco" --out "$comment" -- "$@" 2>"$stderr" || status=$?
}
expect_status() {  # expect_status CASE STATUS
  if ((status == $2)); then
    pass "$1: exit status $2"
  else
    fail "$1: exit status $status, expected $2"
    show
  fi
}

# a) A 5 % gate, which the storage increase breaches: exit 1, and the comment shows the
# delta and the failure.
gate --fail-on-increase 5%
expect_status "a) --fail-on-increase 5%" 1
check "a) the comment is written" test -s "$comment"
check "a) the comment starts with the marker CI finds it by" contains "$comment" '^<!-- tco-cost-gate -->$'
check "a) the comment names the scenario" contains "$comment" 'scenarios/llm-70b\.yaml'
for strategy in cloud-only hybrid on-prem; do
  check "a) the comment has the $strategy change (+\$)" contains "$comment" "^\| $strategy \|.*\| \+\\\$[0-9,]+ \("
done
check "a) the comment shows the storage change" contains "$comment" '^\| Storage \|.*\| \+\$[0-9,]+ \(\+4[0-9]\.[0-9] %\)'
check "a) the comment shows the 5% gate failed" contains "$comment" '--fail-on-increase 5%.*FAILED'
check "a) the comment's verdict is the breach" contains "$comment" '^## Cost impact: a gate or budget was breached'
check "a) the summary line marks the scenario breached" contains "$comment" '^- `scenarios/llm-70b\.yaml`: \*\*gate breached\*\*'

# b) A threshold the change stays under: exit 0.
gate --fail-on-increase 80%
expect_status "b) --fail-on-increase 80%" 0
check "b) the comment says every gate holds" contains "$comment" '^## Cost impact: every gate holds'
check "b) the comment still has the delta" contains "$comment" '^\| hybrid \|.*\| \+\$[0-9,]+ \('

# The gates the CI examples ship with, read from them: valid options for tco diff, giving a
# gate's verdict (0 or 1, not 2). And the workflow calls the script as this test does.
for example in github-actions.yml gitlab-ci.yml; do
  gates=$(sed -n 's/^ *-- \(.*\) || status=\$?$/\1/p' "$src/examples/ci/$example")
  if [[ -z $gates || $gates == *$'\n'* ]]; then
    fail "$example: no single '-- GATES || status=\$?' line to read the gates from"
    continue
  fi
  eval "set -- $gates"
  gate "$@"
  if ((status == 0 || status == 1)); then
    pass "$example's gates ($gates): a verdict, exit status $status"
  else
    fail "$example's gates ($gates): exit status $status, expected 0 or 1"
    show
  fi
done
check "github-actions.yml runs cost-gate.sh against origin/<base branch> with the built tco" \
  grep -qF 'examples/ci/cost-gate.sh --base-ref "origin/$GITHUB_BASE_REF" --tco build/release/src/tco' \
  "$src/examples/ci/github-actions.yml"

# A scenario added in the pull request has no base: compared and its budgets checked alone.
cp "$src/scenarios/research-team.yaml" "scenarios/new team.yaml"
{ git add -A && git commit -q -m "a new scenario"; } || fatal "commit"
gate --fail-on-increase 80%
expect_status "new scenario with a space in its name" 0
check "new scenario: the comment says it has no base" contains "$comment" '`scenarios/new team\.yaml` is new'
check "new scenario: llm-70b is still diffed" contains "$comment" '^\| cloud-only \|.*\| \+\$[0-9,]+ \('

# c) A malformed head scenario: exit 2, the diagnostic as FILE:LINE on stderr, and the comment
# says the diff failed.
sed -i 's/^\(    size: \)150 TB$/\1lots/' scenarios/llm-70b.yaml
grep -qx '    size: lots' scenarios/llm-70b.yaml || fatal "the sed edit to 'size: lots' did not happen"
git commit -q -am "malformed" || fatal "commit"
gate --fail-on-increase 5%
expect_status "c) malformed head scenario" 2
check "c) stderr has the diagnostic as scenarios/llm-70b.yaml:LINE" contains "$stderr" 'scenarios/llm-70b\.yaml:[0-9]+:'
check "c) the comment says the diff failed" contains "$comment" '^### `scenarios/llm-70b\.yaml`: \*\*failed\*\*: invalid input'
check "c) the comment quotes the diagnostic" contains "$comment" '^tco: error: scenarios/llm-70b\.yaml:[0-9]+:[0-9]+: datasets\.corpus\.size'
check "c) the comment's verdict is the failure" contains "$comment" '^## Cost impact: a diff failed'

echo "$passed passed, $failed failed"
((failed == 0))
