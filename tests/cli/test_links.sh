# links.base in .pmi.yaml: summary and the digest give each note's web address;
# share never does.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
printf 'links: {base: "https://github.com/acme/pm-notes/blob/main"}\n' >>.pmi.yaml
write_note portal acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 caroline "tldr: Loves it." \
    "## Nuggets
- Navigation first."
write_note portal "société [x] (1)-2026-11-18.md" "Société" 2026-11-18 dev "tldr: Fine."
BASE=https://github.com/acme/pm-notes/blob/main/
ACME_URL=${BASE}prod/interviews/portal/acme-corp-2026-11-20.md
ODD_URL=${BASE}prod/interviews/portal/soci%C3%A9t%C3%A9%20%5Bx%5D%20%281%29-2026-11-18.md

run summary prod/interviews/portal/acme-corp-2026-11-20.md --format text
expect_code 0
expect_out_equals "tl;dr – talked with Acme Corp on 2026-11-20: Loves it.
Full interview notes at $ACME_URL"
run summary "prod/interviews/portal/société [x] (1)-2026-11-18.md" --format markdown
expect_out_equals "tl;dr – talked with Société on 2026-11-18: Fine.
Full interview notes at <$ODD_URL>"

run summary --week 2026-W47 --format text
expect_code 0
expect_out_contains "    $ACME_URL"
expect_out_contains "    $ODD_URL"
expect_out_lacks "    prod/interviews/portal/acme-corp-2026-11-20.md"
run summary --week 2026-W47 --format markdown
expect_out_contains "Notes: <$ACME_URL>"
run summary --week 2026-W47 --format json
expect_json 'sorted(i["url"] for p in data["pms"] for i in p["interviews"]) == sorted(["'"$ACME_URL"'", "'"$ODD_URL"'"])'
expect_json 'all(i["summary"].endswith(i["url"] + "\n") for p in data["pms"] for i in p["interviews"])'

# share: a copy fit to send never points at the full, unredacted note.
run share prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 0
expect_out_lacks "https://"
run share --week 2026-W47 --out shared
CHECKS=$((CHECKS + 1)); ! grep -rq "https://" shared || fail "share wrote the web address"

# Without links.base: paths, and JSON url null.
sed -i '/^links:/d' .pmi.yaml
run summary --week 2026-W47 --format json
expect_json 'all(i["url"] is None for p in data["pms"] for i in p["interviews"])'
run summary prod/interviews/portal/acme-corp-2026-11-20.md
expect_out_contains "Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md"

# Only an http(s) address, with nothing a URL cannot hold, is accepted.
for bad in 'ftp://example.com/' 'javascript:alert(1)' 'https://' 'https:///x' '"https://ex.com/a b/"' \
    '"https://ex.com/\e]52;c;x\a"' '"https://ex.com/<x>"' '{url: x}'; do
    sed -i '/^links:/d' .pmi.yaml
    printf 'links: {base: %s}\n' "$bad" >>.pmi.yaml
    run summary --week 2026-W47
    expect_code 2
    expect_err_contains ".pmi.yaml:"
    expect_err_contains "links.base"
done
sed -i '/^links:/d' .pmi.yaml
printf 'links: {bsae: https://ex.com/}\n' >>.pmi.yaml
run summary --week 2026-W47
expect_code 2
expect_err_contains "unknown key 'links.bsae'"
sed -i '/^links:/d' .pmi.yaml
printf 'links: {base: HTTPS://ex.com/notes/}\n' >>.pmi.yaml
run summary prod/interviews/portal/acme-corp-2026-11-20.md --format text
expect_code 0
expect_out_contains "Full interview notes at HTTPS://ex.com/notes/prod/interviews/portal/acme-corp-2026-11-20.md"

finish
