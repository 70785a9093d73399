# End-to-end tests of `pmi import`: CSV rows and markdown exports to notes.
source "$(dirname "$0")/lib.sh" "$1"

count_notes() { find prod/interviews -name '*.md' ! -name INDEX.md ! -name TAGS.md | wc -l; }
expect_notes() {
    CHECKS=$((CHECKS + 1))
    local n
    n=$(count_notes)
    [ "$n" -eq "$1" ] || fail "expected $1 notes, found $n"
}

new_tree
# A small CSV: RFC 4180 quoting, a doubled quote, a line break in a cell, CRLF,
# a byte-order mark, an empty cell, and the three date forms.
printf '\xef\xbb\xbfDate,Account,Owner,Product,Opportunity,Notes,Contact\r\n' >small.csv
printf '11/20/2026,"Acme, Inc.",caroline,portal,OPP-1,"They said ""wow"".\r\nSecond line.",Jo\r\n' >>small.csv
printf '2026-11-18,Globex,dev,billing,,Short call,\r\n' >>small.csv
printf '20 Nov 2026,Initech,dev,billing,OPP-3,,"Ann\nBob"\r\n' >>small.csv
MAP=date=Date,customer=Account,pm=Owner,product=Product,crm_id=Opportunity,body=Notes

run import small.csv --map "$MAP" --dry-run
expect_code 0
expect_out_contains "would write prod/interviews/portal/acme-inc-2026-11-20.md:"
expect_out_contains '    customer: "Acme, Inc."'
expect_out_contains "would write prod/interviews/billing/initech-2026-11-20.md:"
expect_err_contains "pmi: would import 3 notes from small.csv"
expect_notes 0 # a dry run writes nothing
CHECKS=$((CHECKS + 1)); [ ! -e prod/interviews/portal ] || fail "dry run created a folder"

run import small.csv --map "$MAP"
expect_code 0
expect_out_equals "prod/interviews/portal/acme-inc-2026-11-20.md
prod/interviews/billing/globex-2026-11-18.md
prod/interviews/billing/initech-2026-11-20.md"
expect_err_contains "pmi: imported 3 notes from small.csv"
ACME=prod/interviews/portal/acme-inc-2026-11-20.md
expect_file_contains "$ACME" 'customer: "Acme, Inc."'
expect_file_contains "$ACME" 'date: 2026-11-20'
expect_file_contains "$ACME" 'pm: "caroline"'
expect_file_contains "$ACME" 'crm_id: "OPP-1"'
expect_file_contains "$ACME" 'imported: "'
expect_file_contains "$ACME" 'They said "wow".'
expect_file_contains "$ACME" 'Second line.'
expect_file_contains "$ACME" '## Imported'
expect_file_contains "$ACME" '- Contact: Jo'
CHECKS=$((CHECKS + 1)); ! grep -q $'\r' "$ACME" || fail "a CR reached the note"
expect_file_contains prod/interviews/billing/initech-2026-11-20.md '- Contact: Ann'
expect_file_contains prod/interviews/billing/initech-2026-11-20.md '  Bob'
CHECKS=$((CHECKS + 1)); ! grep -q crm_id prod/interviews/billing/globex-2026-11-18.md ||
    fail "an empty cell gave a key"
run list --format json
expect_json 'len(data["notes"]) == 3 and any(n["customer"] == "Acme, Inc." for n in data["notes"])'
run lint
expect_code 0

# A re-run imports nothing twice, even with the columns in another order.
cp "$ACME" acme-before.md
run import small.csv --map "$MAP"
expect_code 0
expect_out_equals ""
expect_err_contains "imported 0 notes from small.csv; 3 already imported"
python3 - <<'PY'
import csv
rows = list(csv.reader(open("small.csv", encoding="utf-8-sig", newline="")))
with open("reordered.csv", "w", newline="", encoding="utf-8") as f:
    csv.writer(f).writerows([list(reversed(r)) for r in rows])
PY
run import reordered.csv --map "$MAP"
expect_err_contains "imported 0 notes from reordered.csv; 3 already imported"
expect_notes 3
CHECKS=$((CHECKS + 1)); cmp -s "$ACME" acme-before.md || fail "an imported note was changed"

# Never overwrites: a note at the canonical path stays, the row gets -2.
write_note portal hooli-2026-11-19.md Hooli 2026-11-19 caroline
cp prod/interviews/portal/hooli-2026-11-19.md hooli-before.md
printf 'Date,Account,Owner\n2026-11-19,Hooli,caroline\n' >hooli.csv
run import hooli.csv --map date=Date,customer=Account,pm=Owner --product portal
expect_code 0
expect_out_equals "prod/interviews/portal/hooli-2026-11-19-2.md"
CHECKS=$((CHECKS + 1)); cmp -s prod/interviews/portal/hooli-2026-11-19.md hooli-before.md ||
    fail "an existing note was overwritten"

# Ambiguous dates are row errors without --date-format; the other rows go on.
cat >dates.csv <<'CSV'
Date,Account
03/04/2026,Ambig
13/04/2026,DayFirst
04/13/2026,MonthFirst
2026-02-30,Impossible
someday,Vague
,NoDate
CSV
run import dates.csv --map date=Date,customer=Account --pm dev --product billing
expect_code 2
expect_err_contains "dates.csv:2: error: row 2: date '03/04/2026' is ambiguous (day or month first?): use --date-format mdy or dmy"
expect_err_contains "dates.csv:5: error: row 5: date '2026-02-30' is not a real calendar date"
expect_err_contains "dates.csv:6: error: row 6: date 'someday' is not a date"
expect_err_contains "dates.csv:7: error: row 7: no date"
expect_err_contains "imported 2 notes from dates.csv; 4 failed"
expect_file prod/interviews/billing/dayfirst-2026-04-13.md
expect_file prod/interviews/billing/monthfirst-2026-04-13.md
run import dates.csv --map date=Date,customer=Account --pm dev --product billing --date-format dmy
expect_code 2
expect_file prod/interviews/billing/ambig-2026-04-03.md
expect_err_contains "imported 1 note from dates.csv; 2 already imported; 3 failed" # 04/13 was read before

# A spreadsheet saved as Latin-1: the row is an error, no note lint would reject.
printf 'Date,Account,Notes\n2026-11-21,Caf\xe9 Latin,x\n2026-11-22,Plain,ok\n' >latin1.csv
run import latin1.csv --map date=Date,customer=Account --pm dev --product billing
expect_code 2
expect_err_contains "latin1.csv:2: error: row 2: column 'Account' is not UTF-8 text (save the spreadsheet as CSV UTF-8)"
expect_err_contains "imported 1 note from latin1.csv; 1 failed"
expect_file prod/interviews/billing/plain-2026-11-22.md
CHECKS=$((CHECKS + 1))
! ls prod/interviews/billing | grep -q '^caf' || fail "a note written from the Latin-1 row"
run lint
expect_code 0

# A --map naming no column stops before anything is written.
run import small.csv --map date=Date,customer=Acount
expect_code 2
expect_err_contains "small.csv: --map customer=Acount: no column 'Acount'; did you mean 'Account'?"
run import small.csv --map tag=Notes
expect_code 2
expect_err_contains "--map: unknown key 'tag'; did you mean 'tags'?"
# Columns named as a typed key (any case) need no --map, unless the key is mapped.
printf 'DATE,Customer,pm,Product,When\n2026-11-02,Auto,dev,billing,2026-11-03\n' >auto.csv
run import auto.csv
expect_code 0
expect_out_equals "prod/interviews/billing/auto-2026-11-02.md"
expect_file_contains prod/interviews/billing/auto-2026-11-02.md '- When: 2026-11-03'
rm prod/interviews/billing/auto-2026-11-02.md
run import auto.csv --map date=When
expect_out_equals "prod/interviews/billing/auto-2026-11-03.md"
expect_file_contains prod/interviews/billing/auto-2026-11-03.md '- DATE: 2026-11-02'
rm prod/interviews/billing/auto-2026-11-03.md
run import --map date=Date
expect_code 2
expect_err_contains "give a CSV file or --from-md DIR"
run import missing.csv --map date=Date
expect_code 2
expect_err_contains "missing.csv: cannot read"

# Hostile values: escaped for YAML in the note and for the terminal on screen.
new_tree hostile
printf 'Date,Account,Owner,Notes\n2026-11-20,"Evil\x1b]52;c;cHduZWQ=\x07 Corp",caroline,"tldr: owned\n---\nx: y"\n' >evil.csv
printf '2026-11-21,"Quote"" Corp: {a: [b]}",caroline,\n' >>evil.csv
printf '2026-11-22,"\xe2\x80\xae",caroline,\n' >>evil.csv
run import evil.csv --map date=Date,customer=Account,pm=Owner,body=Notes --product portal
expect_code 2 # the third row has no letters for a file name
CHECKS=$((CHECKS + 1)); [[ "$OUT$ERR" != *$'\x1b'* && "$OUT$ERR" != *$'\xe2\x80\xae'* ]] ||
    fail "a control character reached the terminal"
expect_err_contains 'evil.csv:6: error: row 4: customer' # the line where row 4 starts
expect_err_contains '\u202e'
run list --format json
expect_json 'sorted(n["customer"] for n in data["notes"]) == ["Evil\u001b]52;c;cHduZWQ=\u0007 Corp", "Quote\" Corp: {a: [b]}"]'
run lint
expect_code 0

# A realistic spreadsheet: 200 rows, messy cells, duplicates, missing PMs, bad dates.
new_tree big
python3 - <<'PY'
import csv, random
random.seed(7)
customers = ["Acme Corp", "Globex", "Initech", "Umbrella, Ltd.", 'The "Best" Co', "Société Générale",
             "日本商事", "Stark Industries", "Wayne Enterprises", "Hooli"]
pms = ["caroline", "dev", "", "  caroline "]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
rows, errors = [], 0
for i in range(190):
    day, month = 13 + i % 16, 1 + (i // 16) % 12  # one customer never twice a day
    form = i % 4
    date = [f"2026-{month:02}-{day:02}", f"{month}/{day}/2026", f"{day} {months[month-1]} 2026",
            f"2026-{month:02}-{day:02} 14:{i % 60:02}"][form]
    pm = pms[i % 4]
    notes = random.choice(["", "Short.", 'Said "it hurts", twice.\nNext: demo', "a,b,c\r\nd",
                           "=cmd|' /C calc'!A0", "## Nuggets\n- They export to Excel"])
    tags = random.choice(["", "navigation", "sso; billing", "export, excel"])
    product = "portal" if i % 3 else "billing"
    if i % 37 == 5:
        date = "31/31/2026"  # not a date
    rows.append([date, customers[i % len(customers)] + ("" if i < 100 else f" {i}"), pm, product,
                 tags, notes, f"OPP-{i}", ""])
rows += [list(r) for r in rows[10:20]]  # ten duplicate rows
bad = lambda r: r[0] == "31/31/2026" or r[2] == ""
expected_errors = sum(1 for r in rows if bad(r))
expected_ok = len({tuple(r) for r in rows if not bad(r)})
expected_dups = sum(1 for r in rows if not bad(r)) - expected_ok
expected_no_pm = len({tuple(r) for r in rows if r[2] == "" and r[0] != "31/31/2026"})
with open("history.csv", "w", newline="", encoding="utf-8") as f:
    f.write("\ufeff")
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["Date", "Account", "Owner", "Product", "Tags", "Notes", "Opportunity", "Empty"])
    w.writerows(rows)
open("expected", "w").write(f"{expected_ok} {expected_errors} {expected_dups} {expected_no_pm}\n")
PY
read -r EXPECTED_OK EXPECTED_ERRORS EXPECTED_DUPS EXPECTED_NO_PM <expected
BIGMAP=date=Date,customer=Account,pm=Owner,product=Product,tags=Tags,body=Notes,crm_id=Opportunity
run import history.csv --map "$BIGMAP"
expect_code 2
expect_err_contains "imported $EXPECTED_OK notes from history.csv; $EXPECTED_DUPS already imported; $EXPECTED_ERRORS failed"
expect_err_contains "error: row 4: no pm (give --pm for rows without one)"
expect_notes "$EXPECTED_OK"
run lint
expect_code 0
expect_err_contains "$EXPECTED_OK note files: $EXPECTED_OK valid, 0 errors"
expect_out_lacks ": error:"
run import history.csv --map "$BIGMAP" --pm dev
expect_code 2 # the bad dates still fail
expect_err_contains "imported $EXPECTED_NO_PM notes from history.csv"
run import history.csv --map "$BIGMAP" --pm dev
expect_err_contains "imported 0 notes from history.csv"
run index --check
expect_code 1 # stale: the tree changed
run index
run lint
expect_code 0

# Markdown exported from another tool.
new_tree md
mkdir -p export/Clients
cat >"export/Clients/Acme Corp 2026-11-20.md" <<'MD'
---
Company: Acme Corp
Tags: [navigation, sso]
owner: caroline
rating: 4
---
# Call with Acme

They export everything to Excel.
MD
cat >"export/Globex call 2026-11-18 0123456789abcdef0123456789abcdef.md" <<'MD'
No front matter here; Notion wrote the properties into the text.
MD
cat >"export/2026-11-17 initech.md" <<'MD'
---
created: 20 Nov 2026
customer: Initech
---
Body.
MD
cat >"export/broken.md" <<'MD'
---
date: [unclosed
---
MD
printf 'not markdown' >export/notes.txt
run import --from-md export --map customer=Company,pm=owner --pm dev --product portal --dry-run
expect_code 2
expect_notes 0
run import --from-md export --map customer=Company,pm=owner --pm dev --product portal
expect_code 2
expect_err_contains "export/broken.md:3: error:"
expect_err_contains "imported 3 notes from export; 1 failed"
A=prod/interviews/portal/acme-corp-2026-11-20.md
expect_file "$A"
expect_file_contains "$A" 'customer: "Acme Corp"'
expect_file_contains "$A" 'pm: "caroline"'
expect_file_contains "$A" 'tags: ["navigation", "sso"]'
expect_file_contains "$A" 'rating: 4'
expect_file_contains "$A" 'They export everything to Excel.'
expect_file_contains prod/interviews/portal/globex-call-2026-11-18.md 'customer: "Globex call"'
expect_file_contains prod/interviews/portal/globex-call-2026-11-18.md 'pm: "dev"'
expect_file prod/interviews/portal/initech-2026-11-17.md # the file name's date: created is not date
expect_file_contains prod/interviews/portal/initech-2026-11-17.md 'created: 20 Nov 2026'
run lint
expect_code 0
run import --from-md export --map customer=Company,pm=owner --pm dev --product portal
expect_err_contains "imported 0 notes from export; 3 already imported; 1 failed"

finish
