# A full disk: pmi new and pmi index fail with a clear message and leave the
# tree as it was (no half-written note, no stray temporary file). Needs root to
# mount a tiny tmpfs; skipped (exit 77) where that is not possible.
source "$(dirname "$0")/lib.sh" "$1"

DISK="$WORK/disk"
mkdir -p "$DISK"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=256k tmpfs "$DISK" 2>/dev/null; then
    echo "cannot mount a small tmpfs here; skipped"
    exit 77
fi
trap 'umount "$DISK" 2>/dev/null; rm -rf "$WORK"' EXIT

new_tree disk/repo
# Never fill a real disk: be sure this is the small tmpfs.
[ "$(stat -f -c %T .)" = tmpfs ] || { echo "not on the tmpfs"; exit 1; }
write_note portal acme-2026-11-10.md "Acme" 2026-11-10 caroline "tldr: First"
run index
expect_code 0
write_note portal globex-2026-11-11.md "Globex" 2026-11-11 dev "tldr: Second"
cp prod/interviews/INDEX.md "$WORK/index-before.md"
snapshot() { find . -path ./fill -prune -o -type f -print0 | sort -z | xargs -0 sha256sum; }

# Fill the disk.
dd if=/dev/zero of=fill bs=4k count=128 2>/dev/null
before=$(snapshot)

run new initech --product portal --pm caroline --date 2026-11-20 --no-edit --tldr "$(head -c 8000 /dev/zero | tr '\0' x)"
expect_code 2
expect_err_contains "No space left on device"
expect_no_file prod/interviews/portal/initech-2026-11-20.md

run index
expect_code 2
expect_err_contains "No space left on device"
CHECKS=$((CHECKS + 1)); cmp -s prod/interviews/INDEX.md "$WORK/index-before.md" || fail "INDEX.md changed"

after=$(snapshot)
CHECKS=$((CHECKS + 1)); [ "$before" == "$after" ] || fail "the tree changed: $(diff <(echo "$before") <(echo "$after"))"
CHECKS=$((CHECKS + 1)); [ -z "$(find . -name '*.tmp-*')" ] || fail "temporary files left behind"

# With room again, both work.
rm fill
run new initech --product portal --pm caroline --date 2026-11-20 --no-edit
expect_code 0
run index
expect_code 0
cd "$WORK"
finish
