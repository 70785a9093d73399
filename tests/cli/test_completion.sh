# `pmi completion`: the bash script loads in bash and completes commands,
# options and values from the tree; zsh and fish scripts are generated too.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline "tags: [navigation, sso]"
write_note billing globex-2026-11-19.md "Globex" 2026-11-19 mei "tags: [invoicing]"
mkdir -p "$WORK/bin" && ln -s "$PMI_BIN" "$WORK/bin/pmi"
export PATH="$WORK/bin:$PATH"

run completion bash
expect_code 0
printf '%s\n' "$OUT" >"$WORK/pmi.bash"

# complete LINE: the candidates bash offers for the last word of LINE.
complete_line() {
    bash --norc --noprofile -c '
        source "$1"
        read -ra COMP_WORDS <<<"$2"
        [[ $2 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _pmi
        printf "%s\n" "${COMPREPLY[@]}"' _ "$WORK/pmi.bash" "$1"
}

OUT=$(complete_line "pmi lis"); CODE=0
expect_out_equals "list"
OUT=$(complete_line "pmi list --for")
expect_out_equals "--format"
OUT=$(complete_line "pmi guide ")
expect_out_equals "lint"
OUT=$(complete_line "pmi guide --format github l")
expect_out_lacks "lint" # past the first word: a file
# The commands of issue 15 and their options.
OUT=$(complete_line "pmi sea")
expect_out_equals "search"
OUT=$(complete_line "pmi search --ra")
expect_out_equals "--rank"
OUT=$(complete_line "pmi search --by ")
expect_out_contains "segment"
OUT=$(complete_line "pmi mv --cus")
expect_out_equals "--customer"
OUT=$(complete_line "pmi ope")
expect_out_equals "open"
OUT=$(complete_line "pmi tags --var")
expect_out_equals "--variants"
OUT=$(complete_line "pmi list --mat")
expect_out_equals "--match"
OUT=$(complete_line "pmi lint --pri")
expect_out_equals "--privacy"
OUT=$(complete_line "pmi lint --gi")
expect_out_equals "--git"
OUT=$(complete_line "pmi report --cad")
expect_out_equals "--cadence"
OUT=$(complete_line "pmi report --mon")
expect_out_equals "--months"
OUT=$(complete_line "pmi list --format ")
expect_out_equals "text
json
csv
paths"
OUT=$(complete_line "pmi list --product ")
expect_out_equals "billing
portal"
OUT=$(complete_line "pmi new acme --pm ")
expect_out_equals "caroline
dev
mei"
OUT=$(complete_line "pmi --root $ROOT list --tag n")
expect_out_equals "navigation"
OUT=$(PMI_TODAY=2026-11-20 complete_line "pmi list --week 2026-W4")
expect_out_contains "2026-W47"
expect_out_contains "2026-W40"
OUT=$(cd / && complete_line "pmi --root $ROOT list --tag ")
expect_out_equals "invoicing
navigation
sso"

run --today 2026-11-20 completion values weeks
expect_out_contains "this"
expect_out_contains "2026-W47"
run completion values
expect_code 2

run completion zsh
expect_code 0
expect_out_contains "#compdef pmi"
run completion fish
expect_code 0
expect_out_contains "complete -c pmi -n '__fish_seen_subcommand_from list' -l format -x -a 'text json csv paths'"
expect_out_contains "complete -c pmi -n '__fish_seen_subcommand_from guide' -a 'lint'"
if command -v fish >/dev/null; then
    CHECKS=$((CHECKS + 1)); printf '%s\n' "$OUT" | fish --no-execute || fail "fish syntax"
fi
run completion tcsh
expect_code 2

run help list
expect_code 0
expect_out_contains "--where"
run help nosuch
expect_code 2

finish
