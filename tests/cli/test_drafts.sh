# End-to-end tests of drafts: a note with nothing written never counts.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
export PMI_TODAY=2026-11-30 # Monday of W49; W47 is over
# caroline: the bare template from `pmi new`, never edited.
run new acme --product portal --pm caroline --date 2026-11-20 --no-edit
expect_code 0
# dev: a real note, and a draft with an empty tldr and label-only bullets.
write_note portal globex-2026-11-20.md Globex 2026-11-20 dev "tldr: Wants SSO."
write_note portal hooli-2026-11-21.md Hooli 2026-11-21 dev "tldr:" "## Snapshot
- Memorable quote:
-
<!-- later -->"

run report --week 2026-W47
expect_code 0
expect_out_contains "missed (0 of 1); 1 draft"
expect_out_contains "met; 1 draft"
run report --week 2026-W47 --format json
expect_out_contains '"drafts": 1'
run check --week 2026-W47
expect_code 1
expect_out_contains "caroline: 0 of 1 interviews in 2026-W47 (missed); 1 draft"
expect_out_lacks "dev:"
run lint
expect_out_contains "acme-2026-11-20.md:7: warning: draft: nothing written yet"
expect_file_contains prod/interviews/portal/acme-2026-11-20.md "tldr:"
expect_out_contains "hooli-2026-11-21.md:6: warning: draft: nothing written yet"
expect_out_lacks "globex-2026-11-20.md:1: warning: draft"

# One line written makes it an interview, through the note cache too.
for i in $(seq 1 20); do
    write_note billing "filler-$i-2026-11-10.md" "Filler $i" 2026-11-10 dev "tldr: x"
done
run check --week 2026-W47 # writes the cache
expect_code 1
run check --week 2026-W47 # read from the cache
expect_code 1
expect_out_contains "1 draft"
printf -- '- Wants exports\n' >>prod/interviews/portal/acme-2026-11-20.md
run check --week 2026-W47
expect_code 0
expect_out_lacks "draft"
finish
