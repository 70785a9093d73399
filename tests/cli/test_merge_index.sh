# The INDEX.md/TAGS.md merge driver: two branches each add a note; the merge
# has both in INDEX.md and TAGS.md, no conflict, and `pmi index --check` passes.
source "$(dirname "$0")/lib.sh" "$1"

mkdir -p "$WORK/bin"
ln -sf "$PMI_BIN" "$WORK/bin/pmi"
export PATH="$WORK/bin:$PATH"
export GIT_AUTHOR_NAME=Tester GIT_COMMITTER_NAME=Tester
export GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_EMAIL=t@example.com

mkdir repo && cd repo && git init -q -b main .
run init --pm caroline
expect_code 0
expect_out_contains "created git attributes: ./.gitattributes"
expect_file_contains .gitattributes "/prod/interviews/INDEX.md merge=pmi-index"
expect_file_contains .gitattributes "/prod/interviews/TAGS.md merge=pmi-index"
expect_file_contains .gitattributes 'git config merge.pmi-index.driver "pmi merge-index %O %A %B %P"'
# The line README shows, as the comment in .gitattributes gives it.
eval "$(sed -n 's/^#   \(git config .*\)$/\1/p' .gitattributes)"
CHECKS=$((CHECKS + 1))
[ "$(git config merge.pmi-index.driver)" = "pmi merge-index %O %A %B %P" ] || fail "driver not configured"

write_note portal base-2026-11-02.md "Base" 2026-11-02 caroline "tags: [shared]
tldr: The first call."
write_note portal gone-2026-11-03.md "Gone" 2026-11-03 caroline "tldr: Deleted on main."
write_note portal edited-2026-11-04.md "Edited" 2026-11-04 caroline "tldr: Before."
pmi index >/dev/null && git add -A && git commit -qm base

git checkout -q -b alice
write_note portal alice-2026-11-10.md "Alice Co" 2026-11-10 caroline "tags: [shared, from-alice]
tldr: Alice's call."
sed -i 's/tldr: Before./tldr: After, on alice./' prod/interviews/portal/edited-2026-11-04.md
pmi index >/dev/null && git add -A && git commit -qm alice

git checkout -q main
write_note billing bob-2026-11-11.md "Bob Inc" 2026-11-11 caroline "tags: [shared, from-bob]
tldr: Bob's call."
git rm -q prod/interviews/portal/gone-2026-11-03.md
pmi index >/dev/null && git add -A && git commit -qm bob

# Without the driver, git's text merge conflicts on the generated files.
git config --unset merge.pmi-index.driver
git merge -q --no-edit alice >/dev/null 2>&1
CHECKS=$((CHECKS + 1))
[ -n "$(git diff --name-only --diff-filter=U)" ] || fail "expected a conflict without the driver"
git merge --abort
git config merge.pmi-index.driver "pmi merge-index %O %A %B %P"

git merge -q --no-edit alice >"$WORK/merge.out" 2>&1
CODE=$?
ERR=$(cat "$WORK/merge.out")
expect_code 0
CHECKS=$((CHECKS + 1))
! grep -q '^<<<<<<<\|^>>>>>>>' prod/interviews/INDEX.md prod/interviews/TAGS.md || fail "conflict markers"
CHECKS=$((CHECKS + 1)); [ -z "$(git status --porcelain)" ] || fail "merge left changes: $(git status --porcelain)"
for text in "Alice Co" "Bob Inc" "After, on alice." "Base"; do
    expect_file_contains prod/interviews/INDEX.md "$text"
done
CHECKS=$((CHECKS + 1)); ! grep -q "Gone" prod/interviews/INDEX.md || fail "a deleted note is indexed"
expect_file_contains prod/interviews/TAGS.md "from-alice"
expect_file_contains prod/interviews/TAGS.md "from-bob"
expect_file_contains prod/interviews/TAGS.md "## shared (3)"
run index --check
expect_code 0
# The merge commit itself holds the regenerated files.
git show HEAD:prod/interviews/INDEX.md >"$WORK/committed.md"
CHECKS=$((CHECKS + 1)); cmp -s "$WORK/committed.md" prod/interviews/INDEX.md || fail "merge commit differs"

# Where git does not say what is merged (a rebase, a cherry-pick): ours, as a conflict.
cp prod/interviews/INDEX.md "$WORK/ours.md"
run merge-index "$WORK/ours.md" "$WORK/ours.md" "$WORK/ours.md" prod/interviews/INDEX.md
expect_code 1
expect_err_contains "prod/interviews/INDEX.md: cannot tell which notes the merge gives; kept ours as a conflict: run 'pmi index', then 'git add' it"

# An existing .gitattributes is kept.
cd "$WORK" && mkdir other && cd other && printf '*.md text\n' >.gitattributes
run init
expect_out_contains "kept existing git attributes"
expect_file_contains .gitattributes '*.md text'

finish
