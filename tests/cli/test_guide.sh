# End-to-end tests of `pmi guide lint`: closed, leading and hypothetical questions.
source "$(dirname "$0")/lib.sh" "$1"

cat >guide.md <<'MD'
# Interview guide

Warm up, then ask:

- Tell me about the last time you exported a report.
- Do you export reports?
  - Can you walk me through it?
- Don't you think the new flow is faster?
1. Would you pay for bulk edit?
2. How do you onboard? Who helps?
* Have you ever used bulk edit?

```
- Do you skip code blocks?
```
MD
cat >good.md <<'MD'
- Tell me about the last time you onboarded a reseller.
- What happened next?
MD

run guide lint guide.md
expect_code 1
expect_out_equals 'guide.md:6: warning: closed question (starts with "do"): invites a yes or no; try "How do you export reports?"
guide.md:7: warning: closed question (starts with "can"): invites a yes or no; try "Walk me through it."
guide.md:8: warning: leading question ("don'"'"'t you think") suggests the answer; try "What do you think about…?"
guide.md:9: warning: hypothetical about the future ("would you pay"); people predict their own behaviour badly; try "Tell me about the last time you…"
guide.md:10: warning: two questions in one; ask one at a time; try "How do you onboard?"
guide.md:11: warning: closed question (starts with "have"): invites a yes or no; try "Tell me about the last time you used bulk edit."'
expect_err_contains "6 findings in 7 questions"

run guide lint good.md
expect_code 0
expect_out_equals ""
expect_err_contains "0 findings in 2 questions"

run guide lint good.md guide.md --format github
expect_code 1
expect_out_contains '::warning file=guide.md,line=6,title=closed question::closed question (starts with "do"): invites a yes or no; try "How do you export reports?"'
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 6 ] || fail "expected 6 annotations"
CHECKS=$((CHECKS + 1))

run guide lint --format json guide.md
expect_code 1
expect_json 'len(data["findings"]) == 6'
expect_json 'data["findings"][3] == {"path": "guide.md", "line": 9, "kind": "hypothetical", "question": "Would you pay for bulk edit?", "message": "hypothetical about the future (\"would you pay\"); people predict their own behaviour badly", "suggestion": "Tell me about the last time you…"}'
expect_json '[f["kind"] for f in data["findings"]] == ["closed", "closed", "leading", "hypothetical", "double", "closed"]'

# CRLF guides give the same lines.
sed 's/$/\r/' guide.md >crlf.md
run guide lint crlf.md --format json
expect_json 'len(data["findings"]) == 6 and data["findings"][0]["question"] == "Do you export reports?"'

# Unreadable files: exit 2, the others still linted.
run guide lint missing.md
expect_code 2
expect_err_contains "missing.md: error: cannot read the guide"
run guide lint missing.md guide.md
expect_code 2
expect_out_contains "guide.md:6:"
mkdir folder.md
run guide lint folder.md
expect_code 2

# Stacked questions with one '?', the open wrap-up, and a Goal that holds only the comment.
cat >stacked.md <<'MD'
# Onboarding guide

## Goal
<!-- What do we want to learn from these calls? -->

## Questions
- What would make this easier, and how much time would it save, and who else would benefit?
- Is there anything else I should have asked?
MD
run guide lint stacked.md
expect_code 1
expect_out_equals 'stacked.md:3: warning: empty Goal section (only comments); try "write what these interviews should teach us"
stacked.md:7: warning: stacked questions: several in one sentence; ask one at a time; try "What would make this easier?"'
expect_err_contains "2 findings in 2 questions"
run guide lint stacked.md --format json
expect_json '[f["kind"] for f in data["findings"]] == ["empty_goal", "double"]'
run guide lint stacked.md --format github
expect_out_contains '::warning file=stacked.md,line=3,title=empty goal::empty Goal section'

# Usage errors.
run guide
expect_code 2
run guide check guide.md
expect_code 2
run guide lint
expect_code 2

finish
