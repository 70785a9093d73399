# End-to-end tests of `pmi lint`.
source "$(dirname "$0")/lib.sh" "$1"

# The bundled examples: warnings only (two notes without tldr, one empty Nuggets).
cp -r "$SOURCE_DIR/examples" "$WORK/examples"
cd "$WORK/examples" || exit 2
run lint
expect_code 0
expect_out_equals "prod/interviews/billing/pied-piper-2026-10-30.md:37: warning: Nuggets section has no bullet ('- …')
prod/interviews/billing/soylent-foods-2026-11-18.md:1: warning: no tldr: add a one-sentence summary for the dev team
prod/interviews/reseller-portal/vandelay-imports-2026-10-29.md:1: warning: no tldr: add a one-sentence summary for the dev team"
expect_err_contains "47 note files: 47 valid, 0 errors, 3 warnings"

new_tree
write_note portal acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 caroline "tags: [security-config]
tldr: Fine"
write_note portal acme-corp-2026-11-20-2.md "Acme Corp" 2026-11-20 caroline "tags: [security-config]
tldr: A second call the same day"
run lint
expect_code 0
expect_out_equals ""
expect_err_contains "2 note files: 2 valid, 0 errors, 0 warnings"

# Every kind of problem.
write_note billing acme-corp-2026-11-20.md "Acme Corp" 2026-11-20 caroline "tldr: Copied by mistake"
write_note billing globex-2026-11-19.md "Globex" 2026-11-20 dev "tldr: Wrong date in the name"
write_note billing initech-2026-11-18.md "Initech" 2026-11-18 dev "product: portal
tldr: Filed in the wrong folder" ""
sed -i '/^product: billing$/d' prod/interviews/billing/initech-2026-11-18.md
write_note portal umbrella-2026-11-17.md "Umbrella" 2026-11-17 tom "tags: [Security Config]
tldr: \"\"" "## Nuggets
nothing yet"
write_note newprod hooli-2026-11-16.md "Hooli" 2026-11-16 dev "tldr: New product"
write_note portal bad-2026-11-15.md "Bad" 2026-02-30 dev
printf 'just text\n' >prod/interviews/portal/plain-2026-11-14.md
run lint
expect_code 1
expect_out_equals "prod/interviews/billing/acme-corp-2026-11-20.md:2: error: duplicate note: same customer, date and PM as prod/interviews/portal/acme-corp-2026-11-20-2.md, prod/interviews/portal/acme-corp-2026-11-20.md
prod/interviews/billing/globex-2026-11-19.md:3: error: date 2026-11-20 disagrees with the file name's date 2026-11-19; to move the file: pmi mv prod/interviews/billing/globex-2026-11-19.md --date 2026-11-20
prod/interviews/billing/initech-2026-11-18.md:5: error: product 'portal' disagrees with the folder 'billing' the note is in; to move the file: pmi mv prod/interviews/billing/initech-2026-11-18.md --product portal
prod/interviews/newprod/hooli-2026-11-16.md:5: warning: product 'newprod' is not in the products of .pmi.yaml
prod/interviews/portal/acme-corp-2026-11-20-2.md:2: error: duplicate note: same customer, date and PM as prod/interviews/billing/acme-corp-2026-11-20.md
prod/interviews/portal/acme-corp-2026-11-20.md:2: error: duplicate note: same customer, date and PM as prod/interviews/billing/acme-corp-2026-11-20.md
prod/interviews/portal/bad-2026-11-15.md:3: error: date '2026-02-30' is not a real calendar date
prod/interviews/portal/plain-2026-11-14.md:1: error: no front matter: a note starts with a '---' line
prod/interviews/portal/umbrella-2026-11-17.md: warning: no Goal section: add '## Goal' with what the call was meant to learn
prod/interviews/portal/umbrella-2026-11-17.md:4: warning: PM 'tom' is not in the team of .pmi.yaml
prod/interviews/portal/umbrella-2026-11-17.md:6: warning: tag 'Security Config' is spelled 'security-config' in 2 other notes
prod/interviews/portal/umbrella-2026-11-17.md:7: warning: no tldr: add a one-sentence summary for the dev team
prod/interviews/portal/umbrella-2026-11-17.md:9: warning: Nuggets section has no bullet ('- …')"
expect_err_contains "9 note files: 7 valid, 7 errors, 6 warnings"

# Only the given paths are reported, but duplicates elsewhere in the tree are seen.
run lint prod/interviews/portal/acme-corp-2026-11-20.md
expect_code 1
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-20.md:2: error: duplicate note: same customer, date and PM as prod/interviews/billing/acme-corp-2026-11-20.md"
run lint prod/interviews/newprod
expect_code 0
expect_out_equals "prod/interviews/newprod/hooli-2026-11-16.md:5: warning: product 'newprod' is not in the products of .pmi.yaml"
(cd prod/interviews/portal && "$PMI_BIN" lint umbrella-2026-11-17.md bad-2026-11-15.md >"$WORK/out" 2>/dev/null)
CODE=$?
OUT=$(cat "$WORK/out")
expect_code 1
expect_out_equals "prod/interviews/portal/bad-2026-11-15.md:3: error: date '2026-02-30' is not a real calendar date
prod/interviews/portal/umbrella-2026-11-17.md: warning: no Goal section: add '## Goal' with what the call was meant to learn
prod/interviews/portal/umbrella-2026-11-17.md:4: warning: PM 'tom' is not in the team of .pmi.yaml
prod/interviews/portal/umbrella-2026-11-17.md:6: warning: tag 'Security Config' is spelled 'security-config' in 2 other notes
prod/interviews/portal/umbrella-2026-11-17.md:7: warning: no tldr: add a one-sentence summary for the dev team
prod/interviews/portal/umbrella-2026-11-17.md:9: warning: Nuggets section has no bullet ('- …')"
run lint prod/interviews/portal/missing.md
expect_code 2
expect_err_contains "pmi: error: prod/interviews/portal/missing.md: no such file or folder"

run lint --format github prod/interviews/portal/bad-2026-11-15.md prod/interviews/newprod
expect_code 1
expect_out_equals "::warning file=prod/interviews/newprod/hooli-2026-11-16.md,line=5::product 'newprod' is not in the products of .pmi.yaml
::error file=prod/interviews/portal/bad-2026-11-15.md,line=3::date '2026-02-30' is not a real calendar date"

run lint --format json
expect_code 1
expect_json 'data["files"] == 9 and data["valid"] == 7 and data["errors"] == 7 and data["warnings"] == 6 and len(data["problems"]) == 13 and data["problems"][1] == {"path": "prod/interviews/billing/globex-2026-11-19.md", "line": 3, "severity": "error", "message": "date 2026-11-20 disagrees with the file name'"'"'s date 2026-11-19; to move the file: pmi mv prod/interviews/billing/globex-2026-11-19.md --date 2026-11-20"}'

run lint --format yaml
expect_code 2

# GitHub escaping of '%', line breaks, ':' and ',' in file names.
new_tree escaping
write_note portal 'a,b:c-2026-11-20.md' "A,b:c" 2026-11-20 nobody "tldr: x"
run lint --format github
expect_code 0
expect_out_equals "::warning file=prod/interviews/portal/a%2Cb%3Ac-2026-11-20.md,line=2::customer 'A,b:c' does not match the file name 'a,b:c-2026-11-20.md' (expected a-b-c-2026-11-20.md)
::warning file=prod/interviews/portal/a%2Cb%3Ac-2026-11-20.md,line=4::PM 'nobody' is not in the team of .pmi.yaml"

# lint never writes a note: the tree is byte for byte the same afterwards
# (pmi's own cache of parsed front matter aside).
cd "$WORK/examples" || exit 2
tree_sums() { find . -type f -not -path './.pmi/cache/*' -print0 | sort -z | xargs -0 sha256sum; }
before=$(tree_sums)
run lint --format json
after=$(tree_sums)
CHECKS=$((CHECKS + 1))
[ "$before" == "$after" ] || fail "lint changed the tree"

# A large duplicate group is listed once, on its first note; every other note
# names that one, so the output grows with the group, not with its square.
new_tree dups
for i in $(seq 1 300); do
    write_note portal "acme-call$i-2026-11-20.md" "Acme" 2026-11-20 caroline "tldr: Copy $i"
done
run lint
expect_code 1
CHECKS=$((CHECKS + 1))
[ "$(grep -c ': error: duplicate note: ' <<<"$OUT")" -eq 300 ] || fail "expected 300 duplicate errors"
CHECKS=$((CHECKS + 1))
[ "${#OUT}" -lt $((300 * 400)) ] || fail "lint printed ${#OUT} bytes for 300 duplicates"
expect_out_contains "prod/interviews/portal/acme-call1-2026-11-20.md:2: error: duplicate note: same customer, date and PM as prod/interviews/portal/acme-call10-2026-11-20.md, prod/interviews/portal/acme-call100-2026-11-20.md, prod/interviews/portal/acme-call101-2026-11-20.md, prod/interviews/portal/acme-call102-2026-11-20.md, prod/interviews/portal/acme-call103-2026-11-20.md and 294 more"
expect_out_contains "prod/interviews/portal/acme-call99-2026-11-20.md:2: error: duplicate note: same customer, date and PM as prod/interviews/portal/acme-call1-2026-11-20.md"
run --today 2026-11-23 check --week 2026-W47 --format github --junit "$WORK/junit.xml"
expect_code 1
CHECKS=$((CHECKS + 1))
[ "$(stat -c %s "$WORK/junit.xml")" -lt $((300 * 1000)) ] || fail "the JUnit report is $(stat -c %s "$WORK/junit.xml") bytes"

# A note dated after today is a warning (a typo, or written ahead of the call).
cd "$WORK" && new_tree future
write_note portal acme-2026-12-24.md Acme 2026-12-24 caroline "tldr: ahead"
run --today 2026-11-20 lint
expect_code 0
expect_out_contains "prod/interviews/portal/acme-2026-12-24.md:3: warning: dated 2026-12-24, after today (2026-11-20): is the date right?"
run --today 2026-12-24 lint
expect_out_lacks "after today"

finish
