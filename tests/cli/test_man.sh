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
# section COMMAND: the man page's text for the command (its .SS up to the next
# heading), with roff's \- as -; a command taking the shared filters also gets
# list's section, where they are described.
section() {
    awk -v head=".SS pmi $1" 'index($0, head) == 1 {on=1; print; next} on && /^\.S[SH] /{exit} on' "$MAN" |
        sed 's/\\-/-/g'
}
# Each allowed value of each option (--format TEXT:{text,json}) is documented in
# the command's section.
for command in $commands; do
    text=$(section "$command")
    [[ $text == *"[filters]"* ]] && text+=$'\n'$(section list)
    run "$command" --help
    while read -r option values; do
        if [[ $option == --* ]]; then
            CHECKS=$((CHECKS + 1))
            grep -qF -- "$option" <<<"$text" || fail "man page: pmi $command: $option undocumented in its section"
        fi
        for value in ${values//,/ }; do
            CHECKS=$((CHECKS + 1))
            grep -qw -- "$value" <<<"$text" || fail "man page: pmi $command $option: value $value undocumented"
        done
    done < <(printf '%s\n' "$OUT" | sed -n 's/^ *\([a-z-]*\) TEXT:{\([a-z,]*\)}.*/\1 \2/p')
done

run --version
version=$(printf '%s\n' "$OUT" | sed -n 's/^pmi \([0-9][0-9.]*\) (commit .*)$/\1/p')
expect_file_contains "$MAN" "\"pmi $version\""

finish
