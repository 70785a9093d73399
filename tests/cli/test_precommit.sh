# The example pre-commit hook without pmi installed: a commit with notes fails
# unless PMI_HOOK_ALLOW_MISSING=1 says otherwise; one without notes passes.
source "$(dirname "$0")/lib.sh" "$1"

new_tree
use_pre_commit_hook
printf 'x\n' >code.txt
git add code.txt
# A PATH with what the hook needs (bash, git) and no pmi, even when one is
# installed on this machine.
mkdir -p "$WORK/nopmi"
for tool in bash sh git env cat; do
    ln -s "$(command -v "$tool")" "$WORK/nopmi/$tool"
done
nopmi_commit() {
    PATH="$WORK/nopmi" git commit -q -m "$1" >/dev/null 2>"$WORK/hook.err"
    CODE=$?
    ERR=$(cat "$WORK/hook.err")
}
nopmi_commit "no notes"
expect_code 0
write_note portal acme-2026-11-20.md Acme 2026-11-20 caroline "tldr: Wants SSO."
git add -A
nopmi_commit "a note"
expect_code 1
expect_err_contains "pmi is not installed, so the staged notes cannot be checked"
expect_err_contains "PMI_HOOK_ALLOW_MISSING=1"
PMI_HOOK_ALLOW_MISSING=1 nopmi_commit "a note, unchecked on purpose"
expect_code 0
expect_err_contains "notes not checked (PMI_HOOK_ALLOW_MISSING=1)"
finish
