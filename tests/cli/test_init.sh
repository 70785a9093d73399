# End-to-end tests of `pmi init`.
source "$(dirname "$0")/lib.sh" "$1"

mkdir repo && cd repo
run init
expect_code 0
expect_file .pmi.yaml
expect_out_contains "next: list your products and team in .pmi.yaml, then after each call run \`pmi new CUSTOMER\`"
expect_file .pmi/template.md
expect_file .pmi/.gitignore
expect_file_contains .pmi/.gitignore "cache/"
expect_file_contains .pmi.yaml "# The team."
expect_file_contains .pmi.yaml 'id: "caroline"'
expect_file_contains .pmi/template.md "## Nuggets"
expect_file_contains .pmi/template.md "Memorable quote"
CHECKS=$((CHECKS + 1)); [ -d prod/interviews ] || fail "notes folder not created"

# The config it wrote is one pmi reads.
run list
expect_code 0

# A second init refuses and leaves the config byte for byte as it was.
echo "# my edit" >>.pmi.yaml
cp .pmi.yaml before.yaml
run init
expect_code 2
expect_err_contains ".pmi.yaml already exists; not overwritten"
CHECKS=$((CHECKS + 1)); cmp -s .pmi.yaml before.yaml || fail "config changed"

# An edited template is kept.
echo "custom" >.pmi/template.md
rm .pmi.yaml
run init
expect_code 0
expect_out_contains "kept existing note template"
expect_file_contains .pmi/template.md "custom"

# init into a named folder.
cd "$WORK"
run init elsewhere --pm mei
expect_code 0
expect_file elsewhere/.pmi.yaml
expect_file_contains elsewhere/.pmi.yaml 'id: "mei"'
# No git user.name or user.email: placeholders to fill in, never the sample's.
expect_file_contains elsewhere/.pmi.yaml '    # name: Your Name'
expect_file_contains elsewhere/.pmi.yaml '    # email: you@example.com'
CHECKS=$((CHECKS + 1))
! grep -qi caroline elsewhere/.pmi.yaml || fail "--pm mei kept the sample's Caroline"

# --pm: the entry takes git's user.name and user.email, quoted whatever they hold,
# so `pmi new` finds the PM from git and reports show their name.
mkdir "$WORK/raj" && cd "$WORK/raj"
git init -q . && git config user.name 'Raj "R\J" Patel: #1' && git config user.email Raj@Example.com
run --today 2026-11-18 init --pm raj
expect_code 0
# A new team is not behind on the weeks before it: on the team since this week's Monday.
expect_file_contains .pmi.yaml '    since: 2026-11-16'
expect_file_contains .pmi.yaml '    name: "Raj \"R\\J\" Patel: #1"'
expect_file_contains .pmi.yaml '    email: "Raj@Example.com"'
CHECKS=$((CHECKS + 1))
! grep -qi caroline .pmi.yaml || fail "--pm raj kept the sample's Caroline"
run new Acme --product portal --today 2026-11-20 --no-edit
expect_code 0
expect_out_contains "prod/interviews/portal/acme-2026-11-20.md"
expect_file_contains prod/interviews/portal/acme-2026-11-20.md 'pm: "raj"'
run report --week 2026-W47 --format json
expect_code 0
expect_json 'any(p.get("name") == "Raj \"R\\J\" Patel: #1" for p in data["pms"])'
# A name that is not UTF-8 cannot be written as it is: left for the user to fill in.
mkdir "$WORK/bad" && cd "$WORK/bad"
git init -q . && git config user.name $'Bad \xff Name' && git config user.email bad@example.com
run init --pm bad
expect_code 0
expect_file_contains .pmi.yaml '    # name: Your Name'
run list
expect_code 0

# init inside an existing repository would shadow the team's config: refused.
mkdir -p elsewhere/prod/interviews/portal
cd elsewhere/prod/interviews/portal
run init
expect_code 2
expect_err_contains "is already in the pmi repository at"
expect_no_file .pmi.yaml
cd "$WORK"
run init elsewhere/sub
expect_code 2
expect_no_file elsewhere/sub/.pmi.yaml

finish
