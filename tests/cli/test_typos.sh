# End-to-end tests: typos must not pass quietly (front-matter keys, the config,
# filter values, `new --product`, lookalike tags).
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline "tldr: Fine
tag: [pricing, sso]
Interviewees: [Jo Smith]
tl;dr: Short
crm_id: 42"
write_note billing globex-2026-11-19.md "Globex" 2026-11-19 dev "tldr: Fine
tags: [navigation, sso]"
printf -- '---\nCustomer: Initech\ndate: 2026-11-18\npm: dev\nproduct: billing\n---\n' \
    >prod/interviews/billing/initech-2026-11-18.md

# A near miss of a known key is an error with the suggestion; other keys are welcome.
run lint prod/interviews/portal
expect_code 1
expect_out_equals "prod/interviews/portal/acme-2026-11-20.md:7: error: unknown key 'tag' is ignored; did you mean 'tags'?
prod/interviews/portal/acme-2026-11-20.md:8: error: unknown key 'Interviewees' is ignored; did you mean 'interviewees'?
prod/interviews/portal/acme-2026-11-20.md:9: error: unknown key 'tl;dr' is ignored; did you mean 'tldr'?"
printf -- '---\ncustomer: Hooli\ndate: 2026-11-17\npm: dev\nproduct: billing\n"tldr ": x\n---\n' \
    >prod/interviews/billing/hooli-2026-11-17.md
run lint prod/interviews/billing/hooli-2026-11-17.md
expect_code 1
expect_out_contains "hooli-2026-11-17.md:6: error: unknown key 'tldr ' is ignored; did you mean 'tldr'?"
rm prod/interviews/billing/hooli-2026-11-17.md
# A required key in the wrong case: the note is invalid, and the error says why.
run lint prod/interviews/billing/initech-2026-11-18.md
expect_code 1
expect_out_equals "prod/interviews/billing/initech-2026-11-18.md:1: error: missing required field 'customer'; line 2 has 'Customer', did you mean 'customer'?"
rm prod/interviews/billing/initech-2026-11-18.md
# check fails on it too.
run --today 2026-11-23 check --week 2026-W47
expect_code 1
expect_out_contains "unknown key 'tag' is ignored; did you mean 'tags'?"

# Filter values that name nothing known warn with the closest match.
run list --pm carolin
expect_code 0
expect_err_contains "pmi: warning: --pm 'carolin': no product manager of that name; did you mean 'caroline'?"
expect_err_contains "no notes match"
run list --tag navigaton
expect_err_contains "pmi: warning: --tag 'navigaton': no tag in any note of that name; did you mean 'navigation'?"
run list --tag Navigation --format paths
expect_err_empty
expect_out_equals "prod/interviews/billing/globex-2026-11-19.md"
run list --product billng
expect_err_contains "pmi: warning: --product 'billng': no product of that name; did you mean 'billing'?"
run list --product billing --pm dev --format paths
expect_err_empty
run list --kind learnig
expect_code 2
expect_err_contains "--kind: 'learnig' is not one of learning, sales, support, usability; did you mean 'learning'?"
run summary --pm carolin
expect_err_contains "--pm 'carolin': no product manager of that name; did you mean 'caroline'?"

# new: a product the config does not list is an error, not a new folder.
run new acme --product billng --pm caroline --date 2026-11-21 --no-edit
expect_code 2
expect_err_contains "product 'billng' is not in the products of .pmi.yaml; did you mean 'billing'?"
expect_no_file prod/interviews/billng
run new acme --product billing --pm caroline --date 2026-11-21 --no-edit
expect_code 0
expect_out_equals "prod/interviews/billing/acme-2026-11-21.md"

# Unknown keys in the config are errors with file and line.
cp .pmi.yaml "$WORK/config.orig"
cat >>.pmi.yaml <<'YAML'
  - {id: mei, name: Mei, emial: mei@example.com}
YAML
run list
expect_code 2
expect_err_contains ".pmi.yaml:7: unknown key 'team.emial'; did you mean 'team.email'?"
cp "$WORK/config.orig" .pmi.yaml
printf 'quota_per_week: 2\n' >>.pmi.yaml
run report --week
expect_code 2
expect_err_contains ".pmi.yaml:7: unknown key 'quota_per_week'"
cp "$WORK/config.orig" .pmi.yaml

# An unclosed quote is an error at the line where it opens, whichever YAML
# reader reads the note (the fast path, or yaml-cpp when the note has an anchor).
write_note portal quote-2026-11-15.md "Quote" 2026-11-15 dev 'tldr: "unclosed
segment: smb'
run lint prod/interviews/portal/quote-2026-11-15.md
expect_code 1
expect_out_equals "prod/interviews/portal/quote-2026-11-15.md:6: error: invalid YAML: the \" that opens this value is not closed (a value that goes on to the next line must indent it)"
write_note portal quote-2026-11-14.md "Quote" 2026-11-14 dev 'channel: &c video
tldr: "unclosed
segment: smb
kind: "learning"'
run lint prod/interviews/portal/quote-2026-11-14.md
expect_code 1
expect_out_equals "prod/interviews/portal/quote-2026-11-14.md:7: error: invalid YAML: the \" that opens this value is not closed (a value that goes on to the next line must indent it)"
rm prod/interviews/portal/quote-2026-11-1[45].md
# Continued on an indented line, it is one value.
write_note portal quote-2026-11-13.md "Quote" 2026-11-13 dev 'tldr: "first
  second"
segment: smb'
run list --format json
expect_json '[n["tldr"] for n in data["notes"] if n["customer"] == "Quote"] == ["first second"] and [n["segment"] for n in data["notes"] if n["customer"] == "Quote"] == ["smb"]'
rm prod/interviews/portal/quote-2026-11-13.md

# Lookalike tags (a Cyrillic а, a fullwidth s) are likely duplicates.
write_note portal umbrella-2026-11-16.md "Umbrella" 2026-11-16 dev "tldr: x
tags: [\"n$(printf '\xd0\xb0')vigation\", \"$(printf '\xef\xbd\x93')so\"]"
run tags
expect_code 0
expect_out_contains "Likely duplicates (same tag spelled differently):
  navigation (1), n$(printf '\xd0\xb0')vigation (1, lookalike letters)"
expect_out_contains "  sso (1), $(printf '\xef\xbd\x93')so (1, lookalike letters)"
run lint prod/interviews/portal/umbrella-2026-11-16.md
expect_out_contains "warning: tag 'n$(printf '\xd0\xb0')vigation' is spelled 'navigation' in 1 other note (it has letters that only look Latin, or invisible characters)"
# Even when the lookalike is the more used spelling, lint never asks to copy it.
write_note portal umbrella-2026-11-12.md "Umbrella" 2026-11-12 dev "tldr: x
tags: [\"n$(printf '\xd0\xb0')vigation\"]"
run lint prod/interviews/billing/globex-2026-11-19.md
expect_out_lacks "is spelled 'n$(printf '\xd0\xb0')vigation'"
run lint prod/interviews/portal/umbrella-2026-11-12.md
expect_out_contains "warning: tag 'n$(printf '\xd0\xb0')vigation' is spelled 'navigation' in 1 other note"

finish
