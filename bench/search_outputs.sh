#!/usr/bin/env bash
# Writes the text, --context 2 and JSON output (stdout, stderr and exit code)
# of 14 queries, so two builds can be compared byte for byte:
#
#   bench/search_outputs.sh TREE PMI OUTDIR
#   diff -r OUTDIR-of-one OUTDIR-of-the-other
#
# TREE is a tree search.sh made (e.g. /tmp/pmi-bench-search/n10000-s1). The
# outputs of a broad query are large: 1.3 GB for the 10,000-note tree. The
# search index is deleted first: bm25 scores, and so the order of --rank,
# count the tombstones an index's history left.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 TREE PMI OUTDIR" >&2; exit 2; }
tree=$1; pmi=$(realpath "$2"); out=$(realpath -m "$3")
mkdir -p "$out"
cd "$tree"
rm -f .pmi/cache/search.sqlite .pmi/cache/search.sqlite-wal .pmi/cache/search.sqlite-shm
run() { "$pmi" --root . --today 2026-11-25 "$@"; }
i=0
while IFS= read -r query; do
    i=$((i + 1))
    read -r -a words <<<"$query"
    for kind in txt ctx json; do
        case $kind in
        txt) args=(search "${words[@]}") ;;
        ctx) args=(search --context 2 "${words[@]}") ;;
        json) args=(search --format json "${words[@]}") ;;
        esac
        rc=0
        run "${args[@]}" >"$out/$i.$kind" 2>&1 || rc=$?
        echo "rc=$rc" >>"$out/$i.$kind"
    done
done <<'QUERIES'
spreadsheet
zanzibar
invoic*
export OR csv
renewal -spreadsheet
Cooper
"copy paste"
webhooks zanzibar
frustrating --rank
usability --product product-03
NOT spreadsheet zanzibar
spreadsheets --context 5
mentioned
customer
QUERIES
