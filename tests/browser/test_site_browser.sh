# The site of hostile notes opened in a real browser: the system's headless
# Chromium driven by puppeteer-core (tests/browser/package-lock.json).
# Usage: bash tests/browser/test_site_browser.sh PMI ARTIFACTS-FOLDER
# Skips (77) when Chromium, node or the npm packages are missing, unless
# PMI_BROWSER_TESTS=required (as .ci/test sets it, after `npm ci` here).
source "$(dirname "$0")/../cli/lib.sh" "$1"
BROWSER_DIR="$SOURCE_DIR/tests/browser"
ARTIFACTS=${2:-$WORK/artifacts}

missing=
command -v node >/dev/null || missing="node"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=" chromium"
[ -d "$BROWSER_DIR/node_modules/puppeteer-core" ] || missing+=" npm packages (npm ci in tests/browser)"
if [ -n "$missing" ]; then
    echo "missing:$missing" >&2
    [ "${PMI_BROWSER_TESTS:-}" == required ] && exit 1
    exit 77
fi

new_tree
write_note portal acme-corp-2026-11-17.md "Acme <script>alert(1)</script> Corp" 2026-11-17 caroline \
    "segment: \"enterprise\\\" onmouseover=\\\"alert(2)\"
tags: [navigation, \"<img src=x onerror=alert(3)>\"]
tldr: \"Raves <script>alert(4)</script>\"" \
    "## Goal
<script>alert(5)</script>
<img src=\"https://example.com/x.png\" onerror=\"alert(6)\">
<svg onload=alert(10)></svg> <iframe src=\"javascript:alert(11)\"></iframe>

[click](javascript:alert(7)) [data](data:text/html,<script>alert(8)</script>) <javascript:alert(9)>
[vb](vbscript:msgbox) [spaced]( javascript:alert(12))

![tracker](https://example.com/pixel.png) ![local](file:///etc/passwd)

## Private
SECRET-SECTION

## Nuggets
- Navigation first."
write_note billing globex-2026-11-18.md "Globex"$'\x1b'"]52;c;x Inc" 2026-11-18 dev "tldr: Exports." \
    "## Nuggets
- Exports monthly. <!-- private -->SECRET-INLINE<!-- /private -->"

run --today 2026-11-20 site
expect_code 0
CHECKS=$((CHECKS + 1))
if grep -rn SECRET site; then fail "private text on the site"; fi
mkdir -p "$ARTIFACTS"
CHECKS=$((CHECKS + 1))
(cd "$BROWSER_DIR" && node check_pages.mjs "$ROOT/site" "$ARTIFACTS/site-dashboard.png") >"$WORK/browser.txt" 2>&1 ||
    fail "in the browser: $(cat "$WORK/browser.txt")"
cat "$WORK/browser.txt"
expect_file "$ARTIFACTS/site-dashboard.png"

finish
