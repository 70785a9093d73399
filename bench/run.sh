#!/usr/bin/env bash
# Benchmarks pmi's reports on synthetic trees against the I/O floor.
#
#   bench/run.sh [N...]          default: 1000 10000 100000
#
# Environment: PMI (the binary; default build/pmi, then pmi on PATH),
# BENCH_DIR (where trees and results go; default /tmp/pmi-bench),
# SEED (default 1), TODAY (default 2026-11-25).
# Needs python3, hyperfine and GNU time (/usr/bin/time).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup run.sh /tmp/pmi-bench hyperfine python3 /usr/bin/time
[ $# -gt 0 ] || set -- 1000 10000 100000

COMMANDS=("report --week" "list --format json" "index --check" "themes" "check")
ROWS="$RESULTS/rows.tsv"
: >"$ROWS"
: >"$RESULTS/doubling.tsv"

exists() {
    # shellcheck disable=SC2086 # the command's words
    "$PMI" $1 --help >/dev/null 2>&1
}

for n in "$@"; do
    tree_dir=$(tree "$n" 1)
    echo "== N=$n: $tree_dir" >&2
    # INDEX.md and TAGS.md up to date, as in a repository whose CI runs index --check.
    "$PMI" --root "$tree_dir" --today "$TODAY" index >/dev/null 2>&1 || true
    floor="find '$tree_dir' -name '*.md' -print0 | xargs -0 head -c 1024 > /dev/null"
    hyperfine --warmup 1 --runs 5 --export-json "$RESULTS/$n-floor.json" "$floor" >&2
    floor_s=$(median "$RESULTS/$n-floor.json")
    floor_mb=$(peak_mb sh -c "$floor")
    printf 'I/O floor (head -c 1024)\t%s\t%s\t1.00\t%s\n' "$n" "$floor_s" "$floor_mb" >>"$ROWS"

    for command in "${COMMANDS[@]}" "check (no cache)"; do
        words=${command% (no cache)}
        if ! exists "$words"; then
            echo "skipping '$command': not in this pmi" >&2
            continue
        fi
        name=${command// /_}
        args=("$PMI" --root "$tree_dir" --today "$TODAY")
        # shellcheck disable=SC2206 # the command's words
        args+=($words)
        prepare=()
        if [ "$command" = "check (no cache)" ]; then
            prepare=(--prepare "rm -rf '$tree_dir/.pmi/cache'")
        fi
        hyperfine --warmup 1 --runs 5 -i "${prepare[@]}" --export-json "$RESULTS/$n-$name.json" \
            "$(printf '%q ' "${args[@]}")" >&2
        seconds=$(median "$RESULTS/$n-$name.json")
        [ "$command" = "check (no cache)" ] && rm -rf "$tree_dir/.pmi/cache"
        mb=$(peak_mb "${args[@]}")
        ratio=$(awk -v a="$seconds" -v b="$floor_s" 'BEGIN { printf "%.2f", a / b }')
        printf 'pmi %s\t%s\t%s\t%s\t%s\n' "$command" "$n" "$seconds" "$ratio" "$mb" >>"$ROWS"
    done

    # Peak memory must follow front matter, not bodies: the same tree with every
    # body twice as large.
    if exists check; then
        double_dir=$(tree "$n" 2)
        for dir in "$tree_dir" "$double_dir"; do
            "$PMI" --root "$dir" --today "$TODAY" check >/dev/null 2>&1 || true
        done
        for mode in warm nocache; do
            env=()
            [ "$mode" = nocache ] && env=(env PMI_NO_CACHE=1)
            one=$(peak_mb "${env[@]}" "$PMI" --root "$tree_dir" --today "$TODAY" check)
            two=$(peak_mb "${env[@]}" "$PMI" --root "$double_dir" --today "$TODAY" check)
            bytes1=$(du -sb --exclude=INDEX.md --exclude=TAGS.md "$tree_dir/prod" | cut -f1)
            bytes2=$(du -sb --exclude=INDEX.md --exclude=TAGS.md "$double_dir/prod" | cut -f1)
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$mode" "$((bytes1 / 1048576))" \
                "$((bytes2 / 1048576))" "$one" "$two" >>"$RESULTS/doubling.tsv"
        done
    fi
done

python3 - "$ROWS" "$RESULTS/doubling.tsv" <<'PY'
import os, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
print("| command | N | median wall time | ratio to floor | peak memory |")
print("|---|---:|---:|---:|---:|")
for command, n, seconds, ratio, mb in rows:
    print(f"| {command} | {int(n):,} | {float(seconds):.3f} s | {ratio}x | {mb} MB |")
if os.path.exists(sys.argv[2]):
    print()
    print("| N | pmi check | notes MB | notes MB, bodies x2 | peak RSS | peak RSS, bodies x2 | change |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n, mode, one_mb, two_mb, one, two in (l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()):
        change = (float(two) / float(one) - 1) * 100
        label = "warm cache" if mode == "warm" else "PMI_NO_CACHE=1"
        print(f"| {int(n):,} | {label} | {one_mb} | {two_mb} | {one} MB | {two} MB | {change:+.1f}% |")
PY
