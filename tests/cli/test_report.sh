#!/usr/bin/env bash
# End-to-end tests of `pmi report`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A team of five in 2026-W46 (9 to 15 November), seen from Wednesday of W47:
# caroline met, dev missed, mei excused, tom not started (joined in W47),
# sam logged only a sales call, zed is not in the roster.
report_tree() {
    team_tree "$1" "${TEAM_ROSTER[@]}" "{id: sam, name: Sam Seller, since: 2026-01-05}"
    write_note portal acme-2026-11-03.md "Acme" 2026-11-03 caroline
    write_note portal acme-2026-11-10.md "Acme" 2026-11-10 caroline
    write_note billing hooli-2026-11-02.md "Hooli" 2026-11-02 dev
    write_note billing initech-2026-11-04.md "Initech" 2026-11-04 mei
    write_note billing globex-2026-11-11.md "Globex" 2026-11-11 sam "kind: sales"
    write_note portal umbrella-2026-11-12.md "Umbrella" 2026-11-12 zed
    write_note portal oscorp-2026-11-17.md "Oscorp" 2026-11-17 tom
}

report_tree team

# --- the week under way (default) ---
run --today 2026-11-18 report
expect_code 0
expect_out_equals "2026-W47 (2026-11-16 to 2026-11-22): quota 1 a week, counting every kind but sales
PM        INTERVIEWS  STATUS                 STREAK  LAST INTERVIEW      LAST WEEK
caroline           0  0 of 1, due by Sunday       2  2026-11-10 Acme     met
dev                0  0 of 1, due by Sunday       0  2026-11-02 Hooli    missed (0 of 1)
mei                0  0 of 1, due by Sunday       1  2026-11-04 Initech  excused (away)
tom                1  met                         1  2026-11-17 Oscorp   not started (since 2026-11-16)
sam                0  0 of 1, due by Sunday       0  -                   missed (0 of 1)
team 2026-W47: 1 of 5 met, 4 still due"

# --week without a value means this week
OUT_DEFAULT=$OUT
run --today 2026-11-18 report --week
expect_code 0
expect_out_equals "$OUT_DEFAULT"

# --- a completed week: met, missed, excused, not started, sales only, not in roster ---
run --today 2026-11-18 report --week last
expect_code 0
expect_err_empty
expect_out_equals "2026-W46 (2026-11-09 to 2026-11-15): quota 1 a week, counting every kind but sales
PM                   INTERVIEWS  STATUS                                     STREAK  LAST INTERVIEW
caroline                      1  met                                             2  2026-11-10 Acme
dev                           0  missed (0 of 1)                                 0  2026-11-02 Hooli
mei                           0  excused (away)                                  1  2026-11-04 Initech
tom                           0  not started (since 2026-11-16)                  0  -
sam                           0  missed (0 of 1); 1 sales call not counted       0  -
zed (not in roster)           1  met                                             1  2026-11-12 Umbrella
team 2026-W46: 1 of 3 met, 2 missed, 1 excused, 1 not started, 1 not in roster"

# the same week by label (any case) and by a date inside it
run --today 2026-11-18 report --week 2026-w46
expect_out_contains "2026-W46 (2026-11-09 to 2026-11-15)"
run --today 2026-11-18 report --week 2026-11-15
expect_out_contains "2026-W46 (2026-11-09 to 2026-11-15)"

# a week with no note of zed's: zed is not listed
run --today 2026-11-18 report --week 2026-W45 --format json
expect_json '[(p["pm"], p["count"], p["status"]) for p in data["pms"]] == [("caroline", 1, "met"), ("dev", 1, "met"), ("mei", 1, "met"), ("tom", 0, "not_started"), ("sam", 0, "missed")]'

# --- json ---
run --today 2026-11-18 report --week 2026-W46 --format json
expect_code 0
expect_json 'data["week"] == "2026-W46" and data["since"] == "2026-11-09" and data["until"] == "2026-11-15"'
expect_json '[p["pm"] for p in data["pms"]] == ["caroline", "dev", "mei", "tom", "sam", "zed"]'
expect_json '[p["status"] for p in data["pms"]] == ["met", "missed", "excused", "not_started", "missed", "met"]'
expect_json 'data["pms"][0]["last_interview"] == {"date": "2026-11-10", "customer": "Acme", "path": "prod/interviews/portal/acme-2026-11-10.md"}'
expect_json 'data["pms"][4]["count"] == 0 and data["pms"][4]["last_interview"] is None'
expect_json 'data["pms"][5]["in_roster"] is False and data["pms"][0]["in_roster"] is True'
expect_json 'data["team"] == {"met": 1, "missed": 2, "due": 0, "excused": 1, "not_started": 1, "left": 0, "no_quota": 0, "not_in_roster": 1}'

# --- the grid ---
run --today 2026-11-18 report --weeks 3
expect_code 0
expect_out_equals "2026-W45 to 2026-W47 (2026-11-02 to 2026-11-22): quota 1 a week, counting every kind but sales
PM                   W45   W46  W47  STREAK
caroline               1     1   0?       2
dev                    1    0!   0?       0
mei                    1  away   0?       1
tom                    -     -    1       1
sam                   0!    0!   0?       0
zed (not in roster)    -     1   0?       1
0! missed, 0? still due, away excused, - not started
team 2026-W47: 1 of 5 met, 4 still due, 1 not in roster"

run --today 2026-11-18 report --weeks 2 --week 2026-W46 --format json
expect_json 'data["weeks"] == ["2026-W45", "2026-W46"]'
expect_json 'data["pms"][1]["weeks"] == [{"week": "2026-W45", "count": 1, "led": 1, "paired": 0, "status": "met", "streak": 1}, {"week": "2026-W46", "count": 0, "led": 0, "paired": 0, "status": "missed", "streak": 0}]'

# colour only when asked (or on a terminal), red for a miss
run --today 2026-11-18 --color always report --weeks 2 --week 2026-W46
expect_out_contains $'\e[31m0!\e[0m'
run --today 2026-11-18 report --weeks 2 --week 2026-W46
expect_out_lacks $'\e['

# --- filters ---
run --today 2026-11-18 report --week 2026-W46 --pm dev --format csv
expect_code 0
expect_out_equals "pm,name,in_roster,week,since,until,count,quota,status,streak,last_date,last_customer,led,paired,products
dev,Dev Rao,yes,2026-W46,2026-11-09,2026-11-15,0,1,missed,0,2026-11-02,Hooli,0,0,"
run --today 2026-11-18 report --week 2026-W46 --product billing --format json
expect_json '[p["pm"] for p in data["pms"]] == ["dev", "mei", "sam"]'
run --today 2026-11-18 report --pm nobody
expect_code 2
expect_err_contains "no PM 'nobody' in the roster"

# --- markdown ---
run --today 2026-11-18 report --week 2026-W46 --pm caroline --format markdown
expect_out_equals "### Interviews 2026-W46 (2026-11-09 to 2026-11-15): quota 1 a week, counting every kind but sales

| PM | INTERVIEWS | STATUS | STREAK | LAST INTERVIEW |
| --- | ---: | --- | ---: | --- |
| caroline | 1 | met | 2 | 2026-11-10 Acme |

team 2026-W46: 1 of 1 met"

# --- quota.kinds: only the listed kinds count ---
sed -i 's/quota: {per_week: 1}/quota: {per_week: 1, kinds: [sales]}/' .pmi.yaml
run --today 2026-11-18 report --week 2026-W46 --pm sam --pm caroline --format json
expect_json '[(p["pm"], p["count"], p["status"]) for p in data["pms"]] == [("caroline", 0, "missed"), ("sam", 1, "met")]'
run --today 2026-11-18 report --week 2026-W46 --pm sam
expect_out_contains "counting kinds sales"

# --- an invalid note is reported; the others still are counted ---
report_tree broken
printf -- '---\ncustomer: Broken\ndate: 2026-11-12\nproduct: portal\n---\n' >prod/interviews/portal/broken-2026-11-12.md
run --today 2026-11-18 report --week 2026-W46 --pm caroline
expect_code 0
expect_err_contains "prod/interviews/portal/broken-2026-11-12.md"
expect_out_contains "caroline           1  met"

# --- week_starts: sunday ---
report_tree sunday
echo "week_starts: sunday" >>.pmi.yaml
run --today 2026-11-18 report
expect_out_contains "2026-W47 (2026-11-15 to 2026-11-21)"
expect_out_contains "0 of 1, due by Saturday"

# --- an empty tree: roster PMs appear with zero ---
new_tree empty
run --today 2026-11-18 report --week last
expect_code 0
expect_out_equals "2026-W46 (2026-11-09 to 2026-11-15): quota 1 a week, counting every kind but sales
PM        INTERVIEWS  STATUS           STREAK  LAST INTERVIEW
caroline           0  missed (0 of 1)       0  -
dev                0  missed (0 of 1)       0  -
team 2026-W46: 0 of 2 met, 2 missed"

# no roster and no notes
echo "notes: prod/interviews" >.pmi.yaml
run --today 2026-11-18 report --format json
expect_code 0
expect_json 'data["pms"] == []'
run --today 2026-11-18 report
expect_out_contains "no PMs"

# outside a repository: an error, not an empty report
rm .pmi.yaml
run --today 2026-11-18 report
expect_code 2
expect_err_contains "not in a pmi repository (no .pmi.yaml here or in any parent); run pmi init"
echo "notes: prod/interviews" >.pmi.yaml

# --- usage errors ---
run --today 2026-11-18 report --week 2026-W54
expect_code 2
expect_err_contains "2026 has weeks 2026-W01 to 2026-W53"
run --today 2026-11-18 report --week someday
expect_code 2
run --today 2026-11-18 report --weeks 0
expect_code 2
run --today 2026-11-18 report --format xml
expect_code 2

# --- cadence over the last months ---
cd "$WORK"
report_tree cadence
write_note portal acme-2026-10-20.md "Acme" 2026-10-20 caroline "segment: smb"
write_note portal globex-2026-10-21.md "Globex" 2026-10-21 caroline "segment: enterprise"
run --today 2026-11-18 report --cadence --months 1 --pm caroline --pm dev --pm tom
expect_code 0
expect_out_equals "Interview cadence, 2026-10-12 to 2026-11-18: 6 weeks (1 month), oldest first
PM        WEEKS   INTERVIEWS  MEDIAN GAP  LONGEST GAP                       CUSTOMERS            SEGMENTS
caroline  .2.11.           4      7 days  13 days (to 2026-11-03)           2: Acme 3, Globex 1  enterprise 1, smb 1
dev       ...1..           1           -  16 days (open, since 2026-11-02)  1: Hooli 1           -
tom       -----1           1           -  1 day (open, since 2026-11-17)    1: Oscorp 1          -
weeks: . none, 1-9 interviews, + ten or more, a away, - before the PM's start or after their last day"
run --today 2026-11-18 report --cadence --months 1 --product billing --format json
expect_code 0
expect_json '[p["pm"] for p in data["pms"]] == ["dev", "mei", "sam"] and data["weeks"][0] == "2026-W42" and data["pms"][1]["strip"] == "...1a." and data["pms"][0]["longest_gap"] == {"days": 16, "from": "2026-11-02", "to": "2026-11-18", "open": True} and data["pms"][2]["interviews"] == 0 and data["pms"][2]["median_gap_days"] is None'
run --today 2026-11-18 report --cadence --format markdown --pm mei
expect_code 0
expect_out_contains "| mei | \`"
expect_out_contains "Weeks: . none"
run --today 2026-11-18 report --cadence --format csv --pm mei
expect_out_contains "pm,name,in_roster,interviews,median_gap_days,longest_gap_days"
expect_out_contains "mei,Mei Tanaka,yes,1,,14,2026-11-04,2026-11-18,yes,week,2026-W45,1"
expect_out_contains "mei,Mei Tanaka,yes,1,,14,2026-11-04,2026-11-18,yes,customer,"
run --today 2026-11-18 report --cadence --weeks 4
expect_code 2
expect_err_contains "excludes"
run --today 2026-11-18 report --months 3
expect_code 2
expect_err_contains "--months requires --cadence"
run --today 2026-11-18 report --cadence --months 0
expect_code 2

# --- the bundled example tree ---
run --root "$SOURCE_DIR/examples" --today 2026-11-23 report --week 2026-W46 --format json
expect_code 0
expect_json '{p["pm"]: p["status"] for p in data["pms"]} == {"caroline": "met", "dev": "missed", "mei": "met", "tom": "met"}'
run --root "$SOURCE_DIR/examples" --today 2026-11-23 report --week 2026-W40 --pm caroline
expect_out_contains "excused (away)"

# --- what counts, shown ---
cd "$WORK" && new_tree counting
# caroline met the quota through portal; dev logged only a sales call.
write_note portal acme-2026-11-10.md Acme 2026-11-10 caroline
write_note billing initech-2026-11-11.md Initech 2026-11-11 dev "kind: sales"
write_note billing hooli-2026-11-03.md Hooli 2026-11-03 caroline
run --today 2026-11-18 report --week 2026-W46
expect_out_contains "missed (0 of 1); 1 sales call not counted"
run --today 2026-11-18 report --week 2026-W46 --format json
expect_json 'data["pms"][1]["not_counted"] == {"sales": 1} and data["pms"][0]["not_counted"] == {}'
# The quota is per PM: with --product, caroline keeps her status over every product.
run --today 2026-11-18 report --week 2026-W46 --product billing
expect_out_contains "PMs with notes of billing, their status over every product"
expect_out_contains "IN billing"
CHECKS=$((CHECKS + 1))
grep -qE '^caroline +1 +0 +met' <<<"$OUT" || fail "caroline should be met with 0 in billing"
run --today 2026-11-18 check --week 2026-W46
expect_out_lacks "caroline: 0 of 1"
# A week under way does not break the streak of a later week (notes dated ahead).
write_note portal acme-2026-11-25.md Acme 2026-11-25 caroline
run --today 2026-11-18 report --week 2026-W48 --format json
expect_json 'data["pms"][0]["pm"] == "caroline" and data["pms"][0]["status"] == "met" and data["pms"][0]["streak"] == 3'
# On a Monday the one-on-one sees last week's outcome beside this week's.
run --today 2026-11-23 report
expect_out_contains "LAST WEEK"
run --today 2026-11-23 report --format json
expect_json 'data["pms"][0]["previous_week"] == {"week": "2026-W47", "count": 0, "status": "missed"}'

finish
