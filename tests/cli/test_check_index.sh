# `check: {index: true}` in .pmi.yaml: a missing or stale INDEX.md / TAGS.md fails pmi check.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
export PMI_TODAY=2026-11-23
write_note portal acme-2026-11-17.md Acme 2026-11-17 caroline "tldr: Wants SSO."
write_note portal globex-2026-11-18.md Globex 2026-11-18 dev "tldr: Exports."
run check
expect_code 0 # not asked for: the index is not checked
printf 'check: {index: true}\n' >>.pmi.yaml
run check
expect_code 1
expect_out_contains "prod/interviews/INDEX.md: error: missing; run 'pmi index'"
expect_out_contains "prod/interviews/TAGS.md: error: missing; run 'pmi index'"
run index
run check
expect_code 0
write_note portal hooli-2026-11-19.md Hooli 2026-11-19 dev "tldr: Later."
run check
expect_code 1
expect_out_contains "prod/interviews/INDEX.md: error: stale; run 'pmi index'"
run index
run check
expect_code 0
sed -i 's/^check: {index: true}/check: {index: maybe}/' .pmi.yaml
run check
expect_code 2
expect_err_contains "'check.index' must be true or false"
finish
