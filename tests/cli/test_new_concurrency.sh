# End-to-end tests of writes: concurrent `pmi new`, read-only folders, `pmi init`
# twice, and that no command ever modifies a note the user wrote.
source "$(dirname "$0")/lib.sh" "$1"

# 50 `pmi new` for the same customer and day at once: 50 distinct complete notes.
new_tree
for i in $(seq 1 50); do
    "$PMI_BIN" new acme --product portal --pm caroline --date 2026-11-20 --no-edit \
        >"$WORK/new.$i.out" 2>"$WORK/new.$i.err" </dev/null &
done
wait
CHECKS=$((CHECKS + 1))
failed=$(cat "$WORK"/new.*.err)
[ -z "$failed" ] || fail "pmi new reported: $failed"
expected=$( (echo prod/interviews/portal/acme-2026-11-20.md
    for n in $(seq 2 50); do echo "prod/interviews/portal/acme-2026-11-20-$n.md"; done) | sort)
OUT=$(cat "$WORK"/new.*.out | sort)
expect_out_equals "$expected"
OUT=$(find prod/interviews/portal -mindepth 1 | sort)
expect_out_equals "$expected"
# Every file is complete: the same note, byte for byte, as the first.
CHECKS=$((CHECKS + 1))
for n in $(seq 2 50); do
    cmp -s prod/interviews/portal/acme-2026-11-20.md "prod/interviews/portal/acme-2026-11-20-$n.md" ||
        fail "acme-2026-11-20-$n.md differs from acme-2026-11-20.md"
done
expect_file_contains prod/interviews/portal/acme-2026-11-20-50.md "## Follow-ups"
run lint
expect_code 0
expect_err_contains "50 note files: 50 valid, 0 errors, 100 warnings"
run list --format paths
OUT=$(printf "%s\n" "$OUT" | sort)
expect_out_equals "$expected"

# A read-only notes folder: a clear error, exit 2, nothing created. Root ignores
# permissions, so as root pmi runs as nobody.
as_user() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    else
        "$@"
    fi
}
new_tree readonly
chmod 755 "$WORK"
write_note portal old-2026-11-01.md "Old" 2026-11-01 dev "tldr: Kept"
chmod -R a-w prod
before=$(find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s.%N)
OUT=$(as_user "$PMI_BIN" new acme --product portal --pm dev --date 2026-11-20 --no-edit 2>"$WORK/.stderr")
CODE=$?
ERR=$(cat "$WORK/.stderr")
expect_code 2
expect_err_contains "pmi: error: $ROOT/prod/interviews/portal/acme-2026-11-20.md: cannot create: Permission denied"
OUT=$(as_user "$PMI_BIN" new acme --product billing --pm dev --date 2026-11-20 --no-edit 2>"$WORK/.stderr")
CODE=$?
ERR=$(cat "$WORK/.stderr")
expect_code 2
expect_err_contains "pmi: error: prod/interviews/billing: cannot create folder: Permission denied"
after=$(find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s.%N)
CHECKS=$((CHECKS + 1))
[ "$before" == "$after" ] || fail "the read-only tree changed:
$(diff <(echo "$before") <(echo "$after"))"
chmod -R u+w prod

# `pmi init` twice: the second refuses and the config is unchanged.
mkdir "$WORK/fresh" && cd "$WORK/fresh" || exit 2
run init --pm mei
expect_code 0
expect_file .pmi.yaml
cp .pmi.yaml "$WORK/config.first"
echo "# a user's edit" >>.pmi.yaml
cp .pmi.yaml "$WORK/config.edited"
run init --pm tom
expect_code 2
expect_err_contains ".pmi.yaml already exists; not overwritten"
CHECKS=$((CHECKS + 1))
cmp -s .pmi.yaml "$WORK/config.edited" || fail "pmi init changed an existing .pmi.yaml"
CHECKS=$((CHECKS + 1))
[ -z "$(find . -name '*.tmp-*')" ] || fail "pmi init left a temporary file"

# No command modifies a note the user wrote (generated INDEX.md/TAGS.md aside).
cp -r "$SOURCE_DIR/examples" "$WORK/examples"
cd "$WORK/examples" || exit 2
find . -type f -name '*.md' ! -name INDEX.md ! -name TAGS.md -print0 | sort -z |
    xargs -0 sha256sum >"$WORK/notes.sums"
notes_unchanged() {
    CHECKS=$((CHECKS + 1))
    sha256sum --quiet -c "$WORK/notes.sums" >/dev/null 2>&1 || fail "pmi $* modified a note"
}
for command in "list" "list --format json" "report" "report --format json" "check" \
    "check --format github" "lint" "lint --format json" "summary --week last" "tags" "themes" \
    "signals" "index --check" "index" "share prod/interviews/billing/pied-piper-2026-10-30.md" \
    "new acme --product billing --pm dev --no-edit"; do
    # shellcheck disable=SC2086 # the command's words are split on purpose
    "$PMI_BIN" --today 2026-11-23 $command >/dev/null 2>&1 </dev/null
    notes_unchanged "$command"
done
expect_file prod/interviews/billing/acme-2026-11-23.md

# A folder pmi may not read: a warning names it; the other notes still load.
cd "$WORK"
new_tree unreadable
chmod 755 "$WORK" "$ROOT"
write_note portal a-2026-11-01.md "A" 2026-11-01 dev
write_note billing b-2026-11-02.md "B" 2026-11-02 dev
chmod 000 prod/interviews/billing
OUT=$(as_user "$PMI_BIN" list --format paths 2>"$WORK/.stderr")
CODE=$?
ERR=$(cat "$WORK/.stderr")
expect_code 0
expect_out_equals "prod/interviews/portal/a-2026-11-01.md"
expect_err_contains "prod/interviews/billing: warning: cannot read folder; its notes are skipped"
chmod 755 prod/interviews/billing

finish
