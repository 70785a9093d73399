#!/usr/bin/env bash
# Times pmi on the inputs that were once quadratic (issue 13): one note with
# 120,000 tags, one with 95,000 keys, 2,000 duplicate notes. Prints a markdown
# table: wall and CPU time, peak memory and output size of one run of each
# command (on a shared machine, CPU time is the steadier number).
#
#   bench/adversarial.sh
#
# Environment: PMI (the binary; default build/pmi, then pmi on PATH),
# BENCH_DIR (default /tmp/pmi-bench-adversarial). Needs python3 and GNU time.
# Every run is without the note cache (PMI_NO_CACHE=1): parsing is what is measured.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BENCH_DIR=${BENCH_DIR:-/tmp/pmi-bench-adversarial}
bench_find_pmi adversarial.sh
bench_require adversarial.sh python3 /usr/bin/time

if [ ! -f "$BENCH_DIR/.complete" ]; then
    rm -rf "$BENCH_DIR"
    python3 "$BENCH_HERE/gen_adversarial.py" --out "$BENCH_DIR"
    touch "$BENCH_DIR/.complete"
fi

# measure CASE COMMAND...: one run; prints a table row.
measure() {
    local case=$1
    shift
    local out="$BENCH_DIR/.out" timing="$BENCH_DIR/.time"
    rm -rf "$BENCH_DIR/$case/.pmi" "$BENCH_DIR/$case/prod/interviews/"{INDEX,TAGS}.md "$BENCH_DIR/junit.xml"
    (cd "$BENCH_DIR/$case" &&
        PMI_NO_CACHE=1 /usr/bin/time -o "$timing" -f '%e %U %S %M' "$PMI" --today 2026-11-25 "$@" \
            >"$out" 2>&1) || true
    local bytes
    bytes=$(stat -c %s "$out")
    if [ -f "$BENCH_DIR/junit.xml" ]; then bytes=$((bytes + $(stat -c %s "$BENCH_DIR/junit.xml"))); fi
    read -r seconds user system kb < <(tail -n 1 "$timing")
    printf '| %s | pmi %s | %s s | %s s | %s MB | %s |\n' "$case" "$*" "$seconds" \
        "$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')" \
        "$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')" "$bytes"
}

echo "| case | command | wall time | CPU time | peak memory | output bytes |"
echo "|---|---|---:|---:|---:|---:|"
measure tags list
measure tags index
measure tags tags
measure keys list
measure keys lint
measure dups lint
measure dups check --week 2026-W47 --format github --junit "$BENCH_DIR/junit.xml"
