# End-to-end tests of `pmi signals`: workarounds, their words and emotions across notes.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 caroline "tags: [navigation, security]" \
    "## Workarounds
<!-- \"We've figured out a way to...\" -->
- A wiki page of deep links

## Their words
- \"the map\" = navigation rail
- \"batch processing\" = bulk operations

## Emotions
<!-- Frustration, delight, confusion, resignation, and about what. -->
- delight: the new navigation flow
- frustration: security configuration needs five pages"
write_note portal globex-2026-11-17.md "Globex" 2026-11-17 dev "tags: [Navigation]" \
    "## Workarounds
- Excel export, fix, retype

## Their words
- \"Batch Processing\" = bulk operations

## Emotions
- confused by roles; gave up asking"
write_note billing initech-2026-11-18.md "Initech" 2026-11-18 caroline "" \
    "## Workarounds
- A browser macro

## Their words
- \"batch processing\" = bulk operations
- not a term line"

run signals
expect_code 0
expect_err_empty
# "navigation" and "Navigation" once each: shown as themes and TAGS.md show it.
expect_out_equals 'Workarounds (3)
TAG         DATE        CUSTOMER   PRODUCT  NOTE                                               WORKAROUND
Navigation  2026-11-20  Acme Corp  portal   prod/interviews/portal/acme-corp-2026-11-20.md:10  A wiki page of deep links
            2026-11-17  Globex     portal   prod/interviews/portal/globex-2026-11-17.md:9      Excel export, fix, retype
security    2026-11-20  Acme Corp  portal   prod/interviews/portal/acme-corp-2026-11-20.md:10  A wiki page of deep links
(untagged)  2026-11-18  Initech    billing  prod/interviews/billing/initech-2026-11-18.md:8    A browser macro

Their words (2)
THEIR WORDS         OUR TERM         CUSTOMERS  WHO
"batch processing"  bulk operations          3  Acme Corp, Globex, Initech
"the map"           navigation rail          1  Acme Corp

Emotions by product
PRODUCT  FRUSTRATION  CONFUSION  RESIGNATION  DELIGHT
portal             1          1            1        1

Emotions by tag
TAG         FRUSTRATION  CONFUSION  RESIGNATION  DELIGHT
Navigation            1          1            1        1
security              1          0            0        1'

run signals --format json
expect_code 0
expect_json 'data["emotions"] == ["frustration", "confusion", "resignation", "delight"]'
expect_json '[g["tag"] for g in data["workarounds"]] == ["Navigation", "security", "(untagged)"]'
expect_json 'data["workarounds"][0]["items"][1] == {"text": "Excel export, fix, retype", "customer": "Globex", "product": "portal", "date": "2026-11-17", "path": "prod/interviews/portal/globex-2026-11-17.md", "line": 9}'
expect_json 'data["glossary"][0] == {"theirs": "batch processing", "ours": "bulk operations", "customer_count": 3, "customers": ["Acme Corp", "Globex", "Initech"]}'
expect_json 'data["emotions_by_product"] == [{"product": "portal", "counts": {"frustration": 1, "confusion": 1, "resignation": 1, "delight": 1}}]'
expect_json 'data["emotions_by_tag"][1] == {"tag": "security", "counts": {"frustration": 1, "confusion": 0, "resignation": 0, "delight": 1}}'

run signals --format markdown --product billing
expect_code 0
expect_out_equals '# Signals

## Workarounds

### (untagged)

- A browser macro — Initech, billing, 2026-11-18 ([note](prod/interviews/billing/initech-2026-11-18.md))

## Their words

| Their words | Our term | Customers | Who |
| --- | --- | ---: | --- |
| "batch processing" | bulk operations | 1 | Initech |

## Emotions by product

None.

## Emotions by tag

None.'

# Filters: --pm, --tag, --week.
run signals --pm dev --format json
expect_json 'len(data["workarounds"]) == 1 and data["workarounds"][0]["items"][0]["customer"] == "Globex"'
run signals --tag security --format json
expect_json '[g["tag"] for g in data["workarounds"]] == ["navigation", "security"] and len(data["glossary"]) == 2'
run --today 2026-11-25 signals --week last --customer initech --format json
expect_json 'data["glossary"][0]["customers"] == ["Initech"]'

# Words added in the config, and a new emotion.
cat >>.pmi.yaml <<'YAML'
signals:
  emotions:
    delight: ["five pages"]
    skepticism: [doubt*]
YAML
printf -- '- we doubt it\n' >>prod/interviews/portal/globex-2026-11-17.md
run signals --format json
expect_json 'data["emotions"][-1] == "skepticism"'
expect_json 'data["emotions_by_product"][0]["counts"] == {"frustration": 1, "confusion": 1, "resignation": 1, "delight": 2, "skepticism": 1}'

# Invalid notes are reported and skipped; no match says so.
printf -- '---\ncustomer: Broken\n---\n## Workarounds\n- hidden\n' >prod/interviews/portal/broken.md
run signals --format json
expect_code 0
expect_err_contains "prod/interviews/portal/broken.md"
expect_out_lacks hidden
run signals --pm nobody
expect_code 0
expect_err_contains "no notes match"
expect_out_contains "Workarounds (0)"
run signals --format yaml
expect_code 2

# A tag spelled two ways is shown as most notes spell it (as themes and TAGS.md
# do), not as the first note read spells it.
new_tree spellings
body='## Workarounds
- A spreadsheet on the side

## Emotions
- frustration: exports'
write_note billing acme-2026-11-20.md "Acme" 2026-11-20 caroline "tags: [Self-Serve]" "$body"
write_note billing globex-2026-11-18.md "Globex" 2026-11-18 dev "tags: [self-serve]" "$body"
write_note billing initech-2026-11-17.md "Initech" 2026-11-17 dev "tags: [self-serve]" "$body"
run signals --format json
expect_code 0
expect_json '[g["tag"] for g in data["workarounds"]] == ["self-serve"] and len(data["workarounds"][0]["items"]) == 3'
expect_json '[row["tag"] for row in data["emotions_by_tag"]] == ["self-serve"]'
run signals
expect_out_contains "self-serve  2026-11-20  Acme"
expect_out_lacks "Self-Serve"

finish
