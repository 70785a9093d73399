#!/usr/bin/env bash
# End-to-end tests of `pmi check`, the CI gate.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# 2026-W46 runs 9 to 15 November; Monday 16 November is in W47, so `check`
# looks at W46 by default.
check_tree() {
    team_tree "$1"
    write_note portal acme-2026-11-10.md "Acme" 2026-11-10 caroline
    write_note billing hooli-2026-11-13.md "Hooli" 2026-11-13 dev
}

# --- passing: met, excused, not started ---
check_tree pass
run --today 2026-11-16 check
expect_code 0
expect_err_empty
expect_out_equals "pmi check 2026-W46 (2026-11-09 to 2026-11-15): ok
team 2026-W46: 2 of 2 met, 1 excused, 1 not started
notes: 2 valid"

# the same output through a pipe as in a file (no terminal either way), and stable
run --today 2026-11-16 check --week 2026-W46
PASS_OUT=$OUT
"$PMI_BIN" --today 2026-11-16 check >"$WORK/check.txt" 2>&1
CHECKS=$((CHECKS + 1))
[ "$(cat "$WORK/check.txt")" == "$PASS_OUT" ] || fail "output to a file differs"

run --today 2026-11-16 check --format json
expect_code 0
expect_json 'data["passed"] is True and data["week"] == "2026-W46" and data["short"] == [] and data["errors"] == []'
expect_json '[(p["pm"], p["status"], p["ok"]) for p in data["pms"]] == [("caroline", "met", True), ("dev", "met", True), ("mei", "excused", True), ("tom", "not_started", True)]'

# --- failing: a PM short of the quota ---
run --today 2026-11-16 check --week 2026-W45
expect_code 1
expect_out_equals "pmi check 2026-W45 (2026-11-02 to 2026-11-08): failed
PMs short of the quota (1 a week):
  caroline: 0 of 1 interviews in 2026-W45 (missed)
  dev: 0 of 1 interviews in 2026-W45 (missed)
  mei: 0 of 1 interviews in 2026-W45 (missed)
team 2026-W45: 0 of 3 met, 3 missed, 1 not started
notes: 2 valid
to fix: log the interview with \`pmi new CUSTOMER --date YYYY-MM-DD\`, or excuse the week under the PM's \`away:\` in .pmi.yaml"

# a sales call does not count
write_note portal globex-2026-11-03.md "Globex" 2026-11-03 caroline "kind: sales"
run --today 2026-11-16 check --week 2026-W45 --format json
expect_code 1
expect_json 'data["short"] == ["caroline", "dev", "mei"]'

# the week under way: still due counts as short
run --today 2026-11-18 check --week this
expect_code 1
expect_out_contains "caroline: 0 of 1 interviews in 2026-W47 (still due)"

# --- a PM not in the roster is reported, not gated ---
check_tree stranger
write_note portal umbrella-2026-11-12.md "Umbrella" 2026-11-12 zed
run --today 2026-11-16 check
expect_code 0
expect_out_contains "note: PM 'zed' is not in the roster of .pmi.yaml (not checked)"

# --- an invalid note: exit 1, named with path:line ---
check_tree invalid
printf -- '---\ncustomer: Broken\ndate: 2026-11-31\npm: dev\nproduct: portal\n---\n' \
    >prod/interviews/portal/broken-2026-11-30.md
run --today 2026-11-16 check
expect_code 1
expect_out_contains "pmi check 2026-W46 (2026-11-09 to 2026-11-15): failed
invalid notes:
  prod/interviews/portal/broken-2026-11-30.md:3: error: "
expect_out_contains "notes: 2 valid, 1 invalid (1 error)"
expect_out_lacks "short of the quota"
expect_out_contains "to fix: correct each invalid note at the line shown; \`pmi lint\` lists them all"
expect_out_lacks "to fix: log the interview"

run --today 2026-11-16 check --format json
expect_code 1
expect_json 'data["passed"] is False and data["short"] == []'
expect_json 'data["errors"][0]["path"] == "prod/interviews/portal/broken-2026-11-30.md" and data["errors"][0]["line"] == 3 and data["errors"][0]["severity"] == "error"'

# --- github annotations: escaping of %, CR, LF, and : , in properties ---
mkdir -p "prod/interviews/odd,dir"
printf -- '---\ncustomer: Odd\ndate: 2026-11-10\npm: dev\nproduct: [a, b]\n---\n' \
    >"prod/interviews/odd,dir/100%-odd:1.md"
run --today 2026-11-16 check --format github
expect_code 1
expect_out_contains "::error file=prod/interviews/portal/broken-2026-11-30.md,line=3,title=invalid note::"
expect_out_contains "::error file=prod/interviews/odd%2Cdir/100%25-odd%3A1.md,line="
expect_out_contains "pmi check 2026-W46 (2026-11-09 to 2026-11-15): failed"
CHECKS=$((CHECKS + 1))
# every annotation is a single line with a message part
[ "$(printf '%s\n' "$OUT" | grep -c '^::error file=.*,title=invalid note::.')" -eq 2 ] ||
    fail "expected 2 single-line annotations"

run --today 2026-11-16 check --format github --week 2026-W45
expect_out_contains "::error title=quota 2026-W45::caroline: 0 of 1 interviews in 2026-W45 (missed)"

# --- GITHUB_STEP_SUMMARY: appended as markdown, never truncated ---
printf 'earlier step\n' >"$WORK/summary.md"
GITHUB_STEP_SUMMARY="$WORK/summary.md" run --today 2026-11-16 check --week 2026-W45
expect_code 1
expect_file_contains "$WORK/summary.md" "earlier step"
expect_file_contains "$WORK/summary.md" "## pmi check 2026-W45: failed"
expect_file_contains "$WORK/summary.md" "| caroline | 0 | **missed (0 of 1)** |"
expect_file_contains "$WORK/summary.md" '- `prod/interviews/portal/broken-2026-11-30.md:3`: '
GITHUB_STEP_SUMMARY="$WORK/summary.md" run --today 2026-11-16 check --week 2026-W45
CHECKS=$((CHECKS + 1))
[ "$(grep -c '^## pmi check' "$WORK/summary.md")" -eq 2 ] || fail "the summary was not appended"
CHECKS=$((CHECKS + 1))
[ "$(head -1 "$WORK/summary.md")" == "earlier step" ] || fail "the summary file was truncated"

# --- JUnit XML ---
run --today 2026-11-16 check --week 2026-W45 --junit "$WORK/junit.xml"
expect_code 1
expect_file "$WORK/junit.xml"
CHECKS=$((CHECKS + 1))
python3 - "$WORK/junit.xml" <<'PY' || fail "junit.xml is not the expected JUnit XML"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
assert [s.get("name") for s in suites] == ["quota 2026-W45", "notes"]
quota = suites[0].findall("testcase")
assert [c.get("name") for c in quota] == ["caroline", "dev", "mei", "tom"]
assert [c.find("failure") is not None for c in quota] == [True, True, True, False]
notes = suites[1].findall("testcase")
assert len(notes) == 2 and all(c.find("failure") is not None for c in notes)
assert notes[1].get("file") == "prod/interviews/portal/broken-2026-11-30.md"
assert root.get("tests") == "6" and root.get("failures") == "5", root.attrib
PY
check_tree junit_pass
run --today 2026-11-16 check --junit report.xml
expect_code 0
CHECKS=$((CHECKS + 1))
python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse("report.xml").getroot()
assert root.get("failures") == "0"
assert [c.get("name") for c in root.iter("testcase")] == ["caroline", "dev", "mei", "tom", "2 notes valid"]
' || fail "passing junit.xml"
run --today 2026-11-16 check --junit "$WORK/no/such/dir/junit.xml"
expect_code 2
expect_err_contains "--junit: cannot write"

# --- an empty tree: roster PMs with no notes fail ---
new_tree empty
run --today 2026-11-16 check
expect_code 1
expect_out_contains "  caroline: 0 of 1 interviews in 2026-W46 (missed)"
expect_out_contains "  dev: 0 of 1 interviews in 2026-W46 (missed)"
expect_out_contains "notes: 0 valid"
# ...but a tree with neither roster nor notes has nothing to fail
echo "notes: prod/interviews" >.pmi.yaml
run --today 2026-11-16 check
expect_code 0
# ...and no .pmi.yaml at all is no repository: a CI job in the wrong folder fails
rm .pmi.yaml
for command in check "check --format github" report list "new acme" index lint summary tags themes; do
    # shellcheck disable=SC2086
    run --today 2026-11-16 $command
    expect_code 2
    expect_err_contains "not in a pmi repository"
    expect_out_lacks "ok"
done
expect_no_file prod/interviews/acme-2026-11-16.md
run --root "$WORK" --today 2026-11-16 check
expect_code 2
expect_err_contains "not in a pmi repository (no .pmi.yaml in $WORK)"

# --- usage errors: exit 2 ---
check_tree usage
run --today 2026-11-16 check --week 2026-W54
expect_code 2
expect_err_contains "week '2026-W54' does not exist: 2026 has weeks 2026-W01 to 2026-W53"
run --today 2026-11-16 check --week nonsense
expect_code 2
run --today 2026-11-16 check --format xml
expect_code 2
run --today 2026-11-99 check
expect_code 2

# --- the pre-commit hook example validates the staged notes ---
check_tree hook
use_pre_commit_hook
git add -A
hook_commit "valid notes"
expect_code 0
printf -- '---\ncustomer: Broken\ndate: 2026-11-31\npm: dev\nproduct: portal\n---\n' \
    >"prod/interviews/portal/broken note-2026-11-30.md"
git add -A
hook_commit "a bad note"
expect_code 1
expect_err_contains "prod/interviews/portal/broken note-2026-11-30.md:3: error: "
sed -i 's/2026-11-31/2026-11-30/' "prod/interviews/portal/broken note-2026-11-30.md"
hook_commit "fixed but not staged"
expect_code 1
expect_err_contains "have changes that are not staged"
git add -A
hook_commit "fixed"
expect_code 0

# --- lint's cross-note errors fail the gate: a file name that disagrees with its date ---
cd "$WORK"
new_tree misfiled
write_note portal acme-2026-11-10.md "Acme" 2026-11-10 caroline
write_note portal globex-2026-11-02.md "Globex" 2026-11-11 dev
run --today 2026-11-16 check
expect_code 1
expect_out_contains "prod/interviews/portal/globex-2026-11-02.md"
expect_out_contains "2026-11-02"
mv prod/interviews/portal/globex-2026-11-02.md prod/interviews/portal/globex-2026-11-11.md
run --today 2026-11-16 check
expect_code 0

# --- a PM's miss names that PM's invalid notes of the week ---
cd "$WORK"
new_tree invalid_owner
cat >>.pmi.yaml <<'YAML'
  - {id: raj, name: Raj Patel, email: raj@example.com, since: 2026-01-05}
YAML
write_note portal acme-2026-11-10.md "Acme" 2026-11-10 caroline
write_note portal globex-2026-11-11.md "Globex" 2026-11-11 dev
# raj's note is broken YAML at line 7; its date is on the date line.
write_note portal "hooli-2026-11-12.md" "Hooli" 2026-11-12 raj 'segment: [smb
tags: [a&b]'
# dev's other note is invalid too, but dev met the quota: nothing to link.
write_note portal initech-2026-11-13.md "Initech" 2026-11-13 dev 'kind: [x'
# raj's note of another week is not this week's miss.
write_note portal umbrella-2026-11-03.md "Umbrella" 2026-11-03 raj 'segment: [smb'
run --today 2026-11-16 check
expect_code 1
expect_out_contains "  raj: 0 of 1 interviews in 2026-W46 (missed); 1 invalid note: prod/interviews/portal/hooli-2026-11-12.md:7"
expect_out_lacks "dev: "
expect_out_lacks "invalid note: prod/interviews/portal/umbrella"
expect_out_lacks "invalid note: prod/interviews/portal/initech"
run --today 2026-11-16 check --format json
expect_json '[p.get("invalid_notes") for p in data["pms"] if p["pm"] == "raj"][0][0]["path"] == "prod/interviews/portal/hooli-2026-11-12.md"'
expect_json '[p.get("invalid_notes") for p in data["pms"] if p["pm"] == "raj"][0][0]["line"] == 7'
expect_json 'all("invalid_notes" not in p for p in data["pms"] if p["pm"] != "raj")'
run --today 2026-11-16 check --format github
expect_out_contains "::error title=quota 2026-W46::raj: 0 of 1 interviews in 2026-W46 (missed); 1 invalid note: prod/interviews/portal/hooli-2026-11-12.md:7"
run --today 2026-11-16 check --junit -
expect_out_contains '<failure message="raj: 0 of 1 interviews in 2026-W46 (missed); 1 invalid note: prod/interviews/portal/hooli-2026-11-12.md:7" type="quota"/>'
# A date line that is not a date: the file name's date places the note.
sed -i 's/^date: 2026-11-12$/date: 2026-11-1x/' prod/interviews/portal/hooli-2026-11-12.md
run --today 2026-11-16 check
expect_out_contains "raj: 0 of 1 interviews in 2026-W46 (missed); 1 invalid note: prod/interviews/portal/hooli-2026-11-12.md:"

# --- the bundled example tree ---
run --root "$SOURCE_DIR/examples" --today 2026-11-23 check
expect_code 0
expect_out_contains "pmi check 2026-W47 (2026-11-16 to 2026-11-22): ok"
run --root "$SOURCE_DIR/examples" --today 2026-11-23 check --week 2026-W46
expect_code 1
expect_out_contains "  dev: 0 of 1 interviews in 2026-W46 (missed)"
expect_out_lacks "caroline:"
run --root "$SOURCE_DIR/examples" --today 2026-11-23 check --week 2026-W40
expect_code 0

# A note read fine but with a lint error (in the folder of another product) is
# counted once, as invalid, not as valid too.
check_tree misfiled_counted
mv prod/interviews/billing/hooli-2026-11-13.md prod/interviews/portal/
run --today 2026-11-16 check
expect_code 1
expect_out_contains "prod/interviews/portal/hooli-2026-11-13.md"
expect_out_contains "notes: 1 valid, 1 invalid (1 error)"
run --today 2026-11-16 check --format json
expect_json 'data["valid_notes"] == 1'

finish
