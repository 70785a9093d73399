# End-to-end tests of `pmi followups`: open items of every note's Follow-ups
# section, oldest first, with customer, PM, date and path:line.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 caroline "tldr: Acme" "## Goal
Learn.

## Follow-ups
- [ ] Send Jo the bulk-edit beta invite
- [x] Share the roadmap deck
- [X] Book the usability test
- Ask support about ticket 4411
  - a detail, not an item
- [ ]
<!-- private -->
- [ ] PRIVATE_PROMISE a 40% discount
<!-- /private -->
<!--
- [ ] COMMENTED_OUT
-->

## Private: pricing
- [ ] NOT_A_FOLLOWUP

## Notes
- [ ] NOT_A_FOLLOWUP_EITHER"
write_note billing globex-2026-11-17.md "Globex" 2026-11-17 dev "tldr: Globex" "## Goal
Learn.

## Follow ups
1. Email the invoice export spec
- [x] done already"
write_note billing initech-2026-11-18.md "Initech" 2026-11-18 dev "tldr: Initech" "## Goal
Learn.

## Private: follow-ups
- [ ] PRIVATE_SECTION_ITEM"
write_note portal hooli-2026-11-19.md "Hooli" 2026-11-19 caroline "tldr: none"

# Oldest first; open items only; path:line.
run followups
expect_code 0
expect_out_equals "prod/interviews/billing/globex-2026-11-17.md:12: 2026-11-17 Globex, dev: Email the invoice export spec
prod/interviews/billing/initech-2026-11-18.md:12: 2026-11-18 Initech, dev: PRIVATE_SECTION_ITEM (private)
prod/interviews/portal/acme-corp-2026-11-20.md:12: 2026-11-20 Acme Corp, caroline: Send Jo the bulk-edit beta invite
prod/interviews/portal/acme-corp-2026-11-20.md:15: 2026-11-20 Acme Corp, caroline: Ask support about ticket 4411
prod/interviews/portal/acme-corp-2026-11-20.md:19: 2026-11-20 Acme Corp, caroline: PRIVATE_PROMISE a 40% discount (private)"
expect_out_lacks "NOT_A_FOLLOWUP"
expect_out_lacks "COMMENTED_OUT"

# --all shows the done ones, marked; filters narrow.
run followups --all --pm dev
expect_out_equals "prod/interviews/billing/globex-2026-11-17.md:12: 2026-11-17 Globex, dev: Email the invoice export spec
prod/interviews/billing/globex-2026-11-17.md:13: 2026-11-17 Globex, dev: [x] done already
prod/interviews/billing/initech-2026-11-18.md:12: 2026-11-18 Initech, dev: PRIVATE_SECTION_ITEM (private)"
run followups --customer globex --format json
expect_code 0
expect_json 'data["schema"] == 1 and data["all"] is False and data["followups"] == [{"path": "prod/interviews/billing/globex-2026-11-17.md", "line": 12, "date": "2026-11-17", "customer": "Globex", "pm": "dev", "product": "billing", "text": "Email the invoice export spec", "done": False, "private": False}]'
run followups --all --format json --pm caroline
expect_json '[(f["line"], f["done"], f["private"]) for f in data["followups"]] == [(12, False, False), (13, True, False), (14, True, False), (15, False, False), (19, False, True)]'
run followups --format markdown --pm dev
expect_out_contains "- [ ] Email the invoice export spec — Globex, dev, 2026-11-17: \`prod/interviews/billing/globex-2026-11-17.md:12\`"
run followups --week 2026-W40
expect_code 0
expect_out_equals ""
expect_err_contains "no open follow-ups"

# Listed for the team, never by share.
run share prod/interviews/portal/acme-corp-2026-11-20.md prod/interviews/billing/initech-2026-11-18.md
expect_code 0
expect_out_contains "Send Jo the bulk-edit beta invite"
expect_out_lacks "PRIVATE_PROMISE"
expect_out_lacks "PRIVATE_SECTION_ITEM"

# HTML comments never show; a private block within the line makes the item private.
write_note portal wayne-2026-11-22.md "Wayne" 2026-11-22 caroline "tldr: x" "## Follow-ups
- [ ] Call back <!-- ask Raj first -->
- [ ] Quote <!-- private -->SECRET_PRICE<!-- /private --> again"
run followups --since 2026-11-22 --format json
expect_json '[(f["text"], f["private"]) for f in data["followups"]] == [("Call back", False), ("Quote SECRET_PRICE again", True)]'
run share prod/interviews/portal/wayne-2026-11-22.md
expect_out_lacks "SECRET_PRICE"
rm prod/interviews/portal/wayne-2026-11-22.md

# Hostile values stay data in every format.
write_note portal evil-2026-11-21.md '"Evil\e[2J [Reset](http://phish.example)\nforged"' 2026-11-21 caroline "tldr: x" "## Follow-ups
- [ ] [Click](http://phish.example) $(printf '\033')]52;c;AAAA$(printf '\007') now"
for fmt in text markdown json; do
    run followups --since 2026-11-21 --format "$fmt"
    expect_code 0
    expect_out_lacks $'\e'
    expect_out_lacks $'\a'
    [ "$fmt" = json ] || expect_out_lacks $'\nforged'
done
run followups --since 2026-11-21
expect_out_contains 'Evil\x1b[2J [Reset](http://phish.example)\nforged, caroline: [Click](http://phish.example) \x1b]52;c;AAAA\x07 now'
run followups --since 2026-11-21 --format markdown
expect_out_contains '- [ ] \[Click\](http\://phish.example) \\x1b\]52;c;AAAA\\x07 now — Evil\\x1b\[2J \[Reset\](http\://phish.example) forged'
run followups --since 2026-11-21 --format json
expect_json 'data["followups"][0]["customer"] == "Evil\x1b[2J [Reset](http://phish.example)\nforged"'

finish
