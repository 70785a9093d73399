# `pmi completion`: the candidates pmi offers for a command line (what every
# shell's script asks on Tab), `completion values`, and the scripts themselves.
# test_completion_shells.sh drives the scripts in real bash, zsh and fish.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline "tags: [navigation, sso]"
write_note billing globex-2026-11-19.md "Globex" 2026-11-19 mei "tags: [invoicing]"
write_note billing evil-2026-11-18.md '"Evil $(touch pwned)\nline two"' 2026-11-18 mei 'tags: ["$(touch pwned)"]'

# candidates WORD...: the candidates for the last word, one per line; the
# kind (words or files) and the --option= prefix in $KIND and $PREFIX.
candidates() {
    local -a records=()
    mapfile -d '' records < <("$PMI_BIN" completion candidates -- "$@" 2>"$WORK/.stderr")
    KIND=${records[0]-} PREFIX=${records[1]-}
    OUT=""
    local i
    for ((i = 2; i + 1 < ${#records[@]}; i += 2)); do
        OUT+=${OUT:+$'\n'}${records[i]}
    done
    ERR=$(cat "$WORK/.stderr")
}

candidates ""
expect_out_contains "list"
expect_out_contains "completion"
expect_out_lacks "--root" # options only once a word starts with -
candidates --
expect_out_contains "--root"
expect_out_contains "--today"
candidates list --for
expect_out_contains "--format" # every option of list: the shell matches the prefix
expect_out_contains "--where"
expect_out_lacks "--root"
# The commands of issue 15 and their options.
candidates ""
expect_out_contains "search"
expect_out_contains "open"
expect_out_contains "mv"
candidates search --r
expect_out_contains "--rank"
expect_out_contains "--context"
expect_out_lacks "--match" # not an option of search: its query is the argument
candidates search --by ""
expect_out_equals "customer
segment
product
pm
tag
kind"
candidates mv note --c
expect_out_contains "--customer"
expect_out_contains "--product"
candidates tags ""
expect_out_equals "rename" # the subcommand of tags
candidates tags ""
CHECKS=$((CHECKS + 1)); [ "$KIND" != files ] || fail "tags then rename, got $KIND"
candidates tags --v
expect_out_contains "--variants"
expect_out_contains "--dry-run"
candidates list --m
expect_out_contains "--match"
candidates summary --m
expect_out_contains "--match"
candidates share --m
expect_out_lacks "--match"
# import: its options, --date-format's values, folders for --from-md, files for the CSV.
candidates ""
expect_out_contains "import"
candidates import --
expect_out_contains "--map"
expect_out_contains "--from-md"
expect_out_contains "--dry-run"
expect_out_contains "--date-format"
candidates import --date-format ""
expect_out_equals "mdy
dmy"
candidates import --from-md ""
CHECKS=$((CHECKS + 1)); [ "$KIND" = files ] || fail "import --from-md then files, got $KIND"
candidates import ""
CHECKS=$((CHECKS + 1)); [ "$KIND" = files ] || fail "import then files, got $KIND"
candidates guide ""
expect_out_equals "lint"
candidates guide lint ""
expect_out_equals ""
CHECKS=$((CHECKS + 1)); [ "$KIND" = files ] || fail "guide lint then files, got $KIND"
candidates guide --format github ""
expect_out_equals "lint"
candidates help ""
expect_out_contains "report"
expect_out_contains "completion"
candidates help list ""
expect_out_equals ""
candidates completion ""
expect_out_equals "bash
zsh
fish"
candidates list --format ""
expect_out_equals "text
json
csv
paths"
candidates list --format=
expect_out_equals "text
json
csv
paths"
CHECKS=$((CHECKS + 1)); [ "$PREFIX" = "--format=" ] || fail "prefix: $PREFIX"
candidates list --pm=c
expect_out_equals "caroline
dev
mei"
CHECKS=$((CHECKS + 1)); [ "$PREFIX" = "--pm=" ] || fail "prefix: $PREFIX"
candidates list --product ""
expect_out_equals "billing
portal"
candidates new acme --pm ""
expect_out_equals "caroline
dev
mei"
# the other PMs on a paired call: the same ids
candidates new acme --pm caroline --with ""
expect_out_equals "caroline
dev
mei"
candidates report --cadence --months ""
expect_out_equals ""
candidates list --junk ""
expect_out_equals "" # an unknown option is taken as a flag
candidates nosuch ""
expect_out_equals ""

# Values from notes come out as they are, one record each, newlines and all.
candidates list --customer ""
expect_out_equals "Acme
Evil \$(touch pwned)
line two
Globex"
candidates list --tag ""
expect_out_equals "\$(touch pwned)
invoicing
navigation
sso"
expect_no_file pwned
candidates tags rename ""
expect_out_equals "\$(touch pwned)
invoicing
navigation
sso"
CHECKS=$((CHECKS + 1)); [ "$KIND" != files ] || fail "tags rename then a tag, got $KIND"

# --root and --today on the line reach the look-up, in either spelling.
cd "$WORK" || exit 2
candidates list --tag ""
expect_out_equals ""
candidates --root "$ROOT" list --tag ""
expect_out_contains "navigation"
candidates "--root=$ROOT" list --pm ""
expect_out_contains "caroline"
candidates --root "$WORK/none" list --tag ""
expect_out_equals "" # no repository: nothing, and no error on the command line
expect_err_empty
cd "$ROOT" || exit 2
candidates --today 2026-03-04 list --week ""
expect_out_contains "2026-W10"
expect_out_contains "2026-W03"
expect_out_lacks "2026-W11"
candidates --today=2026-03-04 list --week 2026-W1
expect_out_contains "2026-W10"
PMI_TODAY=2026-03-04 candidates list --week ""
expect_out_contains "2026-W10"

run --today 2026-11-20 completion values weeks
expect_out_contains "this"
expect_out_contains "2026-W47"
run completion values tags
expect_out_contains "navigation"
run completion values
expect_code 2
run completion values nosuch
expect_code 2
run completion bash extra
expect_code 2
run completion tcsh
expect_code 2
run completion --help
expect_out_contains "{bash,zsh,fish}"

# The scripts hold no command or value of their own and never expand pmi's output.
run completion bash
expect_code 0
expect_out_contains "complete -F _pmi pmi"
expect_out_contains "printf -v quoted '%q'"
expect_out_lacks "compgen -W"
CHECKS=$((CHECKS + 1)); printf '%s\n' "$OUT" | bash -n || fail "bash syntax"
run completion zsh
expect_code 0
expect_out_contains "#compdef pmi"
expect_out_lacks "bashcompinit"
CHECKS=$((CHECKS + 1)); ! command -v zsh >/dev/null || printf '%s\n' "$OUT" | zsh -n || fail "zsh syntax"
run completion fish
expect_code 0
expect_out_contains "string split0"
CHECKS=$((CHECKS + 1)); ! command -v fish >/dev/null || printf '%s\n' "$OUT" | fish --no-execute || fail "fish syntax"

finish
