# `pmi lint --git`: notes git first recorded long after the interview are warned
# about; renames keep the first date; git runs exec-style.
source "$(dirname "$0")/lib.sh" "$1"

# commit DATE MESSAGE: commits everything with that author date.
commit() {
    git add -A && GIT_AUTHOR_DATE="$1T12:00:00+00:00" GIT_COMMITTER_DATE="$1T12:00:00+00:00" \
        git commit -q -m "$2"
}

new_tree
run --today 2026-11-23 lint --git
expect_code 2
expect_err_contains "is not in a git repository"

git init -q . && git config user.name Tester && git config user.email tester@example.com
# No commits yet: every note is compared with today.
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline "tldr: Fresh"
write_note portal old-2026-10-01.md "Old" 2026-10-01 dev "tldr: From memory"
run --today 2026-11-23 lint --git
expect_code 0
expect_out_equals "prod/interviews/portal/old-2026-10-01.md:3: warning: written 53 days after the interview (not in git yet; today is 2026-11-23): notes from memory are weaker evidence; write them within 14 days"

commit 2026-10-03 "on time"
write_note billing globex-2026-10-05.md "Globex" 2026-10-05 dev "tldr: Written late"
write_note billing initech-2026-11-01.md "Initech" 2026-11-01 caroline "tldr: Two weeks"
commit 2026-11-15 "late"
# Moving a note keeps the date it was first recorded; a quote in a name is just a name.
git mv prod/interviews/portal/old-2026-10-01.md "prod/interviews/portal/old 'quoted'-2026-10-01.md"
commit 2026-11-22 "rename"

run --today 2026-11-23 lint --git
expect_code 0
expect_out_equals "prod/interviews/billing/globex-2026-10-05.md:3: warning: written 41 days after the interview (git first recorded it on 2026-11-15): notes from memory are weaker evidence; write them within 14 days
prod/interviews/portal/old 'quoted'-2026-10-01.md:2: warning: customer 'Old' does not match the file name 'old 'quoted'-2026-10-01.md' (expected old-2026-10-01.md)"
expect_err_contains "4 note files: 4 valid, 0 errors, 2 warnings"

run --today 2026-11-23 lint --git --late-after 1 prod/interviews/billing
expect_code 0
expect_out_contains "initech-2026-11-01.md:3: warning: written 14 days after"
expect_out_contains "write them within 1 days"
run --today 2026-11-23 lint --git --late-after 60
expect_out_lacks "written"
run --today 2026-11-23 lint --git --format json
expect_json 'data["warnings"] == 2 and data["problems"][0]["line"] == 3 and data["problems"][0]["severity"] == "warning"'
run lint --late-after -3
expect_code 2

# A shallow clone (CI's default checkout) knows no first dates: said once, no
# warning per note.
git clone -q --depth 1 "file://$ROOT" "$WORK/shallow"
(
    cd "$WORK/shallow" || exit 2
    run --today 2026-11-23 lint --git
    expect_code 2
    expect_err_contains "is a shallow clone"
    expect_err_contains "fetch-depth: 0"
    expect_out_lacks "written"
    exit "$FAILURES"
) || FAILURES=$((FAILURES + 1))

# Without --git, git is not consulted.
run --today 2026-11-23 lint
expect_out_lacks "written"


# History brought in by `pmi import` is late by nature: not warned about.
printf 'Date,Account,Notes\n2025-03-04,Umbrella,Old call\n' >"$WORK/history.csv"
run --today 2026-11-23 import "$WORK/history.csv" --map date=Date,customer=Account --pm dev --product billing
expect_code 0
expect_file prod/interviews/billing/umbrella-2025-03-04.md
commit 2026-11-23 "import"
run --today 2026-11-23 lint --git --late-after 60
expect_code 0
expect_out_lacks "written"

finish
