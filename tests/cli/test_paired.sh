#!/usr/bin/env bash
# End-to-end tests of paired calls: a note's lead `pm`, the other PMs in
# `with:`, listeners, and quota.paired (lead or everyone) through new, lint,
# check, report (text, JSON, CSV, --cadence), list and completion.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# caroline leads a call on Sunday 2026-11-22 (the last day of 2026-W47) with
# raj, a new PM; raj leads one on Monday 2026-11-23 (2026-W48) with caroline.
paired_tree() {
    team_tree "$1" "{id: caroline, name: Caroline Diaz, since: 2026-01-05}" \
        "{id: raj, name: Raj Patel, since: 2026-11-02}"
    write_note portal acme-2026-11-22.md Acme 2026-11-22 caroline "with: [raj]
listeners: [Dana (sales)]
tldr: Sunday call."
    write_note portal hooli-2026-11-23.md Hooli 2026-11-23 raj "with: caroline
tldr: Monday call."
}

paired_tree paired

# --- quota.paired: lead (the default): the paired PM is shown, not credited ---
run --today 2026-11-25 report --week 2026-W47
expect_code 0
expect_out_contains "caroline              1  met"
expect_out_contains "raj       0 (+1 paired)  missed (0 of 1)"
run --today 2026-11-25 check --week 2026-W47
expect_code 1
expect_out_contains "raj: 0 of 1 interviews in 2026-W47 (missed)"
# Across the week boundary, each week counts its own call.
run --today 2026-11-25 report --week 2026-W48 --format json
expect_code 0
expect_json 'data["paired"] == "lead"'
expect_json '[(p["pm"], p["count"], p["led"], p["paired"], p["status"]) for p in data["pms"]] == [("caroline", 0, 0, 1, "due"), ("raj", 1, 1, 0, "met")]'
run --today 2026-11-25 report --weeks 2 --format json
expect_json '[(w["week"], w["count"], w["paired"]) for w in data["pms"][1]["weeks"]] == [("2026-W47", 0, 1), ("2026-W48", 1, 0)]'
run --today 2026-11-25 report --week 2026-W47 --format csv
expect_out_contains "raj,Raj Patel,yes,2026-W47,2026-11-16,2026-11-22,0,1,missed,0,,,0,1"
# --cadence follows the same rule: raj's paired Sunday call is not his.
run --today 2026-11-25 report --cadence --months 1 --format json
expect_json '[(p["pm"], p["interviews"], p["strip"][-2:]) for p in data["pms"]] == [("caroline", 1, "1."), ("raj", 1, ".1")]'

# --- quota.paired: everyone: both PMs are credited ---
sed -i 's/quota: {per_week: 1}/quota: {per_week: 1, paired: everyone}/' .pmi.yaml
run --today 2026-11-25 report --week 2026-W47
expect_code 0
expect_out_contains "a paired call counts for every PM on it"
expect_out_contains "raj       0 (+1 paired)  met"
expect_out_contains "2026-11-22 Acme"
run --today 2026-11-25 check --week 2026-W47
expect_code 0
run --today 2026-11-25 report --week 2026-W47 --format json
expect_json 'data["paired"] == "everyone"'
expect_json '[(p["pm"], p["count"], p["led"], p["paired"], p["status"]) for p in data["pms"]] == [("caroline", 1, 1, 0, "met"), ("raj", 1, 0, 1, "met")]'
run --today 2026-11-25 report --cadence --months 1 --format json
expect_json '[(p["pm"], p["interviews"], p["strip"][-2:]) for p in data["pms"]] == [("caroline", 2, "11"), ("raj", 2, "11")]'
# Only calls that count: a paired sales call credits no one.
write_note billing initech-2026-11-24.md Initech 2026-11-24 caroline "kind: sales
with: [raj]"
run --today 2026-11-25 report --format json
expect_json '[(p["pm"], p["count"], p["paired"]) for p in data["pms"]] == [("caroline", 1, 1), ("raj", 1, 0)]'
rm prod/interviews/billing/initech-2026-11-24.md
sed -i 's/paired: everyone/paired: evryone/' .pmi.yaml
run report
expect_code 2
expect_err_contains ".pmi.yaml:2: 'quota.paired' must be lead or everyone, not 'evryone'"
sed -i 's/paired: evryone/paired: lead/' .pmi.yaml

# --- a with: id not in the roster: an error (a typo of the pm is a warning, but
# shows in every report; this one would show nowhere) ---
write_note portal globex-2026-11-24.md Globex 2026-11-24 caroline "with: [rja]
tldr: Typo."
run lint
expect_code 1
expect_out_contains "prod/interviews/portal/globex-2026-11-24.md:6: error: 'with': PM 'rja' is not in the team of .pmi.yaml; did you mean 'raj'?"
run --today 2026-11-25 check --week 2026-W48
expect_code 1
expect_out_contains "'with': PM 'rja' is not in the team"
# The typo credits no one and adds no PM to the report; the note still counts for
# its lead (caroline led globex, and was with raj on hooli).
run --today 2026-11-25 report --format json
expect_json '[(p["pm"], p["count"], p["led"], p["paired"]) for p in data["pms"]] == [("caroline", 1, 1, 1), ("raj", 1, 1, 0)]'
# Someone who is not a PM at all: pointed to listeners:.
sed -i 's/with: \[rja\]/with: [dana]/' prod/interviews/portal/globex-2026-11-24.md
run lint prod/interviews/portal/globex-2026-11-24.md
expect_code 1
expect_out_contains "globex-2026-11-24.md:6: error: 'with': PM 'dana' is not in the team of .pmi.yaml; list someone who is not a PM under 'listeners:'"
rm prod/interviews/portal/globex-2026-11-24.md
# The lead listed again in with: is a warning.
write_note portal globex-2026-11-24.md Globex 2026-11-24 caroline "with: [caroline, raj]
tldr: Twice."
run lint prod/interviews/portal/globex-2026-11-24.md
expect_code 0
expect_out_contains "warning: 'with' lists the lead PM 'caroline'"
rm prod/interviews/portal/globex-2026-11-24.md

# pm: [a, b] stays an error, pointing to with:
write_note portal oscorp-2026-11-24.md Oscorp 2026-11-24 "[caroline, raj]"
run lint prod/interviews/portal/oscorp-2026-11-24.md
expect_code 1
expect_out_contains "'pm' must be a string, not a list; keep the lead PM (who writes the note) in 'pm' and list the others in 'with: [...]'"
rm prod/interviews/portal/oscorp-2026-11-24.md

# --- list --pm finds the calls a PM led or joined, and says which ---
run list --pm raj
expect_code 0
expect_out_contains "DATE        CUSTOMER  PM        ROLE  PRODUCT"
expect_out_contains "2026-11-23  Hooli     raj       lead"
expect_out_contains "2026-11-22  Acme      caroline  with"
run list --pm raj --format json
expect_json '[(n["customer"], n["role"], n["with"]) for n in data["notes"]] == [("Hooli", "lead", ["caroline"]), ("Acme", "with", ["raj"])]'
expect_json 'data["notes"][1]["listeners"] == ["Dana (sales)"]'
run list --pm raj --format csv
expect_out_contains "customer,date,pm,with,product,kind,interviewees,listeners,segment,channel,tags,tldr,execs,path,role"
expect_out_contains "Acme,2026-11-22,caroline,raj,portal,learning,,Dana (sales),,,,Sunday call.,false,prod/interviews/portal/acme-2026-11-22.md,with"
# Without --pm there is no role; --where reads with: like any field.
run list --format json
expect_json 'all("role" not in n for n in data["notes"])'
run list --where with=raj --format paths
expect_out_equals "prod/interviews/portal/acme-2026-11-22.md"

# --- share.omit drops the new fields like any other ---
echo 'share: {omit: [listeners]}' >>.pmi.yaml
run share prod/interviews/portal/acme-2026-11-22.md
expect_out_lacks "Dana"
expect_out_contains "with:"
sed -i '/^share:/d' .pmi.yaml

# --- pmi new --with --listener ---
run new initech --pm caroline --product portal --date 2026-11-24 --with raj --listener "Dana (sales)" --no-edit
expect_code 0
expect_file_contains prod/interviews/portal/initech-2026-11-24.md 'with: ["raj"]'
expect_file_contains prod/interviews/portal/initech-2026-11-24.md 'listeners: ["Dana (sales)"]'
run lint prod/interviews/portal/initech-2026-11-24.md
expect_out_lacks "error"
run new umbrella --pm caroline --product portal --with rja --no-edit
expect_code 2
expect_err_contains "--with 'rja' is not in the team of .pmi.yaml; did you mean 'raj'?"
expect_no_file "prod/interviews/portal/umbrella-$(date +%F).md"
run new umbrella --pm caroline --product portal --with caroline --no-edit
expect_code 2
expect_err_contains "--with 'caroline' is the note's lead PM"

# (completion of --with: see test_completion.sh)

finish
