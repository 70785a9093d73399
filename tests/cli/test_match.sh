# End-to-end tests of --match QUERY, the search filter of list, summary, signals and themes.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-2026-11-17.md "Acme" 2026-11-17 caroline "tags: [excel]
tldr: Spreadsheets everywhere" "## Workarounds
- We invoice from a spreadsheet.
## Nuggets
- They invoice by hand"
write_note billing globex-2026-11-18.md "Globex" 2026-11-18 dev "tags: [export]
tldr: CSV exports" "## Workarounds
- We export CSV and fix it.
## Nuggets
- CSV export by hand"

run list --match invoicing --format paths
expect_code 0
expect_out_equals "prod/interviews/portal/acme-2026-11-17.md"
run list --match 'hand -spreadsheet' --format paths
expect_out_equals "prod/interviews/billing/globex-2026-11-18.md"
run list --match hand --pm caroline --format paths
expect_out_equals "prod/interviews/portal/acme-2026-11-17.md"
run list --match '"'
expect_code 2
expect_err_contains "search query:"

run summary --match csv --format json
expect_code 0
expect_out_contains "prod/interviews/billing/globex-2026-11-18.md"
expect_out_lacks "acme-2026-11-17.md"
run summary --week 2026-11-17 --match spreadsheet --format json
expect_code 0
expect_out_contains "Acme"
expect_out_lacks "Globex"

run signals --match csv --format json
expect_code 0
expect_out_contains "globex-2026-11-18.md"
expect_out_lacks "acme-2026-11-17.md"

run themes --match spreadsheet --today 2026-11-20 --format json
expect_code 0
expect_out_contains "excel"
expect_out_lacks "export"

# Not a filter of share: its copies leave private sections out, the index has them.
run share --week 2026-11-17 --match csv --out out
expect_code 2

finish
