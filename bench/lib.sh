# Shared setup of the benchmark scripts (run.sh, site.sh, search.sh, adversarial.sh),
# sourced by each:
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   bench_setup NAME DEFAULT-BENCH-DIR TOOL...
#
# Environment: PMI (the binary; default build/pmi, then pmi on PATH), BENCH_DIR
# (where trees and results go), SEED (default 1), TODAY (default 2026-11-25).
# shellcheck shell=bash

BENCH_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# bench_find_pmi NAME: sets PMI to the binary's absolute path; exits 2 without one.
bench_find_pmi() {
    if [ -z "${PMI:-}" ]; then
        if [ -x "$BENCH_HERE/../build/pmi" ]; then
            PMI="$BENCH_HERE/../build/pmi"
        else
            PMI=$(command -v pmi || true)
        fi
    fi
    if [ -z "$PMI" ] || [ ! -x "$PMI" ]; then
        echo "$1: set PMI to the pmi binary" >&2
        exit 2
    fi
    PMI=$(realpath "$PMI")
}

# bench_require NAME TOOL...: exits 2 when a TOOL is missing.
bench_require() {
    local name=$1 tool
    shift
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$name: $tool is missing" >&2; exit 2; }
    done
}

# bench_setup NAME DEFAULT-BENCH-DIR TOOL...: sets BENCH_DIR, SEED, TODAY, PMI and
# RESULTS (created); exits 2 when pmi or a TOOL is missing.
bench_setup() {
    local name=$1
    BENCH_DIR=${BENCH_DIR:-$2}
    shift 2
    SEED=${SEED:-1}
    TODAY=${TODAY:-2026-11-25}
    bench_find_pmi "$name"
    bench_require "$name" "$@"
    RESULTS="$BENCH_DIR/results"
    mkdir -p "$RESULTS"
}

# generate_tree DIR N SCALE: a fresh tree of gen_tree.py in DIR (replacing DIR).
generate_tree() {
    rm -rf "$1"
    python3 "$BENCH_HERE/gen_tree.py" --notes "$2" --seed "$SEED" --today "$TODAY" \
        --body-scale "$3" --out "$1" >&2
}

# mark_complete DIR: DIR is written; tree finds it there next time.
mark_complete() {
    touch "$1/.complete"
    sleep 2 # pmi does not cache files changed in the last 2 seconds
}

# tree N SCALE: the path of a generated tree, written once per N, seed and body scale.
tree() {
    local dir="$BENCH_DIR/n$1-s$SEED-x$2"
    if [ ! -f "$dir/.complete" ]; then
        generate_tree "$dir" "$1" "$2"
        mark_complete "$dir"
    fi
    echo "$dir"
}

# median JSON: hyperfine's median wall time in seconds.
median() {
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}

# cpu_seconds JSON: hyperfine's mean user + system time in seconds (wall time
# suffers on a busy machine).
cpu_seconds() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["user"] + r["system"])' "$1"
}

# peak_mb COMMAND...: peak resident memory of one run, in MB.
peak_mb() {
    /usr/bin/time -o "$RESULTS/.time" -f '%M' "$@" >/dev/null 2>&1 || true
    awk '{ kb = $1 } END { printf "%.1f", kb / 1024 }' "$RESULTS/.time"
}
