# `customers:` in .pmi.yaml: one customer under several names. `pmi new` writes the
# canonical name, reports group by it, files stay as they are, and lint warns on names
# that look like one customer but are not declared.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
export PMI_TODAY=2026-11-20
# The README's walkthrough: "Acme" long ago, then "Acme Corp".
write_note portal acme-2026-07-01.md "Acme" 2026-07-01 caroline "tldr: Old call
tags: [sso]"
write_note portal acme-corp-2026-11-17.md "Acme Corp" 2026-11-17 caroline "tldr: New call
tags: [sso]"
write_note billing globex-2026-11-18.md "Globex" 2026-11-18 dev "tldr: Exports"
write_note billing globx-2026-11-19.md "Globx" 2026-11-19 dev "tldr: Typo"

# Not declared: themes lists Acme as not heard from, lint says what to add.
run themes --format json
expect_json '[c["customer"] for c in data["lapsed_customers"]] == ["Acme"]'
run lint
expect_code 0
expect_out_contains "prod/interviews/portal/acme-2026-07-01.md:2: warning: customer 'Acme' looks like 'Acme Corp' (1 note); if they are one customer, add to .pmi.yaml: customers: {Acme Corp: [Acme]}"
expect_out_contains "globx-2026-11-19.md:2: warning: customer 'Globx' looks like 'Globex' (1 note)"
expect_out_lacks "acme-corp-2026-11-17.md:2: warning: customer"

cat >>.pmi.yaml <<'YAML'
customers:
  Acme Corp: [Acme, ACME Inc]
  Globex: [Globx]
YAML
cp -r prod before
# Every report groups by the canonical name; the files are unchanged.
run themes --format json
expect_json 'data["lapsed_customers"] == []'
expect_json '{c["customer"]: c["count"] for c in data["top_customers"]}.get("Acme Corp") == 1'
run themes --since 2026-06-01 --format json
expect_json '{c["customer"]: c["count"] for c in data["top_customers"]} == {"Acme Corp": 2, "Globex": 2}'
run list --format json
expect_json 'sorted(n["customer"] for n in data["notes"]) == ["Acme Corp", "Acme Corp", "Globex", "Globex"]'
run list --customer "ACME Inc" --format json
expect_json 'sorted(n["path"] for n in data["notes"]) == ["prod/interviews/portal/acme-2026-07-01.md", "prod/interviews/portal/acme-corp-2026-11-17.md"]'
run list --customer acme
expect_code 0
expect_out_contains "2026-07-01  Acme Corp"
run summary prod/interviews/portal/acme-2026-07-01.md
expect_out_contains "talked with Acme Corp on 2026-07-01: Old call"
run summary --week 2026-W47 --format json
expect_json 'sorted(i["customer"] for p in data["pms"] for i in p["interviews"]) == ["Acme Corp", "Globex", "Globex"]'
run report --cadence --months 6 --format json
expect_json '[r["customers"] for r in data["pms"] if r["pm"] == "caroline"][0] == [{"name": "Acme Corp", "interviews": 2}]'
run search call --by customer --format json
expect_out_contains '"Acme Corp"'
expect_out_lacks '"Acme"'
run lint
expect_out_lacks "looks like"
CHECKS=$((CHECKS + 1))
diff -r before prod >/dev/null || fail "a report changed the notes"

# pmi new writes the canonical name, and the file name from it.
run new acme --product portal --pm caroline --no-edit
expect_code 0
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-20.md"
expect_file_contains prod/interviews/portal/acme-corp-2026-11-20.md 'customer: "Acme Corp"'
run new "ACME Inc" --product portal --pm caroline --no-edit --date 2026-11-19
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-19.md"
run new globx-2026-11-16 --product billing --pm dev --no-edit
expect_out_equals "prod/interviews/billing/globex-2026-11-16.md"

# Two customers declared apart are not lookalikes; a name given twice is a config error.
new_tree apart
write_note portal acme-2026-11-17.md "Acme" 2026-11-17 caroline "tldr: One"
write_note portal acme-corp-2026-11-18.md "Acme Corp" 2026-11-18 caroline "tldr: Two"
printf 'customers: {Acme: [], Acme Corp: []}\n' >>.pmi.yaml
run lint
expect_out_lacks "looks like"
printf 'customers: {Acme: [ACME], Acme Corp: [acme]}\n' >.pmi.yaml.new
sed -i '/^customers:/d' .pmi.yaml && cat .pmi.yaml.new >>.pmi.yaml
run list
expect_code 2
expect_err_contains "customers: 'acme' is given for both 'Acme' and 'Acme Corp'"
sed -i 's/^customers:.*/customers: [Acme]/' .pmi.yaml
run list
expect_code 2
expect_err_contains "'customers' must be a map of canonical names to their aliases"

finish
