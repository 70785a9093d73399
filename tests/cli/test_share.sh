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
SECRET-BLOCK
## Nuggets
- SECRET-AFTER
<!-- /private -->"
# A CRLF note with a private block at the very end, no final newline.
printf -- '---\r\ncustomer: Hooli\r\ndate: 2026-11-18\r\npm: caroline\r\nproduct: billing\r\n---\r\n## Goal\r\nShip.\r\n\r\n<!-- private -->\r\nSECRET-CRLF\r\n<!-- /private -->' \
    >prod/interviews/billing/hooli-2026-11-18.md
write_note portal initech-2026-11-10.md "Initech" 2026-11-10 dev "" "## Goal
Last week."

checksum() { find prod -type f -print0 | sort -z | xargs -0 sha256sum; }
BEFORE=$(checksum)

MARK='# A copy made by pmi share: private parts left out. pmi share may replace this file.'

# One note: exact output; omitted fields, comments and private parts gone.
run share prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 0
expect_err_empty
expect_out_equals "---
$MARK
"'customer: "Acme Corp"
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

# A block across a heading.
run share prod/interviews/billing/globex-2026-11-17.md
expect_code 0
expect_err_empty
expect_out_lacks SECRET
expect_out_contains "Learn."

# CRLF and a block at the very end; output is LF.
run share prod/interviews/billing/hooli-2026-11-18.md
expect_code 0
expect_out_lacks SECRET
expect_out_lacks $'\r'
expect_out_equals "---
$MARK
"'customer: "Hooli"
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
expect_out_contains "Ship.

---
$MARK
customer: \"Acme Corp\""
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
# A symbolic link inside the repository never sends the copies elsewhere.
mkdir "$WORK/elsewhere"
ln -s "$WORK/elsewhere" linked
for out in linked linked/sub ./linked/sub/; do
    run share --out "$out" prod/interviews/portal/acme-corp-2026-11-20.md
    expect_code 2
    expect_err_contains "'linked' is a symbolic link"
done
# ... also when the repository itself is reached through a link, or with --root.
ln -s "$PWD" "$WORK/repo-link"
for out in "$WORK/repo-link/linked" "$WORK/repo-link/linked/sub" "$WORK/repo-link/prod/../linked"; do
    run share --out "$out" prod/interviews/portal/acme-corp-2026-11-20.md
    expect_code 2
    expect_err_contains "'linked' is a symbolic link"
done
cd "$WORK" || exit 2
run --root repo-link share --out repo-link/linked "$ROOT/prod/interviews/portal/acme-corp-2026-11-20.md"
expect_code 2
expect_err_contains "'linked' is a symbolic link"
cd "$ROOT" || exit 2
[ -z "$(ls -A "$WORK/elsewhere")" ] || fail "share wrote through a symbolic link"
rm linked "$WORK/repo-link"
# Never into .git or pmi's own folder.
for out in .git .git/hooks .pmi; do
    run share --out "$out" prod/interviews/portal/acme-corp-2026-11-20.md
    expect_code 2
    expect_err_contains "choose a folder of its own"
done
[ ! -e .git/hooks/acme-corp-2026-11-20.md ] && [ ! -e .pmi/acme-corp-2026-11-20.md ] ||
    fail "share wrote into .git or .pmi"
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

# Fail closed: what a PM marked private never reaches the copy; when share cannot
# be sure, it refuses that note (path:line: error, nothing written, exit 1).
share_body() { # share_body NAME BODY: writes prod/interviews/billing/NAME-2026-10-01.md
    write_note billing "$1-2026-10-01.md" "$1" 2026-10-01 caroline "" "$2"
    NOTE="prod/interviews/billing/$1-2026-10-01.md"
}
NBSP=$'\u00a0'
share_body reason "## Goal
Price <!-- private: pricing -->SECRET-REASON<!-- /private --> agreed."
run share "$NOTE"
expect_code 0
expect_out_lacks SECRET
expect_out_contains "Price  agreed."

share_body split "## Goal
ok
<!--
private -->
SECRET-SPLIT
<!-- /private -->
after"
run share "$NOTE"
expect_code 0
expect_out_lacks SECRET
expect_out_contains "after"

share_body setext "## Goal
ok

Private
-------
SECRET-SETEXT

## Next
kept-setext"
run share "$NOTE"
expect_code 0
expect_out_lacks SECRET
expect_out_lacks Private
expect_out_contains kept-setext

share_body bold "## Goal
ok
## **Private**
SECRET-BOLD
## Next
kept-bold"
run share "$NOTE"
expect_code 0
expect_out_lacks SECRET
expect_out_contains kept-bold

share_body nbsp "## Goal
ok
## Private$NBSP
SECRET-NBSP
## Next
kept-nbsp"
run share "$NOTE"
expect_code 0
expect_out_lacks SECRET
expect_out_contains kept-nbsp

share_body fenced "## Goal
\`\`\`
## Private
\`\`\`
kept-after-fence
## Next
kept-next"
run share "$NOTE"
expect_code 0
expect_out_contains '```
## Private
```
kept-after-fence
## Next
kept-next'

write_note billing casekey-2026-10-01.md "Casekey" 2026-10-01 caroline "Interviewees:
  - {name: Jo SECRET-CASE}
CRM_ID: SECRET-CRM-CASE" "## Goal
ok"
run share prod/interviews/billing/casekey-2026-10-01.md
expect_code 0
expect_out_lacks SECRET
expect_out_contains 'customer: "Casekey"'

# Each refused note: exit 1, an error naming its line, nothing of it on stdout.
expect_refused() { # expect_refused LINE MESSAGE
    run share "$NOTE" prod/interviews/portal/initech-2026-11-10.md
    expect_code 1
    expect_err_contains "$NOTE:$1: error: $2"
    expect_out_lacks SECRET
    expect_out_lacks "customer: \"$(basename "$NOTE" -2026-10-01.md)\""
    expect_out_contains 'customer: "Initech"'
}
share_body nested "## Goal
<!-- private --> a <!-- private --> b <!-- /private -->
SECRET-NESTED <!-- /private -->"
expect_refused 8 "<!-- private --> inside the private block opened on line 8"
share_body unclosed "## Goal
Learn.
<!-- private -->
SECRET-UNCLOSED
## Nuggets
- SECRET-AFTER"
expect_refused 9 "<!-- private --> is never closed"
share_body stray "## Goal
ok <!-- /private --> SECRET-STRAY"
expect_refused 8 "<!-- /private --> without an opening"
share_body vague "## Goal
<!-- the next part is private -->
SECRET-VAGUE"
expect_refused 8 "a comment mentions 'private'"
share_body quoted "## Goal
ok
> ## Private
> SECRET-QUOTE"
expect_refused 9 "heading 'Private' inside a block quote or list item"
share_body listed "## Goal
- ## Private
  SECRET-ITEM"
expect_refused 8 "heading 'Private' inside a block quote or list item"
share_body unclear "## Goal
ok
## Notes (private)
SECRET-UNCLEAR"
expect_refused 9 "heading 'Notes (private)' mentions 'private'"

# A refused note writes nothing with --out either; the others are written.
run share --out ../outbox-refused "$NOTE" prod/interviews/portal/initech-2026-11-10.md
expect_code 1
expect_out_equals "../outbox-refused/initech-2026-11-10.md"
expect_no_file "$WORK/outbox-refused/unclear-2026-10-01.md"
expect_file "$WORK/outbox-refused/initech-2026-11-10.md"

# --out replaces only a copy share wrote: never an unrelated file or a link.
mkdir -p "$WORK/outbox-mine"
echo "hand-written notes" >"$WORK/outbox-mine/reason-2026-10-01.md"
echo "elsewhere" >"$WORK/elsewhere.md"
ln -s "$WORK/elsewhere.md" "$WORK/outbox-mine/bold-2026-10-01.md"
run share --out ../outbox-mine prod/interviews/billing/reason-2026-10-01.md \
    prod/interviews/billing/bold-2026-10-01.md prod/interviews/billing/nbsp-2026-10-01.md
expect_code 2
expect_err_contains "../outbox-mine/reason-2026-10-01.md: error: exists and is not a copy written by pmi share; not replaced"
expect_err_contains "../outbox-mine/bold-2026-10-01.md: error: exists and is not a copy written by pmi share"
expect_out_equals "../outbox-mine/nbsp-2026-10-01.md"
[ "$(cat "$WORK/outbox-mine/reason-2026-10-01.md")" == "hand-written notes" ] ||
    fail "share replaced an unrelated file"
[ "$(cat "$WORK/elsewhere.md")" == "elsewhere" ] || fail "share wrote through a link"
[ -L "$WORK/outbox-mine/bold-2026-10-01.md" ] || fail "share replaced a link"
CHECKS=$((CHECKS + 3))
# Its own copy is replaced with the new text.
sed -i 's/kept-nbsp/kept-nbsp-changed/' prod/interviews/billing/nbsp-2026-10-01.md
run share --out ../outbox-mine prod/interviews/billing/nbsp-2026-10-01.md
expect_code 0
expect_file_contains "$WORK/outbox-mine/nbsp-2026-10-01.md" kept-nbsp-changed

finish
