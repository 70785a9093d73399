# The man page is clean under mandoc and groff, and documents every command.
source "$(dirname "$0")/lib.sh" "$1"

MAN="$SOURCE_DIR/man/pmi.1"
expect_file "$MAN"
if command -v mandoc >/dev/null; then
    CHECKS=$((CHECKS + 1))
    mandoc -T lint -W warning "$MAN" >"$WORK/mandoc.txt" 2>&1 || fail "mandoc: $(cat "$WORK/mandoc.txt")"
fi
if command -v groff >/dev/null; then
    CHECKS=$((CHECKS + 1))
    output=$(groff -ww -z -man "$MAN" 2>&1)
    [ -z "$output" ] || fail "groff: $output"
fi

# Every command in --help has a section in the man page, and the version agrees.
run --help
expect_code 0
commands=$(printf '%s\n' "$OUT" | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1}')
CHECKS=$((CHECKS + 1)); [ -n "$commands" ] || fail "no commands found in --help"
for command in $commands; do
    expect_file_contains "$MAN" ".SS pmi $command"
    # ... and every option of the command is in the man page.
    run "$command" --help
    for option in $(printf '%s\n' "$OUT" | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
        [ "$option" = "--help" ] || expect_file_contains "$MAN" "${option//-/\\-}"
    done
done
run --version
version=$(printf '%s\n' "$OUT" | sed -n 's/^pmi \([0-9][0-9.]*\) (commit .*)$/\1/p')
expect_file_contains "$MAN" "\"pmi $version\""

finish
