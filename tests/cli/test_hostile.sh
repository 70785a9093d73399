# Values from notes are hostile: terminal controls, GitHub workflow commands,
# markdown links, table breaks, spreadsheet formulas, XML-forbidden characters
# and invalid UTF-8 go through every command and every format, and come out as
# data only. Real tools judge the output: cmark-gfm (markdown), Python's csv and
# json modules, xmllint (JUnit).
source "$(dirname "$0")/lib.sh" "$1"

new_tree
# A product folder and a file name that are hostile too.
EVIL_PRODUCT=$'p\e[31m::x|y'
mkdir -p "prod/interviews/$EVIL_PRODUCT" prod/interviews/portal
cat >"prod/interviews/portal/acme-2026-11-18.md" <<'NOTE'
---
customer: "Evil \e]52;c;cHduZWQ=\a [Reset your password](http://phish.example) | =HYPERLINK(\"http://x\") %0A\r\n::error file=x::forged"
date: 2026-11-18
pm: caroline
product: portal
segment: "\u009b2J[seg](http://phish.example)"
tags: ["\e[2J", "=cmd|' /C calc'!A0", "[x](http://phish.example)", "::warning::tag", "%0Aforged", "navigation"]
tldr: "\e]8;;http://phish.example\e\\click\e]8;;\e\\ and \uFFFE \uFFFF and @SUM(1+1) | pipe\n::add-mask::caroline"
---
## Goal
Learn.

## Workarounds
- We've figured out a way to \e[2J [export](http://phish.example) =cmd

## Nuggets
- !! NUGGET_START [Reset your password](http://phish.example) | cell ::error::n
- -cmd nugget
NOTE
printf -- '- raw \x1b]52;c;AAAA\x07 osc and invalid \xff\xfe utf-8 and \xc2\x9b csi\n' \
    >>"prod/interviews/portal/acme-2026-11-18.md"
printf -- '\n## Follow-ups\n- [ ] Send \x1b[2J [the invite](http://phish.example) | =cmd ::error::f \xc2\x9b\n' \
    >>"prod/interviews/portal/acme-2026-11-18.md"
# A PM id with a line break forges no row; a date with a workflow command forges no annotation.
write_note portal "beta-2026-11-17.md" "Beta" 2026-11-17 '"dev\n::add-mask::dev"' 'tldr: fine'
write_note billing "gamma-2026-11-19.md" "Gamma" '"x\n::add-mask::caroline\n::error file=y::forged"' caroline
write_note "$EVIL_PRODUCT" $'evil\e[2J::x|=y-2026-11-18.md' "Evil Product Co" 2026-11-18 dev \
    "product: \"p\\e[31m::x|y\""
python3 - <<'PY'
# write_note above wrote `product:` twice for the evil folder; keep the hostile one.
import glob
for path in glob.glob("prod/interviews/p*/*.md"):
    lines = open(path, "rb").read().split(b"\n")
    lines = [l for l in lines if l != b"product: p\x1b[31m::x|y"]
    open(path, "wb").write(b"\n".join(lines))
PY
cat >guide.md <<'GUIDE'
- Would you pay for [this](http://phish.example) ::error::x?
GUIDE
printf -- '- Do you \x1b[2J like it?\n' >>guide.md

export PMI_TODAY=2026-11-23
python3 - "$PMI_BIN" <<'PY'
import csv, io, json, os, re, subprocess, sys

pmi = sys.argv[1]
failures = 0
checks = 0


def fail(what, cmd, out=b""):
    global failures
    failures += 1
    print(f"FAIL: {what}: pmi {' '.join(cmd)}", file=sys.stderr)
    if out:
        print("  output: " + repr(out[:600]), file=sys.stderr)


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    result = subprocess.run([pmi, "--color", "never", "--no-pager", *args], capture_output=True,
                            env=full_env, timeout=120)
    return result


def expect(condition, what, cmd, out=b""):
    global checks
    checks += 1
    if not condition:
        fail(what, cmd, out)


def no_controls(cmd, stream, name):
    expect(b"\x1b" not in stream, f"ESC on {name}", cmd, stream)
    expect(b"\xc2\x9b" not in stream, f"C1 CSI on {name}", cmd, stream)
    expect(b"\x07" not in stream, f"BEL on {name}", cmd, stream)


def markdown_safe(cmd, out):
    html = subprocess.run(["cmark-gfm", "-e", "table", "-e", "autolink"], input=out,
                          capture_output=True).stdout.decode()
    expect('href="http://phish.example"' not in html, "live link in markdown", cmd, out)
    expect("<script" not in html, "HTML in markdown", cmd, out)
    text = out.decode("utf-8", "replace")
    # Tables keep their shape: each row has as many cells as the header.
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and line.startswith("|") and re.match(r"^\|( -+:? \|)+$", lines[i + 1]):
            cells = len(re.findall(r"(?<!\\)\|", line))
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                expect(len(re.findall(r"(?<!\\)\|", row)) == cells, "table row broken", cmd,
                       row.encode())
    # A forged section: no heading line that the notes made.
    expect(not re.search(r"^#+ .*(Reset your password|::error)", text, re.M) or
           "\\[Reset" in text, "forged heading", cmd, out)


def csv_safe(cmd, out):
    rows = list(csv.reader(io.StringIO(out.decode("utf-8", "replace"), newline="")))
    expect(len(rows) > 1, "CSV has rows", cmd, out)
    for row in rows:
        for cell in row:
            expect(not cell[:1] in ("=", "+", "-", "@", "\t", "\r"),
                   f"CSV formula cell {cell[:30]!r}", cmd, out)


def json_ok(cmd, out):
    try:
        data = json.loads(out)
    except ValueError as error:
        fail(f"JSON does not parse: {error}", cmd, out)
        return None
    expect(isinstance(data, dict) and data.get("schema") == 1, "JSON schema 1", cmd, out)
    return data


def github_safe(cmd, out):
    for line in out.decode("utf-8", "replace").split("\n"):
        if line.lstrip().startswith("::"):
            expect(re.match(r"^::(error|warning)( [a-z]+=[^:\n]*)?::", line) is not None,
                   f"workflow command line {line[:60]!r}", cmd, out)
            expect(not line.startswith("::add-mask") and not line.startswith("::stop-commands"),
                   "forged mask", cmd, out)
            props = line.split("::")[1]
            expect("file=y" not in props and "file=x" not in props, "forged annotation", cmd, out)


formats = {
    "list": ["text", "json", "csv", "paths"],
    "report": ["text", "markdown", "json", "csv"],
    "check": ["text", "github", "json"],
    "lint": ["text", "github", "json"],
    "tags": ["text", "markdown", "json"],
    "themes": ["text", "markdown", "json"],
    "signals": ["text", "markdown", "json"],
}
commands = []
for command, fmts in formats.items():
    for fmt in fmts:
        commands.append([command, "--format", fmt])
for fmt in ["text", "markdown", "json", "csv"]:
    commands.append(["report", "--weeks", "3", "--format", fmt])
    commands.append(["report", "--cadence", "--format", fmt])
for fmt in ["markdown", "text", "json"]:
    commands.append(["summary", "--week", "2026-W47", "--format", fmt])
    commands.append(["summary", "prod/interviews/portal/acme-2026-11-18.md", "--format", fmt])
    commands.append(["summary", "--week", "2026-W47", "--picks", "--format", fmt])
    commands.append(["summary", "--week", "2026-W47", "--for", "execs", "--format", fmt])
    commands.append(["followups", "--format", fmt])
commands.append(["share", "prod/interviews/portal/acme-2026-11-18.md"])
for fmt in ["text", "github", "json"]:
    commands.append(["guide", "lint", "guide.md", "--format", fmt])

for cmd in commands:
    result = run(*cmd)
    expect(result.returncode in (0, 1), f"exit code {result.returncode}", cmd, result.stderr)
    no_controls(cmd, result.stdout, "stdout")
    no_controls(cmd, result.stderr, "stderr")
    fmt = cmd[cmd.index("--format") + 1] if "--format" in cmd else "text"
    if fmt == "markdown" or (cmd[0] == "summary" and fmt == "markdown"):
        markdown_safe(cmd, result.stdout)
    if fmt == "csv":
        csv_safe(cmd, result.stdout)
    if fmt == "json":
        json_ok(cmd, result.stdout)
    if fmt == "github":
        github_safe(cmd, result.stdout)
    if fmt in ("text", "github") and cmd[0] in ("check", "report"):
        # A PM id with a line break forges no row of its own.
        for line in result.stdout.decode("utf-8", "replace").split("\n"):
            expect(not line.lstrip().startswith("::add-mask"), "forged row", cmd, result.stdout)

# JSON keeps the data exact: the customer comes back byte for byte.
cmd = ["list", "--format", "json"]
data = json_ok(cmd, run(*cmd).stdout)
customers = [n["customer"] for n in data["notes"]] if data else []
expect(any(c.startswith("Evil \x1b]52;c;") and "\r\n::error" in c for c in customers),
       "JSON keeps the raw value", cmd)

# Text shows the controls visibly.
cmd = ["list"]
out = run(*cmd).stdout
expect(b"\\x1b]52;c;" in out, "ESC shown as \\x1b", cmd, out)

# check --format github with a step summary and a JUnit report.
summary_file = os.path.abspath("step-summary.md")
junit_file = os.path.abspath("junit.xml")
cmd = ["check", "--format", "github", "--week", "2026-W47", "--junit", junit_file]
result = run(*cmd, env={"GITHUB_STEP_SUMMARY": summary_file})
expect(result.returncode == 1, "check fails on the invalid note", cmd, result.stderr)
github_safe(cmd, result.stdout)
summary = open(summary_file, "rb").read()
no_controls(cmd, summary, "GITHUB_STEP_SUMMARY")
markdown_safe(cmd, summary)
lint = subprocess.run(["xmllint", "--noout", junit_file], capture_output=True)
expect(lint.returncode == 0, "JUnit passes xmllint: " + lint.stderr.decode()[:300], cmd)
junit = open(junit_file, "rb").read()
no_controls(cmd, junit, "JUnit")

# INDEX.md and TAGS.md: markdown without live links, no controls.
cmd = ["index"]
result = run(*cmd)
expect(result.returncode == 0, "index runs", cmd, result.stderr)
for name in ("prod/interviews/INDEX.md", "prod/interviews/TAGS.md"):
    content = open(name, "rb").read()
    no_controls(cmd, content, name)
    markdown_safe(cmd + [name], content)

print(f"{checks} checks, {failures} failed")
sys.exit(1 if failures else 0)
PY
CODE=$?
CHECKS=$((CHECKS + 1))
[ "$CODE" -eq 0 ] || fail "hostile values reached an output"
finish
