# End-to-end tests of a bare `--week`: the current week, for every command that
# takes --week (list, followups, check, site as summary, report and share).
source "$(dirname "$0")/lib.sh" "$1"

team_tree repo '{id: caroline, since: 2026-01-05}'
export PMI_TODAY=2026-11-20 # Friday of 2026-W47
write_note portal acme-2026-11-17.md "Acme" 2026-11-17 caroline "tldr: This week's call" "## Nuggets
- This week's nugget

## Follow-ups
- [ ] Send the beta invite this week"
write_note portal globex-2026-11-10.md "Globex" 2026-11-10 caroline "tldr: Last week's call" "## Nuggets
- Last week's nugget

## Follow-ups
- [ ] Call back last week"

for command in list followups check site summary report share; do
    run "$command" --week --help
    expect_code 0
    expect_err_lacks "required"
done

# list: a bare --week, before another option or last, is this week.
run list --week --format paths
expect_code 0
expect_out_equals "prod/interviews/portal/acme-2026-11-17.md"
run list --format paths --week
expect_code 0
expect_out_equals "prod/interviews/portal/acme-2026-11-17.md"
run list --week last --format paths
expect_out_equals "prod/interviews/portal/globex-2026-11-10.md"

run followups --week
expect_code 0
expect_out_contains "Send the beta invite this week"
expect_out_lacks "Call back last week"

# check: without --week the last completed week; a bare --week is this week.
run check --week this --format json
expect_code 0
this_week=$OUT
run check --week --format json
expect_code 0
expect_out_equals "$this_week"
run check --format json
last_week=$OUT
run check --week last --format json
expect_out_equals "$last_week"
CHECKS=$((CHECKS + 1))
[ "$this_week" != "$last_week" ] || fail "check --week and check give the same week"

# site: the digest of this week, as with --week this.
run site --week --out site-bare
expect_code 0
run site --week this --out site-this
expect_code 0
run site --week last --out site-last
expect_code 0
expect_file_contains site-bare/digest.html "This week&#39;s nugget"
CHECKS=$((CHECKS + 1))
cmp -s site-bare/digest.html site-this/digest.html || fail "site --week differs from --week this"
CHECKS=$((CHECKS + 1))
! cmp -s site-bare/digest.html site-last/digest.html || fail "site --week gave last week's digest"

# summary and report already took a bare --week: still this week.
run summary --week
expect_code 0
expect_out_contains "This week's nugget"
expect_out_lacks "Last week's nugget"
run report --week --format json
expect_code 0
expect_json 'data["pms"][0]["count"] == 1'

finish
