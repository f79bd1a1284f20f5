#!/usr/bin/env bash
# The cost gate of a pull request that changes Terraform: `tco diff` of the base branch's plan
# against the pull request's, with the usage file beside them, as one Markdown comment. Both
# Terraform CI examples (github-actions-terraform.yml, gitlab-ci-terraform.yml) call this
# script, and tests/e2e/terraform-example-test.sh runs it the way they do.
#
#   examples/ci/terraform-gate.sh [--base-ref REF | --base-plan FILE] [--plan FILE]
#       [--usage FILE] [--tco PATH] [--out FILE] [-- TCO_DIFF_OPTION...]
#
# The head plan is --plan (default tco-plan.json): `terraform show -json PLANFILE` of the
# checked-out change. The base plan is --base-plan, a file CI wrote from the base branch, or
# else the same path at `git merge-base REF HEAD` (--base-ref, default origin/main), for a
# repository that commits its plan JSON (the comment then names it REF@COMMIT:PATH). With no
# base plan (the plan is new), the head is priced alone with tco compare. --usage (default
# tco-usage.yml, when it exists) is the usage file (tco-scenario(5), USAGE FILE). Everything
# after `--` goes to tco diff: the gates (--fail-on-increase 10%, --fail-on-increase-amount
# 'planned=5000 USD/month'), --all.
#
# The comment (--out, default tco-terraform-diff.md) is written in every case, its first
# line the marker <!-- tco-terraform-gate --> by which the examples update their comment.
# Exit status, as tco's: 0 every gate holds, 1 a gate was breached, 2 invalid input or usage
# (a plan or usage file tco refuses; its diagnostics are on standard error and in the
# comment), 3 internal error.
set -euo pipefail

readonly marker='<!-- tco-terraform-gate -->'
prog=terraform-gate
base_ref=origin/main base_plan='' plan=tco-plan.json usage='' tco=tco out=tco-terraform-diff.md
diff_options=()
while (($#)); do
  case $1 in
    --base-ref) base_ref=$2; shift 2 ;;
    --base-plan) base_plan=$2; shift 2 ;;
    --plan) plan=$2; shift 2 ;;
    --usage) usage=$2; shift 2 ;;
    --tco) tco=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --) shift; diff_options=("$@"); break ;;
    -h|--help) sed -n '7,8p' "${BASH_SOURCE[0]}" | sed 's/^#  //'; exit 0 ;;
    *) echo "$prog: error: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[[ -z $usage && -f tco-usage.yml ]] && usage=tco-usage.yml

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tco-terraform-gate.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
comment() {  # comment BODY_FILE: the comment, written whatever happened
  { echo "$marker"; cat "$1"; } >"$out"
}

if [[ ! -f $plan ]]; then
  echo "$prog: error: no head plan '$plan' (terraform show -json PLANFILE > $plan)" >&2
  printf 'No plan `%s` to price.\n' "$plan" >"$tmp/body"
  comment "$tmp/body"
  exit 2
fi
base_label=''  # the base plan taken from git, as git names it: REF@COMMIT:PATH
if [[ -z $base_plan ]]; then
  if base=$(git merge-base "$base_ref" HEAD 2>/dev/null) && git cat-file -e "$base:$plan" 2>/dev/null; then
    base_plan="$tmp/base-plan.json"
    base_label="$base_ref@$(git rev-parse --short "$base"):$plan"
    git show "$base:$plan" >"$base_plan"
  fi
fi
# tco names the base by the temporary file it was read from, gone when the script ends: the
# comment and the diagnostics name it as git does instead.
named() {  # named FILE: FILE with the temporary base plan's path replaced by its label
  [[ -n $base_label && -f $1 ]] || return 0
  local text
  text=$(cat -- "$1"; printf x)  # the x keeps the trailing newlines
  text=${text%x}
  printf '%s' "${text//"$base_plan"/"$base_label"}" >"$1"
}
usage_option=()
[[ -n $usage ]] && usage_option=(--usage "$usage")

status=0
if [[ -n $base_plan ]]; then
  "$tco" diff "$base_plan" "$plan" "${usage_option[@]}" --format markdown -o "$tmp/body" \
    "${diff_options[@]}" 2>"$tmp/stderr" || status=$?
else
  { printf 'The base has no plan `%s`: the head alone.\n\n' "$plan"
    "$tco" compare "$plan" "${usage_option[@]}" --format markdown 2>"$tmp/stderr"; } >"$tmp/body" || status=$?
fi
named "$tmp/body"
named "$tmp/stderr"
cat "$tmp/stderr" >&2
if ((status >= 2)); then
  { echo '```'; cat "$tmp/stderr"; echo '```'; } >>"$tmp/body"
fi
[[ -f $tmp/body ]] || : >"$tmp/body"
comment "$tmp/body"
exit "$status"
