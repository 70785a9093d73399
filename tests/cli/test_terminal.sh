# Colour, paging and width: only on a terminal, like git. script(1) gives a pty.
source "$(dirname "$0")/lib.sh" "$1"

ESC=$'\e['
run --root "$SOURCE_DIR/examples" list --pm tom
expect_code 0
expect_out_lacks "$ESC"
run --root "$SOURCE_DIR/examples" --color always list --pm tom
expect_out_contains "${ESC}1mDATE"

if ! command -v script >/dev/null; then
    echo "script(1) not available; terminal cases skipped"
    finish
fi
# on_tty COMMAND...: runs pmi on a pseudo-terminal, output in $OUT.
on_tty() {
    OUT=$(script -qec "$(printf '%q ' "$PMI_BIN" --root "$SOURCE_DIR/examples" "$@")" /dev/null </dev/null)
}

export PAGER="cat > '$WORK/paged.txt'"
on_tty list --pm tom
expect_file "$WORK/paged.txt"
expect_file_contains "$WORK/paged.txt" "${ESC}1mDATE"
expect_file_contains "$WORK/paged.txt" "Vandelay Imports"
rm -f "$WORK/paged.txt"

# NO_COLOR and --color=never: no escapes, even on a terminal.
NO_COLOR=1 on_tty list --pm tom
expect_file "$WORK/paged.txt"
CHECKS=$((CHECKS + 1)); ! grep -q $'\e\\[' "$WORK/paged.txt" || fail "colour despite NO_COLOR"
rm -f "$WORK/paged.txt"
TERM=dumb on_tty list --pm tom
expect_file "$WORK/paged.txt"
CHECKS=$((CHECKS + 1)); ! grep -q $'\e\\[' "$WORK/paged.txt" || fail "colour despite TERM=dumb"
rm -f "$WORK/paged.txt"
on_tty --color never list --pm tom
CHECKS=$((CHECKS + 1)); ! grep -q $'\e\\[' "$WORK/paged.txt" || fail "colour despite --color never"
rm -f "$WORK/paged.txt"

# --no-pager and PAGER=cat write straight to the terminal.
on_tty --no-pager list --pm tom
expect_no_file "$WORK/paged.txt"
expect_out_contains "Vandelay Imports"
PAGER=cat on_tty list --pm tom
expect_no_file "$WORK/paged.txt"
expect_out_contains "Vandelay Imports"

# A pager that does not exist: the output shown directly, with a warning (as git).
PAGER=pmi-no-such-pager on_tty list --pm tom
expect_out_contains "Vandelay Imports"
expect_out_contains "cannot run the pager 'pmi-no-such-pager'"
PMI_PAGER="/nowhere/pager -R" on_tty list
expect_out_contains "Vandelay Imports"
expect_out_contains "cannot run the pager '/nowhere/pager'"

# Tables fit COLUMNS.
COLUMNS=70 PAGER=cat NO_COLOR=1 on_tty list
CHECKS=$((CHECKS + 1))
widest=$(printf '%s\n' "$OUT" | python3 -c 'import sys; print(max(len(l.rstrip("\r\n")) for l in sys.stdin))')
[ "$widest" -le 70 ] || fail "widest line is $widest columns"
expect_out_contains "…"

finish
