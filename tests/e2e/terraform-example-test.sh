#!/usr/bin/env bash
# End-to-end test of the Terraform CI example (examples/ci/terraform-gate.sh): a pull request
# in a throwaway git repository whose plan JSON is committed (tco-plan.json, from the fixtures
# of tests/golden/inputs/terraform/), gated as the workflows run the script.
#
#   terraform-example-test.sh TCO_BINARY SOURCE_DIR      (ctest: e2e.terraform-example)
#
# The pull request adds an EKS node group of one p5.48xlarge: the gate (10 %) fails and the
# comment names the node group at +$40,179 a month, and the base plan as git does
# (main@COMMIT:tco-plan.json, never the script's temporary file); a second pull request
# removes it again and passes. Needs git (scripts/setup.sh --with-tests).
# shellcheck disable=SC2016
set -uo pipefail

if (($# != 2)); then
  echo "usage: terraform-example-test.sh TCO_BINARY SOURCE_DIR" >&2
  exit 2
fi
tco=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
gate="$src/examples/ci/terraform-gate.sh"
fixtures="$src/tests/golden/inputs/terraform"
command -v git >/dev/null || { echo "FAIL: git is not installed (scripts/setup.sh --with-tests)"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tco-terraform-example.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_CEILING_DIRECTORIES
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 LC_ALL=C TCO_PRICING_DIR="$src/pricing-data"
mkdir -p "$HOME"
unset NO_COLOR

passed=0 failed=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then echo "PASS: $what"; passed=$((passed + 1)); else echo "FAIL: $what"; failed=$((failed + 1)); fi
}
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
fatal() { echo "FAIL: $*"; exit 1; }

repo="$tmp/infra repo"  # a space on purpose: the script must quote everything
git -c init.defaultBranch=main init -q "$repo" || fatal "git init"
cd "$repo" || fatal "cd"
git config user.name "Terraform example test"
git config user.email "terraform-example-test@example.invalid"
cp "$fixtures/base-plan.json" tco-plan.json
cp "$fixtures/tco-usage.yml" tco-usage.yml
git add -A && git commit -qm "base: an inference node group and a bucket" || fatal "commit base"

# The pull request: a training node group of one p5.48xlarge.
git checkout -qb add-training
cp "$fixtures/head-plan.json" tco-plan.json
git commit -qam "add a training node group" || fatal "commit head"
status=0
"$gate" --base-ref main --tco "$tco" --out comment.md -- --fail-on-increase 10% >"$tmp/out" 2>"$tmp/err" || status=$?
check "the pull request that adds GPUs fails the gate (exit 1)" test "$status" = 1
check "the comment opens with the marker" test "$(head -1 comment.md)" = "<!-- tco-terraform-gate -->"
check "and names the node group and its monthly cost" \
  contains comment.md '| workload aws_eks_node_group.training | — | $1,446,451 | new | +$40,179 |'
check "and the failed gate" contains comment.md '| `--fail-on-increase 10%` | planned total | +10.0 % | +49.1 %'
check "the bastion is listed as not priced on stderr" contains "$tmp/err" 'aws_instance.bastion: not priced'
# The base plan came from git: named as git names it, not by the script's temporary file.
base_label="main@$(git rev-parse --short "$(git merge-base main HEAD)"):tco-plan.json"
check "the comment names the base plan $base_label" contains comment.md "Base \`$base_label\`"
check "and no temporary path" lacks comment.md '/tco-terraform-gate.'

# A second pull request on top removes it again: a saving, the gate holds.
git checkout -qb remove-training
cp "$fixtures/head-removed-plan.json" tco-plan.json
git commit -qam "remove the training node group" || fatal "commit removal"
status=0
"$gate" --base-ref add-training --tco "$tco" --out comment.md -- --fail-on-increase 10% >/dev/null 2>&1 || status=$?
check "the pull request that removes it passes (exit 0)" test "$status" = 0
check "with the saving" contains comment.md '-$40,179'

# A base plan given as a file (the workflows plan the base branch themselves).
status=0
"$gate" --base-plan "$fixtures/base-plan.json" --plan "$fixtures/head-plan.json" --tco "$tco" --out "$tmp/c.md" \
  -- --fail-on-increase 10% >/dev/null 2>&1 || status=$?
check "--base-plan gives the same verdict" test "$status" = 1

# A plan tco refuses: exit 2, the diagnostics in the comment.
cp "$fixtures/bad/state.json" tco-plan.json
status=0
"$gate" --base-ref main --tco "$tco" --out comment.md >/dev/null 2>&1 || status=$?
check "a state instead of a plan is exit 2" test "$status" = 2
check "with the reason in the comment" contains comment.md 'this is not a Terraform plan'

# A base plan from git that tco refuses: its diagnostics name it as git does too.
git checkout -qb state-committed
git commit -qam "a state committed instead of the plan" || fatal "commit state"
git checkout -qb plan-again
cp "$fixtures/head-plan.json" tco-plan.json
git commit -qam "the plan again" || fatal "commit plan"
state_label="state-committed@$(git rev-parse --short state-committed):tco-plan.json"
status=0
"$gate" --base-ref state-committed --tco "$tco" --out comment.md >/dev/null 2>"$tmp/err" || status=$?
check "a state as the base plan is exit 2" test "$status" = 2
check "the comment's diagnostics name it $state_label" \
  contains comment.md "tco: error: $state_label:1:1: this is not a Terraform plan"
check "so does standard error" contains "$tmp/err" "tco: error: $state_label:1:1:"
check "and neither has a temporary path" lacks comment.md '/tco-terraform-gate.'
check "(standard error neither)" lacks "$tmp/err" '/tco-terraform-gate.'

echo "$passed passed, $failed failed"
((failed == 0))
