# End-to-end tests of the staff-meeting picks (`summary --week --picks`), the
# message to the executive team (`summary --week --for execs`), the roster's
# `products` and lint's one pick per note.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
cat >.pmi.yaml <<'YAML'
notes: prod/interviews
products: [portal, billing]
team:
  - {id: caroline, name: Caroline Diaz, since: 2026-01-05, products: [portal]}
  - {id: dev, name: Dev Rao, since: 2026-01-05, products: [billing]}
  - {id: mei, name: Mei Chen, since: 2026-01-05, away: [2026-W47]}
  - {id: sam, name: Sam Roy, since: 2026-01-05, products: [portal, billing]}
YAML
export PMI_TODAY=2026-11-20

# caroline: two notes; the older one has the marked nugget.
write_note portal acme-corp-2026-11-17.md "Acme Corp" 2026-11-17 caroline "interviewees:
  - {name: Jo Smith, role: end user}
tldr: Bulk edit matters" "## Goal
Learn.

## Nuggets
- Navigation is fine.
- ! Bulk edit replaced security config as their top complaint."
write_note portal globex-2026-11-19.md "Globex" 2026-11-19 caroline "tldr: Excel" "## Goal
Learn.

## Nuggets
- Globex exports everything to Excel."
# dev: no mark: the newest note's first nugget.
write_note billing initech-2026-11-16.md "Initech" 2026-11-16 dev "tldr: old" "## Goal
Learn.

## Nuggets
- Older nugget."
write_note billing hooli-2026-11-18.md "Hooli" 2026-11-18 dev "tldr: new" "## Goal
Learn.

## Nuggets
- Invoices by hand every month.
- Second nugget."

# --- picks: one line per PM, PMs without interviews (or away) listed as such ---
run summary --week --picks --format text
expect_code 0
expect_out_equals "Caroline Diaz (portal): Bulk edit replaced security config as their top complaint. — Acme Corp, 2026-11-17
Dev Rao (billing): Invoices by hand every month. — Hooli, 2026-11-18
Mei Chen: away this week
Sam Roy (portal, billing): no interview this week"
run summary --week --picks
expect_code 0
expect_out_contains "# Nuggets of the week, 2026-W47 (2026-11-16 to 2026-11-22)"
expect_out_contains "- Caroline Diaz (portal): Bulk edit replaced security config as their top complaint. — Acme Corp, 2026-11-17"
run summary --week --picks --format json
expect_code 0
expect_json 'data["schema"] == 1 and data["week"] == "2026-W47" and [p["pm"] for p in data["picks"]] == ["caroline", "dev", "mei", "sam"]'
expect_json 'data["picks"][0]["marked"] is True and data["picks"][0]["path"] == "prod/interviews/portal/acme-corp-2026-11-17.md" and data["picks"][0]["products"] == ["portal"]'
expect_json 'data["picks"][1]["marked"] is False and data["picks"][2]["away"] is True and data["picks"][3]["nugget"] is None'
run summary --week --picks --pm dev --format text
expect_out_equals "Dev Rao (billing): Invoices by hand every month. — Hooli, 2026-11-18"
run summary --picks
expect_code 2
expect_err_contains "--picks needs --week"

# The mark is never shown: not in the digest, not in a note's summary.
run summary --week
expect_out_contains "- Bulk edit replaced security config as their top complaint."
expect_out_lacks "- ! Bulk"
run summary --week --format json
expect_json '"Bulk edit replaced security config as their top complaint." in data["pms"][0]["interviews"][0]["nuggets"]'

# --- lint: one pick per note ---
run lint prod/interviews/portal/acme-corp-2026-11-17.md
expect_out_lacks "one pick per note"
write_note portal umbrella-2026-11-18.md "Umbrella" 2026-11-18 sam "tldr: two picks" "## Goal
Learn.

## Nuggets
- ! First pick.
- Plain.
- !! Second pick."
run lint prod/interviews/portal/umbrella-2026-11-18.md
expect_out_contains "prod/interviews/portal/umbrella-2026-11-18.md:14: warning: a second nugget marked to share (the first is on line 12): one pick per note"
run summary --week --picks --pm sam --format text
expect_out_equals "Sam Roy (portal, billing): First pick. — Umbrella, 2026-11-18"
rm prod/interviews/portal/umbrella-2026-11-18.md
# README's routine: one mark per note, and a `!!` nugget is the staff-meeting pick
# as well as the execs' nugget; `!` plus `!!` in one note is the warning above.
write_note portal umbrella-2026-11-18.md "Umbrella" 2026-11-18 sam "tldr: one mark" "## Goal
Learn.

## Nuggets
- Plain first.
- !! Both audiences."
run lint prod/interviews/portal/umbrella-2026-11-18.md
expect_code 0
expect_out_lacks "one pick per note"
run summary --week --picks --pm sam --format text
expect_out_equals "Sam Roy (portal, billing): Both audiences. — Umbrella, 2026-11-18"
run summary --week --for execs --pm sam
expect_out_contains "- Both audiences. — Umbrella, 2026-11-18."
write_note portal umbrella-2026-11-18.md "Umbrella" 2026-11-18 sam "tldr: two marks" "## Goal
Learn.

## Nuggets
- ! For staff.
- !! For execs."
run lint prod/interviews/portal/umbrella-2026-11-18.md
expect_out_contains "umbrella-2026-11-18.md:13: warning: a second nugget marked to share (the first is on line 12): one pick per note; keep one '- !' (or '- !!', for the execs too)"
rm prod/interviews/portal/umbrella-2026-11-18.md

# --- the message to the executive team ---
run summary --week --for execs
expect_code 0
expect_out_contains "No interview nugget was flagged for the executive team in 2026-W47"
# `- !!` on a nugget; `execs: true` sends the note's pick; a `!!` nugget in a
# private block never goes, nor anything in a private section.
write_note portal wayne-2026-11-18.md "Wayne Enterprises" 2026-11-18 sam "execs: true
interviewees:
  - {name: Bruce W, role: CTO}
tldr: Wayne" "## Goal
Learn.

## Nuggets
<!-- private -->
- !! SECRET_NUGGET pricing is 40% off.
<!-- /private -->
- Wayne wants SSO everywhere.

## Private: pricing
- !! SECRET_SECTION"
write_note billing stark-2026-11-19.md "Stark" 2026-11-19 dev "tldr: Stark" "## Goal
Learn.

## Nuggets
- Plain one.
- !! Stark pays by invoice only."
write_note billing oscorp-2026-11-19.md "Oscorp" 2026-11-19 dev "tldr: Oscorp" "## Goal
Learn.

## Nuggets
<!-- private -->
- !! SECRET_ONLY_PICK
<!-- /private -->
- Not flagged."
run summary --week --for execs
expect_code 0
expect_out_contains "- Stark pays by invoice only. — Stark, 2026-11-19. From Dev Rao, who product manages billing. Full notes: \`prod/interviews/billing/stark-2026-11-19.md\`"
expect_out_contains "- Wayne wants SSO everywhere. — Bruce W (CTO) at Wayne Enterprises, 2026-11-18. From Sam Roy, who product manages portal, billing. Full notes: \`prod/interviews/portal/wayne-2026-11-18.md\`"
expect_out_lacks "SECRET"
expect_out_lacks "Oscorp"
expect_out_lacks "Acme"
run summary --week --for execs --format json
expect_json 'data["schema"] == 1 and [n["customer"] for n in data["nuggets"]] == ["Stark", "Wayne Enterprises"]'
expect_json 'data["nuggets"][1]["products"] == ["portal", "billing"] and data["nuggets"][1]["talked_with"] == "Bruce W (CTO) at Wayne Enterprises"'
# A private nugget is never a pick, even marked: the first shareable one is.
run summary --week --picks --pm sam --format text
expect_out_equals "Sam Roy (portal, billing): Wayne wants SSO everywhere. — Wayne Enterprises, 2026-11-18"
run summary --week --picks --pm dev --format text
expect_out_lacks "SECRET"
run lint prod/interviews/portal/wayne-2026-11-18.md
expect_out_contains "wayne-2026-11-18.md:16: warning: a private nugget cannot be picked"
# share.omit applies: interviewees left out of the message too.
printf 'share: {omit: [interviewees]}\n' >>.pmi.yaml
run summary --week --for execs
expect_out_contains "- Wayne wants SSO everywhere. — Wayne Enterprises, 2026-11-18."
expect_out_lacks "Bruce"
sed -i '/^share:/d' .pmi.yaml
# A note share cannot be sure about is left out, with an error and exit 1.
write_note portal lex-2026-11-18.md "LexCorp" 2026-11-18 sam "execs: true
tldr: Lex" "## Goal
Learn.

## Nuggets
- Lex nugget.
<!-- private -->
- SECRET_UNCLOSED"
run summary --week --for execs
expect_code 1
expect_err_contains "prod/interviews/portal/lex-2026-11-18.md:14: error: <!-- private --> is never closed"
expect_err_contains "left out of the message to execs"
expect_out_lacks "Lex nugget"
expect_out_lacks "SECRET"
expect_out_contains "Stark pays by invoice only."
rm prod/interviews/portal/lex-2026-11-18.md
run summary --for execs
expect_code 2
# --match would tell by which notes it keeps what their private sections say.
write_note billing acquired-2026-11-19.md "Acquired Co" 2026-11-19 dev "execs: true
tldr: Acquired" "## Goal
Learn.

## Nuggets
- Public nugget of Acquired Co.

## Private
- They are being acquired."
run summary --week --for execs
expect_out_contains "Public nugget of Acquired Co."
expect_out_lacks "being acquired"
run summary --week --for execs --match acquired
expect_code 2
expect_err_contains "--match searches private text too; it cannot narrow the message to execs"
expect_out_equals ""
rm prod/interviews/billing/acquired-2026-11-19.md
run summary --week --for devs
expect_code 2

# --- private nuggets and HTML comments (the digest is the team's: marked, never picked) ---
write_note portal cyberdyne-2026-11-20.md "Cyberdyne" 2026-11-20 sam "tldr: Cyberdyne" "## Goal
Learn.

## Nuggets
- Public
<!-- private -->
- ! Price they pay: 40k
<!-- /private -->
- Another <!-- note to self -->
- <!-- only a comment -->
<!--
- Inside a comment
-->

### Private: deal
- !! SECRET_SUBSECTION"
CYBERDYNE=prod/interviews/portal/cyberdyne-2026-11-20.md
run summary --week --picks --pm sam --format text
expect_out_equals "Sam Roy (portal, billing): Public — Cyberdyne, 2026-11-20"
run summary --week --picks --pm sam --format json
expect_json 'data["picks"][0]["nugget"] == "Public" and data["picks"][0]["marked"] is False'
run lint "$CYBERDYNE"
expect_out_contains "$CYBERDYNE:14: warning: a private nugget cannot be picked"
expect_out_contains "$CYBERDYNE:23: warning: a private nugget cannot be picked"
expect_out_lacks "one pick per note"
run summary --week --pm sam
expect_code 0
expect_out_contains "- Public
- Price they pay: 40k (private)
- Another
- SECRET_SUBSECTION (private)

Notes: \`$CYBERDYNE\`"
expect_out_lacks "note to self"
expect_out_lacks "only a comment"
expect_out_lacks "Inside a comment"
expect_out_lacks '<\!'
run summary --week --pm sam --format text
expect_out_contains "    - Price they pay: 40k (private)
    - Another
"
expect_out_lacks "note to self"
run summary --week --pm sam --format json
expect_json '[i for i in data["pms"][0]["interviews"] if i["customer"] == "Cyberdyne"][0]["nuggets"] == ["Public", "Price they pay: 40k", "Another", "SECRET_SUBSECTION"]'
expect_json '[i for i in data["pms"][0]["interviews"] if i["customer"] == "Cyberdyne"][0]["private_nuggets"] == [False, True, False, True]'
run summary --week --for execs --pm sam
expect_out_lacks "Price they pay"
expect_out_lacks "SECRET"
# The site is the shared view: neither private nuggets nor comments.
run site --week this
expect_code 0
expect_file_contains site/digest.html "Another"
OUT=$(cat site/digest.html site/notes/*.html site/notes/*/*.html 2>/dev/null)
expect_out_lacks "note to self"
expect_out_lacks "Price they pay"
expect_out_lacks "SECRET_SUBSECTION"
rm -r site
# A marked pick and an exec nugget lose their comments too; a note without a
# tldr never falls back to a private nugget.
write_note portal cyberdyne-2026-11-20.md "Cyberdyne" 2026-11-20 sam "execs: true" "## Goal
Learn.

## Nuggets
<!-- private -->
- SECRET_FIRST
<!-- /private -->
- !! Marked <!-- aside --> pick"
run summary --week --picks --pm sam --format text
expect_out_equals "Sam Roy (portal, billing): Marked pick — Cyberdyne, 2026-11-20"
run summary --week --for execs --pm sam
expect_out_contains "- Marked pick — Cyberdyne, 2026-11-20."
expect_out_lacks "aside"
run summary "$CYBERDYNE"
expect_out_contains ": Marked pick"
expect_out_lacks "SECRET"
expect_out_lacks "aside"
rm "$CYBERDYNE"

# execs must be true or false.
write_note portal bad-2026-11-18.md "Bad" 2026-11-18 sam "execs: maybe"
run lint prod/interviews/portal/bad-2026-11-18.md
expect_out_contains "'execs' must be true or false"
rm prod/interviews/portal/bad-2026-11-18.md
run list --where execs=true --format paths
expect_out_equals "prod/interviews/portal/wayne-2026-11-18.md"

# --- hostile values: ESC, markdown links and line breaks stay data ---
write_note portal evil-2026-11-18.md '"Evil\e[2J [Reset](http://phish.example)\nforged line"' 2026-11-18 mei "execs: true
tldr: evil" "## Goal
Learn.

## Nuggets
- !! [Click me](http://phish.example) $(printf '\033')[31m red"
for fmt in text markdown json; do
    for what in --picks "--for execs"; do
        # shellcheck disable=SC2086
        run summary --week $what --format "$fmt"
        expect_out_lacks $'\e'
        [ "$fmt" = json ] || expect_out_lacks $'\nforged line'
        [ "$fmt" != markdown ] || expect_out_lacks "](http://phish.example)"
        [ "$fmt" != json ] || expect_json 'any(p.get("customer") == "Evil\x1b[2J [Reset](http://phish.example)\nforged line" for p in data.get("picks", data.get("nuggets", [])))'
    done
done
run summary --week --picks --pm mei --format text
expect_out_contains 'Mei Chen (portal): [Click me](http://phish.example) \x1b[31m red — Evil\x1b[2J [Reset](http://phish.example)\nforged line, 2026-11-18'
run summary --week --picks --pm mei
expect_out_contains '- Mei Chen (portal): \[Click me\](http\://phish.example) \\x1b\[31m red — Evil\\x1b\[2J \[Reset\](http\://phish.example) forged line, 2026-11-18'
run summary --week --for execs
expect_out_contains '- \[Click me\](http\://phish.example) \\x1b\[31m red — Evil\\x1b\[2J \[Reset\](http\://phish.example) forged line, 2026-11-18. From Mei Chen'
rm prod/interviews/portal/evil-2026-11-18.md

# --- links.base: the message gives each note's web address, percent-encoded ---
# A hostile file name and customer: the address holds no byte a URL cannot, and
# nothing of it can close the autolink or start a markdown link.
EVIL_FILE='evil <x> [y](http:%2F%2Fphish) "q" é-2026-11-18.md'
write_note portal "$EVIL_FILE" '"Evil> <http://phish.example> [Reset](x)"' 2026-11-18 mei "execs: true
tldr: evil" "## Goal
Learn.

## Nuggets
- !! Linked nugget."
printf 'links: {base: "https://git.example.com/acme/notes/blob/main/"}\n' >>.pmi.yaml
EVIL_URL='https://git.example.com/acme/notes/blob/main/prod/interviews/portal/evil%20%3Cx%3E%20%5By%5D%28http%3A%252F%252Fphish%29%20%22q%22%20%C3%A9-2026-11-18.md'
STARK_URL='https://git.example.com/acme/notes/blob/main/prod/interviews/billing/stark-2026-11-19.md'
for fmt in markdown text; do
    run summary --week --for execs --format "$fmt"
    expect_code 0
    expect_out_contains "- Stark pays by invoice only. — Stark, 2026-11-19. From Dev Rao, who product manages billing. Full notes: <$STARK_URL>"
    expect_out_contains "- Linked nugget. — Evil\\> \\<http\\://phish.example\\> \\[Reset\\](x), 2026-11-18. From Mei Chen, who product manages portal. Full notes: <$EVIL_URL>"
    expect_out_lacks "Full notes: \`"
    expect_out_lacks "SECRET"
done
run summary --week --for execs --format json
expect_json 'sorted(n["url"] for n in data["nuggets"])[0] == "'"$STARK_URL"'"'
expect_json '[n["url"] for n in data["nuggets"] if n["customer"].startswith("Evil")] == ["'"$EVIL_URL"'"]'
expect_json 'all(n["url"] == "https://git.example.com/acme/notes/blob/main/" + __import__("urllib.parse").parse.quote(n["path"], safe="/") for n in data["nuggets"])'
# share never gives the address, even of a note flagged for execs.
run share "prod/interviews/portal/$EVIL_FILE"
expect_code 0
expect_out_lacks "https://git.example.com"
sed -i '/^links:/d' .pmi.yaml
run summary --week --for execs --format json
expect_json 'all(n["url"] is None for n in data["nuggets"])'
rm "prod/interviews/portal/$EVIL_FILE"

# --- roster products: checked against the config's products, shown by report ---
run --today 2026-11-20 report --format text
expect_code 0
expect_out_contains "PRODUCTS"
expect_out_contains "portal, billing"
run report --format json
expect_json '[p["products"] for p in data["pms"]] == [["portal"], ["billing"], [], ["portal", "billing"]]'
run report --format csv --pm dev
expect_out_contains ",products"
expect_out_contains ",Stark,4,0,billing"
sed -i 's/products: \[portal\]}/products: [portl]}/' .pmi.yaml
run report
expect_code 2
expect_err_contains ".pmi.yaml:4: 'team.products': unknown product 'portl'; did you mean 'portal'?"

finish
