# End-to-end tests of `pmi open`, and of `pmi new` pointing at an existing note.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-corp-2026-11-17.md "Acme Corp" 2026-11-17 caroline "tldr: Excel everywhere" "They invoice with a spreadsheet."
write_note portal acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 dev "tldr: Second call" "Nothing new."
write_note billing globex-2026-11-10.md "Globex" 2026-11-10 dev "" "They export CSV."
# The editor records what it was asked to open.
cat >"$WORK/editor.sh" <<'SH'
#!/bin/sh
printf '%s\n' "$1" >>"$WORK_EDITED"
SH
chmod +x "$WORK/editor.sh"
export PMI_EDITOR="$WORK/editor.sh" WORK_EDITED="$WORK/edited"
edited() { cat "$WORK/edited" 2>/dev/null; rm -f "$WORK/edited"; }

# One match opens it: a path, a file name, customer-date, a customer, a search.
run open prod/interviews/billing/globex-2026-11-10.md
expect_code 0
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md"
CHECKS=$((CHECKS + 1)); [ "$(edited)" == "$ROOT/prod/interviews/billing/globex-2026-11-10.md" ] || fail "editor not run on globex"
run open acme-corp-2026-11-17.md
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md"
edited >/dev/null
run open acme-corp-2026-11-20
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-20.md"
edited >/dev/null
run open globex
expect_out_equals "prod/interviews/billing/globex-2026-11-10.md"
edited >/dev/null
run open spreadsheet
expect_code 0
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md"
CHECKS=$((CHECKS + 1)); [ "$(edited)" == "$ROOT/prod/interviews/portal/acme-corp-2026-11-17.md" ] || fail "editor not run on the search match"
# After the editor: validated as new does.
expect_err_contains "no nuggets yet"

# Several without a terminal: the candidates, newest first, exit 2, no editor.
run open acme-corp
expect_code 2
expect_err_contains "2 notes match 'acme-corp'; name one:"
expect_err_contains "  prod/interviews/portal/acme-corp-2026-11-20.md  2026-11-20  Acme Corp  dev  portal  Second call"
CHECKS=$((CHECKS + 1)); [ -z "$(edited)" ] || fail "the editor ran on an ambiguous argument"
# None: exit 2.
run open zebra
expect_code 2
expect_err_contains "no note matches 'zebra'"
run open '"'
expect_code 2
expect_err_contains "search query:"

# At a terminal: a numbered list to choose from.
if command -v script >/dev/null; then
    OUT=$(printf '2\n' | script -qec "$(printf '%q ' "$PMI_BIN" open acme-corp)" /dev/null 2>&1)
    CHECKS=$((CHECKS + 1))
    [[ "$OUT" == *"  1  2026-11-20  Acme Corp  dev  portal  Second call"* ]] || fail "no numbered list: $OUT"
    CHECKS=$((CHECKS + 1)); [ "$(edited)" == "$ROOT/prod/interviews/portal/acme-corp-2026-11-17.md" ] || fail "choice 2 not opened"
fi

# pmi new for a customer and day that already have a note: at a terminal it
# offers to open that note instead; a script still gets its new note, silently.
if command -v script >/dev/null; then
    OUT=$(printf 'y\n' | script -qec "$(printf '%q ' "$PMI_BIN" new acme-corp --date 2026-11-17 --pm caroline --product portal)" /dev/null 2>&1)
    CHECKS=$((CHECKS + 1))
    [[ "$OUT" == *"Acme Corp already has a note on 2026-11-17: prod/interviews/portal/acme-corp-2026-11-17.md"*"open it instead? [Y/n]"* ]] || fail "no offer: $OUT"
    CHECKS=$((CHECKS + 1)); [ "$(edited)" == "$ROOT/prod/interviews/portal/acme-corp-2026-11-17.md" ] || fail "existing note not opened"
    expect_no_file prod/interviews/portal/acme-corp-2026-11-17-2.md
    OUT=$(script -qec "$(printf '%q ' "$PMI_BIN" new acme-corp --date 2026-11-17 --pm caroline --product portal --no-edit)" /dev/null 2>&1)
    CHECKS=$((CHECKS + 1))
    [[ "$OUT" == *"to reopen it: pmi open prod/interviews/portal/acme-corp-2026-11-17.md"* ]] || fail "no hint: $OUT"
    rm prod/interviews/portal/acme-corp-2026-11-17-2.md
fi
run new acme-corp --date 2026-11-17 --pm caroline --product portal --no-edit
expect_code 0
expect_err_empty
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17-2.md"


# customers: aliases name the customer's notes, whatever each note's spelling.
new_tree aliases
printf 'customers:\n  Initech Corp: [Initech, INTC Inc]\n' >>.pmi.yaml
write_note portal initech-2026-11-03.md "Initech" 2026-11-03 dev "tldr: Older" "Body."
write_note portal initech-corp-2026-11-12.md "Initech Corp" 2026-11-12 dev "tldr: Newer" "Body."
write_note portal initrode-2026-11-13.md "Initrode" 2026-11-13 dev "tldr: Other" "Body."
run open "INTC Inc"
expect_code 2
expect_err_contains "2 notes match 'INTC Inc'; name one:"
expect_err_contains "prod/interviews/portal/initech-2026-11-03.md"
expect_err_contains "prod/interviews/portal/initech-corp-2026-11-12.md"
expect_err_lacks "initrode"
run open initech
expect_code 2
expect_err_contains "2 notes match 'initech'; name one:"
edited >/dev/null
run open initech-2026-11-12
expect_code 0
expect_out_equals "prod/interviews/portal/initech-corp-2026-11-12.md"
edited >/dev/null

finish
