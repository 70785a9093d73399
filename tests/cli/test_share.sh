# End-to-end tests of `pmi share`: a copy of notes fit to send.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
cat >>.pmi.yaml <<'YAML'
share:
  omit: [interviewees, crm_id]
YAML
write_note portal acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 caroline \
    "interviewees:
  - {name: Jo SECRET-NAME, role: end user}
crm_id: SECRET-CRM # SECRET-COMMENT
deal: \"renewal: Q1\"
tags: [navigation]
tldr: Raves about navigation." \
    "## Goal
Learn how admins navigate.

## Workarounds
- They export to Excel
  - nested point
    - <!-- private -->
    - SECRET-NESTED deal size
      - SECRET-DEEPER
    - <!-- /private -->
  - kept nested point

## Private
SECRET-SECTION budget is 40k
### Sub-heading
SECRET-SUB

## Nuggets
- Navigation first. <!-- private -->SECRET-INLINE<!-- /private -->
- Security scares admins.

## Private
SECRET-LAST-SECTION
- SECRET-LAST-BULLET"
write_note billing globex-2026-11-17.md "Globex" 2026-11-17 dev "" "## Goal
Learn.
<!-- private -->
SECRET-UNCLOSED
## Nuggets
- SECRET-AFTER"
# A CRLF note with a private block at the very end, no final newline.
printf -- '---\r\ncustomer: Hooli\r\ndate: 2026-11-18\r\npm: caroline\r\nproduct: billing\r\n---\r\n## Goal\r\nShip.\r\n\r\n<!-- private -->\r\nSECRET-CRLF\r\n<!-- /private -->' \
    >prod/interviews/billing/hooli-2026-11-18.md
write_note portal initech-2026-11-10.md "Initech" 2026-11-10 dev "" "## Goal
Last week."

checksum() { find prod -type f -print0 | sort -z | xargs -0 sha256sum; }
BEFORE=$(checksum)

# One note: exact output; omitted fields, comments and private parts gone.
run share prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 0
expect_err_empty
expect_out_equals '---
customer: "Acme Corp"
date: 2026-11-20
pm: "caroline"
product: "portal"
tags: ["navigation"]
tldr: "Raves about navigation."
deal: "renewal: Q1"
---
## Goal
Learn how admins navigate.

## Workarounds
- They export to Excel
  - nested point
  - kept nested point

## Nuggets
- Navigation first.
- Security scares admins.'
expect_out_lacks SECRET

# An unclosed block: dropped to the end of the file, with a warning naming the line.
run share prod/interviews/billing/globex-2026-11-17.md
expect_code 0
expect_err_contains "prod/interviews/billing/globex-2026-11-17.md:9: warning: <!-- private --> is never closed"
expect_out_lacks SECRET
expect_out_contains "Learn."

# CRLF and a block at the very end; output is LF.
run share prod/interviews/billing/hooli-2026-11-18.md
expect_code 0
expect_out_lacks SECRET
expect_out_lacks $'\r'
expect_out_equals '---
customer: "Hooli"
date: 2026-11-18
pm: "caroline"
product: "billing"
---
## Goal
Ship.'

# --week: this week's notes, oldest first, separated by a blank line.
run --today 2026-11-21 share --week
expect_code 0
expect_out_lacks SECRET
expect_out_lacks Initech
[[ "$OUT" == *'customer: "Globex"'*'customer: "Hooli"'*'customer: "Acme Corp"'* ]] ||
    fail "notes not oldest first"
expect_out_contains 'Ship.

---
customer: "Acme Corp"'
run --today 2026-11-21 share --week last
expect_code 0
expect_out_contains 'customer: "Initech"'
expect_out_lacks Acme
run --today 2026-11-21 share --week 2026-W47 --product portal
expect_code 0
expect_out_contains 'customer: "Acme Corp"'
expect_out_lacks Globex
run share --pm dev
expect_code 0
expect_out_contains Initech
expect_out_contains Globex
expect_out_lacks Acme

# --out: one file per note; paths printed; never inside the notes tree.
run --today 2026-11-21 share --week --out ../outbox
expect_code 0
expect_out_equals "../outbox/globex-2026-11-17.md
../outbox/hooli-2026-11-18.md
../outbox/acme-corp-2026-11-20.md"
expect_file "$WORK/outbox/acme-corp-2026-11-20.md"
grep -rq SECRET "$WORK/outbox" && fail "private text in --out files"
run share prod/interviews/portal/acme-corp-2026-11-20.md
[ "$(cat "$WORK/outbox/acme-corp-2026-11-20.md")" == "$OUT" ] || fail "--out differs from stdout"
run share --out prod/interviews/shared prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 2
expect_err_contains "is inside the notes folder"
expect_no_file prod/interviews/shared
run share --out prod prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 0
cp prod/interviews/portal/initech-2026-11-10.md ./initech-2026-11-10.md
run share --out . ./initech-2026-11-10.md
expect_code 2
expect_err_contains "would overwrite the note"
rm ./initech-2026-11-10.md prod/acme-corp-2026-11-20.md

# Usage and input errors.
run share
expect_code 2
expect_err_contains "give note paths, --week"
run share prod/interviews/portal/acme-corp-2026-11-20.md --week
expect_code 2
expect_err_contains "not both"
run share missing.md
expect_code 2
expect_err_contains "missing.md: error: no such file"
printf -- '---\ncustomer: Broken\n---\nSECRET\n' >broken.md
run share broken.md prod/interviews/portal/initech-2026-11-10.md
expect_code 2
expect_err_contains "missing required field"
expect_out_lacks SECRET
expect_out_contains Initech
rm broken.md
run share --pm nobody
expect_code 0
expect_err_contains "no notes match"

# A config with a malformed share key is refused.
cp .pmi.yaml config.bak
printf 'share: interviewees\n' >>.pmi.yaml
sed -i '/^share:$/,/omit/d' .pmi.yaml
run share --pm dev
expect_code 2
expect_err_contains "'share' must be a map"
mv config.bak .pmi.yaml

# The source notes are never touched.
[ "$BEFORE" == "$(checksum)" ] || fail "share changed the notes"
CHECKS=$((CHECKS + 1))

finish
