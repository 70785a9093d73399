# End-to-end tests of `pmi list` and of loading a tree with bad notes.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-2026-11-20.md "Acme Corp" 2026-11-20 caroline \
    "tags: [navigation, security-config]
tldr: Raves about navigation
crm_id: OPP-1042"
write_note portal globex-2026-11-17.md "Globex" 2026-11-17 dev "tags: navigation
kind: sales"
write_note billing initech-2026-11-10.md "Initech" 2026-11-10 caroline "tags: [invoicing]
segment: smb"

run list --today 2026-11-20
expect_code 0
expect_err_empty
expect_out_equals "DATE        CUSTOMER   PM        PRODUCT  KIND      TAGS                        TLDR
2026-11-20  Acme Corp  caroline  portal   learning  navigation,security-config  Raves about navigation
2026-11-17  Globex     dev       portal   sales     navigation
2026-11-10  Initech    caroline  billing  learning  invoicing"

run list --week this --today 2026-11-20 --format paths
expect_out_equals "prod/interviews/portal/acme-2026-11-20.md
prod/interviews/portal/globex-2026-11-17.md"
run list --week 2026-w46 --format paths
expect_out_equals "prod/interviews/billing/initech-2026-11-10.md"
run list --week last --today 2026-11-20 --format paths
expect_out_equals "prod/interviews/billing/initech-2026-11-10.md"

run list --pm caroline --tag navigation --format json
expect_code 0
expect_json 'len(data["notes"]) == 1 and data["notes"][0]["customer"] == "Acme Corp" and data["notes"][0]["tags"] == ["navigation", "security-config"] and data["notes"][0]["extra"] == {"crm_id": "OPP-1042"}'
run list --tag "Security Config" --format paths
expect_out_equals "prod/interviews/portal/acme-2026-11-20.md"
run list --tag navigation --tag invoicing --format paths
expect_out_equals ""
run list --where crm_id=OPP-1042 --format paths
expect_out_equals "prod/interviews/portal/acme-2026-11-20.md"
run list --where segment=smb --format paths
expect_out_equals "prod/interviews/billing/initech-2026-11-10.md"
run list --kind sales --format paths
expect_out_equals "prod/interviews/portal/globex-2026-11-17.md"
run list --customer acme-corp --format paths
expect_out_equals "prod/interviews/portal/acme-2026-11-20.md"
run list --since 2026-11-11 --until 2026-11-17 --product portal --format paths
expect_out_equals "prod/interviews/portal/globex-2026-11-17.md"
run list --format csv --pm dev
expect_out_equals "customer,date,pm,with,product,kind,interviewees,listeners,segment,channel,tags,tldr,path,role
Globex,2026-11-17,dev,,portal,sales,,,,,navigation,,prod/interviews/portal/globex-2026-11-17.md,lead"

# Generated files and dot-folders are not notes.
echo "# index" >prod/interviews/INDEX.md
mkdir -p prod/interviews/.drafts && cp prod/interviews/portal/acme-2026-11-20.md prod/interviews/.drafts/x.md
run list --format paths
expect_out_lacks "INDEX.md"
expect_out_lacks ".drafts"
expect_err_empty

# Bad notes: one clear line each on stderr; the rest still loads; exit 0.
mkdir -p prod/interviews/bad
printf -- '---\ncustomer: A\ndate: 2026-11-20\npm: [x\nproduct: bad\n---\n' >prod/interviews/bad/malformed.md
printf -- '---\ncustomer: A\ndate: 2026-11-20\n' >prod/interviews/bad/unclosed.md
printf -- '---\ncustomer: A\ndate: 2026-11-20\npm: x\n---\n' >prod/interviews/bad/missing.md
printf -- '---\ncustomer: A\ndate: 2026-02-30\npm: x\nproduct: bad\n---\n' >prod/interviews/bad/date.md
printf -- '---\ncustomer: A\ndate: 2026-02-03\npm: x\nproduct: bad\ntags:\n  - {a: b}\n---\n' >prod/interviews/bad/tags.md
head -c 2000 /dev/urandom >prod/interviews/bad/binary.md
printf '\0\0\0' >>prod/interviews/bad/binary.md
run list --format paths
expect_code 0
expect_out_contains "prod/interviews/portal/acme-2026-11-20.md"
expect_out_contains "prod/interviews/billing/initech-2026-11-10.md"
expect_err_contains "prod/interviews/bad/malformed.md:5: error: invalid YAML: end of sequence flow not found"
expect_err_contains "prod/interviews/bad/unclosed.md:1: error: front matter has no closing '---' line"
expect_err_contains "prod/interviews/bad/missing.md:1: error: missing required field 'product'"
expect_err_contains "prod/interviews/bad/date.md:3: error: date '2026-02-30' is not a real calendar date"
expect_err_contains "prod/interviews/bad/tags.md:7: error: 'tags' must be a list of strings; item 1 is a map"
expect_err_contains "prod/interviews/bad/binary.md:"
CHECKS=$((CHECKS + 1)); [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 6 ] || fail "expected 6 error lines"
rm -r prod/interviews/bad

# Usage errors: CLI11's message plus a hint, exit 2; a close command is suggested.
run list --bogus
expect_code 2
expect_err_contains "--bogus"
expect_err_contains "Run 'pmi --help'"
run lst
expect_code 2
expect_err_contains "unknown command 'lst'; did you mean 'list'?"
run list --week 2026-W54
expect_code 2
expect_err_contains "2026 has weeks 2026-W01 to 2026-W53"
run list --where nokey
expect_code 2
expect_err_contains "expected KEY=VALUE"
run list --format yaml
expect_code 2
run
expect_code 0 # help asked for, not a usage error
expect_out_contains "Usage"
run --version
expect_code 0
expect_out_contains "0.1.0"

# Config discovery: from a subfolder, and --root / PMI_ROOT.
cd prod/interviews/portal
run list --format paths
expect_out_contains "prod/interviews/portal/acme-2026-11-20.md"
cd "$WORK"
run --root "$ROOT" list --format paths --pm dev
expect_out_equals "prod/interviews/portal/globex-2026-11-17.md"
PMI_ROOT="$ROOT" "$PMI_BIN" list --format paths --pm dev >"$WORK/out.txt"
CHECKS=$((CHECKS + 1)); [ "$(cat "$WORK/out.txt")" = "prod/interviews/portal/globex-2026-11-17.md" ] || fail "PMI_ROOT ignored"
run --root "$WORK/nope" list
expect_code 2
expect_err_contains "root folder"

# A broken config is an input error naming the file and line.
mkdir -p "$WORK/broken" && printf 'quota:\n  per_week: lots\n' >"$WORK/broken/.pmi.yaml"
run --root "$WORK/broken" list
expect_code 2
expect_err_contains ".pmi.yaml:2: 'quota.per_week' must be a whole number"

# The bundled examples load cleanly.
run --root "$SOURCE_DIR/examples" list --format json
expect_code 0
expect_err_empty
expect_json 'len(data["notes"]) >= 40 and len({n["pm"] for n in data["notes"]}) >= 4 and len({n["product"] for n in data["notes"]}) >= 3'

finish
