# End-to-end tests of `pmi tags`.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal a-2026-11-20.md "A" 2026-11-20 caroline "tags: [navigation, Security Config]"
write_note portal b-2026-10-01.md "B" 2026-10-01 dev "tags: [navigation, security-config]"
write_note billing c-2026-09-01.md "C" 2026-09-01 dev "tags: [security-config, invoicing, navigation]"
write_note billing d-2026-09-02.md "D" 2026-09-02 dev ""

run tags
expect_code 0
expect_err_empty
expect_out_equals "TAG              COUNT  PRODUCTS         FIRST       LAST
navigation           3  billing, portal  2026-09-01  2026-11-20
security-config      2  billing, portal  2026-09-01  2026-10-01
invoicing            1  billing          2026-09-01  2026-09-01
Security Config      1  portal           2026-11-20  2026-11-20

Likely duplicates (same tag spelled differently):
  security-config (2), Security Config (1)"

run tags --since 2026-10-01 --product portal
expect_out_equals "TAG              COUNT  PRODUCTS  FIRST       LAST
navigation           2  portal    2026-10-01  2026-11-20
Security Config      1  portal    2026-11-20  2026-11-20
security-config      1  portal    2026-10-01  2026-10-01

Likely duplicates (same tag spelled differently):
  Security Config (1), security-config (1)"
run tags --until 2026-09-30 --format json
expect_json '[t["tag"] for t in data["tags"]] == ["invoicing", "navigation", "security-config"] and data["duplicates"] == []'

run tags --format json
expect_code 0
expect_json 'data["tags"][0] == {"tag": "navigation", "count": 3, "products": ["billing", "portal"], "first": "2026-09-01", "last": "2026-11-20"}'
expect_json 'data["duplicates"] == [{"key": "securityconfig", "spellings": [{"tag": "security-config", "count": 2}, {"tag": "Security Config", "count": 1}]}]'

run tags --format markdown
expect_out_contains "| navigation | 3 | billing, portal | 2026-09-01 | 2026-11-20 |"
expect_out_contains "## Likely duplicates

- \`security-config\` (2), \`Security Config\` (1)"

run tags --since 2026-13-01
expect_code 2
expect_err_contains "--since"

# No tags at all.
new_tree empty
write_note portal a-2026-11-20.md "A" 2026-11-20 caroline ""
run tags
expect_code 0
expect_out_equals "no tags"
run tags --format json
expect_json 'data == {"schema": 1, "tags": [], "duplicates": []}'

run --root "$SOURCE_DIR/examples" tags --format json
expect_code 0
expect_err_empty
expect_json 'len(data["tags"]) >= 10 and data["tags"][0]["count"] >= data["tags"][-1]["count"]'

finish
