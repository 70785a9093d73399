# End-to-end tests of `pmi mv` and of lint's commands that fix a misplaced note.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
note=prod/interviews/portal/acme-corp-2026-11-17.md
mkdir -p prod/interviews/portal
printf -- '---\r\n# written by hand\r\ncustomer: Acme Corp   # the reseller\r\ndate: 2026-11-17\r\npm: caroline\r\nproduct: portal\r\ntags: [excel]\r\n---\r\n## Goal\r\nproduct: portal in the body stays\r\n' >"$note"
chmod 640 "$note"
cp "$note" "$WORK/original.md"

# Only the named lines change; every other byte, the line endings and the mode are kept.
run mv "$note" --product billing --date 2026-11-18
expect_code 0
expect_out_equals "prod/interviews/portal/acme-corp-2026-11-17.md -> prod/interviews/billing/acme-corp-2026-11-18.md"
moved=prod/interviews/billing/acme-corp-2026-11-18.md
expect_no_file "$note"
expect_file "$moved"
CHECKS=$((CHECKS + 1))
[ "$(diff "$WORK/original.md" "$moved" | tr -d "\r")" == "4c4
< date: 2026-11-17
---
> date: 2026-11-18
6c6
< product: portal
---
> product: billing" ] || fail "unexpected changes: $(diff "$WORK/original.md" "$moved" | cat -A)"
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a "$moved")" == 640 ] || fail "mode not kept: $(stat -c %a "$moved")"
CHECKS=$((CHECKS + 1))
grep -q $'^customer: Acme Corp   # the reseller\r$' "$moved" || fail "comment or CRLF lost"

# --pm changes the line only; the file stays.
run mv "$moved" --pm dev
expect_code 0
expect_out_equals "$moved: updated"
expect_file_contains "$moved" "pm: dev"
# A customer that needs quoting is quoted; the file is renamed after it.
run mv "$moved" --customer 'Acme: "Corp" #2'
expect_code 0
expect_out_equals "$moved -> prod/interviews/billing/acme-corp-2-2026-11-18.md"
moved=prod/interviews/billing/acme-corp-2-2026-11-18.md
expect_file_contains "$moved" 'customer: "Acme: \"Corp\" #2"   # the reseller'
run list --format json
expect_json 'data["notes"][0]["customer"] == "Acme: \"Corp\" #2" and data["notes"][0]["pm"] == "dev"'

# A taken name gets the next free -N; nothing is replaced.
write_note portal globex-2026-11-10.md "Globex" 2026-11-10 dev
write_note billing globex-2026-11-10.md "Globex" 2026-11-10 caroline "" "the billing one"
run mv prod/interviews/portal/globex-2026-11-10.md --product billing
expect_code 0
expect_out_equals "prod/interviews/portal/globex-2026-11-10.md -> prod/interviews/billing/globex-2026-11-10-2.md"
expect_file_contains prod/interviews/billing/globex-2026-11-10.md "the billing one"
# Nothing to change.
run mv prod/interviews/billing/globex-2026-11-10-2.md --product billing
expect_out_equals "prod/interviews/billing/globex-2026-11-10-2.md: unchanged"

# Bad values: exit 2, nothing changed.
cp "$moved" "$WORK/before.md"
for args in "--product Billing" "--pm nobody" "--date 2026-02-30" "--customer ---"; do
    # shellcheck disable=SC2086
    run mv "$moved" $args
    expect_code 2
    CHECKS=$((CHECKS + 1))
    cmp -s "$moved" "$WORK/before.md" || fail "$args changed the note"
done
# A product not in .pmi.yaml is refused as `pmi new` refuses it; no folder is made.
run mv "$moved" --product nope
expect_code 2
expect_err_contains "error: product 'nope' is not in the products of .pmi.yaml"
expect_no_file prod/interviews/nope
CHECKS=$((CHECKS + 1))
cmp -s "$moved" "$WORK/before.md" || fail "--product nope changed the note"
run mv prod/interviews/portal/none-2026-01-01.md --pm dev
expect_code 2
expect_err_contains "no such note"
# A value written over several lines is not touched.
mkdir -p prod/interviews/portal
printf -- '---\ncustomer: >\n  Initech\n  Inc\ndate: 2026-11-12\npm: dev\nproduct: portal\n---\n' >prod/interviews/portal/initech-inc-2026-11-12.md
run mv prod/interviews/portal/initech-inc-2026-11-12.md --customer Initech
expect_code 2
expect_err_contains "prod/interviews/portal/initech-inc-2026-11-12.md:2: 'customer' is written over several lines"
# A symbolic link is not a note to move.
ln -s initech-inc-2026-11-12.md prod/interviews/portal/link-2026-11-12.md
run mv prod/interviews/portal/link-2026-11-12.md --pm caroline
expect_code 2
expect_err_contains "not a regular file"
rm prod/interviews/portal/link-2026-11-12.md

# In git: a tracked note moves with git mv, so history follows.
git init -q . && git config user.name T && git config user.email t@example.com
git add -A && git commit -qm base
run mv prod/interviews/billing/globex-2026-11-10-2.md --date 2026-11-11
expect_code 0
expect_out_equals "prod/interviews/billing/globex-2026-11-10-2.md -> prod/interviews/billing/globex-2026-11-11.md (git mv)"
CHECKS=$((CHECKS + 1))
git status --porcelain | grep -q "^R.*globex-2026-11-10-2.md -> prod/interviews/billing/globex-2026-11-11.md" ||
    fail "not a git rename: $(git status --porcelain)"
# An untracked note is renamed.
write_note portal hooli-2026-11-19.md "Hooli" 2026-11-19 dev
run mv prod/interviews/portal/hooli-2026-11-19.md --product billing
expect_out_equals "prod/interviews/portal/hooli-2026-11-19.md -> prod/interviews/billing/hooli-2026-11-19.md"
# From a subfolder, a path from the root works too.
cd prod/interviews
run mv billing/hooli-2026-11-19.md --pm caroline
expect_out_equals "prod/interviews/billing/hooli-2026-11-19.md: updated"
run mv prod/interviews/billing/hooli-2026-11-19.md --pm dev
expect_out_equals "prod/interviews/billing/hooli-2026-11-19.md: updated"
cd "$ROOT"

# A symbolic link on the way to the new folder is refused, and nothing changes:
# not the note, not the folder outside, not git's index.
sed -i 's/^products: .*/products: [portal, billing, evil]/' .pmi.yaml
git add -A && git commit -qm before-links
mkdir "$WORK/outside"
ln -s "$WORK/outside" prod/interviews/evil
cp prod/interviews/billing/hooli-2026-11-19.md "$WORK/hooli.md"
run mv prod/interviews/billing/hooli-2026-11-19.md --product evil
expect_code 2
expect_err_contains "error: prod/interviews/evil is a symbolic link; pmi does not write through links"
expect_out_equals ""
CHECKS=$((CHECKS + 1))
cmp -s prod/interviews/billing/hooli-2026-11-19.md "$WORK/hooli.md" || fail "the note changed"
CHECKS=$((CHECKS + 1))
[ -z "$(ls -A "$WORK/outside")" ] || fail "written outside: $(ls -A "$WORK/outside")"
CHECKS=$((CHECKS + 1))
[ -z "$(git status --porcelain --untracked-files=no)" ] || fail "git changed: $(git status --porcelain)"
rm prod/interviews/evil
# The same for a link higher up: the notes folder itself.
mv prod "$WORK/real-prod"
mkdir prod && ln -s "$WORK/real-prod/interviews" prod/interviews
run mv prod/interviews/billing/hooli-2026-11-19.md --product portal
expect_code 2
expect_err_contains "error: prod/interviews is a symbolic link; pmi does not write through links"
expect_file "$WORK/real-prod/interviews/billing/hooli-2026-11-19.md"
expect_no_file "$WORK/real-prod/interviews/portal/hooli-2026-11-19.md"
rm -r prod && mv "$WORK/real-prod" prod
CHECKS=$((CHECKS + 1))
[ -z "$(git status --porcelain --untracked-files=no)" ] || fail "git changed: $(git status --porcelain)"

# Lint prints the command that fixes a date or folder mismatch, and it works.
write_note portal umbrella-2026-11-05.md "Umbrella" 2026-11-06 dev
write_note billing 'soylent corp-2026-11-07.md' "Soylent Corp" 2026-11-07 dev "" "x"
sed -i 's/^product: billing/product: portal/' 'prod/interviews/billing/soylent corp-2026-11-07.md'
run lint
expect_code 1
expect_out_contains "prod/interviews/portal/umbrella-2026-11-05.md:3: error: date 2026-11-06 disagrees with the file name's date 2026-11-05; to move the file: pmi mv prod/interviews/portal/umbrella-2026-11-05.md --date 2026-11-06"
expect_out_contains "to move the file: pmi mv 'prod/interviews/billing/soylent corp-2026-11-07.md' --product portal"
fixes=$(printf '%s\n' "$OUT" | sed -n 's/.*to move the file: pmi //p')
while IFS= read -r fix; do
    eval "run $fix"
    expect_code 0
done <<<"$fixes"
run lint
expect_out_lacks "disagrees"
expect_file prod/interviews/portal/umbrella-2026-11-06.md
expect_file prod/interviews/portal/soylent-corp-2026-11-07.md


# A note that starts with a byte order mark: the mark stays, only the named lines change.
new_tree more
mkdir -p prod/interviews/portal
bom=prod/interviews/portal/initech-2026-11-12.md
printf '\xef\xbb\xbf---\ncustomer: Initech\ndate: 2026-11-12\npm: dev\nproduct: portal\ntags: [sso]\n---\n## Goal\n' >"$bom"
run list --format json
expect_json 'data["notes"][0]["customer"] == "Initech"'
run mv "$bom" --pm caroline
expect_code 0
expect_out_equals "$bom: updated"
CHECKS=$((CHECKS + 1))
[ "$(head -c 3 "$bom" | od -An -tx1 | tr -d ' ')" == efbbbf ] || fail "the BOM was lost"
CHECKS=$((CHECKS + 1))
[ "$(printf '\xef\xbb\xbf---\ncustomer: Initech\ndate: 2026-11-12\npm: caroline\nproduct: portal\ntags: [sso]\n---\n## Goal\n' | cmp - "$bom" && echo same)" == same ] ||
    fail "unexpected bytes: $(cat -A "$bom")"
run tags rename sso single-sign-on
expect_code 0
expect_file_contains "$bom" "tags: [single-sign-on]"
CHECKS=$((CHECKS + 1))
[ "$(head -c 6 "$bom" | od -An -tx1 | tr -d ' ')" == efbbbf2d2d2d ] || fail "tags rename lost the BOM"

# --customer with an alias from `customers:` writes the canonical name, as `pmi new` does.
printf 'customers:\n  Acme Corp: [Acme]\n' >>.pmi.yaml
write_note billing wayne-2026-11-13.md "Wayne" 2026-11-13 dev
run mv prod/interviews/billing/wayne-2026-11-13.md --customer Acme
expect_code 0
expect_out_equals "prod/interviews/billing/wayne-2026-11-13.md -> prod/interviews/billing/acme-corp-2026-11-13.md"
expect_file_contains prod/interviews/billing/acme-corp-2026-11-13.md "customer: Acme Corp"
run mv prod/interviews/billing/acme-corp-2026-11-13.md --customer "Other Co"
expect_code 0
expect_file_contains prod/interviews/billing/other-co-2026-11-13.md "customer: Other Co"

# A date in the form YYYY-MM-DD that is no day of the calendar says so.
cp prod/interviews/billing/other-co-2026-11-13.md "$WORK/other.md"
run mv prod/interviews/billing/other-co-2026-11-13.md --date 2026-02-30
expect_code 2
expect_err_contains "error: --date: '2026-02-30' is not a real calendar date"
expect_err_lacks "YYYY-MM-DD"
CHECKS=$((CHECKS + 1))
cmp -s prod/interviews/billing/other-co-2026-11-13.md "$WORK/other.md" || fail "the note changed"
run mv prod/interviews/billing/other-co-2026-11-13.md --date 2026-2-3
expect_code 2
expect_err_contains "error: --date: '2026-2-3' is not a date YYYY-MM-DD"

# A moved note's old product folder goes when it is left empty; the notes folder never does.
run mv "$bom" --product billing
expect_code 0
expect_out_equals "$bom -> prod/interviews/billing/initech-2026-11-12.md"
expect_no_file prod/interviews/portal
write_note portal globex-2026-11-13.md "Globex" 2026-11-13 dev
write_note portal hooli-2026-11-14.md "Hooli" 2026-11-14 dev
run mv prod/interviews/portal/globex-2026-11-13.md --product billing
expect_code 0
CHECKS=$((CHECKS + 1))
[ -d prod/interviews/portal ] || fail "a folder with a note in it was removed"
printf -- '---\ncustomer: Umbrella\ndate: 2026-11-15\npm: dev\nproduct: portal\n---\n' >prod/interviews/umbrella-2026-11-15.md
run mv prod/interviews/umbrella-2026-11-15.md --pm caroline
expect_code 0
expect_out_equals "prod/interviews/umbrella-2026-11-15.md -> prod/interviews/portal/umbrella-2026-11-15.md"
CHECKS=$((CHECKS + 1))
[ -d prod/interviews ] || fail "the notes folder was removed"
mkdir prod/interviews/drafts
printf -- '---\ncustomer: Soylent\ndate: 2026-11-16\npm: dev\nproduct: portal\n---\n' >prod/interviews/drafts/soylent-2026-11-16.md
touch prod/interviews/drafts/.keep
run mv prod/interviews/drafts/soylent-2026-11-16.md --pm caroline
expect_code 0
expect_file prod/interviews/drafts/.keep

finish
