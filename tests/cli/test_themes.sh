# End-to-end tests of `pmi themes`.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
sed -i 's/products: \[portal, billing\]/products: [portal, billing, mobile]/' .pmi.yaml
write_note portal acme-2026-11-20.md "Acme Corp" 2026-11-20 caroline "tags: [sso, api]
segment: enterprise
channel: video
kind: usability
interviewees:
  - {name: Jo, role: admin}"
write_note billing acme-2026-11-10.md "Acme Corp" 2026-11-10 dev "tags: [SSO, api, pricing]
segment: enterprise
channel: phone
interviewees:
  - {name: Al, role: admin}
  - {name: Bo, role: CFO}"
write_note portal beta-2026-11-05.md "Beta" 2026-11-05 dev "tags: [pricing]
segment: smb"
write_note portal prev-2026-10-20.md "Prev Co" 2026-10-20 dev "tags: [pricing, export, sso]
segment: mid-market"
write_note portal old-2026-06-01.md "Old Co" 2026-06-01 caroline "tags: [export]
segment: public"

run --today 2026-11-30 themes --since 2026-11-01 --format json
expect_code 0
expect_err_empty
expect_json 'data["period"] == {"since": "2026-11-01", "until": "2026-11-30"} and data["previous"] == {"since": "2026-10-02", "until": "2026-10-31"}'
expect_json 'data["interviews"] == 3 and data["products"] == ["billing", "portal"]'
expect_json 'data["matrix"][0] == {"tag": "api", "total": 2, "by_product": {"billing": 1, "portal": 1}}'
expect_json '[r["tag"] for r in data["matrix"]] == ["api", "pricing", "sso"]'
expect_json 'data["segments"] == [{"name": "enterprise", "count": 2}, {"name": "smb", "count": 1}]'
expect_json 'data["roles"] == [{"name": "admin", "count": 2}, {"name": "(none)", "count": 1}, {"name": "CFO", "count": 1}]'
expect_json 'data["kinds"] == [{"name": "learning", "count": 2}, {"name": "usability", "count": 1}]'
expect_json 'data["channels"] == [{"name": "(none)", "count": 1}, {"name": "phone", "count": 1}, {"name": "video", "count": 1}]'
expect_json 'data["quiet_products"] == ["mobile"] and data["quiet_segments"] == ["mid-market", "public"]'
expect_json 'data["top_customers"] == [{"customer": "Acme Corp", "count": 2}, {"customer": "Beta", "count": 1}]'
expect_json 'data["lapsed_customers"] == [{"customer": "Old Co", "last": "2026-06-01"}]'
expect_json 'data["rising"] == [{"tag": "api", "now": 2, "before": 0, "delta": 2}, {"tag": "pricing", "now": 2, "before": 1, "delta": 1}, {"tag": "sso", "now": 2, "before": 1, "delta": 1}]'
expect_json 'data["falling"] == [{"tag": "export", "now": 0, "before": 1, "delta": -1}]'
expect_json 'data["pairs"] == [{"tags": ["api", "sso"], "count": 2}]'

# Default period: the 90 days up to today.
run --today 2026-11-30 themes --format json
expect_json 'data["period"] == {"since": "2026-09-02", "until": "2026-11-30"} and data["interviews"] == 4'

run --today 2026-11-30 themes --since 2026-11-01
expect_code 0
expect_out_contains "Themes 2026-11-01 to 2026-11-30: 3 interviews"
expect_out_contains "What we hear across portfolios (tags by product)
TAG      billing  portal  TOTAL
api            1       1      2
pricing        1       1      2
sso            1       1      2"
expect_out_contains "Tags falling against 2026-10-02 to 2026-10-31
TAG     NOW  BEFORE  CHANGE
export    0       1      -1"
expect_out_contains "Customers not heard from in 90 days
CUSTOMER  LAST INTERVIEW
Old Co    2026-06-01"
expect_out_contains "Tags that come up together (2 notes or more)
TAGS       NOTES
api + sso      2"

run --today 2026-11-30 themes --since 2026-11-01 --format markdown
expect_code 0
expect_out_contains "# Themes 2026-11-01 to 2026-11-30: 3 interviews"
expect_out_contains "| Tag | billing | portal | Total |"
expect_out_contains "| api | 1 | 1 | 2 |"
expect_out_contains "## Products with no interview in the period

| Product |
| --- |
| mobile |"

run themes --since 2026-11-30 --until 2026-11-01
expect_code 2
expect_err_contains "after --until"
run themes --since yesterday
expect_code 2

# A tree with no tags and no nuggets: every section present and empty.
new_tree bare
write_note portal a-2026-11-20.md "A" 2026-11-20 caroline "" "## Goal"
run --today 2026-11-30 themes --format json
expect_code 0
expect_json 'data["interviews"] == 1 and data["matrix"] == [] and data["pairs"] == [] and data["rising"] == [] and data["quiet_products"] == ["billing"]'
run --today 2026-11-30 themes
expect_code 0
expect_out_contains "What we hear across portfolios (tags by product)
  no tags"

# The bundled examples.
run --root "$SOURCE_DIR/examples" --today 2026-11-23 themes --format json
expect_code 0
expect_err_empty
expect_json 'data["interviews"] == 47 and len(data["products"]) == 3 and len(data["matrix"]) >= 10 and len(data["pairs"]) >= 1'
run --root "$SOURCE_DIR/examples" --today 2026-11-23 themes
expect_code 0
expect_out_contains "Customers heard from most"

finish
