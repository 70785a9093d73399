# End-to-end tests of hostile inputs: each gets a clear message naming the file,
# never a crash or a hang, and the rest of the tree still loads.
source "$(dirname "$0")/lib.sh" "$1"

# run_bounded ARGS...: like run, but a hang (more than 60 s) fails the test.
run_bounded() {
    OUT=$(timeout 60 "$PMI_BIN" "$@" 2>"$WORK/.stderr" </dev/null)
    CODE=$?
    ERR=$(cat "$WORK/.stderr")
    CHECKS=$((CHECKS + 1))
    [ "$CODE" -ne 124 ] || fail "pmi $* did not finish within 60 s"
    [ "$CODE" -lt 128 ] || fail "pmi $* was killed by a signal (exit $CODE)"
}

new_tree
P=prod/interviews/portal
write_note portal good-2026-11-20.md "Good" 2026-11-20 dev "tldr: Fine"

# Empty file, no closing fence, only a fence, a binary file.
: >$P/empty-2026-11-20.md
printf -- '---\ncustomer: Open\ndate: 2026-11-20\n' >$P/open-2026-11-20.md
printf -- '---\n' >$P/fence-2026-11-20.md
printf '\x00\x01\x02---\n' >$P/binary-2026-11-20.md

# YAML anchors and aliases: a harmless one loads; a billion-laughs bomb is refused.
printf -- '---\ncustomer: &name Anchor\ndate: 2026-11-20\npm: dev\nproduct: portal\ntldr: *name\n---\n' \
    >$P/anchor-2026-11-20.md
python3 - "$P/bomb-2026-11-20.md" <<'PY'
import sys
lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
previous = 'a'
for name in 'bcdefghi':
    lines.append(f'{name}: &{name} [' + ','.join(['*' + previous] * 9) + ']')
    previous = name
lines += ['customer: Bomb', 'date: 2026-11-20', 'pm: dev', 'product: portal', '---', '']
open(sys.argv[1], 'w').write('\n'.join(lines))
PY

# Deeply nested values.
python3 -c "import sys; open(sys.argv[1], 'w').write('---\ncustomer: ' + '[' * 10000 + '\n---\n')" \
    $P/nested-2026-11-20.md
python3 -c "import sys; open(sys.argv[1], 'w').write('---\ncustomer: ' + '{a: ' * 10000 + '}' * 10000 + '\n---\n')" \
    $P/nestedmap-2026-11-20.md

# A 10 MB note (huge body, and one 10 MB line) loads; a 2 MB front-matter value is refused.
python3 - $P <<'PY'
import sys
folder = sys.argv[1]
head = '---\ncustomer: {0}\ndate: 2026-11-20\npm: dev\nproduct: portal\ntldr: Big\n---\n'
open(folder + '/huge-2026-11-20.md', 'w').write(
    head.format('Huge') + '## Nuggets\n- A nugget\n' + ('x' * 99 + '\n') * 100000)
open(folder + '/longline-2026-11-20.md', 'w').write(head.format('Longline') + 'y' * 10000000)
open(folder + '/bigvalue-2026-11-20.md', 'w').write(
    '---\ncustomer: Bigvalue\ndate: 2026-11-20\npm: dev\nproduct: portal\ntldr: ' + 'z' * 2000000 + '\n---\n')
PY

# Tabs: as indentation they are invalid YAML; inside values they are fine.
printf -- '---\ncustomer: Tabs\n\tdate: 2026-11-20\npm: dev\nproduct: portal\n---\n' >$P/tabs-2026-11-20.md
printf -- '---\ncustomer:\tTabvalue\ndate: 2026-11-20\npm: dev\nproduct: portal\ntldr: a\tb\n---\n' \
    >$P/tabvalue-2026-11-20.md

# CRLF line endings and a UTF-8 BOM are accepted.
printf '\xef\xbb\xbf---\r\ncustomer: Crlf\r\ndate: 2026-11-20\r\npm: dev\r\nproduct: portal\r\ntldr: Windows\r\n---\r\n## Nuggets\r\n- One\r\n' \
    >$P/crlf-2026-11-20.md

# Invalid UTF-8 in the front matter.
printf -- '---\ncustomer: Bad\xff\xfe\ndate: 2026-11-20\npm: dev\nproduct: portal\n---\n' >$P/utf-2026-11-20.md

# A folder, a FIFO, a broken symlink and a symlink leading outside the tree.
mkdir $P/folder-2026-11-20.md
mkfifo $P/fifo-2026-11-20.md
ln -s nowhere.md $P/broken-2026-11-20.md
printf -- '---\ncustomer: Secret\ndate: 2026-11-20\npm: dev\nproduct: portal\n---\n' >"$WORK/secret.md"
ln -s "$WORK/secret.md" $P/outside-2026-11-20.md

# A file without read permission (root reads it anyway).
printf -- '---\ncustomer: Locked\ndate: 2026-11-20\npm: dev\nproduct: portal\ntldr: Locked\n---\n' \
    >$P/locked-2026-11-20.md
chmod 000 $P/locked-2026-11-20.md

run_bounded list --format paths
expect_code 0
if [ "$(id -u)" -eq 0 ]; then
    locked="
$P/locked-2026-11-20.md"
else
    locked=""
    expect_err_contains "$P/locked-2026-11-20.md: error: Permission denied"
fi
expect_out_equals "$P/anchor-2026-11-20.md
$P/crlf-2026-11-20.md
$P/good-2026-11-20.md
$P/huge-2026-11-20.md$locked
$P/longline-2026-11-20.md
$P/tabvalue-2026-11-20.md"
expect_err_contains "$P/empty-2026-11-20.md:1: error: empty file: a note starts with '---' front matter"
expect_err_contains "$P/fifo-2026-11-20.md: error: not a regular file"

# These notes have no Goal section on purpose; that warning is tested in test_lint.
drop_goal_warnings() { OUT=$(printf '%s\n' "$OUT" | grep -v 'no Goal section' || true); }

locked_problem=""
[ "$(id -u)" -eq 0 ] || locked_problem="
$P/locked-2026-11-20.md: error: Permission denied"
run_bounded lint
expect_code 1
drop_goal_warnings
expected="$P/bigvalue-2026-11-20.md:6: error: front matter larger than 1 MiB
$P/binary-2026-11-20.md:1: error: binary file, not a markdown note
$P/bomb-2026-11-20.md:7: error: invalid YAML: aliases expand to too many values
$P/broken-2026-11-20.md: warning: symbolic link; not followed
$P/empty-2026-11-20.md:1: error: empty file: a note starts with '---' front matter
$P/fence-2026-11-20.md:1: error: front matter has no closing '---' line
$P/fifo-2026-11-20.md: error: not a regular file
$P/folder-2026-11-20.md: warning: a folder named like a note; skipped$locked_problem
$P/nested-2026-11-20.md:3: error: invalid YAML: values nested too deeply
$P/nestedmap-2026-11-20.md:2: error: invalid YAML: values nested too deeply
$P/open-2026-11-20.md:1: error: front matter has no closing '---' line
$P/outside-2026-11-20.md: warning: symbolic link; not followed
$P/tabs-2026-11-20.md:3: error: invalid YAML: illegal tab when looking for indentation
$P/utf-2026-11-20.md:2: error: front matter is not valid UTF-8"
expect_out_equals "$expected"
expect_out_lacks "Secret"

# What loaded is what was written: CRLF, BOM, anchors and tabs leave no trace.
run_bounded list --customer crlf --format json
expect_json 'data["notes"][0]["customer"] == "Crlf" and data["notes"][0]["tldr"] == "Windows"'
run_bounded list --customer anchor --format json
expect_json 'data["notes"][0]["customer"] == "Anchor" and data["notes"][0]["tldr"] == "Anchor"'
run_bounded list --customer tabvalue --format json
expect_json 'data["notes"][0]["customer"] == "Tabvalue" and data["notes"][0]["tldr"] == "a\tb"'
run_bounded list --customer secret --format paths
expect_out_equals ""

# Each hostile file named on its own is reported the same way.
run_bounded lint $P/fifo-2026-11-20.md
expect_code 1
expect_out_equals "$P/fifo-2026-11-20.md: error: not a regular file"
run_bounded lint $P/outside-2026-11-20.md
expect_code 0
expect_out_equals "$P/outside-2026-11-20.md: warning: symbolic link; not followed"
run_bounded lint $P/crlf-2026-11-20.md $P/huge-2026-11-20.md $P/longline-2026-11-20.md
expect_code 0
drop_goal_warnings
expect_out_equals ""

# A config with wrong types: exit 2, naming .pmi.yaml and the line.
new_tree badconfig
printf '# config\nquota: {per_week: many}\n' >.pmi.yaml
run_bounded list
expect_code 2
expect_err_contains "pmi: error: .pmi.yaml:2: 'quota.per_week' must be a whole number from 0 to 1000"
printf 'notes: prod/interviews\nteam:\n  - id: [caroline]\n' >.pmi.yaml
run_bounded lint
expect_code 2
expect_err_contains "pmi: error: .pmi.yaml:3: 'id' must be a string, not a list"
printf 'products: {portal: yes}\n' >.pmi.yaml
run_bounded report
expect_code 2
expect_err_contains "pmi: error: .pmi.yaml:1: 'products' must be a list of strings, not a map"
# A config that is a FIFO or a folder is an error, not a hang.
rm .pmi.yaml
mkfifo .pmi.yaml
run_bounded list
expect_code 2
expect_err_contains ".pmi.yaml: cannot read: not a regular file"
rm .pmi.yaml
mkdir .pmi.yaml
run_bounded list
expect_code 2
expect_err_contains ".pmi.yaml: cannot read: is a folder"

# A tree of 10,000 empty folders is walked without hanging (run_bounded: 60 s).
new_tree folders
write_note portal good-2026-11-20.md "Good" 2026-11-20 dev "tldr: Fine"
(cd prod/interviews && for i in $(seq 1 100); do for j in $(seq 1 100); do echo "f$i/g$j"; done; done | xargs mkdir -p)
run_bounded list --format paths
expect_code 0
expect_out_equals "prod/interviews/portal/good-2026-11-20.md"
run_bounded lint
expect_code 0

# A full disk on stdout is an error, not a silent success.
if [ -w /dev/full ]; then
    for args in "list" "list --format json" "report" "tags --format json"; do
        # shellcheck disable=SC2086
        "$PMI_BIN" --root "$SOURCE_DIR/examples" --today 2026-11-23 $args >/dev/full 2>"$WORK/full.err"
        CODE=$?
        ERR=$(cat "$WORK/full.err")
        expect_code 2
        expect_err_contains "cannot write to standard output: No space left on device"
    done
fi

finish
