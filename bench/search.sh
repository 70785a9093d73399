#!/usr/bin/env bash
# Benchmarks `pmi search` against grep -rn, git grep -n and ripgrep on the
# trees of gen_tree.py.
#
#   bench/search.sh [N...]       default: 1000 10000
#
# Environment: PMI (default build/pmi), BENCH_DIR (default /tmp/pmi-bench-search),
# SEED (default 1), TODAY (default 2026-11-25). Needs python3, git, hyperfine, rg.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup search.sh /tmp/pmi-bench-search hyperfine python3 git rg
[ $# -gt 0 ] || set -- 1000 10000
ROWS="$RESULTS/search-rows.tsv"
: >"$ROWS"

# The generated bodies share a small vocabulary, so a selective word is
# planted: "zanzibar" appended to every 200th note (0.5 %).
search_tree() {
    local dir="$BENCH_DIR/n$1-s$SEED"
    if [ ! -f "$dir/.complete" ]; then
        generate_tree "$dir" "$1" 1
        find "$dir/prod" -name '*.md' | sort | awk 'NR % 200 == 0' | while read -r f; do
            printf '\nThey mentioned zanzibar twice.\n' >>"$f"
        done
        git -C "$dir" init -q && git -C "$dir" add -A &&
            git -C "$dir" -c user.name=b -c user.email=b@b commit -qm tree
        mark_complete "$dir"
    fi
    echo "$dir"
}

# wall_and_cpu JSON: hyperfine's median wall time, then the mean CPU time (user +
# system), in seconds. On a shared machine the CPU time is the steadier one.
wall_and_cpu() {
    printf '%s\t%s\n' "$(median "$1")" "$(cpu_seconds "$1")"
}

# time_it NAME N [hyperfine options] -- COMMAND: one row of the table.
time_it() {
    local name=$1 n=$2
    shift 2
    local options=()
    while [ "$1" != "--" ]; do options+=("$1"); shift; done
    shift
    local json="$RESULTS/$n-$(printf '%s' "$name" | tr -c 'a-zA-Z0-9' _).json"
    hyperfine --warmup 1 --runs 5 -i "${options[@]}" --export-json "$json" "$*" >&2
    printf '%s\t%s\t%s\n' "$name" "$n" "$(wall_and_cpu "$json")" >>"$ROWS"
}

for n in "$@"; do
    dir=$(search_tree "$n")
    cd "$dir"
    pmi="$PMI --root $dir --today $TODAY"
    $pmi search zanzibar >/dev/null 2>&1 || true # the note cache and the index
    edited=$(find prod -name '*.md' | sort | sed -n 1p)
    time_it "pmi report --week" "$n" -- "$pmi report --week >/dev/null 2>&1"
    time_it "pmi search zanzibar (0.5 %)" "$n" -- "$pmi search zanzibar >/dev/null 2>&1"
    time_it "grep -rn -i zanzibar" "$n" -- "grep -rn -i zanzibar prod >/dev/null"
    time_it "git grep -n -i zanzibar" "$n" -- "git grep -n -i zanzibar >/dev/null"
    time_it "rg -n -i zanzibar" "$n" -- "rg -n -i zanzibar prod >/dev/null"
    time_it "pmi search spreadsheet (most notes)" "$n" -- "$pmi search spreadsheet >/dev/null 2>&1"
    time_it "rg -n -i spreadsheet" "$n" -- "rg -n -i spreadsheet prod >/dev/null"
    time_it "pmi search zanzibar --format paths" "$n" -- "$pmi search zanzibar --format paths >/dev/null 2>&1"
    time_it "pmi search, one note edited before" "$n" \
        --prepare "printf 'edit\n' >>'$edited'" -- "$pmi search zanzibar >/dev/null 2>&1"
    time_it "pmi search, index deleted (build)" "$n" \
        --prepare "rm -f .pmi/cache/search.sqlite*" -- "$pmi search zanzibar >/dev/null 2>&1"
    time_it "pmi search, .pmi/cache deleted (fresh clone)" "$n" \
        --prepare "rm -rf .pmi/cache" -- "$pmi search zanzibar >/dev/null 2>&1"
    $pmi search zanzibar >/dev/null 2>&1 || true
    notes=$(find prod -name '*.md' ! -name INDEX.md ! -name TAGS.md -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
    index=$(du -cb .pmi/cache/search.sqlite* | tail -1 | cut -f1)
    printf 'index size / notes size\t%s\t%s MB / %s MB\t\n' "$n" "$((index / 1048576))" \
        "$((notes / 1048576))" >>"$ROWS"
    git checkout -q -- . # undo the edits
    cd - >/dev/null
done

python3 - "$ROWS" <<'PY'
import sys
print("| what | N | median wall time | CPU time (user + sys) |")
print("|---|---:|---:|---:|")
def seconds(value):
    try:
        return f"{float(value):.3f} s"
    except ValueError:
        return value
for name, n, wall, cpu in (line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()):
    print(f"| {name} | {int(n):,} | {seconds(wall)} | {seconds(cpu)} |")
PY
