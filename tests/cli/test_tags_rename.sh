# End-to-end tests of `pmi tags rename`.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
write_note portal a-2026-11-17.md "A" 2026-11-17 caroline \
    'tags: [Security Config, "nav", security-config]  # kept' "## Goal
tags: [Security Config] in the body stays"
write_note portal b-2026-11-16.md "B" 2026-11-16 caroline "tags:
  - security_config   # one
  - \"nav\"
  - security-config"
write_note portal c-2026-11-15.md "C" 2026-11-15 dev "tags: nav"
write_note portal d-2026-11-14.md "D" 2026-11-14 dev "tags: [billing]"
chmod 600 prod/interviews/portal/b-2026-11-16.md
touch -d 2026-01-01 prod/interviews/portal/d-2026-11-14.md
for f in prod/interviews/portal/*.md; do cp "$f" "$WORK/$(basename "$f").orig"; done

# --dry-run: the diff, nothing written.
run tags rename "Security Config" security-config --variants --dry-run
expect_code 0
expect_out_equals '--- a/prod/interviews/portal/a-2026-11-17.md
+++ b/prod/interviews/portal/a-2026-11-17.md
@@ -6,1 +6,1 @@
-tags: [Security Config, "nav", security-config]  # kept
+tags: [security-config, "nav"]  # kept
--- a/prod/interviews/portal/b-2026-11-16.md
+++ b/prod/interviews/portal/b-2026-11-16.md
@@ -7,3 +7,2 @@
-  - security_config   # one
-  - "nav"
-  - security-config
+  - security-config   # one
+  - "nav"'
expect_err_contains "2 notes would change"
for f in prod/interviews/portal/*.md; do
    CHECKS=$((CHECKS + 1))
    cmp -s "$f" "$WORK/$(basename "$f").orig" || fail "--dry-run changed $f"
done

# Without --variants only the exact spelling.
run tags rename "Security Config" security-config
expect_code 0
expect_out_equals "prod/interviews/portal/a-2026-11-17.md"
expect_file_contains prod/interviews/portal/a-2026-11-17.md 'tags: [security-config, "nav"]  # kept'
expect_file_contains prod/interviews/portal/a-2026-11-17.md 'tags: [Security Config] in the body stays'
CHECKS=$((CHECKS + 1))
cmp -s prod/interviews/portal/b-2026-11-16.md "$WORK/b-2026-11-16.md.orig" || fail "b changed"

# --variants: every spelling with the same key; the block style and the mode kept.
run tags rename security-config security --variants
expect_code 0
expect_out_equals "prod/interviews/portal/a-2026-11-17.md
prod/interviews/portal/b-2026-11-16.md"
expect_file_contains prod/interviews/portal/b-2026-11-16.md "  - security   # one"
CHECKS=$((CHECKS + 1))
[ "$(stat -c %a prod/interviews/portal/b-2026-11-16.md)" == 600 ] || fail "mode not kept"
run tags --format json
expect_json '{t["tag"]: t["count"] for t in data["tags"]} == {"security": 2, "nav": 3, "billing": 1}'
# A value that needs quoting is quoted; a single value stays single.
run tags rename nav "navigation & menus"
expect_out_contains "prod/interviews/portal/c-2026-11-15.md"
expect_file_contains prod/interviews/portal/c-2026-11-15.md 'tags: "navigation & menus"'
run list --tag "navigation & menus" --format paths
expect_out_equals "prod/interviews/portal/a-2026-11-17.md
prod/interviews/portal/b-2026-11-16.md
prod/interviews/portal/c-2026-11-15.md"
# Untouched notes keep their bytes and their mtime.
CHECKS=$((CHECKS + 1))
[ "$(stat -c %y prod/interviews/portal/d-2026-11-14.md | cut -c1-10)" == 2026-01-01 ] || fail "untouched note's mtime changed"
# A tag no note has: nothing changes, and it says so.
run tags rename nothing-here x
expect_code 0
expect_out_equals ""
expect_err_contains "no note has the tag 'nothing-here'"
expect_err_lacks "notes changed"
# A quoted block-list item with a comment after it is renamed, the comment kept.
write_note portal e-2026-11-13.md "E" 2026-11-13 dev 'tags:
  - "Security Config"  # from sales
  - '"'"'it'"'"''"'"'s'"'"'   # quoted twice
  - billing'
run tags rename "Security Config" security-config
expect_code 0
expect_out_equals "prod/interviews/portal/e-2026-11-13.md"
expect_err_contains "1 note changed"
expect_file_contains prod/interviews/portal/e-2026-11-13.md '  - "security-config"  # from sales'
run tags rename "it's" its
expect_code 0
expect_file_contains prod/interviews/portal/e-2026-11-13.md '  - "its"   # quoted twice'
run list --tag security-config --format paths
expect_out_equals "prod/interviews/portal/e-2026-11-13.md"
# A tags value pmi does not edit is reported with its file and line and why, not skipped.
write_note portal f-2026-11-12.md "F" 2026-11-12 dev 'tags:
  # the first one
  - legacy-tag'
cp prod/interviews/portal/f-2026-11-12.md "$WORK/f.orig"
run tags rename legacy-tag modern
expect_code 2
expect_err_contains "pmi: error: prod/interviews/portal/f-2026-11-12.md:6: cannot rename the tag safely here (pmi edits a flow list, '- item' lines or a single value); edit it by hand"
expect_err_contains "0 notes changed"
CHECKS=$((CHECKS + 1))
cmp -s prod/interviews/portal/f-2026-11-12.md "$WORK/f.orig" || fail "f changed"
# Usage errors.
run tags rename onlyone
expect_code 2
# An unknown word after `tags` gets pmi's own message, with the near miss named.
run tags frobnicate a b
expect_code 2
expect_err_contains "pmi: error: tags: unknown subcommand 'frobnicate' ('pmi tags' lists the tags, 'pmi tags rename OLD NEW' renames one)"
expect_out_equals ""
for word in renmae rname renam ren; do
    run tags "$word" security x
    expect_code 2
    expect_err_contains "pmi: error: tags: unknown subcommand '$word'; did you mean 'rename'?"
    expect_err_lacks "not in {rename}"
done
run tags $'evil\e[31m'
expect_code 2
expect_err_contains "unknown subcommand 'evil\x1b[31m'"
run --root "$ROOT" tags frobnicate
expect_code 2
expect_err_lacks "not in"
CHECKS=$((CHECKS + 1)); [ "$(grep -c . <<<"$ERR")" -eq 1 ] || fail "expected one error line"
# Nothing was renamed by any of them; `tags` alone still lists.
run tags --format json
expect_code 0
expect_json 'any(t["tag"] == "security" for t in data["tags"])'
run tags --dry-run
expect_code 2

finish
