# `pmi lint --privacy` and `privacy: true`: contact details in notes are errors,
# shown masked; the pre-commit hook blocks them.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline "tldr: Clean
interviewees: [Jo Roe (buyer)]"
write_note portal globex-2026-11-19.md "Globex" 2026-11-19 dev "tldr: Leaky
contact: jane.roe@globex.com" "## Goal
Learn.

## Nuggets
- Call her on +44 20 7946 0958 or 020-7946-0959
  - nested: linkedin.com/in/jane-roe
<!-- private -->
mobile: 07700900123
<!-- /private -->
- Dates are fine: 2026-11-19, 12/11/2026; so are versions 10.2.3 and 1,200,000 users
- Team addresses are fine: dev@example.com"
printf -- '---\ncustomer: Tail\ndate: 2026-11-18\npm: dev\nproduct: portal\ntldr: x\n---\n## Goal\nx\nlast line, no newline: tail@tail.io' \
    >prod/interviews/portal/tail-2026-11-18.md

# Without --privacy, nothing is scanned.
run lint
expect_code 0
expect_out_lacks "email"

run lint --privacy
expect_code 1
expect_out_equals "prod/interviews/portal/globex-2026-11-19.md:7: error: email address 'j…@globex.com': keep contact details out of notes (link the CRM record instead)
prod/interviews/portal/globex-2026-11-19.md:13: error: phone number '+4…58': keep contact details out of notes (link the CRM record instead)
prod/interviews/portal/globex-2026-11-19.md:13: error: phone number '02…59': keep contact details out of notes (link the CRM record instead)
prod/interviews/portal/globex-2026-11-19.md:14: error: profile link 'linkedin.com/in/…': keep contact details out of notes (link the CRM record instead)
prod/interviews/portal/globex-2026-11-19.md:16: error: phone number '07…23': keep contact details out of notes (link the CRM record instead)
prod/interviews/portal/tail-2026-11-18.md:10: error: email address 't…@tail.io': keep contact details out of notes (link the CRM record instead)"
expect_err_contains "3 note files: 3 valid, 6 errors, 0 warnings"
# The report never repeats a whole contact detail.
expect_out_lacks "jane.roe"
expect_out_lacks "7946 0958"
expect_out_lacks "jane-roe"

run lint --privacy --format github prod/interviews/portal/tail-2026-11-18.md
expect_code 1
expect_out_equals "::error file=prod/interviews/portal/tail-2026-11-18.md,line=10::email address 't…@tail.io': keep contact details out of notes (link the CRM record instead)"
run lint --privacy --format json prod/interviews/portal/acme-2026-11-20.md
expect_code 0
expect_json 'data["errors"] == 0 and data["problems"] == []'

# An allow list in the config; `privacy: true` turns the scan on for lint and check.
cat >>.pmi.yaml <<'YAML'
privacy:
  check: true
  allow: ["@globex.com", "+44 20 7946 0958", "020 7946 0959", linkedin.com/in/jane-roe, "07700 900123"]
YAML
run lint
expect_code 1
expect_out_equals "prod/interviews/portal/tail-2026-11-18.md:10: error: email address 't…@tail.io': keep contact details out of notes (link the CRM record instead)"
run --today 2026-11-23 check --week 2026-W47
expect_code 1
expect_out_contains "prod/interviews/portal/tail-2026-11-18.md:10: error: email address 't…@tail.io'"
sed -i 's/tail@tail.io/the CRM/' prod/interviews/portal/tail-2026-11-18.md
run --today 2026-11-23 check --week 2026-W47
expect_code 0
sed -i '/^privacy:$/,$d' .pmi.yaml
printf 'privacy: maybe\n' >>.pmi.yaml
run lint
expect_code 2
expect_err_contains ".pmi.yaml:"
expect_err_contains "'privacy' must be true or false"

# Digits after a word naming a reference (ticket, order, invoice, case, PO, ref) are not a
# phone number; a phone number on the same line still is.
new_tree refs
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline "tldr: Tickets" "## Goal
Learn.

## Nuggets
- Support ticket 4521-8876-2210 stayed open for weeks
- Order # 415 555 0142, invoice no. 415-555-0143, Case: 415 555 0144, PO 415.555.0145
- Ref 415-555-0146 was escalated; her desk is 415-555-0147"
run lint --privacy
expect_code 1
expect_out_equals "prod/interviews/portal/acme-2026-11-20.md:14: error: phone number '41…47': keep contact details out of notes (link the CRM record instead)"

# The pre-commit hook example runs lint --privacy on the staged notes.
new_tree hook
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline "tldr: Clean"
use_pre_commit_hook
git add -A
hook_commit "clean"
expect_code 0
printf -- '- Her cell: 415-555-0142\n' >>prod/interviews/portal/acme-2026-11-20.md
git add -A
hook_commit "leak"
expect_code 1
OUT=$(git log --format=%s) # the leak was not committed
expect_out_equals "clean"

finish
