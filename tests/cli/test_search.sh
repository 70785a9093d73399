# End-to-end tests of `pmi search` and its index (.pmi/cache/search.sqlite).
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-corp-2026-11-17.md "Acme Corp" 2026-11-17 caroline \
    "segment: enterprise
tags: [excel, invoicing]" "## Goal
Learn how they bill.

## What they do today
They are invoicing customers from an Excel spreadsheet.
Every month.
The spreadsheet breaks often.
Nothing else."
write_note billing globex-2026-11-10.md "Globex" 2026-11-10 dev "segment: smb
tags: [export]" "## Quotes
\"We export invoices to CSV and fix them by hand.\"
Café meeting, résumé attached."
write_note billing initech-2026-10-01.md "Initech" 2026-10-01 caroline "segment: smb" "## Notes
They never touch spreadsheets; everything is in the ERP."

# Words are ANDed; stemming; case and accents do not matter; grouped by note, newest first.
run search invoice
expect_code 0
expect_err_empty
expect_out_equals "2026-11-17 Acme Corp (caroline, portal)
prod/interviews/portal/acme-corp-2026-11-17.md:7: tags: [excel, invoicing]
prod/interviews/portal/acme-corp-2026-11-17.md:13: They are invoicing customers from an Excel spreadsheet.

2026-11-10 Globex (dev, billing)
prod/interviews/billing/globex-2026-11-10.md:10: \"We export invoices to CSV and fix them by hand.\""
expect_file .pmi/cache/search.sqlite
run search INVOICES excel --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md"
run search cafe RESUME --format paths
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md"
run search spreadsheet --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md
prod/interviews/billing/initech-2026-10-01.md"
# Phrases, prefixes, OR, exclusion.
run search '"fix them by hand"' --format paths
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md"
run search '"hand by them"' --format paths
expect_out_equals ""
run search 'spread*' --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md
prod/interviews/billing/initech-2026-10-01.md"
run search 'erp OR csv' --format paths
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md
prod/interviews/billing/initech-2026-10-01.md"
run search 'spreadsheet -excel' --format paths
expect_out_equals "prod/interviews/billing/initech-2026-10-01.md"
run search 'spreadsheet NOT excel' --format paths
expect_out_equals "prod/interviews/billing/initech-2026-10-01.md"
run search --format paths -- -excel spreadsheet
expect_out_equals "prod/interviews/billing/initech-2026-10-01.md"
run search spreadsheet -excel --format paths
expect_code 2
expect_err_contains "-excel"
expect_err_contains "quote the whole query"
run search '(erp OR csv) -export' --format paths
expect_out_equals "prod/interviews/billing/initech-2026-10-01.md"
# Front-matter values are searched, key names are not.
run search enterprise --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md"
run search segment
expect_out_equals ""
expect_err_contains "no notes match"
expect_code 0
# The filters of list.
run search spreadsheet --pm caroline --since 2026-11-01 --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md"
run search invoice --product billing --format paths
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md"
run search invoice --where segment=smb --format paths
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md"
run search invoice --tag export --format paths
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md"
# --rank: the most relevant first.
run search 'spreadsheet OR erp' --rank --format paths
expect_out_equals "prod/interviews/billing/initech-2026-10-01.md
prod/interviews/portal/acme-corp-2026-11-17.md"
# JSON gives each note's bm25 score (lower is more relevant), with or without --rank.
for rank in --rank ""; do
    run search 'spreadsheet OR erp' $rank --format json
    expect_json 'sorted(n["score"] for n in data["notes"])[0] < sorted(n["score"] for n in data["notes"])[1] < 0'
done
run search 'spreadsheet OR erp' --rank --format json
expect_json '[n["path"] for n in data["notes"]] == ["prod/interviews/billing/initech-2026-10-01.md", "prod/interviews/portal/acme-corp-2026-11-17.md"]'

# --context N, with -- between separate groups, as grep does.
run search month --context 1
expect_out_equals "2026-11-17 Acme Corp (caroline, portal)
prod/interviews/portal/acme-corp-2026-11-17.md-13- They are invoicing customers from an Excel spreadsheet.
prod/interviews/portal/acme-corp-2026-11-17.md:14: Every month.
prod/interviews/portal/acme-corp-2026-11-17.md-15- The spreadsheet breaks often."
run search 'goal OR nothing' --context 1 --product portal
expect_out_equals "2026-11-17 Acme Corp (caroline, portal)
prod/interviews/portal/acme-corp-2026-11-17.md-8- ---
prod/interviews/portal/acme-corp-2026-11-17.md:9: ## Goal
prod/interviews/portal/acme-corp-2026-11-17.md-10- Learn how they bill.
--
prod/interviews/portal/acme-corp-2026-11-17.md-15- The spreadsheet breaks often.
prod/interviews/portal/acme-corp-2026-11-17.md:16: Nothing else."

# JSON: the same data, with the matched words.
run search invoice --format json
expect_code 0
expect_json 'data["schema"] == 1 and len(data["notes"]) == 2'
expect_json 'data["notes"][0]["customer"] == "Acme Corp" and data["notes"][0]["pm"] == "caroline"'
expect_json 'data["notes"][0]["lines"][1]["line"] == 13 and data["notes"][0]["lines"][1]["matches"][0]["text"] == "invoicing" and data["notes"][1]["lines"][0]["matches"][0]["text"] == "invoices"'

# Matches highlighted on a terminal (--color always), not otherwise.
run --color always search month
expect_out_contains $'Every \e[31mmonth\e[0m.'
run search month
expect_out_lacks $'\e['

# --by: the evidence table.
run search spreadsheet --by segment
expect_out_equals "SEGMENT     CUSTOMERS  NOTES  LATEST
enterprise          1      1  2026-11-17
smb                 1      1  2026-10-01

2 customers in 2 segments, 2 notes, 2026-10-01 to 2026-11-17"
write_note portal acme-corp-2026-11-18.md "Acme Corp" 2026-11-18 dev "segment: enterprise
tags: [excel]" "Still the spreadsheet."
run search spreadsheet --by customer --format json
expect_json 'data["schema"] == 1 and data["customers"] == 2 and data["notes"] == 3 and data["rows"][0] == {"value": "Acme Corp", "customers": 1, "notes": 2, "latest": "2026-11-18"}'
run search spreadsheet --by tag
expect_out_contains "excel              1      2  2026-11-18"
expect_out_contains "(none)             1      1  2026-10-01"
run search spreadsheet --by nonsense
expect_code 2
run search qwertyzork --by customer
expect_code 0
expect_out_equals ""
expect_err_contains "no notes match"
run search qwertyzork --by customer --format json
expect_json 'data["notes"] == 0 and data["rows"] == [] and data["first"] == ""'

# Freshness: added, edited (same size, same second), renamed, deleted.
run search zebra --format paths
expect_out_equals ""
write_note billing umbrella-2026-11-12.md "Umbrella" 2026-11-12 dev "" "A zebra crossing."
run search zebra --format paths
expect_out_equals "prod/interviews/billing/umbrella-2026-11-12.md"
file=prod/interviews/billing/umbrella-2026-11-12.md
stamp=$(stat -c %Y "$file")
sed -i 's/zebra/horse/' "$file"
touch -d "@$stamp" "$file"
run search zebra --format paths
expect_out_equals ""
run search horse --format paths
expect_out_equals "$file"
mv "$file" prod/interviews/billing/umbrella-2026-11-13.md
run search horse --format paths
expect_out_equals "prod/interviews/billing/umbrella-2026-11-13.md"
rm prod/interviews/billing/umbrella-2026-11-13.md
run search horse
expect_out_equals ""
expect_err_contains "no notes match"

# Freshness across a git checkout of another branch.
git init -q . && git config user.name T && git config user.email t@example.com
git add -A && git commit -qm base
git checkout -q -b other
write_note portal hooli-2026-11-19.md "Hooli" 2026-11-19 dev "" "They mention a giraffe."
sed -i 's/Every month./Every giraffe./' prod/interviews/portal/acme-corp-2026-11-17.md
git add -A && git commit -qm other
run search giraffe --format paths
expect_out_equals "prod/interviews/portal/hooli-2026-11-19.md
prod/interviews/portal/acme-corp-2026-11-17.md"
git checkout -q -
run search giraffe --format paths
expect_out_equals ""
run search month --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md"
git checkout -q other
run search giraffe --format paths
expect_out_equals "prod/interviews/portal/hooli-2026-11-19.md
prod/interviews/portal/acme-corp-2026-11-17.md"
CHECKS=$((CHECKS + 1))
git status --porcelain | grep -q . && fail "the index shows in git status: $(git status --porcelain)"

# Settled notes (changed over 2 s ago), enough for the note cache: the index
# trusts a fingerprint of the notes' stamps, as the note cache read them, and
# a later edit of the same size still shows.
for i in $(seq 10 29); do
    write_note portal filler-2026-10-$i.md "Filler $i" 2026-10-$i dev "" "A quokka here."
done
run search giraffe --format paths
sleep 2.5
run search giraffe --format paths # settled: the fingerprint is kept
run search giraffe --format paths # and trusted
expect_out_equals "prod/interviews/portal/hooli-2026-11-19.md
prod/interviews/portal/acme-corp-2026-11-17.md"
sed -i 's/giraffe/gazelle/' prod/interviews/portal/hooli-2026-11-19.md
run search gazelle --format paths
expect_out_equals "prod/interviews/portal/hooli-2026-11-19.md"
run search giraffe --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md"
rm prod/interviews/portal/filler-2026-10-*.md
run search quokka --format paths
expect_out_equals ""

# Hostile queries: a clear error, exit 2, never SQLite's words.
for query in '"' 'NEAR(' '(' ')' 'a)' '(a' '(a OR (b)' '*' 'OR' 'a OR' 'OR a' 'NOT' 'a NOT' \
    '-a' '()' 'a AND' '"" ***' "$(printf '(%.0s' {1..40})a$(printf ')%.0s' {1..40})"; do
    run search -- "$query"
    expect_code 2
    expect_err_contains "pmi: error: search query: "
    CHECKS=$((CHECKS + 1))
    [[ "$ERR" != *fts5* && "$ERR" != *SQL* && "$ERR" != *syntax\ error* ]] || fail "SQLite's message for '$query': $ERR"
done
# Words that are FTS5 syntax are only words.
for query in 'col:' 'spreadsheet:' 'NEAR(spreadsheet excel)' '^spreadsheet' '+spreadsheet' \
    'body:spreadsheet' '{body}: spreadsheet' 'spreadsheet AND' ; do
    run search "$query" --format paths
    [[ "$query" == *AND ]] && continue
    expect_code 0
    CHECKS=$((CHECKS + 1))
    [[ "$ERR" != *SQL* && "$ERR" != *fts5* ]] || fail "SQLite's message for '$query': $ERR"
done
run search 'spreadsheet:' --format paths
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-18.md
prod/interviews/portal/acme-corp-2026-11-17.md
prod/interviews/billing/initech-2026-10-01.md"
# A 10 kB query: fine when it is words, a clear error when it is too many.
run search "$(printf 'spreadsheet %.0s' {1..900})" --format paths
expect_code 0
expect_out_contains "prod/interviews/portal/acme-corp-2026-11-17.md"
run search "$(printf 'w%05d ' {1..5000})"
expect_code 2
expect_err_contains "search query: too many words"

# Notes whose front-matter values look like FTS5 syntax are found and shown as written.
write_note portal evil-2026-11-05.md '"NEAR(\"x\" y) OR col: *"' 2026-11-05 dev \
    'tldr: "\" ( ) NOT -- AND {body}: ^x"' "Plain body with a kiwi."
run search kiwi
expect_code 0
expect_out_contains '2026-11-05 NEAR("x" y) OR col: * (dev, portal)'
run search near
expect_out_contains "prod/interviews/portal/evil-2026-11-05.md"
run search '"NEAR x y"' --format paths
expect_out_equals "prod/interviews/portal/evil-2026-11-05.md"

# Control characters from a note are shown visibly, never sent to the terminal.
write_note portal esc-2026-11-06.md $'"Esc\\e]0;title\\aCorp"' 2026-11-06 dev "" $'A mango \e[2J here \u009b ok \x7f'
run --color always search mango
expect_out_contains 'Esc\x1b]0;title\x07Corp'
expect_out_contains $'A \e[31mmango\e[0m \\x1b[2J here \\u009b ok \\x7f'
CHECKS=$((CHECKS + 1))
[[ "$OUT" != *$'\e]0;'* && "$OUT" != *$'\e[2J'* ]] || fail "raw control sequence in output"

# A corrupt or foreign index is rebuilt with a warning.
head -c 8192 /dev/urandom >.pmi/cache/search.sqlite
run search kiwi --format paths
expect_code 0
expect_out_equals "prod/interviews/portal/evil-2026-11-05.md"
expect_err_contains "pmi: warning: search.sqlite is corrupt; rebuilding it"
run search kiwi --format paths
expect_err_empty
rm -f .pmi/cache/search.sqlite*
sqlite3 .pmi/cache/search.sqlite 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
run search kiwi --format paths
expect_out_equals "prod/interviews/portal/evil-2026-11-05.md"
expect_err_contains "search.sqlite is not a pmi search index; rebuilding it"
# Deleting it is always safe.
rm -rf .pmi/cache
run search kiwi --format paths
expect_out_equals "prod/interviews/portal/evil-2026-11-05.md"
# Never through a symbolic link.
rm -f .pmi/cache/search.sqlite*
ln -s "$WORK/elsewhere.sqlite" .pmi/cache/search.sqlite
run search kiwi --format paths
expect_out_equals "prod/interviews/portal/evil-2026-11-05.md"
expect_no_file "$WORK/elsewhere.sqlite"
rm .pmi/cache/search.sqlite

# Concurrent searches (and a note added meanwhile) all succeed, even when
# they all create the index at once.
rm -rf .pmi/cache
for i in $(seq 1 10); do
    "$PMI_BIN" search spreadsheet --format paths >"$WORK/concurrent.$i" 2>&1 &
done
write_note portal concurrent-2026-11-07.md "Concurrent" 2026-11-07 dev "" "spreadsheet too"
wait
for i in $(seq 1 10); do
    CHECKS=$((CHECKS + 1))
    grep -q "prod/interviews/portal/acme-corp-2026-11-17.md" "$WORK/concurrent.$i" &&
        ! grep -q "error" "$WORK/concurrent.$i" || fail "concurrent search $i: $(cat "$WORK/concurrent.$i")"
done
run search spreadsheet --format paths
expect_out_contains "prod/interviews/portal/concurrent-2026-11-07.md"

# Many edits leave tombstones; past the threshold the index is rebuilt, and stays right.
for i in $(seq 1 30); do
    sed -i "s/spreadsheet too.*/spreadsheet too $i/" prod/interviews/portal/concurrent-2026-11-07.md
    run search "too" --format paths
done
expect_out_equals "prod/interviews/portal/concurrent-2026-11-07.md"

finish
