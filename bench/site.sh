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

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup site.sh /tmp/pmi-bench-site hyperfine python3 /usr/bin/time
[ $# -gt 0 ] || set -- 1000 10000

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
        cpu_s=$(cpu_seconds "$json")
        [ -n "$base" ] || base=$cpu_s
        # shellcheck disable=SC2086
        peak=$(peak_mb "$PMI" --root "$dir" --today "$TODAY" $command)
        # The tree's peak follows hyperfine's runs; the twin's follows one run too, so
        # both are measured with the cache built and the pages written.
        # shellcheck disable=SC2086
        "$PMI" --root "$twin" --today "$TODAY" $command >/dev/null 2>&1 || true
        # shellcheck disable=SC2086
        peak2=$(peak_mb "$PMI" --root "$twin" --today "$TODAY" $command)
        printf '| pmi %s | %s | %.3f s | %.3f s | %.2fx | %s MB | %s MB |\n' "$command" "$n" \
            "$time_s" "$cpu_s" "$(python3 -c "print($cpu_s / $base)")" "$peak" "$peak2"
    done
done
