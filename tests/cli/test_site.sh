# End-to-end tests of `pmi site`: a static site of the dashboard, themes, the
# digest and the notes as share gives them.
source "$(dirname "$0")/lib.sh" "$1"
CHECK_SITE="$SOURCE_DIR/tests/cli/check_site.py"

new_tree
cat >>.pmi.yaml <<'YAML'
share:
  omit: [crm_id]
YAML
ESC=$'\x1b'
write_note portal acme-corp-2026-11-17.md "Acme <script>alert(1)</script> Corp" 2026-11-17 caroline \
    "crm_id: SECRET-CRM
segment: \"enterprise\\\" onmouseover=\\\"alert(2)\"
tags: [navigation, \"<img src=x onerror=alert(3)>\"]
tldr: \"Raves about navigation <script>alert(4)</script>\"" \
    "## Goal
Learn how admins navigate. <script>alert(5)</script>

<img src=\"https://example.com/x.png\" onerror=\"alert(6)\">

[click](javascript:alert(7)) [data](data:text/html,<script>alert(8)</script>) <javascript:alert(9)>

![tracker](https://example.com/pixel.png)

| a | b |
|---|---|
| SHOWN-CELL | 2 |

## Private
SECRET-SECTION budget is 40k

## Nuggets
- Navigation first. <!-- private -->SECRET-INLINE<!-- /private -->
- Security scares admins."
write_note billing "globex-2026-11-18.md" "Globex${ESC}]52;c;x${ESC}\\ Inc" 2026-11-18 dev \
    "tags: [billing-export]
tldr: Wants exports." "## Goal
Learn.
<!-- private -->
SECRET-BLOCK
<!-- /private -->

## Nuggets
- Exports monthly."
# share refuses it: a heading that may be private.
write_note billing initech-2026-11-19.md "Initech" 2026-11-19 dev "tldr: Unsure." "## Goal
Ship.

## Notes (private)
SECRET-UNCLEAR"
write_note portal hooli-2026-11-03.md "Hooli" 2026-11-03 caroline "tags: [navigation]" "## Goal
Older.

## Nuggets
- An older nugget"

checksum() { find prod -type f -print0 | sort -z | xargs -0 sha256sum; }
BEFORE=$(checksum)

# --- The site is written inside the repository, default folder site/.
run --today 2026-11-20 site
expect_code 0
expect_out_contains "site/index.html: 3 notes, 1 left out"
expect_err_contains "prod/interviews/billing/initech-2026-11-19.md:"
expect_err_contains "warning:"
expect_err_contains "(note left out of the site)"
for f in index.html themes.html digest.html style.css notes/index.html \
         notes/portal--acme-corp-2026-11-17.html notes/billing--globex-2026-11-18.html \
         notes/portal--hooli-2026-11-03.html; do
    expect_file "site/$f"
done
expect_no_file site/notes/billing--initech-2026-11-19.html
CHECKS=$((CHECKS + 1))
[ "$(checksum)" == "$BEFORE" ] || fail "pmi site changed a note"

# --- Nothing executable, nothing private, nothing loaded, controls gone.
CHECKS=$((CHECKS + 1))
if grep -rn "SECRET" site; then fail "private text on the site"; fi
CHECKS=$((CHECKS + 1))
if grep -rniE "<script|<img|<iframe|<object|<embed" site; then fail "executable or loading markup"; fi
CHECKS=$((CHECKS + 1))
if grep -rniE "<[a-z][^>]*[[:space:]]on[a-z]+=" site; then fail "an event handler attribute"; fi
CHECKS=$((CHECKS + 1))
if grep -rniE "(href|src)=\"[[:space:]]*(javascript|data|vbscript):" site; then fail "an unsafe link target"; fi
CHECKS=$((CHECKS + 1))
if grep -rlP "\x1b" site; then fail "an ESC byte on the site"; fi
expect_file_contains site/notes/portal--acme-corp-2026-11-17.html "Acme &lt;script&gt;alert(1)&lt;/script&gt; Corp"
expect_file_contains site/notes/portal--acme-corp-2026-11-17.html "enterprise&quot; onmouseover=&quot;alert(2)"
expect_file_contains site/notes/portal--acme-corp-2026-11-17.html "&lt;img src=x onerror=alert(3)&gt;"
expect_file_contains site/notes/portal--acme-corp-2026-11-17.html "<a href=\"https://example.com/pixel.png\">tracker</a>"
expect_file_contains site/notes/portal--acme-corp-2026-11-17.html "<td>SHOWN-CELL</td>"
expect_file_contains site/notes/billing--globex-2026-11-18.html "Globex"$'\xef\xbf\xbd'"]52;c;x"
# The tl;dr comes before the body.
CHECKS=$((CHECKS + 1))
page=site/notes/portal--acme-corp-2026-11-17.html
[ "$(grep -n 'class="tldr"' "$page" | cut -d: -f1)" -lt "$(grep -n 'class="note-body"' "$page" | cut -d: -f1)" ] ||
    fail "the tl;dr is not on top"
# Every page parses, every link resolves, no attribute loads or runs anything.
CHECKS=$((CHECKS + 1))
python3 "$CHECK_SITE" site >"$WORK/check.txt" 2>&1 || fail "check_site: $(cat "$WORK/check.txt")"

# --- What the pages show.
expect_file_contains site/index.html "Caroline Diaz"
expect_file_contains site/index.html '<td class="q q-met"><span aria-hidden="true">✓ 1</span><span class="sr">2026-W47: met, 1 interview</span></td>'
expect_file_contains site/index.html '<span class="sr">2026-W45: missed, 0 interviews</span>'
expect_file_contains site/index.html "team: 2 met"
expect_file_contains site/themes.html "<th scope=\"row\">navigation</th>"
expect_file_contains site/themes.html "&lt;img src=x onerror=alert(3)&gt;"
expect_file_contains site/digest.html "Exports monthly."
expect_file_contains site/digest.html "Security scares admins."
expect_file_contains site/digest.html "Initech"   # listed from its fields, without a link
expect_file_lacks() { CHECKS=$((CHECKS + 1)); ! grep -qF -- "$2" "$1" || fail "$1 holds: $2"; }
expect_file_lacks site/digest.html "An older nugget"
expect_file_lacks site/digest.html "initech-2026-11-19.html"
expect_file_contains site/notes/index.html 'href="portal--hooli-2026-11-03.html"'
expect_file_contains site/notes/index.html 'By customer'
expect_file_lacks site/notes/index.html "Initech"

# --- Deterministic: a second run changes nothing.
cp -r site "$WORK/first"
run --today 2026-11-20 site
expect_code 0
CHECKS=$((CHECKS + 1))
diff -r "$WORK/first" site >/dev/null || fail "a second run changed the site"

# --- Filters narrow the notes; the page of a note no longer selected goes.
run --today 2026-11-20 site --product billing
expect_code 0
expect_no_file site/notes/portal--hooli-2026-11-03.html
expect_file site/notes/billing--globex-2026-11-18.html
run --today 2026-11-20 site --week 2026-W45
expect_code 0
expect_file_contains site/digest.html "An older nugget"

# --- Never outside the repository, never through a link, never over a file it did not write.
run --today 2026-11-20 site --out "$WORK/outside"
expect_code 2
expect_err_contains "outside the repository"
expect_no_file "$WORK/outside"
run --today 2026-11-20 site --out prod/interviews/site
expect_code 2
expect_err_contains "inside prod/interviews"
run --today 2026-11-20 site --out .
expect_code 2
mkdir -p "$WORK/elsewhere"
ln -s "$WORK/elsewhere" linked
run --today 2026-11-20 site --out linked
expect_code 2
CHECKS=$((CHECKS + 1))
[ -z "$(ls -A "$WORK/elsewhere")" ] || fail "wrote through a symlinked folder"
ln -s "$WORK/elsewhere" inside-link
run --today 2026-11-20 site --out inside-link/site
expect_code 2
expect_err_contains "outside the repository"
mkdir -p real-folder
ln -s real-folder link-to-inside
run --today 2026-11-20 site --out link-to-inside
expect_code 2
expect_err_contains "link-to-inside is a symbolic link"
CHECKS=$((CHECKS + 1))
[ -z "$(ls -A real-folder)" ] || fail "wrote through a symlinked folder"
mkdir -p pages/notes
ln -s "$WORK/elsewhere/target.html" pages/index.html
run --today 2026-11-20 site --out pages
expect_code 2
expect_err_contains "pages/index.html is a symbolic link"
expect_no_file "$WORK/elsewhere/target.html"
rm pages/index.html
echo "my own page" >pages/notes/index.html
run --today 2026-11-20 site --out pages
expect_code 2
expect_err_contains "pages/notes/index.html: not written by pmi site; not replaced"
expect_file_contains pages/notes/index.html "my own page"

# --- share.omit may leave out even the customer: the note is still shown, without it.
new_tree omitted
cat >>.pmi.yaml <<'YAML'
share:
  omit: [customer, date]
YAML
write_note portal omitted-2026-11-17.md "SECRET-CUSTOMER" 2026-11-17 caroline "tldr: Fine." "## Nuggets
- A shared nugget"
run --today 2026-11-20 site
expect_code 0
expect_out_contains "site/index.html: 1 note"
expect_out_lacks "1 notes"
expect_err_contains "share.omit lists date"
CHECKS=$((CHECKS + 1))
if grep -rn SECRET-CUSTOMER site; then fail "an omitted field on the site"; fi
expect_file_contains site/notes/portal--omitted-2026-11-17.html "(customer left out)"
expect_file_contains site/digest.html "A shared nugget"
cd "$ROOT/.." && cd repo || exit 2

# --- Customers under their canonical names (customers: in .pmi.yaml), as in every
# report: two spellings and an alias make one customer; the pages keep each note's body.
new_tree aliases
cat >>.pmi.yaml <<'YAML'
customers:
  Acme Corp: [ACME Inc]
YAML
write_note portal acme-corp-2026-11-17.md "Acme Corp" 2026-11-17 caroline "tldr: Canonical." "## Goal
BODY-CANONICAL

## Private
SECRET-CANONICAL

## Nuggets
- Nugget of the canonical spelling"
write_note billing acme-2026-11-18.md "ACME corp" 2026-11-18 dev "tldr: Spelled." "## Goal
BODY-SPELLED

## Nuggets
- Nugget of the other spelling"
write_note portal acme-inc-2026-07-01.md "ACME Inc" 2026-07-01 caroline "tldr: Alias." "## Goal
BODY-ALIAS <!-- private -->SECRET-ALIAS<!-- /private -->"
write_note billing initech-2026-07-02.md "Initech" 2026-07-02 dev "tldr: Lapsed." "## Goal
BODY-INITECH"
run --today 2026-11-20 site
expect_code 0
expect_out_contains "site/index.html: 4 notes"
CHECKS=$((CHECKS + 1))
python3 "$CHECK_SITE" site >"$WORK/check.txt" 2>&1 || fail "check_site: $(cat "$WORK/check.txt")"
CHECKS=$((CHECKS + 1))
if grep -rnE "ACME corp|ACME Inc|SECRET" site; then fail "a customer's other name or private text on the site"; fi
# One customer in the index, its three notes under it; note pages named by their paths.
expect_file_contains site/notes/index.html '<li><a href="#customer-1">Acme Corp</a> (3)</li><li><a href="#customer-2">Initech</a> (1)</li></ul>'
CHECKS=$((CHECKS + 1))
[ "$(grep -c '<h3 id="customer-' site/notes/index.html)" == 2 ] || fail "not one section per customer"
for page in portal--acme-corp-2026-11-17 billing--acme-2026-11-18 portal--acme-inc-2026-07-01; do
    expect_file_contains site/notes/index.html "href=\"$page.html\""
done
# Each note page: the canonical name, and its own body as share gives it.
expect_file_contains site/notes/portal--acme-corp-2026-11-17.html "<h1>Acme Corp — 2026-11-17</h1>"
expect_file_contains site/notes/portal--acme-corp-2026-11-17.html "BODY-CANONICAL"
expect_file_contains site/notes/billing--acme-2026-11-18.html "<h1>Acme Corp — 2026-11-18</h1>"
expect_file_contains site/notes/billing--acme-2026-11-18.html "BODY-SPELLED"
expect_file_contains site/notes/portal--acme-inc-2026-07-01.html "<h1>Acme Corp — 2026-07-01</h1>"
expect_file_contains site/notes/portal--acme-inc-2026-07-01.html "BODY-ALIAS"
expect_file_lacks site/notes/portal--acme-inc-2026-07-01.html "BODY-CANONICAL"
# Themes: Acme Corp was heard from this week, whatever its old note called it.
expect_file_contains site/themes.html "<li>Initech <span class=\"muted\">last 2026-07-02</span></li>"
expect_file_lacks site/themes.html "<li>Acme Corp <span class=\"muted\">last"
# The digest and the dashboard.
expect_file_contains site/digest.html '<a href="notes/billing--acme-2026-11-18.html">Acme Corp — 2026-11-18</a>'
expect_file_contains site/digest.html "Nugget of the other spelling"
expect_file_contains site/index.html "2026-11-18 Acme Corp"
# --customer takes any of its names; the same tree gives the same site.
run --today 2026-11-20 site --customer "ACME Inc"
expect_code 0
expect_out_contains "site/index.html: 3 notes"
expect_no_file site/notes/billing--initech-2026-07-02.html
cp -r site "$WORK/aliases-first"
run --today 2026-11-20 site --customer "ACME Inc"
CHECKS=$((CHECKS + 1))
diff -r "$WORK/aliases-first" site >/dev/null || fail "a second run changed the site"
cd "$ROOT/.." && cd repo || exit 2

# --- Completion knows the command and its options; --out completes files.
completions() { "$PMI_BIN" completion candidates -- "$@" | tr '\0' '\n'; }
CHECKS=$((CHECKS + 1))
completions "" | grep -qx site || fail "completion lacks site"
CHECKS=$((CHECKS + 1))
completions site --o | grep -qx -- --out || fail "completion lacks site --out"
CHECKS=$((CHECKS + 1))
[ "$(completions site --out "" | head -1)" == files ] || fail "site --out does not complete files"

# --- Bad input: not a repository.
cd "$WORK" && mkdir -p empty && cd empty
run site
expect_code 2

finish
