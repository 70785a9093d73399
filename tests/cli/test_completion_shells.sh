# Completion in real bash, zsh and fish, each started in tmux with the script
# installed the way a user installs it, keys typed, and the screen read back.
# The `pmi` the user runs is a shell function printing its arguments, so the
# screen shows what the shell would pass; completion itself runs the real pmi
# (the function passes `completion values` on, for scripts that call plain pmi).
source "$(dirname "$0")/lib.sh" "$1"

for tool in tmux bash zsh fish; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (bash .ci/install-deps)"; exit 77; }
done

new_tree
# Shell syntax in values from notes: each must reach the command line as data.
EVIL_CUSTOMER='Zed `touch pwned2`; $(touch pwned) "dq" '"'sq'"' * ? [ab] & | < end'
write_note portal zed-2026-11-20.md '"Zed `touch pwned2`; $(touch pwned) \"dq\" '"'sq'"' * ? [ab] & | < end\nsecond line"' \
    2026-11-20 caroline 'tags: ["$(touch pwned)", navigation]'
write_note billing acme-2026-11-19.md "Acme" 2026-11-19 dev \
    'tags: [invoicing, "needs work", "say \"hi\" $HOME", "zz!#;touch pwned3 #", "col:on:x", "yy!", "kk'"'"'", "!x;touch pwned4;!"]'
mkdir -p "$WORK/bin" "$WORK/elsewhere" && ln -s "$PMI_BIN" "$WORK/bin/pmi"
"$PMI_BIN" completion bash >"$WORK/pmi.bash"
mkdir -p "$WORK/zfunc" "$WORK/zdot" "$WORK/xdg/fish/completions"
"$PMI_BIN" completion zsh >"$WORK/zfunc/_pmi"
"$PMI_BIN" completion fish >"$WORK/xdg/fish/completions/pmi.fish"

cat >"$WORK/bashrc" <<RC
PS1='\$ '
bind 'set show-all-if-ambiguous on'
bind 'set completion-query-items 0'
bind 'set page-completions off'
bind 'set bell-style none'
source "$WORK/pmi.bash"
pmi() {
    local a prev=
    for a; do
        [[ \$prev == completion && (\$a == values || \$a == candidates) ]] && { command pmi "\$@"; return; }
        prev=\$a
    done
    printf '<%s>\n' "\$@"; echo DONE
}
echo READY
RC
cat >"$WORK/zdot/.zshrc" <<RC
PS1='\$ '
unsetopt beep
fpath=("$WORK/zfunc" \$fpath)
autoload -Uz compinit && compinit -u -d "$WORK/zcompdump"
pmi() {
    local a prev=
    for a; do
        [[ \$prev == completion && (\$a == values || \$a == candidates) ]] && { command pmi "\$@"; return; }
        prev=\$a
    done
    printf '<%s>\n' "\$@"; echo DONE
}
echo READY
RC
cat >"$WORK/xdg/fish/config.fish" <<'RC'
set -g fish_greeting
set -g fish_autosuggestion_enabled 0
function fish_prompt; echo -n '$ '; end
function pmi
    if string match -q -r ' completion (values|candidates) ' " $argv "
        command pmi $argv
        return
    end
    printf '<%s>\n' $argv
    echo DONE
end
echo READY
RC

TMUX_CMD=(tmux -L "pmi-test-$$" -f /dev/null)
trap '"${TMUX_CMD[@]}" kill-server 2>/dev/null; chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
PANE=""
# A session that outlives each shell's, so the server stays up between them.
"${TMUX_CMD[@]}" new-session -d -s keep sleep 100000

pane() { "${TMUX_CMD[@]}" capture-pane -p -J -t pmi 2>/dev/null; }
# wait_pane TEXT: true once TEXT is on the screen (gives up after 20 s).
wait_pane() {
    local i
    for ((i = 0; i < 200; i++)); do
        PANE=$(pane)
        [[ $PANE == *"$1"* ]] && return 0
        sleep 0.1
    done
    return 1
}

# in_shell SHELL KEY...: a new SHELL in the current folder, then the keys:
# <Tab> and <Enter> pressed, anything else typed as is.
in_shell() {
    local shell=$1 command
    shift
    case $shell in
    bash) command=(bash --noprofile --rcfile "$WORK/bashrc" -i) ;;
    zsh) command=(env ZDOTDIR="$WORK/zdot" zsh -i) ;;
    fish) command=(env XDG_CONFIG_HOME="$WORK/xdg" fish -i) ;;
    esac
    "${TMUX_CMD[@]}" kill-session -t pmi 2>/dev/null
    "${TMUX_CMD[@]}" new-session -d -s pmi -x 220 -y 50 -c "$PWD" \
        env PATH="$WORK/bin:$PATH" HOME="$HOME" TERM=screen "${command[@]}"
    wait_pane READY || { fail "$shell did not start: $PANE"; return 1; }
    for key; do
        case $key in
        '<Tab>') "${TMUX_CMD[@]}" send-keys -t pmi Tab ;;
        '<Enter>') "${TMUX_CMD[@]}" send-keys -t pmi Enter ;;
        *) "${TMUX_CMD[@]}" send-keys -t pmi -l -- "$key" ;;
        esac
    done
}

# expect_screen TEXT: TEXT appears on the screen.
expect_screen() {
    CHECKS=$((CHECKS + 1))
    wait_pane "$1" || fail "$SHELL_NAME: screen lacks: $1
$PANE"
}
expect_screen_lacks() {
    CHECKS=$((CHECKS + 1))
    [[ $PANE != *"$1"* ]] || fail "$SHELL_NAME: screen should not show: $1
$PANE"
}
expect_nothing_ran() {
    CHECKS=$((CHECKS + 1))
    local found
    found=$(find "$WORK" -name 'pwned*')
    [ -z "$found" ] || fail "$SHELL_NAME: a value from a note ran as a command: $found"
}

for SHELL_NAME in bash zsh fish; do
    cd "$ROOT" || exit 2
    # A customer full of shell syntax is completed, and inserted as its literal text.
    in_shell $SHELL_NAME 'pmi list --customer Ze' '<Tab>' '<Enter>'
    expect_screen "<$EVIL_CUSTOMER"
    expect_screen "second line>"
    expect_nothing_ran
    # A tag "$(touch pwned)" is offered, never run.
    in_shell $SHELL_NAME 'pmi list --tag ' '<Tab>'
    expect_screen 'navigation'
    expect_screen 'pwned'
    sleep 0.5
    expect_nothing_ran
    # Inside a quote the user opened, the value is completed as that quote needs.
    in_shell $SHELL_NAME 'pmi list --tag "nee' '<Tab>' '<Enter>'
    expect_screen '<needs work>'
    in_shell $SHELL_NAME "pmi list --tag 'nee" '<Tab>' '<Enter>'
    expect_screen '<needs work>'
    in_shell $SHELL_NAME 'pmi list --tag "say' '<Tab>' '<Enter>'
    expect_screen '<say "hi" $HOME>'
    in_shell $SHELL_NAME "pmi list --tag 'say" '<Tab>' '<Enter>'
    expect_screen '<say "hi" $HOME>'
    in_shell $SHELL_NAME 'pmi list --tag="nee' '<Tab>' '<Enter>'
    expect_screen '<--tag=needs work>'
    # '!' would be history expansion in bash: "!#" is the line typed so far.
    for typed in '"zz' "'zz" 'zz'; do
        in_shell $SHELL_NAME "pmi list --tag $typed" '<Tab>' '<Enter>'
        expect_screen '<zz!#;touch pwned3 #>'
        expect_nothing_ran
    done
    # A value ending with '!' or a quote, or starting with '!', inside a quote.
    in_shell $SHELL_NAME 'pmi list --tag "yy' '<Tab>' '<Enter>'
    expect_screen '<yy!>'
    for typed in "'kk" '"kk'; do
        in_shell $SHELL_NAME "pmi list --tag $typed" '<Tab>' '<Enter>'
        expect_screen "<kk'>"
    done
    in_shell $SHELL_NAME "pmi list --tag '!x" '<Tab>' '<Enter>'
    expect_screen '<!x;touch pwned4;!>'
    expect_nothing_ran
    in_shell $SHELL_NAME 'pmi list --tag "!x' '<Tab>' '<Enter>'
    sleep 0.5
    expect_nothing_ran
    # With the cursor right after ':' or '=', bash splits a word there.
    in_shell $SHELL_NAME 'pmi list --tag col:' '<Tab>' '<Enter>'
    expect_screen '<col:on:x>'
    in_shell $SHELL_NAME 'pmi list --tag=col:on:' '<Tab>' '<Enter>'
    expect_screen '<--tag=col:on:x>'
    in_shell $SHELL_NAME 'pmi lis' '<Tab>' '<Enter>' # the first Tab in a new shell
    expect_screen '<list>'

    # --opt=value: bash splits words at '='.
    in_shell $SHELL_NAME 'pmi --root=/nowhere list --fo' '<Tab>' '<Enter>'
    expect_screen '<--format>'
    in_shell $SHELL_NAME 'pmi list --format=j' '<Tab>' '<Enter>'
    expect_screen '<--format=json>'
    in_shell $SHELL_NAME 'pmi list --pm=c' '<Tab>' '<Enter>'
    expect_screen '<--pm=caroline>'

    # --today and --root on the line reach the values looked up.
    in_shell $SHELL_NAME "pmi --today 2026-03-04 list --week 2026-W1" '<Tab>' '<Enter>'
    expect_screen '<2026-W10>'
    cd "$WORK/elsewhere" || exit 2
    in_shell $SHELL_NAME "pmi --root $ROOT list --tag nav" '<Tab>' '<Enter>'
    expect_screen '<navigation>'
    in_shell $SHELL_NAME "pmi --root=$ROOT list --tag inv" '<Tab>' '<Enter>'
    expect_screen '<invoicing>'

    # Commands' own words: help names commands, completion names shells,
    # guide lint takes files (there is no file here starting with l).
    in_shell $SHELL_NAME 'pmi help rep' '<Tab>' '<Enter>'
    expect_screen '<report>'
    in_shell $SHELL_NAME 'pmi completion fi' '<Tab>' '<Enter>'
    expect_screen '<fish>'
    # tags has one subcommand, rename: offered alone, so inserted whole.
    in_shell $SHELL_NAME 'pmi tags ' '<Tab>' '<Enter>'
    expect_screen '<tags>'
    expect_screen '<rename>'
    in_shell $SHELL_NAME 'pmi guide lint l' '<Tab>' '<Enter>'
    expect_screen 'DONE'
    expect_screen '<l>'
    : >"$WORK/elsewhere/guide.md"
    in_shell $SHELL_NAME 'pmi guide lint gu' '<Tab>' '<Enter>'
    expect_screen '<guide.md>'
    rm "$WORK/elsewhere/guide.md"
done

finish
