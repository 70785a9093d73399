# End-to-end tests of the search index (.pmi/cache/search.sqlite) when it
# cannot be written or is damaged: the search still answers, exit 0.
source "$(dirname "$0")/lib.sh" "$1"

cp -r "$SOURCE_DIR/examples" "$WORK/repo"
cd "$WORK/repo" || exit 2
rm -rf .pmi/cache
# What each search must answer: the notes holding the word, by grep.
EXPECTED=$(grep -rli --include='*.md' excel prod/interviews | sort)
[ -n "$EXPECTED" ] || { echo "the examples hold no note about excel"; exit 2; }

# search_paths: `pmi search excel --format paths`, sorted, into $OUT.
search_paths() {
    run search excel --format paths
    OUT=$(sort <<<"$OUT")
}

search_paths
expect_code 0
expect_out_equals "$EXPECTED"
expect_file .pmi/cache/search.sqlite

# --- A read-only repository, or index, or cache folder: the index lives in
# memory for the run, nothing is written. Root ignores file modes, so as root
# pmi runs as nobody (setpriv) on a tree nobody owns.
AS_USER=()
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null; then
        AS_USER=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        cp "$PMI_BIN" "$WORK/pmi" # nobody may not reach the build folder
        chmod 755 "$WORK" "$WORK/pmi"
        chown -R 65534:65534 "$WORK/repo" "$HOME"
    else
        echo "running as root without setpriv: the read-only checks are skipped"
        AS_USER=(skip)
    fi
fi

# search_read_only: the search as a user the modes bind, checked to answer
# right, say nothing and leave the cache folder as it was.
search_read_only() {
    local before after
    before=$(ls -la --time-style=+%s.%N .pmi/cache 2>&1; cat .pmi/cache/search.sqlite 2>&1 | cksum)
    local bin=$PMI_BIN
    [ "${#AS_USER[@]}" -eq 0 ] || bin="$WORK/pmi"
    OUT=$("${AS_USER[@]}" "$bin" search excel --format paths 2>"$WORK/.stderr" </dev/null)
    CODE=$?
    ERR=$(cat "$WORK/.stderr")
    OUT=$(sort <<<"$OUT")
    expect_code 0
    expect_out_equals "$EXPECTED"
    expect_err_empty
    after=$(ls -la --time-style=+%s.%N .pmi/cache 2>&1; cat .pmi/cache/search.sqlite 2>&1 | cksum)
    CHECKS=$((CHECKS + 1))
    [ "$before" == "$after" ] || fail "the cache folder changed:
$(diff <(echo "$before") <(echo "$after"))"
}

if [ "${AS_USER[0]:-}" != skip ]; then
    # The whole repository read-only, its index already there.
    chmod -R a-w .
    search_read_only
    chmod -R u+w .
    # Only the index file read-only.
    chmod 444 .pmi/cache/search.sqlite
    search_read_only
    chmod 644 .pmi/cache/search.sqlite
    # Only the cache folder read-only: SQLite could not make its -wal and -shm files.
    chmod 555 .pmi/cache
    search_read_only
    chmod 755 .pmi/cache
    # A read-only repository without an index: none is made.
    rm -rf .pmi
    chmod -R a-w .
    search_read_only
    expect_no_file .pmi
    chmod -R u+w .
    # Writable again, the index is made on disk.
    search_paths
    expect_code 0
    expect_out_equals "$EXPECTED"
    expect_file .pmi/cache/search.sqlite
fi

# --- A damaged index: each page of a fresh index zeroed in turn. Whether the
# damage shows when the index is opened, synced or queried, the index is
# rebuilt with a warning and the search answers right; the next search says
# nothing.
rm -rf .pmi/cache
search_paths
pages=$(($(stat -c %s .pmi/cache/search.sqlite) / 4096))
CHECKS=$((CHECKS + 1))
[ "$pages" -ge 8 ] || fail "a small index: $pages pages"
rebuilt=0
for page in $(seq 1 $((pages - 1))); do
    rm -rf .pmi/cache
    search_paths
    dd if=/dev/zero of=.pmi/cache/search.sqlite bs=4096 seek="$page" count=1 conv=notrunc status=none
    search_paths
    expect_code 0
    expect_out_equals "$EXPECTED"
    if [ -n "$ERR" ]; then
        rebuilt=$((rebuilt + 1))
        CHECKS=$((CHECKS + 1))
        [ "$ERR" == "pmi: warning: search.sqlite is corrupt; rebuilding it" ] ||
            fail "page $page zeroed: unexpected stderr"
        search_paths
        expect_code 0
        expect_out_equals "$EXPECTED"
        expect_err_empty
    fi
done
CHECKS=$((CHECKS + 1))
[ "$rebuilt" -gt 0 ] || fail "no zeroed page was noticed"

# A table of the index gone (a damaged or tampered file): rebuilt with the
# warning, not an SQL error on every search. (The buckets are read only when
# a note changed: their loss may go unnoticed until then, answers still right.)
drop_table() {
    python3 -c "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('DROP TABLE ' + sys.argv[2]); db.commit()" \
        .pmi/cache/search.sqlite "$1"
}
for table in text files buckets meta; do
    rm -rf .pmi/cache
    search_paths
    drop_table "$table"
    search_paths
    expect_code 0
    expect_out_equals "$EXPECTED"
    [ "$table" == buckets ] || expect_err_contains "rebuilding it"
    printf '\nEdited.\n' >>prod/interviews/billing/initech-2026-09-09.md
    search_paths
    expect_code 0
    expect_out_equals "$EXPECTED"
    [ "$table" != buckets ] || [ -z "$ERR" ] || expect_err_contains "rebuilding it"
    search_paths
    expect_err_empty
done

finish
