# The README's five-minute walkthrough runs as written, with the configuration
# the README tells the user to write in place of `$EDITOR .pmi.yaml`.
source "$(dirname "$0")/lib.sh" "$1"

README="$SOURCE_DIR/README.md"
mkdir -p "$WORK/bin"
ln -sf "$PMI_BIN" "$WORK/bin/pmi"
export PATH="$WORK/bin:$PATH" PMI_TODAY=2026-11-20
export GIT_AUTHOR_NAME=Tester GIT_COMMITTER_NAME=Tester
export GIT_AUTHOR_EMAIL=caroline@example.com GIT_COMMITTER_EMAIL=caroline@example.com
sed -n '/^## Configuration: `.pmi.yaml`/,/^```$/p' "$README" | sed '1,/^```yaml$/d; /^```$/d' \
    >"$WORK/config.yaml"
sed -n '/^## Five-minute walkthrough/,/^```$/p' "$README" | sed '1,/^```sh$/d; /^```$/d' \
    >"$WORK/walkthrough.sh"
CHECKS=$((CHECKS + 1))
[ -s "$WORK/config.yaml" ] && grep -q '^products:' "$WORK/config.yaml" || fail "no config in README"
CHECKS=$((CHECKS + 1))
grep -q '^pmi new acme-corp-2026-11-20' "$WORK/walkthrough.sh" || fail "no walkthrough in README"

# run_readme_lines FILE MAX_CODE: runs each command line of FILE in this shell (so
# `cd` stays), counting them in $ran; a line exiting above MAX_CODE fails the test.
# `$EDITOR .pmi.yaml` writes the README's configuration instead.
ran=0
run_readme_lines() {
    local line command
    while IFS= read -r line; do
        command=${line%%#*}
        [ -n "${command// /}" ] || continue
        case $command in
        '$EDITOR .pmi.yaml'*)
            cp "$WORK/config.yaml" .pmi.yaml
            git config user.email caroline@example.com
            continue
            ;;
        'pmi guide lint '*)
            mkdir -p guides
            printf '## Goal\nLearn how they export.\n\n## Questions\n- Tell me about the last time you exported data.\n' \
                >guides/onboarding.md
            ;;
        esac
        ran=$((ran + 1))
        eval "$command" >"$WORK/.stdout" 2>"$WORK/.stderr" </dev/null
        CODE=$?
        OUT=$(cat "$WORK/.stdout")
        ERR=$(cat "$WORK/.stderr")
        CHECKS=$((CHECKS + 1))
        [ "$CODE" -le "$2" ] || fail "README line failed ($CODE): $line
$ERR"
    done <"$1"
}

# 1 is a check's verdict (a PM short of the quota); 2 is a usage or input error.
run_readme_lines "$WORK/walkthrough.sh" 1

CHECKS=$((CHECKS + 1))
[ "$ran" -ge 15 ] || fail "only $ran README lines ran"
expect_file "$WORK/team-notes/prod/interviews/reseller-portal/acme-corp-2026-11-20.md"
expect_no_file "$WORK/team-notes/prod/interviews/billing/acme-corp-2026-11-20.md"
expect_file_contains "$WORK/team-notes/prod/interviews/reseller-portal/acme-corp-2026-11-20.md" 'product: "reseller-portal"'
# The README's config names Acme Corp's aliases: `pmi new acme` wrote "Acme Corp", and
# months later themes lists one customer not heard from, not "Acme" beside it.
expect_file_contains "$WORK/team-notes/prod/interviews/reseller-portal/acme-corp-2026-11-20.md" 'customer: "Acme Corp"'
run --today 2027-03-01 themes --format json
expect_json '[c["customer"] for c in data["lapsed_customers"]] == ["Acme Corp"]'

# "A team's first week": the commands of its steps, run as written in a new git
# repository, leave a repository whose fresh clone passes the CI recipe's push
# and pull-request steps (examples/ci/github-actions.yml), `pmi index --check` included.
sed -n "/^## A team's first week/,/^\*\*Merging branches/p" "$README" |
    sed -n '/^ *```sh$/,/^ *```$/p' | sed '/^ *```/d; s/^ *//' >"$WORK/first-week.sh"
CHECKS=$((CHECKS + 1))
grep -q '^pmi index' "$WORK/first-week.sh" && grep -q '^pmi new ' "$WORK/first-week.sh" ||
    fail "no first-week commands in README"
sed -n "/github.event_name == 'push'/{n;s/^ *run: //p}" "$SOURCE_DIR/examples/ci/github-actions.yml" \
    >"$WORK/ci-push.sh"
CHECKS=$((CHECKS + 1))
grep -qx 'pmi index --check' "$WORK/ci-push.sh" || fail "no pmi index --check in the CI recipe"
mkdir "$WORK/first-week" && cd "$WORK/first-week" && git init -q .
ran=0
run_readme_lines "$WORK/first-week.sh" 0
CHECKS=$((CHECKS + 1))
[ "$ran" -ge 5 ] || fail "only $ran first-week lines ran"
CHECKS=$((CHECKS + 1))
[ -z "$(git status --porcelain)" ] || fail "the first week left files uncommitted:
$(git status --porcelain)"
git clone -q "$WORK/first-week" "$WORK/ci-checkout" && cd "$WORK/ci-checkout" || exit 2
expect_file .gitattributes
run_readme_lines "$WORK/ci-push.sh" 0
finish
