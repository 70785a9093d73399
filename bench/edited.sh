#!/usr/bin/env bash
# What one edited note costs a search: `pmi search zanzibar` right after a
# line is appended to one note, against warm searches, for two builds
# alternated, each with its own copy of the index (their formats may differ).
#
#   bench/edited.sh TREE BEFORE AFTER [ROUNDS]
#
# TREE is a tree search.sh made (e.g. /tmp/pmi-bench-search/n100000-s1); its
# first note gets a line appended per edited run (`git checkout -- .` undoes
# them). Prints, per round and build, the median CPU time (task-clock) of ten
# edited and ten warm runs. Needs perf.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 TREE BEFORE AFTER [ROUNDS]" >&2; exit 2; }
tree=$1; builds=("$2" "$3"); rounds=${4:-3}
cd "$tree"
edited=$(find prod -name '*.md' | sort | sed -n 1p)
keep=$(mktemp -d)
trap 'rm -rf "$keep"' EXIT
search() { "$1" --root . --today 2026-11-25 search zanzibar >/dev/null 2>&1; }
cpu_ms() {
    perf stat -x, -e task-clock "$1" --root . --today 2026-11-25 search zanzibar 2>&1 >/dev/null |
        awk -F, '/task-clock/ { print $1 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
use_index() { # use_index N: build N's own index in place
    rm -f .pmi/cache/search.sqlite*
    if [ -f "$keep/$1.sqlite" ]; then cp "$keep/$1.sqlite" .pmi/cache/search.sqlite; fi
}
save_index() { cp .pmi/cache/search.sqlite "$keep/$1.sqlite"; }
for n in 0 1; do # each build's index, built and settled once
    use_index $n; search "${builds[$n]}"; sleep 2.5; search "${builds[$n]}"; save_index $n
done
for round in $(seq "$rounds"); do
    for n in 0 1; do
        pmi=${builds[$n]}
        use_index $n; search "$pmi"
        edited_runs=$(for _ in $(seq 10); do printf 'edit\n' >>"$edited"; cpu_ms "$pmi"; done | median)
        sleep 2.5; search "$pmi"
        warm_runs=$(for _ in $(seq 10); do cpu_ms "$pmi"; done | median)
        echo "round $round $pmi: edited ${edited_runs} ms, warm ${warm_runs} ms"
        save_index $n
    done
done
