#!/usr/bin/env bash
# Benchmarks `pmi site` against `pmi index` on the trees of gen_tree.py, and
# checks that its memory stays flat in note body size (one body at a time).
#
#   bench/site.sh [N...]         default: 1000 10000
#
# Environment: PMI (default build/pmi), BENCH_DIR (default /tmp/pmi-bench-site),
# SEED (default 1), TODAY (default 2026-11-25). Needs python3, hyperfine and
# GNU time (/usr/bin/time).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/pmi-bench-site}
SEED=${SEED:-1}
TODAY=${TODAY:-2026-11-25}
PMI=$(realpath "${PMI:-$HERE/../build/pmi}")
for tool in hyperfine python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "site.sh: $tool is missing" >&2; exit 2; }
done
[ $# -gt 0 ] || set -- 1000 10000
RESULTS="$BENCH_DIR/results"
mkdir -p "$RESULTS"

# tree N SCALE: a generated tree, written once per N, seed and body scale.
tree() {
    local dir="$BENCH_DIR/n$1-s$SEED-x$2"
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        python3 "$HERE/gen_tree.py" --notes "$1" --seed "$SEED" --today "$TODAY" \
            --body-scale "$2" --out "$dir" >&2
        touch "$dir/.complete"
        sleep 2 # pmi does not cache files changed in the last 2 seconds
    fi
    echo "$dir"
}

median() {
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}

# cpu JSON: hyperfine's mean user + system time in seconds (wall time suffers on a busy machine).
cpu() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["user"] + r["system"])' "$1"
}

peak_mb() {
    /usr/bin/time -o "$RESULTS/.time" -f '%M' "$@" >/dev/null 2>&1 || true
    awk '{ kb = $1 } END { printf "%.1f", kb / 1024 }' "$RESULTS/.time"
}

echo "| command | N | median wall time | CPU (user+sys) | CPU ratio to index | peak memory | peak memory, bodies x2 |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for n in "$@"; do
    dir=$(tree "$n" 1)
    twin=$(tree "$n" 2)
    base=
    for command in "index" "site --week last"; do
        json="$RESULTS/site-n$n-${command%% *}.json"
        # shellcheck disable=SC2086 # the command's words
        hyperfine --warmup 1 --runs 3 --export-json "$json" -i \
            "$PMI --root $dir --today $TODAY $command" >/dev/null
        time_s=$(median "$json")
        cpu_s=$(cpu "$json")
        [ -n "$base" ] || base=$cpu_s
        # shellcheck disable=SC2086
        peak=$(peak_mb "$PMI" --root "$dir" --today "$TODAY" $command)
        # shellcheck disable=SC2086
        peak2=$(peak_mb "$PMI" --root "$twin" --today "$TODAY" $command)
        printf '| pmi %s | %s | %.3f s | %.3f s | %.2fx | %s MB | %s MB |\n' "$command" "$n" \
            "$time_s" "$cpu_s" "$(python3 -c "print($cpu_s / $base)")" "$peak" "$peak2"
    done
done
