#!/usr/bin/env bash
# The cache of parsed notes (.pmi/cache): same answers with and without it, and
# never wrong after an edit, a rename, a delete or a git checkout.
source "$(dirname "$0")/lib.sh"

TODAY=2026-11-25
CACHE=.pmi/cache/notes-v1.bin

ROOT="$WORK/repo"
mkdir -p "$ROOT"
cp -R "$SOURCE_DIR/examples/." "$ROOT/"
cd "$ROOT" || exit 2
rm -rf .pmi/cache
printf -- '---\ncustomer: Broken\ndate: 2026-11-31\npm: dev\nproduct: billing\n---\n' \
    >prod/interviews/billing/broken-2026-11-30.md
printf -- '---\ncustomer: Odd Keys\ndate: 2026-11-17\npm: mei\nproduct: billing\nregion: {zone: eu}\nbudget: 12\n---\n## Nuggets\n- odd one\n' \
    >prod/interviews/billing/odd-keys-2026-11-17.md
sleep 2.1 # files changed in the last 2 seconds are not cached

# snapshot ARGS...: stdout, stderr and exit code of one run, in one string.
snapshot() {
    run --today "$TODAY" "$@"
    printf '%s\n--stderr--\n%s\n--code %s--\n' "$OUT" "$ERR" "$CODE"
}

COMMANDS=("list" "list --format json" "report" "report --format json" "report --week 2026-W46"
    "check" "check --format json" "summary --week 2026-W47" "summary --week 2026-W47 --format json"
    "tags" "tags --format json" "themes" "themes --format json" "index --check" "lint")

# Every available report: cold cache, warm cache and PMI_NO_CACHE=1 agree byte for byte.
compared=0
for command in "${COMMANDS[@]}"; do
    # shellcheck disable=SC2086 # the command's words
    "$PMI_BIN" ${command%% *} --help >/dev/null 2>&1 || continue
    rm -rf .pmi/cache
    # shellcheck disable=SC2086
    cold=$(snapshot $command)
    # shellcheck disable=SC2086
    warm=$(snapshot $command)
    # shellcheck disable=SC2086
    plain=$(PMI_NO_CACHE=1 snapshot $command)
    CHECKS=$((CHECKS + 2))
    [ "$cold" == "$warm" ] || fail "pmi $command: warm cache differs:
$(diff <(echo "$cold") <(echo "$warm") | head -20)"
    [ "$cold" == "$plain" ] || fail "pmi $command: PMI_NO_CACHE=1 differs:
$(diff <(echo "$cold") <(echo "$plain") | head -20)"
    compared=$((compared + 1))
done
CHECKS=$((CHECKS + 1))
[ "$compared" -ge 5 ] || fail "only $compared commands compared"

# The cache is written, kept out of git by its own .gitignore, and not written
# again when nothing changed.
rm -rf .pmi/cache
PMI_NO_CACHE=1 run --today "$TODAY" list
expect_no_file "$CACHE"
run --today "$TODAY" list
expect_code 0
expect_file "$CACHE"
expect_file_contains .pmi/cache/.gitignore "*"
before=$(stat -c %Y.%i "$CACHE")
sleep 0.05
run --today "$TODAY" list
CHECKS=$((CHECKS + 1))
[ "$(stat -c %Y.%i "$CACHE")" == "$before" ] || fail "cache rewritten though nothing changed"

# The warm run really answers from the cache: a (same-length) change made to
# the cache file, with its checksum (CRC-32C, the last 4 bytes) updated, only
# shows while the cache is trusted.
# edit_cache FROM TO [keep-checksum]: replaces bytes in the cache file.
edit_cache() {
    python3 - "$CACHE" "$@" <<'PY'
import struct, sys
path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
data = open(path, "rb").read()
assert data.count(old) > 0
body = data[:-4].replace(old, new)
if len(sys.argv) > 4:
    crc = 0xFFFFFFFF
    for byte in body:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    open(path, "wb").write(body + struct.pack("<I", crc ^ 0xFFFFFFFF))
else:
    open(path, "wb").write(body + data[-4:])
PY
}
reference=$(PMI_NO_CACHE=1 "$PMI_BIN" --today "$TODAY" list --format json)
edit_cache "Acme Corp" "Acme Cxrp" keep-checksum
run --today "$TODAY" list --customer "Acme Cxrp"
expect_out_contains "Acme Cxrp"
PMI_NO_CACHE=1 run --today "$TODAY" list
expect_out_lacks "Acme Cxrp"

# A flipped byte anywhere (the checksum left as it was) is caught: the notes
# are parsed again and the output is unchanged.
rm -rf .pmi/cache
run --today "$TODAY" list --format json # rebuilds the cache
expect_file "$CACHE"
size=$(stat -c %s "$CACHE")
for offset in 20 $((size / 7)) $((size / 3)) $((size / 2)) $((size * 4 / 5)) $((size - 9)); do
    python3 - "$CACHE" "$offset" <<'PY'
import sys
path, offset = sys.argv[1], int(sys.argv[2])
data = bytearray(open(path, "rb").read())
data[offset] ^= 0x20
open(path, "wb").write(bytes(data))
PY
    run --today "$TODAY" list --format json
    CHECKS=$((CHECKS + 1))
    [ "$OUT" == "$reference" ] || fail "a byte flipped at $offset of the cache changed the output"
done
edit_cache "Initech" "Xnitech"
run --today "$TODAY" list --format json
expect_out_lacks "Xnitech"
CHECKS=$((CHECKS + 1))
[ "$OUT" == "$reference" ] || fail "an edited cache changed the output"
# Safe to delete: rebuilt silently.
rm -rf .pmi/cache
run --today "$TODAY" list
expect_code 0
expect_out_lacks "Acme Cxrp"
expect_out_contains "Acme Corp"
expect_file "$CACHE"

# Garbage in the cache: ignored, rebuilt, no message.
printf 'PMI-NOTE-CACHE\ngarbage' >"$CACHE"
expected=$(PMI_NO_CACHE=1 snapshot list --format json)
CHECKS=$((CHECKS + 2))
[ "$(snapshot list --format json)" == "$expected" ] || fail "corrupt cache changed the output"
[ "$(head -c 15 "$CACHE")" == "PMI-NOTE-CACHE" ] && [ "$(stat -c %s "$CACHE")" -gt 100 ] ||
    fail "corrupt cache not rebuilt"

# agree: the cached answer equals the uncached one (list and check).
agree() {
    local what=$1
    for command in "list --format json" "check"; do
        # shellcheck disable=SC2086
        local warm plain
        # shellcheck disable=SC2086
        warm=$(snapshot $command)
        # shellcheck disable=SC2086
        plain=$(PMI_NO_CACHE=1 snapshot $command)
        CHECKS=$((CHECKS + 1))
        [ "$warm" == "$plain" ] || fail "after $what, pmi $command differs from PMI_NO_CACHE=1:
$(diff <(echo "$plain") <(echo "$warm") | head -20)"
    done
}

# An edit of the same size, right after the cache was written.
note=prod/interviews/billing/acme-corp-2026-10-27.md
run --today "$TODAY" list
sed -i 's/^customer: Acme Corp$/customer: Acme Cord/' "$note"
run --today "$TODAY" list --format json
expect_out_contains '"customer": "Acme Cord"'
agree "an edit"
# An edit that breaks the note, and its repair.
sed -i 's/^date: 2026-10-27$/date: 2026-10-32/' "$note"
run --today "$TODAY" check
expect_code 1
expect_out_contains "acme-corp-2026-10-27.md:3: error"
agree "breaking a note"
sed -i 's/^date: 2026-10-32$/date: 2026-10-27/' "$note"
agree "repairing a note"

# A rename and a delete.
mv "$note" prod/interviews/billing/acme-corp-2026-10-28.md
run --today "$TODAY" list --format json
expect_out_contains "acme-corp-2026-10-28.md"
expect_out_lacks "acme-corp-2026-10-27.md"
agree "a rename"
rm prod/interviews/billing/hooli-2026-09-29.md
run --today "$TODAY" list --format json
expect_out_lacks "hooli-2026-09-29.md"
agree "a delete"

# git checkout between two versions of the tree.
if command -v git >/dev/null; then
    git init -q . && git config user.email t@example.com && git config user.name t
    git add -A && git commit -qm one
    run --today "$TODAY" list
    CHECKS=$((CHECKS + 1))
    [ -z "$(git status --porcelain)" ] || fail "the cache shows in git status: $(git status --porcelain)"
    git checkout -qb two
    sed -i 's/^pm: mei$/pm: tom/' prod/interviews/billing/odd-keys-2026-11-17.md
    git rm -q prod/interviews/billing/contoso-bank-2026-09-15.md
    git commit -qam two
    git checkout -q master 2>/dev/null || git checkout -q main
    run --today "$TODAY" list --format json
    expect_out_contains "contoso-bank-2026-09-15.md"
    agree "a checkout back"
    git checkout -q two
    run --today "$TODAY" list --format json --customer "Odd Keys"
    expect_json 'data["notes"][0]["pm"] == "tom"'
    expect_out_lacks "contoso-bank-2026-09-15.md"
    agree "a checkout"
fi

# A read-only repository: no cache, and no complaint.
rm -rf .pmi/cache
chmod a-w .pmi
expected=$(PMI_NO_CACHE=1 snapshot check)
CHECKS=$((CHECKS + 1))
[ "$(snapshot check)" == "$expected" ] || fail "a read-only repository changed pmi check"
if touch .pmi/.probe 2>/dev/null; then
    rm -f .pmi/.probe # root writes anyway
else
    expect_no_file "$CACHE"
fi
chmod u+w .pmi
# Where the cache folder cannot be made (even as root): the same.
rm -rf .pmi/cache
touch .pmi/cache
CHECKS=$((CHECKS + 1))
[ "$(snapshot check)" == "$expected" ] || fail "an unwritable cache folder changed pmi check"

finish
