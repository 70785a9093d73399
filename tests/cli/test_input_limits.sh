#!/usr/bin/env bash
# Bad input is refused before anything is written, with an error naming it.
source "$(dirname "$0")/lib.sh"

TODAY=2026-11-25

# --- init --pm: validated before writing, the value quoted. ----------------
for pm in $'bob\nquota: 0' '[a, b]' '#x' 'a"b' ''; do
    rm -rf "$WORK/init" && mkdir "$WORK/init" && cd "$WORK/init" || exit 2
    run init --pm "$pm"
    if [ -z "$pm" ]; then
        expect_code 0 # no --pm value: the sample id
        continue
    fi
    expect_code 2
    expect_err_contains "a PM id is one word"
    CHECKS=$((CHECKS + 1))
    [ -z "$(ls -A)" ] || fail "init --pm '$pm' created: $(ls -A)"
done
cd "$WORK/init" && rm -rf ./* ./.pmi* && run init --pm jo.smith@example.com
expect_code 0
expect_file_contains .pmi.yaml 'id: "jo.smith@example.com"'
run --today "$TODAY" report
expect_code 0

# --- init when .pmi is a file: nothing is created. ------------------------
rm -rf "$WORK/init2" && mkdir "$WORK/init2" && cd "$WORK/init2" || exit 2
echo "not a folder" >.pmi
run init
expect_code 2
expect_err_contains ".pmi is not a folder"
CHECKS=$((CHECKS + 1))
[ "$(ls -A)" == ".pmi" ] || fail "init created: $(ls -A)"
rm .pmi && mkdir prod && ln -s "$WORK" prod/interviews
run init
expect_code 2
expect_err_contains "prod/interviews is a symbolic link; pmi does not write through links"
expect_no_file .pmi.yaml

# --- A missing or unreadable notes folder is an error, not an empty tree. --
new_tree missing
sed -i 's|notes: prod/interviews|notes: prod/interveiws|' .pmi.yaml
for command in list check report index; do
    run --today "$TODAY" $command
    expect_code 2
    expect_err_contains "prod/interveiws: notes folder not found"
done
new_tree unreadable
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline
chmod 000 prod/interviews
if [ "$(id -u)" -eq 0 ]; then # root reads anything: run as nobody
    chmod 755 "$WORK" "$ROOT"
    OUT=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$PMI_BIN" --root "$ROOT" \
        --today "$TODAY" check 2>"$WORK/.stderr")
    CODE=$?
    ERR=$(cat "$WORK/.stderr")
else
    run --today "$TODAY" check
fi
expect_code 2
expect_err_contains "prod/interviews"
expect_err_contains "Permission denied"
expect_out_lacks "missed"
chmod 755 prod/interviews

# --- An unknown kind in quota.kinds is a config error. --------------------
new_tree kinds
printf 'quota: {per_week: 1, kinds: [learnig]}\n' >>.pmi.yaml
sed -i '0,/^quota: {per_week: 1}$/{/^quota: {per_week: 1}$/d}' .pmi.yaml
run --today "$TODAY" report
expect_code 2
expect_err_contains "unknown kind 'learnig'"

# --- Dates before 1900 or after 2200 are input errors. --------------------
new_tree dates
write_note portal old-0000-01-01.md "Old" 0000-01-01 caroline
write_note portal far-2201-01-01.md "Far" 2201-01-01 caroline
write_note portal ok-2026-11-20.md "Ok" 2026-11-20 caroline
run --today "$TODAY" lint
expect_code 1
expect_out_contains "old-0000-01-01.md:3: error: date '0000-01-01' is outside the years 1900 to 2200"
expect_out_contains "far-2201-01-01.md:3: error: date '2201-01-01' is outside the years 1900 to 2200"
run --today "$TODAY" list
expect_out_lacks "W51"
expect_out_lacks "0000"
run --today 1899-12-31 list
expect_code 2
run --today "$TODAY" list --since 0000-01-01
expect_code 2
expect_err_contains "is outside the years 1900 to 2200"
run --today "$TODAY" report --week 0000-W01
expect_code 2
run --today "$TODAY" new acme --date 2300-01-01 --product portal --pm caroline --no-edit
expect_code 2

# --- Long and non-Latin customer names. -----------------------------------
new_tree names
long=$(printf 'a%.0s' $(seq 1 236))
run --today "$TODAY" new "$long" --product portal --pm caroline --no-edit
expect_code 0
expect_err_empty
CHECKS=$((CHECKS + 1))
file=$(ls prod/interviews/portal/)
[ "${#file}" -le 255 ] && [ -f "prod/interviews/portal/$file" ] || fail "no note for a long name"
run --today "$TODAY" new "$long" --product portal --pm caroline --no-edit
expect_code 0
expect_out_contains "-2.md"
run --today "$TODAY" lint
expect_out_lacks "does not match the file name"
expect_err_lacks() { CHECKS=$((CHECKS + 1)); [[ "$ERR" != *"$1"* ]] || fail "stderr should not contain: $1"; }
expect_err_lacks "does not match the file name"
run --today "$TODAY" new 日本 --product portal --pm caroline --no-edit
expect_code 0
expect_out_equals "prod/interviews/portal/日本-2026-11-25.md"
expect_file_contains "prod/interviews/portal/日本-2026-11-25.md" "customer: "
run --today "$TODAY" new "Ünïcode GmbH" --product portal --pm caroline --no-edit
expect_out_equals "prod/interviews/portal/unicode-gmbh-2026-11-25.md"
run --today "$TODAY" new "Acme Corp" --product portal --pm caroline --no-edit
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-25.md"
run --today "$TODAY" list --customer 日本
expect_out_contains "日本"
expect_out_lacks "Acme"

finish
