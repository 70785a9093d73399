#!/usr/bin/env bash
# pmi writes its own files only inside the repository and through no symbolic
# link, never replaces a file it did not write, and leaves nothing behind.
source "$(dirname "$0")/lib.sh"

TODAY=2026-11-25
OUTSIDE="$WORK/outside"

# fresh_outside: an empty folder outside the repository, to find writes in.
fresh_outside() {
    rm -rf "$OUTSIDE" && mkdir -p "$OUTSIDE"
}
expect_outside_empty() {
    CHECKS=$((CHECKS + 1))
    [ -z "$(ls -A "$OUTSIDE")" ] || fail "written outside the repository: $(ls -A "$OUTSIDE")"
}

# --- A product folder that is a link: new refuses, list warns. -------------
new_tree links
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline
fresh_outside
ln -s "$OUTSIDE" prod/interviews/evil
sed -i 's/^products: \[portal, billing\]/products: [portal, billing, evil]/' .pmi.yaml
run --today "$TODAY" new bar --product evil --pm caroline --no-edit
expect_code 2
expect_err_contains "error: prod/interviews/evil is a symbolic link; pmi does not write through links"
expect_outside_empty
write_note billing initech-2026-11-19.md "Initech" 2026-11-19 dev
cp prod/interviews/billing/initech-2026-11-19.md "$OUTSIDE/"
run --today "$TODAY" list
expect_code 0
expect_out_lacks "Initech-outside"
expect_err_contains "prod/interviews/evil: warning: symbolic link to a folder; not followed"
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | grep -c Initech)" -eq 1 ] || fail "a note read through the link"
rm prod/interviews/evil

# --- A notes folder inside .git or .pmi: a config error, nothing written. ----
new_tree gitnotes
sed -i 's|^notes: .*|notes: .git/interviews|' .pmi.yaml
run --today "$TODAY" new bar --product portal --pm caroline --no-edit
expect_code 2
expect_err_contains ".pmi.yaml:"
expect_err_contains "'notes' cannot be inside .git or .pmi"
expect_no_file .git/interviews
run --today "$TODAY" index
expect_code 2
expect_no_file .git/interviews/INDEX.md

# --- A notes folder that is a link (a hostile clone): index and new refuse. --
new_tree hostile
fresh_outside
mkdir -p "$OUTSIDE/portal"
echo "their own index" >"$OUTSIDE/INDEX.md"
rm -rf prod/interviews
ln -s "$OUTSIDE" prod/interviews
run --today "$TODAY" index
expect_code 2
expect_err_contains "prod/interviews is a symbolic link; pmi does not"
CHECKS=$((CHECKS + 1))
[ "$(cat "$OUTSIDE/INDEX.md")" == "their own index" ] || fail "INDEX.md outside replaced"
expect_no_file "$OUTSIDE/TAGS.md"
run --today "$TODAY" new acme --product portal --pm caroline --no-edit
expect_code 2
expect_err_contains "prod/interviews is a symbolic link; pmi does not"
CHECKS=$((CHECKS + 1))
[ -z "$(ls -A "$OUTSIDE/portal")" ] || fail "a note written outside"
# A parent folder of the notes that is a link, too.
rm prod/interviews && rmdir prod && ln -s "$OUTSIDE" prod
mkdir -p "$OUTSIDE/interviews"
run --today "$TODAY" new acme --product portal --pm caroline --no-edit
expect_code 2
expect_err_contains "prod is a symbolic link; pmi does not"
CHECKS=$((CHECKS + 1))
[ -z "$(find "$OUTSIDE" -name '*.md' ! -name INDEX.md)" ] || fail "a note written outside"

# --- A template that is a link: new copies nothing from outside. ------------
new_tree template
mkdir -p .pmi
echo "SECRET-FROM-OUTSIDE" >"$WORK/secret.txt"
ln -s "$WORK/secret.txt" .pmi/template.md
run --today "$TODAY" new acme --product portal --pm caroline --no-edit
expect_code 2
expect_err_contains ".pmi/template.md is a symbolic link; pmi does not follow links"
CHECKS=$((CHECKS + 1))
! grep -rq SECRET-FROM-OUTSIDE prod || fail "the outside file was copied into a note"

# --- A cache folder that is a link: nothing written there, a warning. -------
new_tree cache
for i in $(seq 1 20); do
    write_note portal "c$i-2026-11-1$((i % 9)).md" "C$i" "2026-11-1$((i % 9))" caroline
done
touch -d '2026-01-01' prod/interviews/portal/*.md
fresh_outside
mkdir -p .pmi
ln -s "$OUTSIDE" .pmi/cache
sleep 2.1 # files changed in the last 2 seconds are not cached
run --today "$TODAY" list
expect_code 0
expect_outside_empty
expect_err_contains ".pmi/cache: warning: symbolic link; pmi does not write through links"
rm .pmi/cache

# --- check --junit: never pmi's files, never a link, never a non-report. ----
new_tree junit
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline
NOTE=prod/interviews/portal/acme-2026-11-20.md
cp "$NOTE" "$WORK/note.before"
cp .pmi.yaml "$WORK/config.before"
run --today "$TODAY" check --week 2026-W47 --junit "$NOTE"
expect_code 2
expect_err_contains "is inside the notes folder"
CHECKS=$((CHECKS + 1))
cmp -s "$NOTE" "$WORK/note.before" || fail "--junit replaced a note"
run --today "$TODAY" check --week 2026-W47 --junit "$ROOT/.pmi.yaml"
expect_code 2
expect_err_contains "is the config"
CHECKS=$((CHECKS + 1))
cmp -s .pmi.yaml "$WORK/config.before" || fail "--junit replaced the config"
echo "keep me" >"$WORK/target.txt"
ln -s "$WORK/target.txt" link.xml
run --today "$TODAY" check --week 2026-W47 --junit link.xml
expect_code 2
expect_err_contains "'link.xml' is a symbolic link; pmi does not replace links"
CHECKS=$((CHECKS + 1))
[ -L link.xml ] && [ "$(cat "$WORK/target.txt")" == "keep me" ] || fail "--junit replaced a link"
mkdir -p "$WORK/elsewhere" && ln -s "$WORK/elsewhere" linkdir
mkdir -p sub && ln -s "$WORK/elsewhere" sub/deeper
run --today "$TODAY" check --week 2026-W47 --junit linkdir/report.xml
expect_code 2
expect_err_contains "'linkdir' is a symbolic link; pmi does not write through links"
run --today "$TODAY" check --week 2026-W47 --junit sub/deeper/report.xml
expect_code 2
expect_err_contains "'sub/deeper' is a symbolic link; pmi does not write through links"
CHECKS=$((CHECKS + 1))
[ -z "$(ls -A "$WORK/elsewhere")" ] || fail "--junit wrote through a linked folder"
rm linkdir sub/deeper
echo "my notes" >notes.txt
run --today "$TODAY" check --week 2026-W47 --junit notes.txt
expect_code 2
expect_err_contains "'notes.txt' exists and is not a JUnit report; not replaced"
expect_file_contains notes.txt "my notes"
# A report it wrote is replaced; a new file is created.
run --today "$TODAY" check --week 2026-W47 --junit report.xml
expect_code 1
expect_file_contains report.xml "<testsuites"
run --today "$TODAY" check --week 2026-W47 --junit report.xml
expect_code 1
expect_err_empty
# Into stdout, a FIFO and a character device, which stay what they are.
run --today "$TODAY" check --week 2026-W47 --junit -
expect_out_contains "<testsuites"
mkfifo report.fifo
timeout 30 cat report.fifo >"$WORK/from-fifo.xml" & # the timeout only ends a reader left waiting
reader=$!
run --today "$TODAY" check --week 2026-W47 --junit report.fifo
wait "$reader"
expect_code 1
expect_file_contains "$WORK/from-fifo.xml" "<testsuites"
CHECKS=$((CHECKS + 1))
[ -p report.fifo ] || fail "the FIFO was replaced"
run --today "$TODAY" check --week 2026-W47 --junit /dev/null
expect_code 1
CHECKS=$((CHECKS + 1))
[ -c /dev/null ] || fail "/dev/null was replaced"
run --today "$TODAY" check --week 2026-W47 --junit /dev/stdout
expect_code 1
expect_out_contains "<testsuites"
CHECKS=$((CHECKS + 1))
[ -L /dev/stdout ] || [ -c /dev/stdout ] || fail "/dev/stdout was replaced"

# --- index replaces only files it wrote, unless --force. -------------------
new_tree index
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline
echo "# Our hand-written index" >prod/interviews/INDEX.md
run --today "$TODAY" index
expect_code 2
expect_err_contains "prod/interviews/INDEX.md: not written by pmi (no generated header); not replaced"
expect_err_contains "--force"
expect_file_contains prod/interviews/INDEX.md "# Our hand-written index"
run --today "$TODAY" index --force
expect_code 0
expect_file_contains prod/interviews/INDEX.md "<!-- generated by pmi index; do not edit -->"
write_note portal acme-2026-11-21.md "Acme" 2026-11-21 caroline
run --today "$TODAY" index
expect_code 0
expect_out_contains "prod/interviews/INDEX.md: updated"
mv prod/interviews/TAGS.md "$WORK/TAGS.md"
ln -s "$WORK/TAGS.md" prod/interviews/TAGS.md
write_note portal acme-2026-11-22.md "Acme" 2026-11-22 caroline
run --today "$TODAY" index --force
expect_code 2
expect_err_contains "prod/interviews/TAGS.md is a symbolic link; pmi does not write through links"
CHECKS=$((CHECKS + 1))
[ -L prod/interviews/TAGS.md ] || fail "the link was replaced"

# --- Leftovers: temporary files of a dead writer go; git never shows them. --
new_tree leftovers
git init -q . && git config user.name T && git config user.email t@example.com
write_note portal acme-2026-11-20.md "Acme" 2026-11-20 caroline
git add -A && git commit -qm notes
sleep 0.1 &
dead=$!
wait "$dead"
mkdir -p .pmi/tmp
echo "half a note" >".pmi/tmp/.acme-2026-11-21.md.tmp-$dead-abcdefgh"
echo "mine, still running" >".pmi/tmp/.INDEX.md.tmp-$$-abcdefgh"
echo "half a note" >"prod/interviews/portal/.acme-2026-11-22.md.tmp-$dead-abcdefgh"
run --today "$TODAY" new acme --date 2026-11-21 --product portal --pm caroline --no-edit
expect_code 0
expect_no_file ".pmi/tmp/.acme-2026-11-21.md.tmp-$dead-abcdefgh"
expect_file ".pmi/tmp/.INDEX.md.tmp-$$-abcdefgh"
expect_no_file "prod/interviews/portal/.acme-2026-11-22.md.tmp-$dead-abcdefgh"
run --today "$TODAY" index
expect_code 0
OUT=$(git status --porcelain --untracked-files=all)
expect_out_lacks ".tmp-"
expect_out_lacks ".pmi/"
expect_out_contains "prod/interviews/portal/acme-2026-11-21.md"
for i in $(seq 1 20); do
    write_note portal "c$i-2026-11-1$((i % 9)).md" "C$i" "2026-11-1$((i % 9))" caroline
done
touch -d '2026-01-01' prod/interviews/portal/*.md
sleep 2.1
mkdir -p .pmi/cache
echo "stale cache" >".pmi/cache/.notes-v1.bin.tmp-$dead-abcdefgh"
run --today "$TODAY" list
expect_code 0
expect_file .pmi/cache/notes-v1.bin
expect_no_file ".pmi/cache/.notes-v1.bin.tmp-$dead-abcdefgh"
OUT=$(git status --porcelain --untracked-files=all)
expect_out_lacks ".pmi/"

# --- The cache: an oversize note is not cached; the rest stays usable. -----
new_tree oversize
for i in $(seq 1 20); do
    write_note portal "c$i-2026-11-1$((i % 9)).md" "C$i" "2026-11-1$((i % 9))" caroline
done
{
    printf -- '---\ncustomer: Huge\ndate: 2026-11-18\npm: dev\nproduct: billing\n---\n## Nuggets\n'
    yes -- '- n' | head -n 1048577
} >prod/interviews/portal/huge-2026-11-18.md
touch -d '2026-01-01' prod/interviews/portal/*.md
CHECKS=$((CHECKS + 1))
[ "$(grep -c '^- n$' prod/interviews/portal/huge-2026-11-18.md)" -eq 1048577 ] || fail "no huge note"
sleep 2.1
expected=$(PMI_NO_CACHE=1 "$PMI_BIN" --today "$TODAY" summary --week 2026-W47 --format json 2>&1)
run --today "$TODAY" summary --week 2026-W47 --format json
expect_file .pmi/cache/notes-v1.bin
before=$(stat -c %i.%Y .pmi/cache/notes-v1.bin)
run --today "$TODAY" summary --week 2026-W47 --format json
CHECKS=$((CHECKS + 1))
[ "$OUT" == "$(printf '%s' "$expected")" ] || fail "the cached summary differs"
CHECKS=$((CHECKS + 1))
[ "$(stat -c %i.%Y .pmi/cache/notes-v1.bin)" == "$before" ] ||
    fail "the cache was unreadable and rewritten on the warm run"

finish
