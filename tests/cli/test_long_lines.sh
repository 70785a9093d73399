# Body lines longer than 64 KiB are read whole: nothing on them or after them is
# lost or misread (nuggets and their marks, follow-ups, private markers, signals,
# contact details).
source "$(dirname "$0")/lib.sh" "$1"

new_tree
export PMI_TODAY=2026-11-20
LONG=$(head -c $((70 * 1024)) /dev/zero | tr '\0' 'x')
# The "é" of each nugget sits on the 4 KiB and the 64 KiB byte of its line,
# where the scans once cut it (a cut inside a character dropped the nugget).
PICK="!! $(head -c 4090 /dev/zero | tr '\0' 'a')é$(head -c 61438 /dev/zero | tr '\0' 'b')é LONG_PICK_END"
write_note portal acme-corp-2026-11-18.md "Acme Corp" 2026-11-18 caroline "tldr: Long lines" "## Goal
Learn.

<!-- $LONG -->
## Nuggets
- Plain nugget.
- $PICK

## Workarounds
<!-- $LONG -->
- Exports to Excel AFTER_LONG_COMMENT

## Follow-ups
<!-- $LONG -->
- [ ] Send the pricing sheet AFTER_LONG_COMMENT
$LONG <!-- private -->
- [ ] PRIVATE_PROMISE a discount
<!-- /private -->
- [ ] Call back $LONG FOLLOWUP_END
$LONG write to jo.smith@acmecorp.com
"
NOTE=prod/interviews/portal/acme-corp-2026-11-18.md

# The nugget marked !! is whole, shown in the picks and sent to execs.
run summary --week --picks --pm caroline --format json
expect_code 0
expect_json 'data["picks"][0]["nugget"] == "'"${PICK#!! }"'" and data["picks"][0]["marked"]'
run summary --week --for execs
expect_code 0
expect_out_contains "é LONG_PICK_END — Acme Corp, 2026-11-18. From Caroline Diaz"
expect_out_lacks "PRIVATE_PROMISE"

# The follow-ups after a long comment, and the private one after a long line.
run followups --format json
expect_code 0
expect_json '[(f["line"], f["private"]) for f in data["followups"]] == [(22, False), (24, True), (26, False)]'
expect_json 'data["followups"][0]["text"] == "Send the pricing sheet AFTER_LONG_COMMENT" and data["followups"][1]["text"] == "PRIVATE_PROMISE a discount"'
expect_json 'data["followups"][2]["text"].endswith("x FOLLOWUP_END") and len(data["followups"][2]["text"]) > 70 * 1024'
run share "$NOTE"
expect_code 0
expect_out_lacks "PRIVATE_PROMISE"
expect_out_contains "AFTER_LONG_COMMENT"

# The workaround after a long comment is found.
run signals --format json
expect_code 0
expect_json '[i["text"] for g in data["workarounds"] for i in g["items"]] == ["Exports to Excel AFTER_LONG_COMMENT"]'

# A contact detail past 64 KiB on a line is still caught, with file:line.
run lint --privacy "$NOTE"
expect_code 1
expect_out_contains "$NOTE:27: error: email address 'j…@acmecorp.com'"

finish
