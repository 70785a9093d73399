# End-to-end tests of `pmi summary`: two-line tl;dr of notes and the weekly digest.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 caroline \
    "interviewees:
  - {name: Jo Smith, role: end user}
tags: [navigation, security-config]
tldr: Raves about the new navigation flow; frustration with security configuration." \
    "## Nuggets
- Navigation is the first thing Jo mentions.
- Security config scares admins."
write_note portal globex-2026-11-17.md "Globex" 2026-11-17 dev "interviewees:
  - {name: Ann Lee, role: CTO}
  - {name: Bo Chan}" "## Goal
Learn.

## Nuggets
- Globex exports everything to Excel."
write_note billing initech-2026-11-18.md "Initech" 2026-11-18 caroline "" "## Goal
Nothing to share."
write_note billing hooli-2026-11-10.md "Hooli" 2026-11-10 dev "tldr: Last week's call"

# One note: exactly two lines, path relative to the repository root.
run summary prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 0
expect_err_empty
expect_out_equals "tl;dr – talked with Jo Smith (end user) at Acme Corp on 2026-11-20: Raves about the new navigation flow; frustration with security configuration.
Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md"

# From a subfolder, a path relative to it; several notes separated by a blank line;
# no tldr: the first nugget, with a warning naming the file.
cd prod/interviews/portal
run summary acme-corp-2026-11-20.md ./globex-2026-11-17.md
expect_code 0
expect_out_equals "tl;dr – talked with Jo Smith (end user) at Acme Corp on 2026-11-20: Raves about the new navigation flow; frustration with security configuration.
Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md

tl;dr – talked with Ann Lee (CTO) and Bo Chan at Globex on 2026-11-17: Globex exports everything to Excel.
Full interview notes at prod/interviews/portal/globex-2026-11-17.md"
expect_err_contains "prod/interviews/portal/globex-2026-11-17.md: warning: no tldr; using the first nugget"
cd "$ROOT"

# A note's name without folder or .md, from anywhere in the repository.
mkdir -p sub && cd sub
run summary acme-corp-2026-11-20
expect_code 0
expect_out_contains "Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md"
run summary globex-2026-11-17.md
expect_code 0
expect_out_contains "Full interview notes at prod/interviews/portal/globex-2026-11-17.md"
cd "$ROOT"
mkdir -p prod/interviews/billing
cp prod/interviews/portal/acme-corp-2026-11-20.md prod/interviews/billing/
sed -i 's/^product: portal/product: billing/' prod/interviews/billing/acme-corp-2026-11-20.md
run summary acme-corp-2026-11-20
expect_code 2
expect_err_contains "'acme-corp-2026-11-20' names 2 notes; give the path: prod/interviews/billing/acme-corp-2026-11-20.md, prod/interviews/portal/acme-corp-2026-11-20.md"
rm prod/interviews/billing/acme-corp-2026-11-20.md
rmdir sub

# Neither tldr nor nuggets: still summarised, said so on stderr.
run summary prod/interviews/billing/initech-2026-11-18.md
expect_code 0
expect_out_equals "tl;dr – talked with Initech on 2026-11-18: (no tldr)
Full interview notes at prod/interviews/billing/initech-2026-11-18.md"
expect_err_contains "prod/interviews/billing/initech-2026-11-18.md: warning: no tldr and no nuggets"

# A bad path among good ones: reported, the others printed, exit 0; all bad: exit 2.
printf -- '---\ncustomer: X\n---\n' >prod/interviews/portal/bad.md
run summary prod/interviews/nope.md prod/interviews/billing/hooli-2026-11-10.md prod/interviews/portal/bad.md
expect_code 0
expect_out_equals "tl;dr – talked with Hooli on 2026-11-10: Last week's call
Full interview notes at prod/interviews/billing/hooli-2026-11-10.md"
expect_err_contains "prod/interviews/nope.md: error: No such file or directory"
expect_err_contains "prod/interviews/portal/bad.md:1: error: missing required field"
run summary prod/interviews/nope.md
expect_code 2
expect_out_equals ""
rm prod/interviews/portal/bad.md

run summary prod/interviews/portal/acme-corp-2026-11-20.md --format json
expect_json 'data["week"] is None and data["pms"][0]["interviews"][0]["path"] == "prod/interviews/portal/acme-corp-2026-11-20.md" and data["pms"][0]["interviews"][0]["tldr_source"] == "tldr" and data["pms"][0]["interviews"][0]["summary"].startswith("tl;dr – talked with Jo Smith")'

# Filters without --week: the summaries of the matching notes, newest first.
run summary --pm dev
expect_code 0
expect_out_contains "at Globex on 2026-11-17"
expect_out_contains "talked with Hooli on 2026-11-10"
expect_out_lacks "Acme"

# Nothing to summarise, or both forms at once: usage errors.
run summary
expect_code 2
expect_err_contains "give note paths"
run summary --week prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 2

# The weekly digest: per PM sorted by id, each interview with its tldr and nuggets.
run --today 2026-11-21 summary --week
expect_code 0
expect_out_equals "# Staff meeting digest, 2026-W47 (2026-11-16 to 2026-11-22)

## Caroline Diaz (caroline)

### 2026-11-18 — Initech, billing

**tl;dr:** (no tldr)

Notes: \`prod/interviews/billing/initech-2026-11-18.md\`

### 2026-11-20 — Acme Corp, portal

**tl;dr:** Raves about the new navigation flow; frustration with security configuration.

- Navigation is the first thing Jo mentions.
- Security config scares admins.

Notes: \`prod/interviews/portal/acme-corp-2026-11-20.md\`

## Dev Rao (dev)

### 2026-11-17 — Globex, portal

**tl;dr:** (no tldr)

- Globex exports everything to Excel.

Notes: \`prod/interviews/portal/globex-2026-11-17.md\`"

run summary --week 2026-W46 --format text
expect_code 0
expect_out_equals "Staff meeting digest, 2026-W46 (2026-11-09 to 2026-11-15)

Caroline Diaz (caroline)
  no interviews this week

Dev Rao (dev)
  2026-11-10 — Hooli, billing
    tl;dr: Last week's call
    - A nugget from Hooli
    prod/interviews/billing/hooli-2026-11-10.md"

run summary --week 2026-W47 --product portal --format json
expect_code 0
expect_json 'data["week"] == "2026-W47" and [p["pm"] for p in data["pms"]] == ["caroline", "dev"] and data["pms"][0]["interviews"][0]["nuggets"] == ["Navigation is the first thing Jo mentions.", "Security config scares admins."] and data["pms"][0]["interviews"][0]["interviewees"] == [{"name": "Jo Smith", "role": "end user"}] and len(data["pms"][1]["interviews"]) == 1'
run summary --week 2026-W47 --pm dev --format json
expect_json '[p["pm"] for p in data["pms"]] == ["dev"]'
run summary --week 2026-W99
expect_code 2

# The bundled examples.
run --root "$SOURCE_DIR/examples" --today 2026-11-23 summary --week last
expect_code 0
expect_err_empty
expect_out_contains "## Caroline Diaz (caroline)"
expect_out_contains "Notes: \`prod/interviews/"
cd "$SOURCE_DIR/examples"
run --today 2026-11-23 summary prod/interviews/billing/vandelay-imports-2026-11-20.md
expect_code 0
expect_out_equals "tl;dr – talked with Arturo Vance (owner and buyer) at Vandelay Imports on 2026-11-20: Small importer wants to pay quarterly; monthly invoices create too much admin for a two-person shop.
Full interview notes at prod/interviews/billing/vandelay-imports-2026-11-20.md"
cd "$WORK"

# Nuggets are read by CommonMark's rules: an indented or setext Nuggets heading,
# numbered items; a heading inside a code block is code.
new_tree scanner
write_note portal numbered-2026-10-01.md "Numbered" 2026-10-01 dev "" "## Goal
Learn.

 ## Nuggets
1. Numbered nugget
   - a detail, not a nugget
2) Second nugget"
write_note portal setext-2026-10-02.md "Setext" 2026-10-02 dev "" "Goal
----
Learn.

Nuggets
-------
- Setext nugget"
write_note portal fenced-2026-10-03.md "Fenced" 2026-10-03 dev "" "## Goal
~~~~
## Nuggets
- Not a nugget
~~~
- still code
~~~~
## Nuggets
* Real nugget"
run summary --week 2026-W40 --format json
expect_code 0
expect_json '[(i["customer"], i["nuggets"]) for p in data["pms"] for i in p["interviews"]] == [("Numbered", ["Numbered nugget", "Second nugget"]), ("Setext", ["Setext nugget"]), ("Fenced", ["Real nugget"])]'
run lint
expect_out_contains "no tldr"
expect_out_lacks "no Goal"
expect_out_lacks "has no bullet"
cd "$WORK"

# A PM away that week is shown away, not as having no interviews.
new_tree away
sed -i 's/  - {id: dev, name: Dev Rao, email: dev@example.com, since: 2026-01-05}/  - {id: dev, name: Dev Rao, email: dev@example.com, since: 2026-01-05, away: [2026-W47]}/' .pmi.yaml
write_note portal acme-2026-11-17.md Acme 2026-11-17 caroline "tldr: Wants SSO."
run summary --week 2026-W47
expect_code 0
expect_out_contains "Away this week."
run summary --week 2026-W47 --format text
expect_out_contains "  away this week"
run summary --week 2026-W47 --format json
expect_out_contains '"away": true'
run summary --week 2026-W48
expect_out_lacks "Away this week."
cd "$WORK"

finish
