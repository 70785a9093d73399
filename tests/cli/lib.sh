# Shared helpers for the end-to-end tests. Each test script is run by ctest as
#   bash tests/cli/test_<command>.sh /path/to/pmi
# and works in its own temporary folder, removed on exit.
set -u

PMI_BIN=$(realpath "$1")
SOURCE_DIR=${PMI_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pmi-test.XXXXXX")
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 2
unset PMI_ROOT PMI_TODAY PMI_PM PMI_EDITOR VISUAL EDITOR NO_COLOR GITHUB_STEP_SUMMARY
export HOME="$WORK/home" USER=tester GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"

FAILURES=0
CHECKS=0
OUT=""
ERR=""
CODE=0

# run ARGS...: runs pmi, keeping stdout in $OUT, stderr in $ERR, exit code in $CODE.
run() {
    OUT=$("$PMI_BIN" "$@" 2>"$WORK/.stderr" </dev/null)
    CODE=$?
    ERR=$(cat "$WORK/.stderr")
}

fail() {
    FAILURES=$((FAILURES + 1))
    echo "FAIL (line ${BASH_LINENO[1]}): $*" >&2
    echo "  stdout: $OUT" | head -20 >&2
    echo "  stderr: $ERR" | head -20 >&2
}

expect_code() {
    CHECKS=$((CHECKS + 1))
    [ "$CODE" -eq "$1" ] || fail "expected exit code $1, got $CODE"
}
expect_out_contains() {
    CHECKS=$((CHECKS + 1))
    [[ "$OUT" == *"$1"* ]] || fail "stdout lacks: $1"
}
expect_out_lacks() {
    CHECKS=$((CHECKS + 1))
    [[ "$OUT" != *"$1"* ]] || fail "stdout should not contain: $1"
}
expect_err_contains() {
    CHECKS=$((CHECKS + 1))
    [[ "$ERR" == *"$1"* ]] || fail "stderr lacks: $1"
}
expect_err_lacks() {
    CHECKS=$((CHECKS + 1))
    [[ "$ERR" != *"$1"* ]] || fail "stderr should not contain: $1"
}
expect_err_empty() {
    CHECKS=$((CHECKS + 1))
    [ -z "$ERR" ] || fail "stderr should be empty"
}
expect_out_equals() {
    CHECKS=$((CHECKS + 1))
    [ "$OUT" == "$1" ] || fail "stdout differs from expected:
$(diff <(echo "$1") <(echo "$OUT"))"
}
expect_file() {
    CHECKS=$((CHECKS + 1))
    [ -f "$1" ] || fail "missing file: $1"
}
expect_no_file() {
    CHECKS=$((CHECKS + 1))
    [ ! -e "$1" ] || fail "file should not exist: $1"
}
expect_file_contains() {
    CHECKS=$((CHECKS + 1))
    grep -qF -- "$2" "$1" 2>/dev/null || fail "$1 lacks: $2"
}
# expect_json EXPR: python3 evaluates EXPR with `data` = the JSON on stdout.
expect_json() {
    CHECKS=$((CHECKS + 1))
    printf '%s' "$OUT" | python3 -c "import json,sys; data=json.load(sys.stdin); sys.exit(0 if ($1) else 1)" ||
        fail "JSON check failed: $1"
}

# new_tree: an empty repository with a config; sets $ROOT and cds into it.
new_tree() {
    ROOT="$WORK/${1:-repo}"
    mkdir -p "$ROOT/prod/interviews"
    cd "$ROOT" || exit 2
    cat >.pmi.yaml <<'YAML'
notes: prod/interviews
quota: {per_week: 1}
products: [portal, billing]
team:
  - {id: caroline, name: Caroline Diaz, email: caroline@example.com, since: 2026-01-05}
  - {id: dev, name: Dev Rao, email: dev@example.com, since: 2026-01-05}
YAML
}

# The roster of the quota tests (check, report): caroline and dev since
# 2026-01-05, mei away in 2026-W46 (9 to 15 November), tom joining in 2026-W47.
TEAM_ROSTER=(
    "{id: caroline, name: Caroline Diaz, since: 2026-01-05}"
    "{id: dev, name: Dev Rao, since: 2026-01-05}"
    "{id: mei, name: Mei Tanaka, since: 2026-01-05, away: [2026-W46]}"
    "{id: tom, name: Tom Becker, since: 2026-11-16}"
)

# team_tree NAME [MEMBER...]: new_tree NAME with a quota of one interview a week
# and a team roster of the MEMBERs (YAML flow mappings), TEAM_ROSTER by default.
team_tree() {
    new_tree "$1"
    shift
    [ "$#" -gt 0 ] || set -- "${TEAM_ROSTER[@]}"
    printf 'notes: prod/interviews\nquota: {per_week: 1}\nproducts: [portal, billing]\nteam:\n' \
        >.pmi.yaml
    printf '  - %s\n' "$@" >>.pmi.yaml
}

# write_note PRODUCT FILE CUSTOMER DATE PM [EXTRA-FRONT-MATTER-LINES] [BODY]
write_note() {
    mkdir -p "prod/interviews/$1"
    {
        printf -- '---\ncustomer: %s\ndate: %s\npm: %s\nproduct: %s\n' "$3" "$4" "$5" "$1"
        [ -n "${6:-}" ] && printf '%s\n' "$6"
        printf -- '---\n%s\n' "${7:-## Goal
Learn how $3 works.

## Nuggets
- A nugget from $3}"
    } >"prod/interviews/$1/$2"
}

# use_pre_commit_hook: makes the current folder a git repository with the
# example pre-commit hook installed, and pmi on the PATH hook_commit gives it.
use_pre_commit_hook() {
    mkdir -p "$WORK/bin"
    ln -sf "$PMI_BIN" "$WORK/bin/pmi"
    git init -q . && git config user.name Tester && git config user.email tester@example.com
    cp "$SOURCE_DIR/examples/ci/pre-commit" .git/hooks/pre-commit
    chmod +x .git/hooks/pre-commit
}

# hook_commit MESSAGE: commits what is staged, through the hook; exit code in
# $CODE, the hook's messages in $ERR.
hook_commit() {
    PATH="$WORK/bin:$PATH" git commit -q -m "$1" >/dev/null 2>"$WORK/hook.err"
    CODE=$?
    ERR=$(cat "$WORK/hook.err")
}

finish() {
    echo "$CHECKS checks, $FAILURES failed"
    [ "$FAILURES" -eq 0 ] || exit 1
    [ "$CHECKS" -gt 0 ] || { echo "no checks ran"; exit 1; }
    exit 0
}
