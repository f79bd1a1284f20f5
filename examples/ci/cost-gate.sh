#!/usr/bin/env bash
# The cost gate of a pull request (GitHub) or merge request (GitLab): `tco diff` of every
# scenario the change touches, its version at the merge base against the checked-out one,
# gathered into one Markdown comment. Both CI examples (github-actions.yml, gitlab-ci.yml)
# call this script, and tests/e2e/ci-example-test.sh runs it the way they do.
#
#   examples/ci/cost-gate.sh [--base-ref REF] [--tco PATH] [--out FILE]
#       [--scenarios PATHSPEC]... [--pricing-dir DIR]... [--bundled-pricing-dir DIR]
#       [--max-chars N] [-- TCO_DIFF_OPTION...]
#
# Run it from anywhere inside a clone whose history reaches the merge base (CI: fetch depth 0).
#
# Which scenarios: the files matching --scenarios (default 'scenarios/*.yaml' and
# 'scenarios/*.yml', git pathspecs, so subdirectories count too) that were added, modified or
# renamed between `git merge-base REF HEAD` and HEAD. When a price directory changed in that
# range (--bundled-pricing-dir, default pricing-data/, or any --pricing-dir), prices move
# every figure, so every scenario at HEAD is diffed.
#
#   modified or renamed   tco diff BASE_VERSION HEAD_FILE --format markdown TCO_DIFF_OPTIONS...
#   added (no base)       tco compare and tco check (its budgets) instead: the increase
#                         gates need a base, the budgets do not
#   removed               listed in the comment, nothing to run
#
# Prices. Each --pricing-dir DIR (a directory of your own sheets and overlays, relative to the
# repository's top) is given to tco diff as `--pricing-dir DIR` for the head side and as
# `--base-pricing-dir` with DIR's content at the merge base for the base side. When the
# repository has a --bundled-pricing-dir (tco's own repository, or a copy of its sheets), tco
# reads the bundled sheets from it (TCO_PRICING_DIR); when it changed, the base side is priced
# with its merge-base version: `tco compare --format json` of the base scenario with those
# sheets, saved, is the BASE of tco diff. Give --bundled-pricing-dir '' to use tco's own.
#
# Everything after `--` goes to tco diff: the gates (--fail-on-increase 5%,
# --fail-on-increase-amount hybrid=1000USD/month, ...), --horizon, --as-of, --all. --horizon,
# --as-of and --pricing-dir are also given to the tco compare and tco check runs above.
#
# The comment (--out, default tco-cost-diff.md) is written in every case, also when a gate
# fails or a diff cannot be made, so that CI can post it. Its first line is the marker
# <!-- tco-cost-gate -->, by which the CI examples find and update their earlier comment.
#
# Exit status, the most severe of all the runs (3 > 2 > 1 > 0), as tco's:
#   0  every gate and budget holds (or there was nothing to compare)
#   1  a gate or a budget was breached
#   2  invalid input or usage: a scenario or option tco rejects (its diagnostics, as
#      FILE:LINE:COL, are on standard error and in the comment), a base ref not found
#   3  internal error (tco crashed, or could not be run)
# Backquotes in single-quoted strings below are Markdown's, not command substitutions.
# shellcheck disable=SC2016
set -euo pipefail

readonly marker='<!-- tco-cost-gate -->'
prog=cost-gate

usage() {
  printf 'usage:'
  sed -n '7,9p' "${BASH_SOURCE[0]}" | sed 's/^#  //'
  echo "See the comment at the top of ${BASH_SOURCE[0]} for what each option does."
}
die_usage() {
  echo "$prog: error: $*" >&2
  usage >&2
  exit 2
}

base_ref=origin/main
tco=tco
out='tco-cost-diff.md'
max_chars=65000   # GitHub refuses comments over 65,536 characters
scenario_specs=()
pricing_dirs=()
bundled_dir=pricing-data
diff_args=()

need_value() { (($2 >= 2)) || die_usage "$1 needs a value"; }
while (($# > 0)); do
  case $1 in
    --base-ref) need_value "$1" $#; base_ref=$2; shift 2 ;;
    --tco) need_value "$1" $#; tco=$2; shift 2 ;;
    --out | -o) need_value "$1" $#; out=$2; shift 2 ;;
    --scenarios) need_value "$1" $#; scenario_specs+=("$2"); shift 2 ;;
    --pricing-dir) need_value "$1" $#; pricing_dirs+=("$2"); shift 2 ;;
    --bundled-pricing-dir) need_value "$1" $#; bundled_dir=$2; shift 2 ;;
    --max-chars) need_value "$1" $#; max_chars=$2; shift 2 ;;
    --base-ref=* | --tco=* | --out=* | --scenarios=* | --pricing-dir=* | --bundled-pricing-dir=* | --max-chars=*)
      name=${1%%=*}
      set -- "$name" "${1#*=}" "${@:2}"
      ;;
    -h | --help) usage; exit 0 ;;
    --) shift; diff_args=("$@"); break ;;
    *) die_usage "unknown option '$1' (tco diff's options go after '--')" ;;
  esac
done
((${#scenario_specs[@]} > 0)) || scenario_specs=('scenarios/*.yaml' 'scenarios/*.yml')
[[ $max_chars =~ ^[0-9]+$ ]] || die_usage "--max-chars needs a number of characters, not '$max_chars'"

# Paths given relative to where we were started, before moving to the repository's top.
absolute() {
  local dir
  dir=$(cd "$(dirname -- "$1")" && pwd) || return 1
  printf '%s/%s\n' "${dir%/}" "$(basename -- "$1")"
}
mkdir -p -- "$(dirname -- "$out")"
out=$(absolute "$out")

# From here on the comment is always written, whatever happens.
fail_setup() {  # The gate could not run at all: say so in the comment and exit 2.
  echo "$prog: error: $*" >&2
  {
    printf '%s\n## Cost impact: the cost gate could not run\n\n' "$marker"
    printf '%s\n' "$*"
  } >"$out"
  exit 2
}
if [[ $tco == */* ]]; then
  [[ -x $tco && -f $tco ]] || fail_setup "--tco $tco: not an executable file"
  tco=$(absolute "$tco")
else
  tco_path=$(command -v -- "$tco") || fail_setup "--tco $tco: not found on PATH"
  tco=$tco_path
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tco-cost-gate.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

top=$(git rev-parse --show-toplevel 2>/dev/null) || fail_setup "not inside a git repository: $(pwd)"
cd -- "$top"
git rev-parse --verify --quiet "$base_ref^{commit}" >/dev/null ||
  fail_setup "base ref '$base_ref' not found (in CI, fetch the base branch too: actions/checkout with fetch-depth: 0, GIT_DEPTH: 0 on GitLab)"
merge_base=$(git merge-base "$base_ref" HEAD) ||
  fail_setup "no merge base of '$base_ref' and HEAD: the history is too shallow (fetch-depth: 0) or unrelated"
base_label="$base_ref@$(git rev-parse --short "$merge_base")"

# Directories given relative to the top, without ./ or a trailing slash, for git.
for dir in "${pricing_dirs[@]}" "$bundled_dir"; do
  [[ $dir != /* ]] ||
    fail_setup "--pricing-dir and --bundled-pricing-dir take a directory relative to the repository's top, not '$dir'"
done
for i in "${!pricing_dirs[@]}"; do
  dir=${pricing_dirs[i]%/}
  pricing_dirs[i]=${dir#./}
done
bundled_dir=${bundled_dir%/}
bundled_dir=${bundled_dir#./}

# --- which scenarios -----------------------------------------------------------------
# pairs[HEAD_PATH]=BASE_PATH, the path at the merge base (another when renamed), empty when the
# scenario was added; removed lists the scenarios the change deletes.
declare -A pairs=()
removed=()
while IFS= read -r -d '' status; do
  IFS= read -r -d '' path
  case $status in
    R*) IFS= read -r -d '' new_path; pairs[$new_path]=$path ;;
    A) pairs[$path]= ;;
    M) pairs[$path]=$path ;;
    D) removed+=("$path") ;;
  esac
done < <(git diff --name-status -z --find-renames --diff-filter=AMRD "$merge_base" HEAD -- "${scenario_specs[@]}")

price_paths=("${pricing_dirs[@]}")
[[ -z $bundled_dir ]] || price_paths+=("$bundled_dir")
prices_changed=()
if ((${#price_paths[@]} > 0)); then
  for dir in "${price_paths[@]}"; do
    git diff --quiet "$merge_base" HEAD -- "$dir" || prices_changed+=("$dir")
  done
fi
if ((${#prices_changed[@]} > 0)); then
  # Every scenario at HEAD: the files HEAD adds to an empty tree.
  empty_tree=$(git hash-object -t tree /dev/null)
  while IFS= read -r -d '' path; do
    [[ -n ${pairs[$path]+set} ]] && continue
    if git cat-file -e "$merge_base:$path" 2>/dev/null; then pairs[$path]=$path; else pairs[$path]=; fi
  done < <(git diff --name-only -z --diff-filter=A "$empty_tree" HEAD -- "${scenario_specs[@]}")
fi
heads=()
if ((${#pairs[@]} > 0)); then mapfile -d '' heads < <(printf '%s\0' "${!pairs[@]}" | sort -z); fi

# --- options for each side --------------------------------------------------------------
# The repository's copy of the bundled sheets, when it has one, is what tco prices with.
bundled_changed=false
original_pricing_dir=${TCO_PRICING_DIR-}
if [[ -n $bundled_dir && -d $bundled_dir ]]; then
  export TCO_PRICING_DIR="$top/$bundled_dir"
  git diff --quiet "$merge_base" HEAD -- "$bundled_dir" || bundled_changed=true
fi

# Extract a directory as it was at the merge base under $tmp/base (empty when it was not there).
extract_base_dir() {
  mkdir -p -- "$tmp/base/$1"
  if git cat-file -e "$merge_base:$1" 2>/dev/null; then
    git archive --format=tar "$merge_base" -- "$1" | tar -x -C "$tmp/base"
  fi
}
head_pricing=() base_pricing=()
for dir in "${pricing_dirs[@]}"; do
  extract_base_dir "$dir"
  head_pricing+=(--pricing-dir "$dir")
  base_pricing+=(--base-pricing-dir "$tmp/base/$dir")
done
base_bundled=$original_pricing_dir
if $bundled_changed; then
  if git cat-file -e "$merge_base:$bundled_dir" 2>/dev/null; then
    extract_base_dir "$bundled_dir"
    base_bundled="$tmp/base/$bundled_dir"
  fi
fi

# Of tco diff's options, those tco compare and tco check take too.
shared_args=() passthrough_pricing=() passthrough_base_pricing=()
for ((i = 0; i < ${#diff_args[@]}; i++)); do
  arg=${diff_args[i]}
  case $arg in
    --horizon | --as-of | --pricing-dir | --base-pricing-dir)
      ((i + 1 < ${#diff_args[@]})) || break
      value=${diff_args[i + 1]}
      ((i += 1))
      ;;
    --horizon=* | --as-of=* | --pricing-dir=* | --base-pricing-dir=*) value=${arg#*=}; arg=${arg%%=*} ;;
    *) continue ;;
  esac
  case $arg in
    --horizon | --as-of) shared_args+=("$arg" "$value") ;;
    --pricing-dir) passthrough_pricing+=(--pricing-dir "$value") ;;
    --base-pricing-dir) passthrough_base_pricing+=(--pricing-dir "$value") ;;
  esac
done
# Directories given after `--` keep their order after ours on both sides ("later wins"); without
# a --base-pricing-dir there, its --pricing-dir ones price the base too.
if ((${#passthrough_base_pricing[@]} == 0)); then
  passthrough_base_pricing=("${passthrough_pricing[@]}")
  if ((${#base_pricing[@]} > 0)); then
    for ((i = 1; i < ${#passthrough_pricing[@]}; i += 2)); do
      base_pricing+=(--base-pricing-dir "${passthrough_pricing[i]}")
    done
  fi
fi
# tco compare and tco check: the head side (an added scenario); the base side (a saved base).
head_only_args=("${head_pricing[@]}" "${passthrough_pricing[@]}" "${shared_args[@]}")
base_compare_args=()
for dir in "${pricing_dirs[@]}"; do base_compare_args+=(--pricing-dir "$tmp/base/$dir"); done
base_compare_args+=("${passthrough_base_pricing[@]}" "${shared_args[@]}")

# --- running tco ---------------------------------------------------------------------------
severity() {  # exit status -> its rank; anything but 0-2 (a crash, 126, 127) is internal
  case $1 in 0 | 1 | 2) echo "$1" ;; *) echo 3 ;; esac
}
worst=0
note_status() {
  local rank
  rank=$(severity "$1")
  ((rank > worst)) && worst=$rank
  return 0
}
describe() {
  case $(severity "$1") in
    0) echo "passed" ;;
    1) echo "**gate breached**" ;;
    2) echo "**failed**: invalid input" ;;
    *) echo "**failed**: internal error (exit status $1)" ;;
  esac
}

# run NAME OUT_FILE ERR_FILE COMMAND...: runs it, shows its standard error on ours, and sets
# $rc to its exit status.
run() {
  local name=$1 stdout=$2 stderr=$3
  shift 3
  rc=0
  "$@" >"$stdout" 2>"$stderr" || rc=$?
  if [[ -s $stderr ]]; then cat -- "$stderr" >&2; fi
  echo "$prog: $name: exit status $rc" >&2
}

# The diagnostics of a failed run, in the comment. Paths under $tmp are shown as REF:PATH.
failure_section() {
  local title=$1 status=$2 stderr=$3 text
  text=$(head -n 40 -- "$stderr")
  text=${text//"$tmp/base/"/"$base_label:"}
  text=${text//"$tmp/saved/"/"$base_label:"}
  text=${text//"$tmp/"/}
  printf '### %s: %s\n\n' "$title" "$(describe "$status")"
  printf '`tco` exited with status %s' "$status"
  if [[ -n $text ]]; then
    printf ':\n\n````text\n%s\n````\n' "$text"
    (($(wc -l <"$stderr") <= 40)) || printf '\n(first 40 lines; the whole output is in the job log)\n'
  else
    printf ' and printed nothing on standard error.\n'
  fi
}

summary=() parts=() part_names=()
n=0
for head_path in "${heads[@]}"; do
  base_path=${pairs[$head_path]}
  n=$((n + 1))
  part="$tmp/part-$n.md" err="$tmp/err-$n.txt"
  : >"$part"
  if [[ -z $base_path ]]; then
    # Added: nothing to diff against. Its figures, and its budgets, which hold without a base.
    run "$head_path (new: compare)" "$tmp/compare-$n.md" "$err" \
      "$tco" compare "$head_path" --format markdown "${head_only_args[@]}"
    status=$rc
    if ((status == 0)); then
      run "$head_path (new: check)" "$tmp/check-$n.md" "$err" \
        "$tco" check "$head_path" --format markdown "${head_only_args[@]}"
      status=$rc
    fi
    note_status "$status"
    summary+=("- \`$head_path\` (new, no base version to compare with): $(describe "$status")")
    {
      if (($(severity "$status") >= 2)); then
        failure_section "\`$head_path\` (new)" "$status" "$err"
      else
        printf '### `%s` is new: no base version to compare with\n\n' "$head_path"
        printf 'The increase gates need a base; its budgets are checked.\n\n'
        printf '<details><summary>Its figures (tco compare)</summary>\n\n'
        cat -- "$tmp/compare-$n.md"
        printf '\n</details>\n\n'
        cat -- "$tmp/check-$n.md"
      fi
    } >"$part"
    parts+=("$part") part_names+=("$head_path")
    continue
  fi

  git diff --quiet HEAD -- "$head_path" ||
    echo "$prog: warning: $head_path has changes not committed: the working tree's version is compared" >&2
  mkdir -p -- "$tmp/base/$(dirname -- "$base_path")"
  git show "$merge_base:$base_path" >"$tmp/base/$base_path"
  base_file="$tmp/base/$base_path"
  label="\`$head_path\`"
  [[ $base_path == "$head_path" ]] || label="\`$base_path\` → \`$head_path\`"
  status=0
  if $bundled_changed; then
    # The bundled sheets changed: price the base side with its own, then diff that result.
    base_file="$tmp/saved/$base_path"
    mkdir -p -- "$(dirname -- "$base_file")"
    run "$base_path (base: compare with the base's price sheets)" "$base_file" "$err" \
      env TCO_PRICING_DIR="$base_bundled" "$tco" compare "$tmp/base/$base_path" --format json \
      "${base_compare_args[@]}"
    status=$rc
  fi
  if ((status == 0)); then
    side_args=("${head_pricing[@]}")
    $bundled_changed || side_args+=("${base_pricing[@]}")  # a saved base is priced already
    run "$head_path" "$tmp/diff-$n.md" "$err" \
      "$tco" diff "$base_file" "$head_path" --format markdown "${side_args[@]}" "${diff_args[@]}"
    status=$rc
  fi
  note_status "$status"
  summary+=("- $label: $(describe "$status")")
  if (($(severity "$status") >= 2)); then
    failure_section "$label" "$status" "$err" >"$part"
  else
    # The base version's temporary path, as git names it: REF@COMMIT:PATH.
    text=$(<"$tmp/diff-$n.md")
    text=${text//"$tmp/base/"/"$base_label:"}
    printf '%s\n' "${text//"$tmp/saved/"/"$base_label:"}" >"$part"
  fi
  parts+=("$part") part_names+=("$head_path")
done

# --- the comment -------------------------------------------------------------------------
{
  printf '%s\n' "$marker"
  if ((${#heads[@]} == 0 && ${#removed[@]} == 0)); then
    printf '## Cost impact: no scenario changed\n\nNo scenario or price sheet changed since `%s`: nothing to compare.\n' "$base_label"
  else
    case $worst in
      0) verdict="every gate holds" ;;
      1) verdict="a gate or budget was breached" ;;
      2) verdict="a diff failed (invalid input)" ;;
      *) verdict="a diff failed (internal error)" ;;
    esac
    printf '## Cost impact: %s\n\n' "$verdict"
    printf 'Compared with `%s` by `tco diff`' "$base_label"
    if ((${#diff_args[@]} > 0)); then printf ' `%s`' "${diff_args[*]}"; fi
    printf '.'
    if ((${#prices_changed[@]} > 0)); then
      printf ' Price sheets changed (`%s`), so every scenario is compared.' "${prices_changed[*]}"
    fi
    printf '\n\n'
    if ((${#summary[@]} > 0)); then printf '%s\n' "${summary[@]}"; fi
    for path in "${removed[@]}"; do
      [[ -n $path ]] && printf -- '- `%s`: removed, nothing to compare\n' "$path"
    done
    printf '\n'
  fi
} >"$tmp/comment.md"

left_out=()
for i in "${!parts[@]}"; do
  part=${parts[i]}
  size=$(($(wc -c <"$tmp/comment.md") + $(wc -c <"$part") + 200 + 200 * (${#left_out[@]} + 1)))
  if ((size <= max_chars)); then
    { printf -- '---\n\n'; cat -- "$part"; printf '\n'; } >>"$tmp/comment.md"
  else
    left_out+=("${part_names[i]}")
    cat -- "$part"  # on standard output: the job log keeps what the comment cannot
  fi
done
if ((${#left_out[@]} > 0)); then
  printf -- '---\n\nLeft out of this comment, which would exceed %s characters (the job log has them):\n\n' \
    "$max_chars" >>"$tmp/comment.md"
  printf -- '- `%s`\n' "${left_out[@]}" >>"$tmp/comment.md"
fi
cp -- "$tmp/comment.md" "$out"
echo "$prog: comment written to $out; exit status $worst" >&2
exit "$worst"
