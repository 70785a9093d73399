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

ran=0
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
    eval "$command" >"$WORK/.stdout" 2>"$WORK/.stderr" </dev/null # in this shell: `cd` stays
    CODE=$?
    OUT=$(cat "$WORK/.stdout")
    ERR=$(cat "$WORK/.stderr")
    CHECKS=$((CHECKS + 1))
    # 1 is a check's verdict (a PM short of the quota); 2 is a usage or input error.
    [ "$CODE" -le 1 ] || fail "README line failed ($CODE): $line"
done <"$WORK/walkthrough.sh"

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
finish
