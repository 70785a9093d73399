# End-to-end tests of `pmi new`.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
run new acme --product portal --pm caroline --tag navigation --tag sso --today 2026-11-20 \
    --interviewee "Jo Smith (end user)" --tldr "yes: it works" --no-edit
expect_code 0
expect_out_equals "prod/interviews/portal/acme-2026-11-20.md"
NOTE=prod/interviews/portal/acme-2026-11-20.md
expect_file "$NOTE"
expect_file_contains "$NOTE" 'customer: "Acme"'
expect_file_contains "$NOTE" 'date: 2026-11-20'
expect_file_contains "$NOTE" 'pm: "caroline"'
expect_file_contains "$NOTE" 'kind: learning'
expect_file_contains "$NOTE" 'tags: ["navigation", "sso"]'
expect_file_contains "$NOTE" '  - {name: "Jo Smith", role: "end user"}'
expect_file_contains "$NOTE" 'tldr: "yes: it works"'
expect_file_contains "$NOTE" '## Nuggets'
cp "$NOTE" first-copy.md

# The same customer the same day: -2, -3; the first file is untouched.
run new acme --product portal --pm caroline --today 2026-11-20 --no-edit
expect_out_equals "prod/interviews/portal/acme-2026-11-20-2.md"
run new Acme --product portal --pm caroline --today 2026-11-20 --no-edit
expect_out_equals "prod/interviews/portal/acme-2026-11-20-3.md"
CHECKS=$((CHECKS + 1)); cmp -s "$NOTE" first-copy.md || fail "existing note was modified"

# The customer-date form takes the date from the argument, and reuses the
# customer's name from earlier notes.
run new acme-2026-11-18 --product portal --pm caroline --no-edit
expect_out_equals "prod/interviews/portal/acme-2026-11-18.md"
expect_err_empty # scripts get the path only
if command -v script >/dev/null; then # a person at a terminal is told what comes next
    OUT=$(script -qec "$(printf '%q ' "$PMI_BIN" new beta --product portal --pm caroline --date 2026-11-18 --no-edit)" /dev/null </dev/null)
    expect_out_contains "prod/interviews/portal/beta-2026-11-18.md"
    expect_out_contains "next: write the call's notes in that file (tldr, Goal, a nugget), then commit it"
fi
expect_file_contains prod/interviews/portal/acme-2026-11-18.md 'customer: "Acme"'
run new globex-corp-2026-11-19 --product billing --pm dev --no-edit
expect_file_contains prod/interviews/billing/globex-corp-2026-11-19.md 'customer: "Globex Corp"'

# Accents folded, path tricks impossible.
run new "../../Café Société" --product portal --pm caroline --date 2026-11-21 --no-edit
expect_code 0
expect_out_equals "prod/interviews/portal/cafe-societe-2026-11-21.md"

# The notes it writes are valid and listed.
run list --format paths
expect_code 0
expect_err_empty
expect_out_contains "prod/interviews/portal/cafe-societe-2026-11-21.md"

# More than one product in the config: --product is required and they are listed.
run new acme --pm caroline --no-edit
expect_code 2
expect_err_contains "more than one product; choose one with --product: portal, billing"

# A single product is taken as the default.
sed -i 's/products: \[portal, billing\]/products: [portal]/' .pmi.yaml
run new initech --pm caroline --date 2026-11-22 --no-edit
expect_out_equals "prod/interviews/portal/initech-2026-11-22.md"

# PM resolution: PMI_PM, then the roster entry matching git's user.email, then $USER.
git init -q . && git config user.email dev@example.com
run new hooli --date 2026-11-22 --no-edit
expect_file_contains prod/interviews/portal/hooli-2026-11-22.md 'pm: "dev"'
PMI_PM=mei run new hooli --date 2026-11-22 --no-edit
export PMI_PM=mei; run new hooli --date 2026-11-22 --no-edit; unset PMI_PM
expect_file_contains prod/interviews/portal/hooli-2026-11-22-3.md 'pm: "mei"'
expect_err_contains "PM 'mei' is not in the team roster"
git config user.email nobody@example.com
run new hooli --date 2026-11-23 --no-edit
expect_file_contains prod/interviews/portal/hooli-2026-11-23.md 'pm: "tester"'

# The editor is run exec-style with the path as one argument, even with shell syntax.
cat >"$WORK/editor.sh" <<'SH'
#!/bin/sh
printf '%s\n' "$#" "$@" >"$WORK_LOG"
for last; do :; done
sed -i 's/^tldr: .*//' "$last"
printf -- '- Wants exports\n' >>"$last"
SH
chmod +x "$WORK/editor.sh"
export WORK_LOG="$WORK/editor.log"
PMI_EDITOR="$WORK/editor.sh" run new "umbrella" --date 2026-11-23 --pm caroline --edit
export PMI_EDITOR="$WORK/editor.sh --flag"
run new "umbrella" --date 2026-11-23 --pm caroline --edit --tldr "x"
unset PMI_EDITOR
expect_code 0
CHECKS=$((CHECKS + 1))
[ "$(sed -n 1p "$WORK_LOG")" = "2" ] || fail "editor got $(cat "$WORK_LOG")"
expect_file_contains "$WORK_LOG" "--flag"
expect_file_contains "$WORK_LOG" "prod/interviews/portal/umbrella-2026-11-23-2.md"
expect_err_contains "no tldr yet"
# A file name with quotes and dollar signs reaches the editor intact.
mkdir -p 'prod/interviews/we$ird'
export EDITOR="$WORK/editor.sh --x"
run new 'o"brien' --product 'portal' --date 2026-11-24 --pm caroline --edit
unset EDITOR
expect_file_contains "$WORK_LOG" "o-brien-2026-11-24.md"

# Drafts: an editor that fails, or a note saved as pmi wrote it, removes the
# note and says so; a note with something written is kept.
PMI_EDITOR=true run new draftco --date 2026-11-23 --pm caroline --edit
expect_code 1
expect_err_contains "nothing was saved in the note; removed prod/interviews/portal/draftco-2026-11-23.md"
expect_no_file prod/interviews/portal/draftco-2026-11-23.md
PMI_EDITOR=false run new draftco --date 2026-11-23 --pm caroline --edit
expect_code 1
expect_err_contains "editor 'false' exited with status 1"
expect_no_file prod/interviews/portal/draftco-2026-11-23.md
cat >"$WORK/touch-editor.sh" <<'SH'
#!/bin/sh
printf '\n## Quotes\n- Memorable quote:\n' >>"$1"
exit 3
SH
chmod +x "$WORK/touch-editor.sh"
PMI_EDITOR="$WORK/touch-editor.sh" run new draftco --date 2026-11-23 --pm caroline --edit
expect_code 1
expect_err_contains "the editor failed and nothing was written; removed"
expect_no_file prod/interviews/portal/draftco-2026-11-23.md
cat >"$WORK/fail-editor.sh" <<'SH'
#!/bin/sh
printf -- '- Wants exports\n' >>"$1"
exit 3
SH
chmod +x "$WORK/fail-editor.sh"
PMI_EDITOR="$WORK/fail-editor.sh" run new draftco --date 2026-11-23 --pm caroline --edit
expect_out_equals "prod/interviews/portal/draftco-2026-11-23.md" # no -2 after the removed ones
expect_code 0
expect_file_contains prod/interviews/portal/draftco-2026-11-23.md "- Wants exports"
cat >"$WORK/label-editor.sh" <<'SH'
#!/bin/sh
printf '\n- Insights:\n' >>"$1"
SH
chmod +x "$WORK/label-editor.sh"
PMI_EDITOR="$WORK/label-editor.sh" run new draftco --date 2026-11-24 --pm caroline --edit
expect_code 0
expect_err_contains "a draft (nothing written yet); it does not count toward the quota"

# After the editor: lint's checks on the note (a date changed to one the file
# name disagrees with, a phone number) and where the tldr goes.
cat >"$WORK/date-editor.sh" <<'SH'
#!/bin/sh
sed -i 's/^date: .*/date: 2026-11-25/' "$1"
printf -- '- Call me on +1 415 555 0100\n' >>"$1"
SH
chmod +x "$WORK/date-editor.sh"
PMI_EDITOR="$WORK/date-editor.sh" run new lintco --date 2026-11-23 --pm caroline --edit
expect_code 0
expect_err_contains "lintco-2026-11-23.md:3: error: date 2026-11-25 disagrees with the file name"
expect_err_contains "phone"
expect_err_contains "lintco-2026-11-23.md:7: no tldr yet: write the call in one sentence after 'tldr:' on line 7"
expect_file_contains prod/interviews/portal/lintco-2026-11-23.md "tldr:"

# A trailing date-like part that is not a date, or disagrees with --date, is an error.
for bad in acme-corp:20-11-2026 acme-corp:2026-13-01 acme:2026-02-30; do
    run new "${bad%%:*}-${bad#*:}" --product portal --pm caroline --no-edit
    expect_code 2
    expect_err_contains "'${bad%%:*}-${bad#*:}' ends in '${bad#*:}'"
done
expect_err_contains "which is not a date YYYY-MM-DD; write customer-YYYY-MM-DD or use --date"
run new acme-corp-2026-11-20 --date 2026-11-21 --product portal --pm caroline --no-edit
expect_code 2
expect_err_contains "'acme-corp-2026-11-20' is dated 2026-11-20 but --date says 2026-11-21"
run new acme-corp-2026-11-20 --date 2026-11-20 --product portal --pm caroline --no-edit
expect_code 0
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-20.md"
expect_file_contains prod/interviews/portal/acme-corp-2026-11-20.md 'customer: "Acme Corp"'
run new route-66 --product portal --pm caroline --date 2026-11-20 --no-edit
expect_out_equals "prod/interviews/portal/route-66-2026-11-20.md"

# Errors.
run new acme --product portal --pm caroline --date 2026-02-30 --no-edit
expect_code 2
expect_err_contains "--date: '2026-02-30' is not a real calendar date"
run new --product portal
expect_code 2
expect_err_contains "customer is required"
run new acme --kind chat
expect_code 2
run new "!!!" --product portal --pm caroline --no-edit
expect_code 2
expect_err_contains "has no letters or digits"
run new acme --product "Bad Product" --pm caroline --no-edit
expect_code 2
expect_err_contains "is not a folder name; use 'bad-product'"

finish
