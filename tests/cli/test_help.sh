# `pmi help`, `pmi` alone and "did you mean" for a misspelled command.
source "$(dirname "$0")/lib.sh" "$1"

run help
expect_code 0
expect_out_contains "Usage: pmi [OPTIONS] SUBCOMMAND"
expect_out_contains "Show the help of pmi or of one command" # the command list, not help's help
expect_out_contains "completion"
expect_out_lacks "The command to explain"

run help list
expect_code 0
expect_out_contains "Usage: pmi list [OPTIONS]"
expect_out_contains "--where"

run help nosuch
expect_code 2
expect_err_contains "no command 'nosuch'; 'pmi help' lists the commands"
run help lsit
expect_code 2
expect_err_contains "did you mean 'list'?"

# `pmi` alone prints the help: asking is not an error.
run
expect_code 0
expect_out_contains "Usage: pmi [OPTIONS] SUBCOMMAND"
run --bogus
expect_code 2

# A swap of two letters is one edit, and a command with the same first letter wins.
run lsit
expect_code 2
expect_err_contains "unknown command 'lsit'; did you mean 'list'?"
run lnit
expect_err_contains "did you mean 'lint'?"
run rpeort
expect_err_contains "did you mean 'report'?"
run lst
expect_err_contains "did you mean 'list'?"
run xyzzy
expect_err_contains "unknown command 'xyzzy'"
expect_err_lacks_mean() { CHECKS=$((CHECKS + 1)); [[ $ERR != *"did you mean"* ]] || fail "unexpected suggestion"; }
expect_err_lacks_mean

# --version names the version and the commit built from (one of this repository's).
run --version
expect_code 0
CHECKS=$((CHECKS + 1))
if [[ $OUT =~ ^pmi\ [0-9]+\.[0-9]+\.[0-9]+\ \(commit\ ([0-9a-f]{12}|unknown)\)$ ]]; then
    commit=${BASH_REMATCH[1]}
    if [ "$commit" != unknown ] && git -C "$SOURCE_DIR" rev-parse --git-dir >/dev/null 2>&1; then
        CHECKS=$((CHECKS + 1))
        git -C "$SOURCE_DIR" cat-file -e "$commit^{commit}" 2>/dev/null || fail "--version names no commit of this repository"
    fi
else
    fail "--version does not name version and commit"
fi

finish
