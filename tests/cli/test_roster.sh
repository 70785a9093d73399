#!/usr/bin/env bash
# End-to-end tests of the roster over time: `until:` (a PM who left), a PM's
# own `quota`, and `away:` date ranges, through report, check, the grid,
# --cadence, JSON and CSV.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# caroline meets every week; dev left on Friday 2026-11-13 (2026-W46); pat is
# part-time without a quota; mo has a quota of 2; ana is away over the
# holidays, a range that crosses the year (2026 has 53 ISO weeks).
roster_tree() {
    new_tree "$1"
    cat >.pmi.yaml <<'YAML'
notes: prod/interviews
quota: {per_week: 1}
products: [portal]
team:
  - {id: caroline, name: Caroline Diaz, since: 2026-01-05}
  - {id: dev, name: Dev Rao, since: 2026-01-05, until: 2026-11-13}
  - {id: pat, name: Pat Kim, since: 2026-01-05, quota: 0}
  - {id: mo, name: Mo Ali, since: 2026-01-05, quota: 2}
  - id: ana
    name: Ana Ruiz
    since: 2026-01-05
    away: [2026-W30, 2026-12-20..2027-01-03]
YAML
    local day
    for day in 2026-11-10 2026-11-17 2026-11-24 2026-12-15 2026-12-22 2026-12-29 2027-01-05; do
        write_note portal "acme-$day.md" Acme "$day" caroline
    done
    write_note portal hooli-2026-11-11.md Hooli 2026-11-11 dev
    write_note portal initech-2026-11-18.md Initech 2026-11-18 mo
    write_note portal globex-2026-11-19.md Globex 2026-11-19 pat
    write_note portal umbrella-2026-11-16.md Umbrella 2026-11-16 ana
    write_note portal umbrella-2026-11-23.md Umbrella 2026-11-23 ana
    write_note portal umbrella-2026-12-07.md Umbrella 2026-12-07 ana
    write_note portal umbrella-2026-12-14.md Umbrella 2026-12-14 ana
}

roster_tree roster

# --- until: the weeks after a PM's last day are not expected ---
# dev's last week (W46, he left on its Friday) still counts, and he met it.
run --today 2026-11-25 report --week 2026-W46 --format json
expect_code 0
expect_json '[(p["pm"], p["status"]) for p in data["pms"] if p["pm"] == "dev"] == [("dev", "met")]'
expect_json '[p["until"] for p in data["pms"] if p["pm"] == "dev"] == ["2026-11-13"]'
# The week after: dev is not listed, neither missed nor due; check passes on him.
run --today 2026-11-25 report --week 2026-W47
expect_code 0
expect_out_lacks "dev"
expect_out_contains "mo                 1  missed (1 of 2)"
expect_out_contains "pat                1  no quota"
run --today 2026-11-25 report
expect_out_lacks "dev"
# Nor in the staff-meeting digest's list of PMs without an interview.
run --today 2026-11-25 summary --week 2026-W47 --format json
expect_json '"dev" not in [p["pm"] for p in data["pms"]] and "mo" in [p["pm"] for p in data["pms"]]'
run --today 2026-11-25 summary --week 2026-W46 --format json
expect_json '"dev" in [p["pm"] for p in data["pms"]]'
# Asked for by name, dev shows as left.
run --today 2026-11-25 report --week 2026-W47 --pm dev
expect_code 0
expect_out_contains "left (until 2026-11-13)"
expect_out_contains "team 2026-W47: 0 of 0 met, 1 left"
# The grid shows the weeks he was gone.
run --today 2026-11-25 report --weeks 3 --week 2026-W47
expect_out_contains "dev        0!    1  left"
expect_out_contains "left after the PM's last day"
# --cadence marks them like the weeks before a start.
run --today 2026-11-25 report --cadence --months 1 --format json
expect_json '[p["strip"][-2:] for p in data["pms"] if p["pm"] == "dev"] == ["--"]'

# --- a PM's own quota: 2 for mo, 0 (never missed) for pat ---
run --today 2026-11-25 check --week 2026-W47
expect_code 1
expect_out_contains "PMs short of their quota:
  mo: 1 of 2 interviews in 2026-W47 (missed)"
expect_out_lacks "pat:"
expect_out_lacks "dev:"
expect_out_contains "team 2026-W47: 2 of 3 met, 1 missed, 1 no quota"
run --today 2026-11-25 check --week 2026-W47 --format json
expect_json 'data["short"] == ["mo"]'
expect_json '[(p["pm"], p["quota"], p["status"]) for p in data["pms"]] == [("caroline", 1, "met"), ("pat", 0, "no_quota"), ("mo", 2, "missed"), ("ana", 1, "met")]'
run --today 2026-11-25 report --week 2026-W47 --format csv
expect_out_contains "mo,Mo Ali,yes,2026-W47,2026-11-16,2026-11-22,1,2,missed,"
expect_out_contains "pat,Pat Kim,yes,2026-W47,2026-11-16,2026-11-22,1,0,no_quota,0,"
# With mo's quota lowered to 1 (and dev gone), the week passes.
sed -i 's/quota: 2}/quota: 1}/' .pmi.yaml
run --today 2026-11-25 check --week 2026-W47
expect_code 0
sed -i 's/id: mo, name: Mo Ali, since: 2026-01-05, quota: 1}/id: mo, name: Mo Ali, since: 2026-01-05, quota: 2}/' .pmi.yaml

# --- away: a date range across the new year ---
# W51 (14 to 20 December) is only touched on its Sunday: still expected.
# W52 and W53 (28 December to 3 January) are excused; 2027-W01 is expected.
run --today 2027-01-13 report --pm ana --weeks 4 --week 2027-W01
expect_code 0
expect_out_equals "2026-W51 to 2027-W01 (2026-12-14 to 2027-01-10): quota 1 a week, counting every kind but sales
PM   W51   W52   W53  W01  STREAK
ana    1  away  away   0!       0
0! missed, 0? still due, away excused, - not started
team 2027-W01: 0 of 1 met, 1 missed"
run --today 2027-01-13 check --week 2026-W53 --format json
expect_json '[(p["pm"], p["status"]) for p in data["pms"] if p["pm"] == "ana"] == [("ana", "excused")]'
# The streak runs through the excused weeks: W50, W51 met; W52, W53 away.
run --today 2027-01-13 report --pm ana --week 2026-W53 --format json
expect_json 'data["pms"][0]["streak"] == 2'
# A week given by label still works beside ranges.
run --today 2027-01-13 report --pm ana --week 2026-W30 --format json
expect_json 'data["pms"][0]["status"] == "excused"'

# A range of weeks, and `until` given as a week.
roster_tree weeks
sed -i 's/away: \[2026-W30, 2026-12-20..2027-01-03\]/away: [2026-W52..2026-W53]/; s/until: 2026-11-13/until: 2026-W46/' .pmi.yaml
run --today 2027-01-13 report --pm ana --weeks 3 --week 2026-W53 --format json
expect_json '[w["status"] for w in data["pms"][0]["weeks"]] == ["met", "excused", "excused"]'
run --today 2026-11-25 report --week 2026-W46 --pm dev --format json
expect_json 'data["pms"][0]["until"] == "2026-11-15" and data["pms"][0]["status"] == "met"'

# --- config errors name .pmi.yaml and the line ---
config_error() { # LINE-IN-TEAM EXPECTED-MESSAGE
    roster_tree "bad$RANDOM"
    printf '  - %s\n' "$1" >>.pmi.yaml
    run --today 2026-11-25 report
    expect_code 2
    expect_err_contains "$2"
}
config_error "{id: zoe, until: 2026-13-01}" \
    ".pmi.yaml:13: 'until' must be a date YYYY-MM-DD: '2026-13-01' is not a real calendar date"
config_error "{id: zoe, since: 2026-06-01, until: 2026-05-01}" \
    ".pmi.yaml:13: team entry 'zoe': 'until' 2026-05-01 is before 'since' 2026-06-01"
config_error "{id: zoe, quota: -1}" ".pmi.yaml:13: 'team.quota' must be a whole number from 0 to 1000"
config_error "{id: zoe, away: [2027-01-03..2026-12-20]}" \
    ".pmi.yaml:13: 'away': '2027-01-03..2026-12-20' ends before it starts (write FROM..UNTIL)"
config_error "{id: zoe, away: [2026-12-20..soon]}" \
    ".pmi.yaml:13: 'away': 'soon' is not a date YYYY-MM-DD or a week YYYY-Www"
config_error "{id: zoe, away: [2026-W54]}" ".pmi.yaml:13: week '2026-W54' does not exist"
config_error "{id: zoe, untill: 2026-12-01}" "did you mean 'team.until'?"

finish
